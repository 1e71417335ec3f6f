import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApi, registerCitizen, bearer, newPhone, type TestApi } from '../../../test/helpers.ts';
import { parseCsv } from '../cameras/cameras.import.ts';
import { AUDIT_EXPORT_MAX } from './admin.service.ts';

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

describe('audit log export (CSV)', () => {
  const rowsOf = (text: string) => parseCsv(text).records.map((r) => r.cells);

  it('exports the filtered log newest first, in Vietnam time, with who did it, and records the export', async () => {
    const c = await registerCitizen(api, undefined, 'MatKhau2026', 'Lê Văn Tý');
    await asAdmin('PUT', `/api/v1/admin/users/${c.user.id}/roles/moderator`);
    await asAdmin('DELETE', `/api/v1/admin/users/${c.user.id}/roles/moderator`);
    await asAdmin('GET', `/api/v1/admin/users/${c.user.id}`);
    const r = await asAdmin('GET', `/api/v1/admin/audit.csv?entityType=user&entityId=${c.user.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename="nhat-ky-kiem-toan-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(r.headers.get('cache-control')).toBe('no-store');
    const [header, ...rows] = rowsOf(r.body as string);
    expect(header?.[1]).toBe('Thời điểm (giờ Việt Nam UTC+7)');
    const page = await asAdmin(
      'GET',
      `/api/v1/admin/audit?entityType=user&entityId=${c.user.id}&pageSize=200`,
    );
    expect(rows.map((x) => x[0])).toEqual(page.body.items.map((i: { id: string }) => i.id));
    expect(rows.map((x) => x[5])).toEqual([
      'user.view',
      'user.role_revoke',
      'user.role_grant',
      'user.register',
    ]);
    const grant = rows[2]!;
    const item = page.body.items[2];
    const at = new Date(item.at);
    expect(grant[1]).toBe(new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' '));
    expect(grant[2]).toBe(adminId);
    expect(grant[4]).toBe('Quản Trị Viên');
    expect(grant[3]).toBe(`'${item.actorPhone}`); // +84…: defused, a spreadsheet keeps it as text
    expect(JSON.parse(grant[10]!)).toEqual(item.details);

    const exports = await asAdmin('GET', `/api/v1/admin/audit?action=audit.export&actorId=${adminId}`);
    expect(exports.body.items[0].details).toEqual({
      filters: { entityType: 'user', entityId: c.user.id },
      records: 4,
    });
  });

  it('defuses stored text that a spreadsheet would run as a formula, and quotes commas and quotes', async () => {
    // Names are letters only, but record ids and details come from elsewhere (integrations, imports).
    await api.sequelize.query(
      `INSERT INTO audit_log (action, entity_type, entity_id, details)
       VALUES ('test.formula', 'import', '=HYPERLINK("http://x"), 1', '{"note": "a, \\"b\\""}')`,
    );
    const r = await asAdmin('GET', '/api/v1/admin/audit.csv?action=test.formula');
    expect(r.body as string).toContain(`"'=HYPERLINK(""http://x""), 1"`);
    const [, row] = rowsOf(r.body as string);
    expect(row?.[7]).toBe(`'=HYPERLINK("http://x"), 1`);
    expect(JSON.parse(row![10]!)).toEqual({ note: 'a, "b"' });
  });

  it('walks past one batch without repeating or skipping, and refuses more than the maximum with the count', async () => {
    const base = Date.parse('2020-01-01T00:00:00Z');
    await api.sequelize.query(
      `INSERT INTO audit_log (at, action, entity_type, entity_id, details)
       SELECT to_timestamp(${base / 1000} + g), 'test.bulk', 'bulk', g::text, '{}'::jsonb
         FROM generate_series(1, ${AUDIT_EXPORT_MAX + 1}) g`,
    );
    const from = new Date(base + 1000).toISOString();
    const to = new Date(base + 4500 * 1000).toISOString();
    const r = await asAdmin('GET', `/api/v1/admin/audit.csv?action=test.bulk&from=${from}&to=${to}`);
    expect(r.status).toBe(200);
    const rows = rowsOf(r.body as string).slice(1);
    expect(rows).toHaveLength(4500);
    expect(rows.map((x) => Number(x[7]))).toEqual(Array.from({ length: 4500 }, (_, i) => 4500 - i));
    expect(rows[0]?.[8]).toBe('');

    const all = await asAdmin('GET', '/api/v1/admin/audit.csv?action=test.bulk');
    expect(all.status).toBe(400);
    expect(all.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(all.body.code).toBe('audit_export_too_large');
    expect(all.body.messages.en).toContain(String(AUDIT_EXPORT_MAX + 1));
    expect(all.body.messages.vi).toContain('Hãy thu hẹp');
  });

  it('needs audit:read and valid filters', async () => {
    const c = await registerCitizen(api);
    const r = await api.request('GET', '/api/v1/admin/audit.csv', undefined, bearer(c.accessToken));
    expect(r.status).toBe(403);
    expect((await api.request('GET', '/api/v1/admin/audit.csv')).status).toBe(401);
    const bad = await asAdmin('GET', '/api/v1/admin/audit.csv?from=soon&page=2&actorId=x');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.actorId',
      'query.from',
      'query.page',
    ]);
  });
});

describe('roles for several accounts at once', () => {
  it('grants to each, audits each, and reports a refusal without stopping the others', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    const ghost = '00000000-0000-4000-8000-000000000000';
    const r = await asAdmin('POST', '/api/v1/admin/users/bulk-roles', {
      ids: [a.user.id, ghost, b.user.id, a.user.id],
      role: 'officer',
      action: 'grant',
    });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([
      { id: a.user.id, ok: true, changed: true, code: null },
      { id: ghost, ok: false, changed: false, code: 'user_not_found' },
      { id: b.user.id, ok: true, changed: true, code: null },
    ]);
    // Again: nothing to do, and no second audit record.
    const again = await asAdmin('POST', '/api/v1/admin/users/bulk-roles', {
      ids: [a.user.id],
      role: 'officer',
      action: 'grant',
    });
    expect(again.body.items).toEqual([{ id: a.user.id, ok: true, changed: false, code: null }]);
    for (const u of [a, b]) {
      expect((await asAdmin('GET', `/api/v1/admin/users/${u.user.id}`)).body.roles).toContain('officer');
      const log = await asAdmin('GET', `/api/v1/admin/audit?action=user.role_grant&entityId=${u.user.id}`);
      expect(log.body.items.map((i: { details: unknown }) => i.details)).toEqual([{ role: 'officer' }]);
    }

    // Revoking: done for both, their sessions end; the default role cannot be revoked from anyone.
    const revoke = await asAdmin('POST', '/api/v1/admin/users/bulk-roles', {
      ids: [a.user.id, b.user.id],
      role: 'officer',
      action: 'revoke',
    });
    expect(revoke.body.items.every((i: { ok: boolean; changed: boolean }) => i.ok && i.changed)).toBe(true);
    expect((await api.request('POST', '/api/v1/auth/refresh', { refreshToken: a.refreshToken })).status).toBe(
      401,
    );
    const citizen = await asAdmin('POST', '/api/v1/admin/users/bulk-roles', {
      ids: [a.user.id],
      role: 'citizen',
      action: 'revoke',
    });
    expect(citizen.body.items).toEqual([{ id: a.user.id, ok: false, changed: false, code: 'role_required' }]);
    const notHeld = await asAdmin('POST', '/api/v1/admin/users/bulk-roles', {
      ids: [a.user.id],
      role: 'moderator',
      action: 'revoke',
    });
    expect(notHeld.body.items).toEqual([{ id: a.user.id, ok: true, changed: false, code: null }]);
  });

  it('needs users:manage and a valid body', async () => {
    const c = await registerCitizen(api);
    const body = { ids: [c.user.id], role: 'admin', action: 'grant' };
    const denied = await api.request('POST', '/api/v1/admin/users/bulk-roles', body, bearer(c.accessToken));
    expect(denied.status).toBe(403);
    expect((await asAdmin('GET', `/api/v1/admin/users/${c.user.id}`)).body.roles).toEqual(['citizen']);
    const bad = await asAdmin('POST', '/api/v1/admin/users/bulk-roles', {
      ids: ['x'],
      role: 'king',
      action: 'promote',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.action',
      'body.ids.0',
      'body.role',
    ]);
    for (const ids of [[], Array.from({ length: 101 }, () => c.user.id)]) {
      const r = await asAdmin('POST', '/api/v1/admin/users/bulk-roles', { ...body, ids });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.ids']);
    }
  });
});

// Last: it leaves the file's administrator without the role.
describe('the last administrator', () => {
  it('survives two administrators revoking each other at the same moment', async () => {
    const actor = (userId: string) => ({ userId, ip: '127.0.0.1', userAgent: 'test', requestId: 'race' });
    const activeAdmins = async () =>
      Number(
        (
          (await api.sequelize.query(
            `SELECT count(*) AS n FROM user_roles r JOIN users u ON u.id = r.user_id
              WHERE r.role = 'admin' AND u.status = 'active'`,
            { type: 'SELECT' },
          )) as Array<{ n: string }>
        )[0]?.n,
      );
    let survivor = adminId;
    for (let round = 0; round < 4; round++) {
      // Exactly two active administrators: the survivor of the last round and a new one.
      const other = await registerCitizen(api);
      await api.services.users.grantRole(other.user.id, 'admin', actor(survivor));
      await api.sequelize.query(
        `UPDATE users SET status = 'disabled' WHERE id IN
           (SELECT user_id FROM user_roles WHERE role = 'admin') AND id NOT IN (:a, :b)`,
        { replacements: { a: survivor, b: other.user.id } },
      );
      expect(await activeAdmins()).toBe(2);
      const results = await Promise.allSettled([
        api.services.users.revokeRole(other.user.id, 'admin', actor(survivor)),
        round % 2
          ? api.services.users.setStatus(survivor, 'disabled', 'race', actor(other.user.id))
          : api.services.users.revokeRole(survivor, 'admin', actor(other.user.id)),
      ]);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason.code).toBe('last_admin');
      expect(await activeAdmins()).toBe(1);
      if (results[0].status === 'rejected') survivor = other.user.id;
    }
  });
});
