import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApi, registerCitizen, bearer, newPhone, type TestApi } from '../../../test/helpers.ts';

let api: TestApi;
let adminToken: string;
let adminId: string;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  const phone = newPhone();
  const { user } = await api.services.users.ensureUser({
    phone,
    fullName: 'Quản Trị Viên',
    password: 'AdminPass2026',
    roles: ['admin'],
  });
  adminId = user.id;
  const login = await api.request('POST', '/api/v1/auth/login', { phone, password: 'AdminPass2026' });
  adminToken = login.body.accessToken;
});
afterAll(() => api.close());

const asAdmin = (method: string, p: string, body?: unknown) =>
  api.request(method, p, body, bearer(adminToken));

describe('permissions at the route', () => {
  it('a citizen cannot use the admin API', async () => {
    const c = await registerCitizen(api);
    const r = await api.request('GET', '/api/v1/admin/users', undefined, bearer(c.accessToken));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('permission_required');
    expect((await api.request('GET', '/api/v1/admin/audit', undefined, bearer(c.accessToken))).status).toBe(
      403,
    );
    expect(
      (
        await api.request(
          'PUT',
          `/api/v1/admin/users/${c.user.id}/roles/admin`,
          undefined,
          bearer(c.accessToken),
        )
      ).status,
    ).toBe(403);
  });
  it('an IOC operator opens the console but cannot manage users', async () => {
    const c = await registerCitizen(api);
    await asAdmin('PUT', `/api/v1/admin/users/${c.user.id}/roles/ioc_operator`);
    const login = await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: c.password });
    expect(login.body.user.permissions).toContain('console:access');
    expect(login.body.user.permissions).not.toContain('users:manage');
    expect(
      (await api.request('GET', '/api/v1/admin/users', undefined, bearer(login.body.accessToken))).status,
    ).toBe(403);
  });
});

describe('users and roles', () => {
  it('searches names without accents and by phone digits, filters by role, sorts and pages', async () => {
    const a = await registerCitizen(api, undefined, 'MatKhau2026', 'Hoàng Thị Lựu');
    await registerCitizen(api, undefined, 'MatKhau2026', 'Đặng Văn Đức');
    const byName = await asAdmin('GET', '/api/v1/admin/users?q=hoang%20thi%20luu');
    expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([a.user.id]);
    const byD = await asAdmin('GET', '/api/v1/admin/users?q=dang%20van%20duc');
    expect(byD.body.total).toBe(1);
    const byPhone = await asAdmin('GET', `/api/v1/admin/users?q=${a.phone.slice(-6)}`);
    expect(byPhone.body.items[0].id).toBe(a.user.id);
    const admins = await asAdmin('GET', '/api/v1/admin/users?role=admin');
    expect(admins.body.items.every((u: { roles: string[] }) => u.roles.includes('admin'))).toBe(true);
    const page = await asAdmin('GET', '/api/v1/admin/users?pageSize=2&page=1&sort=fullName');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    const names = page.body.items.map((u: { fullName: string }) => u.fullName);
    expect([...names].sort()).toEqual(names);
    const bad = await asAdmin('GET', '/api/v1/admin/users?role=king&pageSize=1000&sort=phone');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.pageSize',
      'query.role',
      'query.sort',
    ]);
  });
  it('grants and revokes roles with audit records; revoking ends the sessions', async () => {
    const c = await registerCitizen(api);
    const g = await asAdmin('PUT', `/api/v1/admin/users/${c.user.id}/roles/moderator`);
    expect(g.status).toBe(200);
    expect(g.body.roles).toEqual(['citizen', 'moderator']);
    expect((await asAdmin('PUT', `/api/v1/admin/users/${c.user.id}/roles/moderator`)).body.roles).toEqual([
      'citizen',
      'moderator',
    ]);
    const r = await asAdmin('DELETE', `/api/v1/admin/users/${c.user.id}/roles/moderator`);
    expect(r.body.roles).toEqual(['citizen']);
    expect((await api.request('POST', '/api/v1/auth/refresh', { refreshToken: c.refreshToken })).status).toBe(
      401,
    );
    const log = await asAdmin(
      'GET',
      `/api/v1/admin/audit?entityType=user&entityId=${c.user.id}&action=user.role*`,
    );
    expect(log.body.items.map((i: { action: string }) => i.action)).toEqual([
      'user.role_revoke',
      'user.role_grant',
    ]);
    expect(log.body.items[0]).toMatchObject({
      actorId: adminId,
      actorName: 'Quản Trị Viên',
      details: { role: 'moderator' },
    });
    expect(log.body.items[0].requestId).toBeTruthy();
  });
  it('keeps the last admin and the default citizen role', async () => {
    const last = await asAdmin('DELETE', `/api/v1/admin/users/${adminId}/roles/admin`);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('last_admin');
    const cit = await asAdmin('DELETE', `/api/v1/admin/users/${adminId}/roles/citizen`);
    expect(cit.body.code).toBe('role_required');
  });
  it('disables an account: sessions end and sign-in is refused; own account is protected', async () => {
    const c = await registerCitizen(api);
    const d = await asAdmin('PATCH', `/api/v1/admin/users/${c.user.id}/status`, {
      status: 'disabled',
      reason: 'Tài khoản giả mạo',
    });
    expect(d.body.status).toBe('disabled');
    expect((await api.request('POST', '/api/v1/auth/refresh', { refreshToken: c.refreshToken })).status).toBe(
      401,
    );
    const login = await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: c.password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('account_disabled');
    expect((await api.request('GET', '/api/v1/me', undefined, bearer(c.accessToken))).status).toBe(401);
    const self = await asAdmin('PATCH', `/api/v1/admin/users/${adminId}/status`, {
      status: 'disabled',
      reason: 'test',
    });
    expect(self.status).toBe(403);
    const noReason = await asAdmin('PATCH', `/api/v1/admin/users/${c.user.id}/status`, { status: 'active' });
    expect(noReason.status).toBe(400);
  });
  it('audits views of a user and answers 404 for unknown ids', async () => {
    const c = await registerCitizen(api);
    expect((await asAdmin('GET', `/api/v1/admin/users/${c.user.id}`)).body.phone).toBe(c.phone);
    const log = await asAdmin('GET', `/api/v1/admin/audit?action=user.view&entityId=${c.user.id}`);
    expect(log.body.total).toBe(1);
    expect((await asAdmin('GET', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await asAdmin('GET', '/api/v1/admin/users/not-a-uuid')).status).toBe(400);
  });
  it('audits operator sign-ins and name searches, not plain paging', async () => {
    const signIns = await asAdmin('GET', `/api/v1/admin/audit?action=auth.login&actorId=${adminId}`);
    expect(signIns.body.total).toBeGreaterThanOrEqual(1);
    const before = (await asAdmin('GET', '/api/v1/admin/audit?action=user.search')).body.total;
    await asAdmin('GET', '/api/v1/admin/users?page=1');
    await asAdmin('GET', '/api/v1/admin/users?q=nguyen');
    expect((await asAdmin('GET', '/api/v1/admin/audit?action=user.search')).body.total).toBe(before + 1);
    const c = await registerCitizen(api);
    await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: c.password });
    expect(
      (await asAdmin('GET', `/api/v1/admin/audit?action=auth.login&actorId=${c.user.id}`)).body.total,
    ).toBe(0);
  });
  it('lists roles with permissions', async () => {
    const r = await asAdmin('GET', '/api/v1/admin/roles');
    const map = Object.fromEntries(
      r.body.items.map((i: { role: string; permissions: string[] }) => [i.role, i.permissions]),
    );
    expect(Object.keys(map)).toEqual([
      'citizen',
      'employer',
      'merchant',
      'officer',
      'moderator',
      'ioc_operator',
      'admin',
    ]);
    expect(map.admin).toContain('users:manage');
    expect(map.citizen).toEqual([]);
  });
  it('filters the audit log by time', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await asAdmin('GET', `/api/v1/admin/audit?from=${future}`)).body.total).toBe(0);
    expect((await asAdmin('GET', '/api/v1/admin/audit?from=yesterday')).status).toBe(400);
  });
});
