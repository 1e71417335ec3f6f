import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';
import { makeStaff, submitReport, triage } from '../feedback/staff.testkit.ts';

// Officer departments: the admin sets them (validated, audited) and they decide what an officer may handle.
let api: TestApi;
let admin: { id: string; token: string };
let ioc: { id: string; token: string };
let officer: { id: string; token: string };
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  admin = await makeStaff(api, ['admin']);
  ioc = await makeStaff(api, ['ioc_operator']);
  officer = await makeStaff(api, ['officer'], ['sxd']);
});
afterAll(() => api.close());

const path = (id: string) => `/api/v1/admin/users/${id}/departments`;

async function resolveForm(token: string, id: string) {
  const form = new FormData();
  form.set('action', 'resolve');
  form.set('answer', 'Đã thu gom rác thải tại điểm phản ánh.');
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#777' } })
    .jpeg()
    .toBuffer();
  form.set('photo', new Blob([photo]), 'result.jpg');
  const res = await fetch(`${api.url}/api/v1/feedback/${id}/handling`, {
    method: 'POST',
    headers: bearer(token),
    body: form,
  });
  return {
    status: res.status,
    body: (res.status === 204 ? undefined : await res.json()) as { code?: string } | undefined,
  };
}

describe('officer departments', () => {
  it('reads, validates and replaces the list; every change is audited', async () => {
    expect((await api.request('GET', path(officer.id), undefined, bearer(admin.token))).body).toEqual({
      departments: ['sxd'],
    });
    const bad = await api.request(
      'PUT',
      path(officer.id),
      { departments: ['sxd', 'khong-co'] },
      bearer(admin.token),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('unknown_department');
    expect(bad.body.errors[0]).toMatchObject({ path: 'body.departments.1', code: 'unknown_department' });
    expect(
      (await api.request('PUT', path(officer.id), { departments: 'sxd' }, bearer(admin.token))).status,
    ).toBe(400);

    const ok = await api.request(
      'PUT',
      path(officer.id),
      { departments: ['stnmt', 'sxd', 'stnmt'] },
      bearer(admin.token),
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ departments: ['stnmt', 'sxd'] });
    const log = await api.request(
      'GET',
      `/api/v1/admin/audit?action=user.departments&entityId=${officer.id}`,
      undefined,
      bearer(admin.token),
    );
    expect(log.body.items[0]).toMatchObject({
      actorId: admin.id,
      details: { from: ['sxd'], to: ['stnmt', 'sxd'] },
    });

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await api.request('GET', path(unknown), undefined, bearer(admin.token))).status).toBe(404);
    expect((await api.request('PUT', path(unknown), { departments: [] }, bearer(admin.token))).status).toBe(
      404,
    );
    // Only user managers.
    expect((await api.request('PUT', path(officer.id), { departments: [] }, bearer(ioc.token))).status).toBe(
      403,
    );
    expect((await api.request('GET', path(officer.id), undefined, bearer(officer.token))).status).toBe(403);
  });

  it('an officer given stnmt can then handle an stnmt report, and not after it is taken away', async () => {
    await api.request('PUT', path(officer.id), { departments: ['sxd'] }, bearer(admin.token));
    const c = await registerCitizen(api);
    const id = (await submitReport(api, c.accessToken, { fields: { category: 'environment' } })).body
      .id as string;
    expect((await triage(api, ioc.token, id, { action: 'accept' })).status).toBe(204);
    expect((await triage(api, ioc.token, id, { action: 'assign', department: 'stnmt' })).status).toBe(204);
    expect((await resolveForm(officer.token, id)).body?.code).toBe('not_your_department');
    expect(
      (await api.request('GET', `/api/v1/feedback/${id}/staff`, undefined, bearer(officer.token))).status,
    ).toBe(404);

    await api.request('PUT', path(officer.id), { departments: ['sxd', 'stnmt'] }, bearer(admin.token));
    expect(
      (await api.request('GET', `/api/v1/feedback/${id}/staff`, undefined, bearer(officer.token))).status,
    ).toBe(200);
    expect((await resolveForm(officer.token, id)).status).toBe(204);

    await api.request('PUT', path(officer.id), { departments: [] }, bearer(admin.token));
    expect(
      (await api.request('GET', `/api/v1/feedback/${id}/staff`, undefined, bearer(officer.token))).status,
    ).toBe(404);
  });
});
