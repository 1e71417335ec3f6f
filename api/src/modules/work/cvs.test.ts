import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { QueryTypes } from 'sequelize';
import sharp from 'sharp';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';
import { cvBody, makeCompany, makeCv, makeEmployer, makePosting } from './applications.testkit.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
});
afterAll(() => api.close());

const cvs = (token: string) => api.request('GET', '/api/v1/work/cvs', undefined, bearer(token));

/** A small but real PDF (the bytes start with %PDF-). */
const pdfBytes = (extra = 0) =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'),
    Buffer.alloc(extra, 0x20),
    Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  ]);

async function upload(token: string, id: string, bytes: Buffer, name = 'cv.pdf') {
  const form = new FormData();
  form.set('pdf', new Blob([bytes], { type: 'application/pdf' }), name);
  const res = await fetch(`${api.url}/api/v1/work/cvs/${id}/pdf`, {
    method: 'PUT',
    headers: bearer(token),
    body: form,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field
  return { status: res.status, body: (await res.json()) as any };
}

describe('CVs', () => {
  it('creates several CVs with exactly one default; choosing another unsets the first; deleting the default promotes one', async () => {
    const c = await registerCitizen(api);
    const first = await makeCv(api, c.accessToken);
    expect(first).toMatchObject({
      isDefault: true,
      title: 'Kỹ thuật viên điện',
      desiredSalary: 9_000_000,
      owner: null,
    });
    const second = await makeCv(api, c.accessToken, { title: 'Thợ hàn' });
    expect(second.isDefault).toBe(false);
    const third = await makeCv(api, c.accessToken, { title: 'Lái xe nâng', isDefault: true });
    expect(third.isDefault).toBe(true);
    let list = (await cvs(c.accessToken)).body.items;
    expect(list.filter((x: { isDefault: boolean }) => x.isDefault).map((x: { id: string }) => x.id)).toEqual([
      third.id,
    ]);

    const p = await api.request(
      'PATCH',
      `/api/v1/work/cvs/${second.id}`,
      { isDefault: true },
      bearer(c.accessToken),
    );
    expect(p.status).toBe(200);
    list = (await cvs(c.accessToken)).body.items;
    expect(list.filter((x: { isDefault: boolean }) => x.isDefault).map((x: { id: string }) => x.id)).toEqual([
      second.id,
    ]);
    expect(list[0].id).toBe(second.id);

    const off = await api.request(
      'PATCH',
      `/api/v1/work/cvs/${second.id}`,
      { isDefault: false },
      bearer(c.accessToken),
    );
    expect(off.status).toBe(409);
    expect(off.body.code).toBe('default_required');

    expect(
      (await api.request('DELETE', `/api/v1/work/cvs/${second.id}`, undefined, bearer(c.accessToken))).status,
    ).toBe(204);
    list = (await cvs(c.accessToken)).body.items;
    expect(list).toHaveLength(2);
    expect(list.filter((x: { isDefault: boolean }) => x.isDefault)).toHaveLength(1);
  });

  it('CVs created at the same moment still leave exactly one default', async () => {
    const c = await registerCitizen(api);
    await Promise.all([1, 2, 3].map((i) => makeCv(api, c.accessToken, { title: `Hồ sơ ${i}` })));
    const list = (await cvs(c.accessToken)).body.items;
    expect(list).toHaveLength(3);
    expect(list.filter((x: { isDefault: boolean }) => x.isDefault)).toHaveLength(1);
  });

  it('validates the structured items in Vietnamese and English', async () => {
    const c = await registerCitizen(api);
    const r = await api.request(
      'POST',
      '/api/v1/work/cvs',
      {
        ...cvBody,
        desiredSalary: -1,
        experience: [{ company: 'X', position: 'Y', from: '2020-05', to: '2019-01' }],
        languages: [{ language: 'Tiếng Anh', level: 'fluent-ish' }],
      },
      bearer(c.accessToken),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    const paths = r.body.errors.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.desiredSalary', 'body.experience.0.to', 'body.languages.0.level']),
    );
    expect(
      r.body.errors.find((f: { path: string }) => f.path === 'body.experience.0.to').messages.vi,
    ).toMatch(/kết thúc/);
  });

  it('another citizen’s CV answers 404 like a missing one, for reading, changing, deleting and its PDF', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    const cv = await makeCv(api, a.accessToken);
    for (const [m, p, body] of [
      ['GET', `/api/v1/work/cvs/${cv.id}`],
      ['PATCH', `/api/v1/work/cvs/${cv.id}`, { title: 'Của tôi' }],
      ['DELETE', `/api/v1/work/cvs/${cv.id}`],
      ['GET', `/api/v1/work/cvs/${cv.id}/pdf`],
    ] as const) {
      const r = await api.request(m, p, body, bearer(b.accessToken));
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(r.body.code).toBe('cv_not_found');
    }
    const missing = await api.request(
      'GET',
      `/api/v1/work/cvs/00000000-0000-4000-8000-000000000000`,
      undefined,
      bearer(b.accessToken),
    );
    expect(missing.body.code).toBe('cv_not_found');
  });

  it('takes a PDF recognised by its bytes, stores it sealed, and gives it back; a PNG named .pdf is refused', async () => {
    const c = await registerCitizen(api);
    const cv = await makeCv(api, c.accessToken);
    const pdf = pdfBytes(1000);
    const ok = await upload(c.accessToken, cv.id, pdf, 'Nguyễn Văn An.pdf');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ hasPdf: true, pdfName: 'Nguyễn Văn An.pdf' });
    const [stored] = await api.sequelize.query<{ pdf: Buffer }>('SELECT pdf FROM cvs WHERE id = :id', {
      replacements: { id: cv.id },
      type: QueryTypes.SELECT,
    });
    expect(stored!.pdf.includes(Buffer.from('%PDF'))).toBe(false);
    const back = await fetch(`${api.url}/api/v1/work/cvs/${cv.id}/pdf`, { headers: bearer(c.accessToken) });
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);

    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const bad = await upload(c.accessToken, cv.id, png, 'cv.pdf');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('pdf_expected');
    expect(bad.body.detail).toMatch(/PDF/);
  });

  it('refuses a PDF over 5 MB with 413 and a clear message', async () => {
    const c = await registerCitizen(api);
    const cv = await makeCv(api, c.accessToken);
    const big = await upload(c.accessToken, cv.id, pdfBytes(5 * 1024 * 1024 + 10));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('file_too_large');
    expect(big.body.detail).toMatch(/Tệp "pdf" vượt quá 5 MB/);
    const still = await api.request('GET', `/api/v1/work/cvs/${cv.id}`, undefined, bearer(c.accessToken));
    expect(still.body.hasPdf).toBe(false);
  });
});

describe('CV privacy for employers', () => {
  it('hides a CV not sent to the employer and not searchable; shows a searchable one; search ignores accents', async () => {
    const company = await makeCompany(api);
    const emp = await makeEmployer(api, company);
    const c = await registerCitizen(api, undefined, undefined, 'Lê Thị Hoa');
    const hidden = await makeCv(api, c.accessToken, {
      title: 'Kế toán tổng hợp',
      skills: ['Kế toán', 'Excel'],
    });
    const shown = await makeCv(api, c.accessToken, {
      title: 'Kỹ thuật viên bảo trì',
      skills: ['Điện công nghiệp', 'Cơ khí'],
      searchable: true,
    });
    await upload(c.accessToken, hidden.id, pdfBytes());

    const h = await api.request('GET', `/api/v1/work/cvs/${hidden.id}`, undefined, bearer(emp.token));
    expect(h.status).toBe(404);
    expect(
      (await fetch(`${api.url}/api/v1/work/cvs/${hidden.id}/pdf`, { headers: bearer(emp.token) })).status,
    ).toBe(404);

    const s = await api.request('GET', `/api/v1/work/cvs/${shown.id}`, undefined, bearer(emp.token));
    expect(s.status).toBe(200);
    expect(s.body.owner).toMatchObject({ fullName: 'Lê Thị Hoa' });

    const found = await api.request(
      'GET',
      '/api/v1/work/cvs/search?q=ky%20thuat%20vien',
      undefined,
      bearer(emp.token),
    );
    expect(found.status).toBe(200);
    expect(found.body.items.map((x: { id: string }) => x.id)).toEqual([shown.id]);
    const bySkill = await api.request(
      'GET',
      '/api/v1/work/cvs/search?skills=dien%20cong%20nghiep',
      undefined,
      bearer(emp.token),
    );
    expect(bySkill.body.items.map((x: { id: string }) => x.id)).toContain(shown.id);
    const none = await api.request(
      'GET',
      '/api/v1/work/cvs/search?q=ke%20toan',
      undefined,
      bearer(emp.token),
    );
    expect(none.body.items).toEqual([]);

    // A citizen (no jobs:post) reads neither, nor searches.
    const other = await registerCitizen(api);
    expect(
      (await api.request('GET', `/api/v1/work/cvs/${shown.id}`, undefined, bearer(other.accessToken))).status,
    ).toBe(404);
    expect(
      (await api.request('GET', '/api/v1/work/cvs/search', undefined, bearer(other.accessToken))).status,
    ).toBe(403);

    // Applying with the hidden CV opens it (and its PDF) to that company only.
    const posting = await makePosting(api, company);
    const applied = await api.request(
      'POST',
      `/api/v1/work/jobs/${posting}/applications`,
      { cvId: hidden.id },
      bearer(c.accessToken),
    );
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(
      (await api.request('GET', `/api/v1/work/cvs/${hidden.id}`, undefined, bearer(emp.token))).status,
    ).toBe(200);
    expect(
      (await fetch(`${api.url}/api/v1/work/cvs/${hidden.id}/pdf`, { headers: bearer(emp.token) })).status,
    ).toBe(200);
    const otherEmp = await makeEmployer(api, await makeCompany(api));
    expect(
      (await api.request('GET', `/api/v1/work/cvs/${hidden.id}`, undefined, bearer(otherEmp.token))).status,
    ).toBe(404);

    // Withdrawing the application closes the CV to the company again.
    const w = await api.request(
      'POST',
      `/api/v1/work/applications/${applied.body.id}/withdraw`,
      undefined,
      bearer(c.accessToken),
    );
    expect(w.status).toBe(200);
    expect(
      (await api.request('GET', `/api/v1/work/cvs/${hidden.id}`, undefined, bearer(emp.token))).status,
    ).toBe(404);

    // Employers' readings are audited.
    const [{ n }] = (await api.sequelize.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'work.cv.view' AND entity_id = :id",
      { replacements: { id: hidden.id }, type: QueryTypes.SELECT },
    )) as [{ n: string }];
    expect(Number(n)).toBeGreaterThanOrEqual(1);
  });

  it('an employer of an unverified company cannot search', async () => {
    const emp = await makeEmployer(api, await makeCompany(api, 'pending'));
    const r = await api.request('GET', '/api/v1/work/cvs/search?q=dien', undefined, bearer(emp.token));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('verified_company_required');
  });
});
