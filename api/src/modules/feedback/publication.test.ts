import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startTestApi, registerCitizen, bearer, newPhone, type TestApi } from '../../../test/helpers.ts';

// Publication with redaction through real HTTP: only triage staff; a redacted suggestion; personal data refused.
let api: TestApi;
let ioc: string;
let officer: string;
let citizen: Awaited<ReturnType<typeof registerCitizen>>;
let id: string;
const name = 'Lê Văn Minh';

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  const staff = async (roles: Array<'ioc_operator' | 'officer'>) => {
    const phone = newPhone();
    await api.services.users.ensureUser({ phone, fullName: 'Cán Bộ', password: 'CanBo2026x', roles });
    return (await api.request('POST', '/api/v1/auth/login', { phone, password: 'CanBo2026x' })).body
      .accessToken as string;
  };
  ioc = await staff(['ioc_operator']);
  officer = await staff(['officer']);
  citizen = await registerCitizen(api, newPhone(), 'MatKhau2026', name);
  const form = new FormData();
  for (const [k, v] of Object.entries({
    category: 'urban_order',
    title: `${name} báo xe 47A-123.45 lấn chiếm`,
    description: `Tôi là ${name} (CCCD 066201234567, gọi +84 905 123 456 hoặc minh@vidu.vn). Xe 47A-123.45 đỗ trước số nhà 12 Lê Duẩn cả ngày.`,
    lat: '12.6667',
    lng: '108.05',
  }))
    form.set(k, v);
  const res = await fetch(`${api.url}/api/v1/feedback`, {
    method: 'POST',
    headers: bearer(citizen.accessToken),
    body: form,
  });
  id = ((await res.json()) as { id: string }).id;
});
afterAll(() => api.close());

const path = () => `/api/v1/feedback/${id}/publication`;

describe('feedback publication', () => {
  it('is for triage staff only; an unknown report is 404', async () => {
    expect((await api.request('GET', path(), undefined, bearer(citizen.accessToken))).status).toBe(403);
    expect((await api.request('GET', path(), undefined, bearer(officer))).status).toBe(403);
    expect((await api.request('PUT', path(), { published: true }, bearer(citizen.accessToken))).status).toBe(
      403,
    );
    const missing = await api.request(
      'GET',
      '/api/v1/feedback/00000000-0000-4000-8000-000000000000/publication',
      undefined,
      bearer(ioc),
    );
    expect(missing.status).toBe(404);
  });

  it('starts unpublished with a redacted suggestion', async () => {
    const res = await api.request('GET', path(), undefined, bearer(ioc));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      published: false,
      publicTitle: null,
      publicDescription: null,
      publishedAt: null,
    });
    const { title, description } = res.body.suggested;
    expect(title).toBe('[tên đã ẩn] báo xe [biển số đã ẩn] lấn chiếm');
    for (const secret of [name, '066201234567', '905 123 456', 'minh@vidu.vn', '47A-123.45', 'số nhà 12 '])
      expect(description).not.toContain(secret);
    expect(description).toContain('đỗ trước số nhà [số nhà đã ẩn] Lê Duẩn cả ngày.');
  });

  it('needs a public title and description to publish; refuses personal data left in them', async () => {
    const empty = await api.request('PUT', path(), { published: true }, bearer(ioc));
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.publicTitle',
      'body.publicDescription',
    ]);
    const leaky = await api.request(
      'PUT',
      path(),
      {
        published: true,
        publicTitle: 'Xe lấn chiếm vỉa hè',
        publicDescription: `Xe đỗ cả ngày, liên hệ ${name} 0905123456.`,
      },
      bearer(ioc),
    );
    expect(leaky.status).toBe(400);
    expect(leaky.body.code).toBe('personal_data_in_public_text');
    expect(leaky.body.messages.en).toContain('phone number');
    expect(leaky.body.messages.en).toContain('name');
    expect((await api.request('GET', path(), undefined, bearer(ioc))).body.published).toBe(false);
  });

  it('publishes the reviewed text (audited), then withdraws it', async () => {
    const suggestion = (await api.request('GET', path(), undefined, bearer(ioc))).body.suggested;
    const res = await api.request(
      'PUT',
      path(),
      { published: true, publicTitle: 'Xe lấn chiếm vỉa hè', publicDescription: suggestion.description },
      bearer(ioc),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      published: true,
      publicTitle: 'Xe lấn chiếm vỉa hè',
      publicDescription: suggestion.description,
    });
    expect(Date.parse(res.body.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    const off = await api.request('PUT', path(), { published: false }, bearer(ioc));
    expect(off.body).toMatchObject({
      published: false,
      publishedAt: null,
      publicTitle: 'Xe lấn chiếm vỉa hè',
    });
    // Re-published with the stored text.
    const again = await api.request('PUT', path(), { published: true }, bearer(ioc));
    expect(again.body).toMatchObject({ published: true, publicTitle: 'Xe lấn chiếm vỉa hè' });
    await api.request('PUT', path(), { published: false, publicTitle: null }, bearer(ioc));
    const audits = await api.sequelize.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = :id AND action LIKE 'feedback.%publish' ORDER BY id`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    expect(audits.map((a) => a.action)).toEqual([
      'feedback.publish',
      'feedback.unpublish',
      'feedback.publish',
      'feedback.unpublish',
    ]);
    // The citizen's own view is unchanged: publication never alters the report.
    const mine = await api.request('GET', `/api/v1/feedback/${id}`, undefined, bearer(citizen.accessToken));
    expect(mine.body.description).toContain(name);
  });
});
