import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { QueryTypes } from 'sequelize';
import { startTestApi, registerCitizen, bearer, newPhone, type TestApi } from '../../../test/helpers.ts';
import { createApp } from '../../app.ts';
import { createTokenSigner } from '../../platform/auth/tokens.ts';
import { outboxSms } from './sms.ts';
import { deviceOf } from './sessions.service.ts';

const ANDROID =
  'Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
const WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';

let api: TestApi;
let adminToken: string;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  const phone = newPhone();
  await api.services.users.ensureUser({
    phone,
    fullName: 'Quản Trị Viên',
    password: 'AdminPass2026',
    roles: ['admin'],
  });
  adminToken = (await api.request('POST', '/api/v1/auth/login', { phone, password: 'AdminPass2026' })).body
    .accessToken;
});
afterAll(() => api.close());

interface Signed {
  accessToken: string;
  refreshToken: string;
}
const login = async (c: { phone: string; password: string }, userAgent: string): Promise<Signed> => {
  const r = await api.request(
    'POST',
    '/api/v1/auth/login',
    { phone: c.phone, password: c.password },
    { 'user-agent': userAgent },
  );
  expect(r.status).toBe(200);
  return r.body;
};
const me = (token: string) => api.request('GET', '/api/v1/me', undefined, bearer(token));
const sessionsOf = (token: string) => api.request('GET', '/api/v1/me/sessions', undefined, bearer(token));
const auditOf = (action: string, entityId: string) =>
  api.sequelize.query<{ actor_id: string; details: Record<string, unknown> }>(
    'SELECT actor_id, details FROM audit_log WHERE action = :action AND entity_id = :entityId ORDER BY id',
    { replacements: { action, entityId }, type: QueryTypes.SELECT },
  );

describe('my signed-in devices', () => {
  it('lists each sign-in once with its device, the most recently active first, and marks this one', async () => {
    const c = await registerCitizen(api);
    const phone = await login(c, ANDROID);
    const laptop = await login(c, WINDOWS);
    // The phone's app renews its access: still one session, now the most recently active.
    await new Promise((r) => setTimeout(r, 20));
    const renewed = await api.request(
      'POST',
      '/api/v1/auth/refresh',
      { refreshToken: phone.refreshToken },
      { 'user-agent': ANDROID },
    );
    expect(renewed.status).toBe(200);
    const r = await sessionsOf(laptop.accessToken);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(3); // registration, phone, laptop
    const [first, second] = r.body.items;
    expect(first.device).toEqual({ browser: 'Chrome 120', os: 'Android 10', type: 'mobile' });
    expect(first.current).toBe(false);
    expect(Date.parse(first.lastActiveAt)).toBeGreaterThan(Date.parse(first.startedAt));
    expect(second.device).toEqual({ browser: 'Microsoft Edge 120', os: 'Windows 10', type: 'desktop' });
    expect(second.current).toBe(true);
    expect(second.ip).toMatch(/127\.0\.0\.1/);
    expect(r.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
  });

  it('signs out one device: its access stops at once, not when its token expires', async () => {
    const c = await registerCitizen(api);
    const phone = await login(c, ANDROID);
    const laptop = await login(c, WINDOWS);
    expect((await me(phone.accessToken)).status).toBe(200);
    const list = (await sessionsOf(laptop.accessToken)).body.items as Array<{
      id: string;
      device: { os: string };
    }>;
    const target = list.find((s) => s.device.os === 'Android 10');
    const del = await api.request(
      'DELETE',
      `/api/v1/me/sessions/${target?.id}`,
      undefined,
      bearer(laptop.accessToken),
    );
    expect(del.status).toBe(204);

    const refused = await me(phone.accessToken);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('session_ended');
    expect(refused.body.detail).toMatch(/đăng xuất/);
    const renew = await api.request('POST', '/api/v1/auth/refresh', { refreshToken: phone.refreshToken });
    expect(renew.body.code).toBe('refresh_revoked');
    expect((await me(laptop.accessToken)).status).toBe(200);
    const after = (await sessionsOf(laptop.accessToken)).body.items as Array<{ id: string }>;
    expect(after.map((s) => s.id)).not.toContain(target?.id);
    const [record] = await auditOf('session.end', c.user.id);
    expect(record?.details).toEqual({ session: target?.id });

    // Gone already: a second sign-out of it is a 404, not a silent success.
    const again = await api.request(
      'DELETE',
      `/api/v1/me/sessions/${target?.id}`,
      undefined,
      bearer(laptop.accessToken),
    );
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('session_not_found');
  });

  it('signing out the current session signs out here', async () => {
    const c = await registerCitizen(api);
    const s = await login(c, ANDROID);
    const mine = (await sessionsOf(s.accessToken)).body.items.find((x: { current: boolean }) => x.current);
    expect(
      (await api.request('DELETE', `/api/v1/me/sessions/${mine.id}`, undefined, bearer(s.accessToken)))
        .status,
    ).toBe(204);
    expect((await me(s.accessToken)).body.code).toBe('session_ended');
  });

  it('signs out everywhere else and keeps this session', async () => {
    const c = await registerCitizen(api);
    const a = await login(c, ANDROID);
    const b = await login(c, IPHONE);
    const here = await login(c, WINDOWS);
    const r = await api.request(
      'POST',
      '/api/v1/me/sessions/end-others',
      undefined,
      bearer(here.accessToken),
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ended: 3 }); // registration, Android, iPhone
    expect((await me(a.accessToken)).status).toBe(401);
    expect((await me(b.accessToken)).status).toBe(401);
    expect((await me(here.accessToken)).status).toBe(200);
    const left = (await sessionsOf(here.accessToken)).body.items;
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
    expect(
      (await api.request('POST', '/api/v1/me/sessions/end-others', undefined, bearer(here.accessToken))).body,
    ).toEqual({
      ended: 0,
    });
    expect(await auditOf('session.end_others', c.user.id)).toHaveLength(1);
  });

  it('never shows or ends another person’s session', async () => {
    const mine = await registerCitizen(api);
    const theirs = await registerCitizen(api);
    const their = (await sessionsOf(theirs.accessToken)).body.items[0];
    const r = await api.request(
      'DELETE',
      `/api/v1/me/sessions/${their.id}`,
      undefined,
      bearer(mine.accessToken),
    );
    expect(r.status).toBe(404);
    expect((await me(theirs.accessToken)).status).toBe(200);
    const list = (await sessionsOf(mine.accessToken)).body.items as Array<{ id: string }>;
    expect(list.map((s) => s.id)).not.toContain(their.id);
  });

  it('answers a malformed session id with a clear 400, and asks for a sign-in', async () => {
    const c = await registerCitizen(api);
    const bad = await api.request('DELETE', '/api/v1/me/sessions/abc', undefined, bearer(c.accessToken));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect(bad.body.errors[0].path).toBe('params.id');
    expect((await api.request('GET', '/api/v1/me/sessions')).status).toBe(401);
  });

  it('signing out ends the access token at once', async () => {
    const c = await registerCitizen(api);
    const s = await login(c, ANDROID);
    expect((await api.request('POST', '/api/v1/auth/logout', { refreshToken: s.refreshToken })).status).toBe(
      204,
    );
    expect((await me(s.accessToken)).body.code).toBe('session_ended');
  });
});

describe('what an administrator changes applies at once', () => {
  it('a revoked role stops working with the very next request', async () => {
    const c = await registerCitizen(api);
    await api.request(
      'PUT',
      `/api/v1/admin/users/${c.user.id}/roles/moderator`,
      undefined,
      bearer(adminToken),
    );
    const s = await login(c, WINDOWS);
    const queue = () => api.request('GET', '/api/v1/moderation/queue', undefined, bearer(s.accessToken));
    expect((await queue()).status).toBe(200);
    await api.request(
      'DELETE',
      `/api/v1/admin/users/${c.user.id}/roles/moderator`,
      undefined,
      bearer(adminToken),
    );
    const r = await queue();
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('session_ended');
  });

  it('a disabled account is signed out at once', async () => {
    const c = await registerCitizen(api);
    const s = await login(c, ANDROID);
    const r = await api.request(
      'PATCH',
      `/api/v1/admin/users/${c.user.id}/status`,
      { status: 'disabled', reason: 'Điện thoại bị mất' },
      bearer(adminToken),
    );
    expect(r.status).toBe(200);
    expect((await api.request('GET', '/api/v1/me/sessions', undefined, bearer(s.accessToken))).status).toBe(
      401,
    );
  });

  it('lists an account’s sessions (audited) and signs it out everywhere (audited)', async () => {
    const c = await registerCitizen(api);
    const a = await login(c, ANDROID);
    const list = await api.request(
      'GET',
      `/api/v1/admin/users/${c.user.id}/sessions`,
      undefined,
      bearer(adminToken),
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.every((s: { current: boolean }) => !s.current)).toBe(true);
    expect((await auditOf('user.sessions_view', c.user.id))[0]?.details).toEqual({ sessions: 2 });

    const end = await api.request(
      'POST',
      `/api/v1/admin/users/${c.user.id}/sessions/end`,
      undefined,
      bearer(adminToken),
    );
    expect(end.body).toEqual({ ended: 2 });
    expect((await me(a.accessToken)).status).toBe(401);
    expect((await me(c.accessToken)).status).toBe(401);
    expect((await auditOf('user.sessions_end', c.user.id))[0]?.details).toEqual({ sessions: 2 });
    // Signing in again works: the account itself is untouched.
    expect((await me((await login(c, ANDROID)).accessToken)).status).toBe(200);
  });

  it('refuses a citizen and an unknown account', async () => {
    const c = await registerCitizen(api);
    const other = await registerCitizen(api);
    const asCitizen = await api.request(
      'POST',
      `/api/v1/admin/users/${other.user.id}/sessions/end`,
      undefined,
      bearer(c.accessToken),
    );
    expect(asCitizen.status).toBe(403);
    expect((await me(other.accessToken)).status).toBe(200);
    const unknown = await api.request(
      'GET',
      '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/sessions',
      undefined,
      bearer(adminToken),
    );
    expect(unknown.status).toBe(404);
  });
});

describe('several API instances', () => {
  /** A second instance of the API on the same database, as behind a load balancer. */
  async function secondInstance() {
    const signer = createTokenSigner(api.signingKey, api.config);
    const log = pino({ level: 'silent' });
    const { app, services } = createApp({
      config: api.config,
      log,
      sequelize: api.sequelize,
      signer,
      sms: outboxSms(api.outbox, log),
      ready: async () => ({ ok: true, checks: {} }),
    });
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      services,
      me: (token: string) =>
        fetch(`${url}/api/v1/me`, { headers: bearer(token) }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { code?: string },
        })),
      close: () => new Promise((r) => server.close(r)),
    };
  }

  it('a session signed out on one instance is refused by the others after their next read', async () => {
    const other = await secondInstance();
    try {
      await other.services.sessions.sync.start();
      const c = await registerCitizen(api);
      const s = await login(c, ANDROID);
      expect((await other.me(s.accessToken)).status).toBe(200);
      await api.request('POST', '/api/v1/auth/logout', { refreshToken: s.refreshToken });
      // Until it reads the ended sessions the other instance only knows the token's signature…
      expect((await other.me(s.accessToken)).status).toBe(200);
      expect(await other.services.sessions.sync.poll()).toBeGreaterThan(0);
      // …then it refuses it too.
      const r = await other.me(s.accessToken);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('session_ended');
    } finally {
      await other.services.sessions.sync.stop();
      await other.close();
    }
  });

  it('an instance started after the sign-out refuses the token from its first request', async () => {
    const c = await registerCitizen(api);
    const s = await login(c, IPHONE);
    await api.request('POST', '/api/v1/auth/logout', { refreshToken: s.refreshToken });
    const fresh = await secondInstance();
    try {
      await fresh.services.sessions.sync.start();
      expect((await fresh.me(s.accessToken)).body.code).toBe('session_ended');
    } finally {
      await fresh.services.sessions.sync.stop();
      await fresh.close();
    }
  });
});

describe('device names', () => {
  it('reads browser, system and kind from the User-Agent, and says nothing when there is none', () => {
    expect(deviceOf(IPHONE)).toEqual({ browser: 'Safari 17', os: 'iOS 17.1', type: 'mobile' });
    expect(deviceOf(null)).toEqual({ browser: null, os: null, type: 'unknown' });
    expect(deviceOf('curl/8.0')).toMatchObject({ type: 'unknown' });
  });
});

describe('ending a session while its app renews it', () => {
  it('also revokes the token a renewal committed while the sign-out waited for its lock', async () => {
    const c = await registerCitizen(api);
    const s = await login(c, ANDROID);
    const [familyId, tokenId] = [
      (await sessionsOf(s.accessToken)).body.items.find((x: { current: boolean }) => x.current).id as string,
      s.refreshToken.split('.')[0],
    ];
    // A renewal in flight: it holds the presented token's row lock and writes the next token of the family.
    const renewal = await api.sequelize.transaction();
    await api.sequelize.query('SELECT id FROM refresh_tokens WHERE id = :tokenId FOR UPDATE', {
      replacements: { tokenId },
      transaction: renewal,
    });
    await api.sequelize.query('UPDATE refresh_tokens SET used_at = now() WHERE id = :tokenId', {
      replacements: { tokenId },
      transaction: renewal,
    });
    await api.sequelize.query(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
       VALUES (:familyId, :userId, 'next', now() + interval '30 days')`,
      { replacements: { familyId, userId: c.user.id }, transaction: renewal },
    );
    const signOut = api.services.sessions.end({ userId: c.user.id, only: familyId });
    await new Promise((r) => setTimeout(r, 300)); // the sign-out now waits for the renewal's lock
    await renewal.commit();
    expect(await signOut).toEqual([familyId]);
    const [open] = await api.sequelize.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = :familyId AND revoked_at IS NULL',
      { replacements: { familyId }, type: QueryTypes.SELECT },
    );
    expect(open?.n).toBe(0);
  });
});
