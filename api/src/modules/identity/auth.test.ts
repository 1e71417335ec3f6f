import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import { QueryTypes } from 'sequelize';
import { startTestApi, newPhone, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
});
afterAll(() => api.close());

const otp = (phone: string, purpose = 'register') =>
  api.request('POST', '/api/v1/auth/otp', { phone, purpose });
const backdate = (phone: string, seconds: number) =>
  api.sequelize.query(
    `UPDATE otp_codes SET created_at = created_at - make_interval(secs => :s) WHERE phone = :p`,
    {
      replacements: { s: seconds, p: phone },
    },
  );

describe('one-time codes', () => {
  it('accepts 0…, 84… and +84… and stores E.164', async () => {
    const national = newPhone().replace('+84', '0');
    const r = await otp(national);
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ phone: `+84${national.slice(1)}`, expiresIn: 300, resendAfter: 60 });
    const p84 = newPhone().replace('+', '');
    expect((await otp(p84)).body.phone).toBe(`+${p84}`);
  });
  it('rejects numbers that are not Vietnamese mobiles, each with its own message', async () => {
    const short = await otp('090512345');
    expect(short.status).toBe(400);
    expect(short.body.errors[0].code).toBe('phone_format');
    const landline = await otp('0262123456');
    expect(landline.body.errors[0].code).toBe('phone_prefix');
    expect(landline.body.errors[0].messages.vi).toMatch(/nhà mạng/);
    expect((await otp('+1 202 555 0100')).status).toBe(400);
  });
  it('stores the code hashed (argon2id), never in clear', async () => {
    const phone = newPhone();
    await otp(phone);
    const code = api.lastCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    const [row] = await api.sequelize.query<{ code_hash: string }>(
      'SELECT code_hash FROM otp_codes WHERE phone = :phone',
      {
        replacements: { phone },
        type: QueryTypes.SELECT,
      },
    );
    expect(row?.code_hash).toMatch(/^\$argon2id\$/);
    expect(row?.code_hash).not.toContain(code);
  });
  it('writes one JSON line {to,text,at} per SMS to the outbox', async () => {
    const phone = newPhone();
    await otp(phone);
    const lines = fs
      .readFileSync(api.outbox, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const mine = lines.filter((l) => l.to === phone);
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]).sort()).toEqual(['at', 'text', 'to']);
  });
  it('refuses a resend within 60 s, allows it after', async () => {
    const phone = newPhone();
    await otp(phone);
    const again = await otp(phone);
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('otp_resend_too_soon');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(50);
    await backdate(phone, 61);
    expect((await otp(phone)).status).toBe(202);
  });
  it('caps codes per phone per hour', async () => {
    const phone = newPhone();
    for (let i = 0; i < 5; i++) {
      expect((await otp(phone)).status).toBe(202);
      await backdate(phone, 61);
    }
    const r = await otp(phone);
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('otp_quota');
  });
  it('two parallel requests for one number send one code', async () => {
    const phone = newPhone();
    const rs = await Promise.all([otp(phone), otp(phone), otp(phone)]);
    expect(rs.map((r) => r.status).sort()).toEqual([202, 429, 429]);
  });
  it('refuses registering a number twice', async () => {
    const c = await registerCitizen(api);
    const r = await otp(c.phone);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('phone_taken');
  });
  it('sends nothing for login/reset codes to unknown numbers, with the same answer', async () => {
    const phone = newPhone();
    const r = await otp(phone, 'reset');
    expect(r.status).toBe(202);
    expect(() => api.lastCode(phone)).toThrow();
  });
});

describe('registration', () => {
  it('creates a citizen at identity level 0 and signs in', async () => {
    const c = await registerCitizen(api, undefined, 'MatKhau2026', '  Trần Thị Bình ');
    expect(c.user).toMatchObject({
      fullName: 'Trần Thị Bình',
      roles: ['citizen'],
      identityLevel: 0,
      permissions: [],
    });
    expect(c.accessToken.split('.')).toHaveLength(3);
    const me = await api.request('GET', '/api/v1/me', undefined, bearer(c.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.phone).toBe(c.phone);
  });
  it('hashes the password with argon2id', async () => {
    const c = await registerCitizen(api);
    const [row] = await api.sequelize.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = :id',
      {
        replacements: { id: c.user.id },
        type: QueryTypes.SELECT,
      },
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
  it('rejects weak passwords, bad names and malformed codes with field errors', async () => {
    const phone = newPhone();
    await otp(phone);
    const r = await api.request('POST', '/api/v1/auth/register', {
      phone,
      otp: '12ab',
      password: 'short',
      fullName: 'X',
    });
    expect(r.status).toBe(400);
    const codes = r.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['body.otp:otp_format', 'body.password:too_small', 'body.fullName:too_small']),
    );
    const digits = await api.request('POST', '/api/v1/auth/register', {
      phone,
      otp: '123456',
      password: '12345678',
      fullName: 'An',
    });
    expect(digits.body.errors.map((e: { code: string }) => e.code)).toContain('password_weak');
  });
  it('counts wrong codes: 5 tries then the code is dead', async () => {
    const phone = newPhone();
    await otp(phone);
    const good = api.lastCode(phone);
    const wrong = good === '000000' ? '111111' : '000000';
    const body = { phone, otp: wrong, password: 'MatKhau2026', fullName: 'Lê Văn C' };
    const first = await api.request('POST', '/api/v1/auth/register', body);
    expect(first.body.code).toBe('otp_invalid');
    expect(first.body.messages.vi).toMatch(/Còn 4 lần/);
    for (let i = 0; i < 4; i++) await api.request('POST', '/api/v1/auth/register', body);
    const late = await api.request('POST', '/api/v1/auth/register', { ...body, otp: good });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('otp_exhausted');
  });
  it('refuses an expired code (5 minutes)', async () => {
    const phone = newPhone();
    await otp(phone);
    await api.sequelize.query(
      `UPDATE otp_codes SET expires_at = now() - interval '1 second' WHERE phone = :phone`,
      {
        replacements: { phone },
      },
    );
    const r = await api.request('POST', '/api/v1/auth/register', {
      phone,
      otp: api.lastCode(phone),
      password: 'MatKhau2026',
      fullName: 'Phạm D',
    });
    expect(r.body.code).toBe('otp_expired');
  });
  it('a code works once, and only the newest code of a number is valid', async () => {
    const phone = newPhone();
    await otp(phone);
    const old = api.lastCode(phone);
    await backdate(phone, 61);
    await otp(phone);
    const fresh = api.lastCode(phone);
    const body = { phone, password: 'MatKhau2026', fullName: 'Võ E' };
    if (old !== fresh)
      expect((await api.request('POST', '/api/v1/auth/register', { ...body, otp: old })).status).toBe(400);
    expect((await api.request('POST', '/api/v1/auth/register', { ...body, otp: fresh })).status).toBe(201);
    expect((await api.request('POST', '/api/v1/auth/register', { ...body, otp: fresh })).status).toBe(409);
  });
});

describe('sign-in, lockout, sessions', () => {
  it('signs in with the password, and with a login code', async () => {
    const c = await registerCitizen(api);
    const r = await api.request('POST', '/api/v1/auth/login', {
      phone: c.phone.replace('+84', '0'),
      password: c.password,
    });
    expect(r.status).toBe(200);
    expect(r.body.user.id).toBe(c.user.id);
    await otp(c.phone, 'login');
    const byCode = await api.request('POST', '/api/v1/auth/login', {
      phone: c.phone,
      otp: api.lastCode(c.phone),
    });
    expect(byCode.status).toBe(200);
    const neither = await api.request('POST', '/api/v1/auth/login', { phone: c.phone });
    expect(neither.body.errors[0].code).toBe('password_or_otp');
  });
  it('gives the same answer for an unknown phone and a wrong password', async () => {
    const c = await registerCitizen(api);
    const unknown = await api.request('POST', '/api/v1/auth/login', {
      phone: newPhone(),
      password: 'Whatever12',
    });
    const wrong = await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: 'Whatever12' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.code).toBe(wrong.body.code);
  });
  it('locks the account after 5 failures, even with the right password, until it expires', async () => {
    const c = await registerCitizen(api);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: 'Wrong1234' })).body
          .code,
      );
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
    const locked = await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: c.password });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('account_locked');
    await api.sequelize.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = :id`, {
      replacements: { id: c.user.id },
    });
    expect(
      (await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: c.password })).status,
    ).toBe(200);
    const audit = await api.sequelize.query(
      `SELECT 1 FROM audit_log WHERE action = 'auth.locked' AND entity_id = :id`,
      {
        replacements: { id: c.user.id },
        type: QueryTypes.SELECT,
      },
    );
    expect(audit).toHaveLength(1);
  });
  it('rotates refresh tokens; a reused one ends the whole family', async () => {
    const c = await registerCitizen(api);
    const r1 = await api.request('POST', '/api/v1/auth/refresh', { refreshToken: c.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(c.refreshToken);
    const r2 = await api.request('POST', '/api/v1/auth/refresh', { refreshToken: r1.body.refreshToken });
    expect(r2.status).toBe(200);
    const reuse = await api.request('POST', '/api/v1/auth/refresh', { refreshToken: c.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('refresh_reused');
    const after = await api.request('POST', '/api/v1/auth/refresh', { refreshToken: r2.body.refreshToken });
    expect(after.body.code).toBe('refresh_revoked');
    // Another session of the same account is untouched.
    const other = await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: c.password });
    expect(
      (await api.request('POST', '/api/v1/auth/refresh', { refreshToken: other.body.refreshToken })).status,
    ).toBe(200);
  });
  it('refuses forged, expired and malformed refresh tokens', async () => {
    const c = await registerCitizen(api);
    const [id] = c.refreshToken.split('.');
    expect(
      (await api.request('POST', '/api/v1/auth/refresh', { refreshToken: `${id}.${'A'.repeat(43)}` })).body
        .code,
    ).toBe('refresh_invalid');
    await api.sequelize.query(
      `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE id = :id`,
      {
        replacements: { id },
      },
    );
    expect(
      (await api.request('POST', '/api/v1/auth/refresh', { refreshToken: c.refreshToken })).body.code,
    ).toBe('refresh_expired');
    expect(
      (await api.request('POST', '/api/v1/auth/refresh', { refreshToken: 'not-a-token-at-all' })).status,
    ).toBe(401);
  });
  it('logout ends the session', async () => {
    const c = await registerCitizen(api);
    expect((await api.request('POST', '/api/v1/auth/logout', { refreshToken: c.refreshToken })).status).toBe(
      204,
    );
    expect(
      (await api.request('POST', '/api/v1/auth/refresh', { refreshToken: c.refreshToken })).body.code,
    ).toBe('refresh_revoked');
  });
  it('resets the password with a code, ending every session', async () => {
    const c = await registerCitizen(api);
    await otp(c.phone, 'reset');
    const r = await api.request('POST', '/api/v1/auth/password-reset', {
      phone: c.phone,
      otp: api.lastCode(c.phone),
      password: 'MoiMatKhau99',
    });
    expect(r.status).toBe(204);
    expect((await api.request('POST', '/api/v1/auth/refresh', { refreshToken: c.refreshToken })).status).toBe(
      401,
    );
    expect(
      (await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: c.password })).status,
    ).toBe(401);
    expect(
      (await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: 'MoiMatKhau99' })).status,
    ).toBe(200);
  });
  it('a register code cannot reset a password', async () => {
    const c = await registerCitizen(api);
    await backdate(c.phone, 61);
    await otp(c.phone, 'login');
    const r = await api.request('POST', '/api/v1/auth/password-reset', {
      phone: c.phone,
      otp: api.lastCode(c.phone),
      password: 'MoiMatKhau99',
    });
    expect(r.status).toBe(400);
  });
});

describe('/me', () => {
  it('requires a valid access token', async () => {
    expect((await api.request('GET', '/api/v1/me')).body.code).toBe('token_missing');
    expect((await api.request('GET', '/api/v1/me', undefined, bearer('abc.def.ghi'))).body.code).toBe(
      'token_invalid',
    );
    // Not three base64url parts, or absurdly long: refused before any decoding, with the same answer.
    for (const bad of ['a.b', 'a.b.c.d', 'ä.b.c', `${'a'.repeat(5000)}.b.c`])
      expect((await api.request('GET', '/api/v1/me', undefined, bearer(bad))).body.code).toBe(
        'token_invalid',
      );
    const c = await registerCitizen(api);
    const [h, p, s] = c.accessToken.split('.');
    const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, roles: ['admin'] })).toString('base64url');
    expect((await api.request('GET', '/api/v1/me', undefined, bearer(`${h}.${forged}.${s}`))).status).toBe(
      401,
    );
  });
  it('refuses an expired access token with token_expired', async () => {
    const { SignJWT } = await import('jose');
    const { generateKeyPairSync } = await import('node:crypto');
    const key = generateKeyPairSync('ed25519').privateKey;
    const jwt = await new SignJWT({ roles: [], sid: 'x' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setExpirationTime(1)
      .sign(key);
    expect((await api.request('GET', '/api/v1/me', undefined, bearer(jwt))).status).toBe(401);
  });
  it('updates the name and changes the password', async () => {
    const c = await registerCitizen(api);
    const u = await api.request('PATCH', '/api/v1/me', { fullName: 'Nguyễn Thị Hoa' }, bearer(c.accessToken));
    expect(u.body.fullName).toBe('Nguyễn Thị Hoa');
    const bad = await api.request('PATCH', '/api/v1/me', { fullName: 'A' }, bearer(c.accessToken));
    expect(bad.status).toBe(400);
    const wrong = await api.request(
      'POST',
      '/api/v1/me/password',
      { currentPassword: 'nope', newPassword: 'DoiMatKhau1' },
      bearer(c.accessToken),
    );
    expect(wrong.status).toBe(401);
    const ok = await api.request(
      'POST',
      '/api/v1/me/password',
      { currentPassword: c.password, newPassword: 'DoiMatKhau1' },
      bearer(c.accessToken),
    );
    expect(ok.status).toBe(204);
    expect(
      (await api.request('POST', '/api/v1/auth/login', { phone: c.phone, password: 'DoiMatKhau1' })).status,
    ).toBe(200);
  });
});
