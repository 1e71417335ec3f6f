import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { startTestApi, registerCitizen, bearer, newPhone, type TestApi } from '../../../test/helpers.ts';

// The citizen's view tells the photos apart: their own ones, then the result photo the officer took on site.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
});
afterAll(() => api.close());

const jpeg = (color: string) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

async function staff(role: 'ioc_operator' | 'officer', department?: string): Promise<string> {
  const phone = newPhone();
  const { user } = await api.services.users.ensureUser({
    phone,
    fullName: 'Cán Bộ',
    password: 'CanBo2026x',
    roles: [role],
  });
  if (department)
    await api.sequelize.query('INSERT INTO officer_departments (user_id, department) VALUES (:u, :d)', {
      replacements: { u: user.id, d: department },
    });
  return (await api.request('POST', '/api/v1/auth/login', { phone, password: 'CanBo2026x' })).body
    .accessToken as string;
}

async function post(token: string, path: string, form: FormData) {
  const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: bearer(token), body: form });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body: any = res.status === 204 ? undefined : await res.json();
  return { status: res.status, body };
}

describe('photo kinds in the citizen view', () => {
  it('lists report photos then the result photo; "my reports" items do not carry them', async () => {
    const citizen = await registerCitizen(api);
    const ioc = await staff('ioc_operator');
    const officer = await staff('officer', 'sxd');
    const form = new FormData();
    form.set('category', 'traffic');
    form.set('title', 'Ổ gà trên đường');
    form.set('description', 'Ổ gà lớn giữa đường gây nguy hiểm cho xe máy.');
    form.set('lat', '12.6667');
    form.set('lng', '108.05');
    for (const c of ['#556677', '#775566'])
      form.append('photos', new Blob([await jpeg(c)], { type: 'image/jpeg' }), 'p.jpg');
    const created = await post(citizen.accessToken, '/api/v1/feedback', form);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.photoKinds).toEqual(['report', 'report']);
    const id = created.body.id as string;

    for (const body of [{ action: 'accept' }, { action: 'assign', department: 'sxd' }]) {
      const r = await api.request('POST', `/api/v1/feedback/${id}/triage`, body, bearer(ioc));
      expect(r.status, JSON.stringify(r.body)).toBe(204);
    }
    const resolve = new FormData();
    resolve.set('action', 'resolve');
    resolve.set('answer', 'Đã vá ổ gà, mặt đường đã bằng phẳng.');
    resolve.set('photo', new Blob([await jpeg('#224422')]), 'result.jpg');
    const resolved = await post(officer, `/api/v1/feedback/${id}/handling`, resolve);
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(204);

    const view = await api.request('GET', `/api/v1/feedback/${id}`, undefined, bearer(citizen.accessToken));
    expect(view.body).toMatchObject({ photos: 3, photoKinds: ['report', 'report', 'result'] });
    const third = await fetch(`${api.url}/api/v1/feedback/${id}/photos/3?size=thumb`, {
      headers: bearer(citizen.accessToken),
    });
    expect(third.status).toBe(200);
    const mine = await api.request('GET', '/api/v1/feedback/mine', undefined, bearer(citizen.accessToken));
    expect(mine.body.items[0]).not.toHaveProperty('photoKinds');
  });
});
