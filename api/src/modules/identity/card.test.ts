import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { QueryTypes } from 'sequelize';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
});
afterAll(() => api.close());

let serial = 100000;
/** A consistent CCCD for a man born in 2004 in Đắk Lắk, unique per call. */
const cccd = () => `066204${String(++serial).padStart(6, '0')}`;
const declaration = (n: string) => ({
  cccdNumber: n,
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '2004-05-06',
  sex: 'male',
});
const qrFor = (n: string, name = 'Nguyễn Văn An') =>
  `${n}|241234567|${name}|06052004|Nam|Thôn 3, Xã Hòa Phú, Đắk Lắk|15082021`;

describe('declaring the citizen ID card (level 1)', () => {
  it('raises the level to 1, masks the number, stores it encrypted', async () => {
    const c = await registerCitizen(api);
    const n = cccd();
    const r = await api.request(
      'PUT',
      '/api/v1/me/identity',
      { ...declaration(n), cccdNumber: `${n.slice(0, 6)} ${n.slice(6)}` },
      bearer(c.accessToken),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      cccdMasked: `066*******${n.slice(-2)}`,
      identityLevel: 1,
      source: 'manual',
      birthProvince: 'Tỉnh Đắk Lắk',
    });
    expect(
      (await api.request('GET', '/api/v1/me', undefined, bearer(c.accessToken))).body.identityLevel,
    ).toBe(1);
    const rows = await api.sequelize.query<Record<string, string>>(
      'SELECT * FROM citizen_identities WHERE user_id = :id',
      {
        replacements: { id: c.user.id },
        type: QueryTypes.SELECT,
      },
    );
    expect(JSON.stringify(rows)).not.toContain(n);
    expect(rows[0]?.cccd_sealed).toMatch(/^v1\./);
  });
  it('names each inconsistency of the number with the declared data', async () => {
    const c = await registerCitizen(api);
    const r = await api.request(
      'PUT',
      '/api/v1/me/identity',
      { cccdNumber: '099305001234', fullName: 'Nguyễn Văn An', dateOfBirth: '2004-05-06', sex: 'male' },
      bearer(c.accessToken),
    );
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { code: string }) => e.code)).toEqual([
      'cccd_province',
      'cccd_sex_mismatch',
      'cccd_year_mismatch',
    ]);
    const short = await api.request(
      'PUT',
      '/api/v1/me/identity',
      declaration('06620400123'),
      bearer(c.accessToken),
    );
    expect(short.body.errors[0].code).toBe('cccd_format');
    const future = await api.request(
      'PUT',
      '/api/v1/me/identity',
      { ...declaration(cccd()), dateOfBirth: '2099-01-01' },
      bearer(c.accessToken),
    );
    expect(future.status).toBe(400);
  });
  it('checks the declared data against the card QR, field by field', async () => {
    const c = await registerCitizen(api);
    const n = cccd();
    const other = await api.request(
      'PUT',
      '/api/v1/me/identity',
      { ...declaration(n), qrText: qrFor(n, 'Nguyễn Văn Bình') },
      bearer(c.accessToken),
    );
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([
      expect.objectContaining({ path: 'body.fullName', code: 'qr_mismatch' }),
    ]);
    const broken = await api.request(
      'PUT',
      '/api/v1/me/identity',
      { ...declaration(n), qrText: `${n}|x|y` },
      bearer(c.accessToken),
    );
    expect(broken.body.errors[0]).toMatchObject({ path: 'body.qrText', code: 'qr_fields_missing' });
    const ok = await api.request(
      'PUT',
      '/api/v1/me/identity',
      { ...declaration(n), qrText: qrFor(n, 'NGUYỄN  VĂN AN') },
      bearer(c.accessToken),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.source).toBe('qr');
  });
  it('one number, one account: a second account is refused and flagged for review', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    const n = cccd();
    expect(
      (await api.request('PUT', '/api/v1/me/identity', declaration(n), bearer(a.accessToken))).status,
    ).toBe(200);
    const r = await api.request('PUT', '/api/v1/me/identity', declaration(n), bearer(b.accessToken));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('cccd_taken');
    const flags = await api.sequelize.query<{ kind: string; other_user_id: string }>(
      'SELECT kind, other_user_id FROM identity_flags WHERE user_id = :id',
      { replacements: { id: b.user.id }, type: QueryTypes.SELECT },
    );
    expect(flags).toEqual([{ kind: 'duplicate_cccd', other_user_id: a.user.id }]);
    expect(
      (await api.request('GET', '/api/v1/me', undefined, bearer(b.accessToken))).body.identityLevel,
    ).toBe(0);
    // The owner may declare the same number again (e.g. to fix the name).
    expect(
      (await api.request('PUT', '/api/v1/me/identity', declaration(n), bearer(a.accessToken))).status,
    ).toBe(200);
  });
  it('parses a card QR to prefill the form', async () => {
    const c = await registerCitizen(api);
    const r = await api.request(
      'POST',
      '/api/v1/identity/cccd-qr',
      { qrText: qrFor('066204001234') },
      bearer(c.accessToken),
    );
    expect(r.body).toMatchObject({ cccdNumber: '066204001234', dateOfBirth: '2004-05-06', sex: 'male' });
    const bad = await api.request(
      'POST',
      '/api/v1/identity/cccd-qr',
      { qrText: '066204001234|||||' },
      bearer(c.accessToken),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('qr_fields_missing');
    expect((await api.request('GET', '/api/v1/me/identity', undefined, bearer(c.accessToken))).status).toBe(
      404,
    );
  });
});

describe('personal QR code', () => {
  it('needs identity level 1, and says so', async () => {
    const c = await registerCitizen(api);
    const r = await api.request('GET', '/api/v1/qr/me', undefined, bearer(c.accessToken));
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 'identity_level_required', requiredLevel: 1, currentLevel: 0 });
  });
  it('issues a short token that verifies online once and offline with the published key', async () => {
    const c = await registerCitizen(api);
    const n = cccd();
    await api.request('PUT', '/api/v1/me/identity', declaration(n), bearer(c.accessToken));
    const q = await api.request('GET', '/api/v1/qr/me', undefined, bearer(c.accessToken));
    expect(q.status).toBe(200);
    expect(q.body.expiresIn).toBe(300);
    expect(q.body.svg).toMatch(/^<svg[^>]+viewBox="0 0 (\d+) \1"/);
    expect(q.body.token.length).toBeLessThan(360); // fits a version-13 QR at level M
    const jwks = (await api.request('GET', '/.well-known/jwks.json')).body;
    const offline = await jwtVerify(q.body.token, createLocalJWKSet(jwks), { typ: 'dlid-qr' });
    expect(offline.payload).toMatchObject({
      name: 'Nguyễn Văn An',
      cccd: `066*******${n.slice(-2)}`,
      lvl: 1,
    });
    expect(JSON.stringify(offline.payload)).not.toContain(n);
    expect(q.body).toMatchObject({
      fullName: 'Nguyễn Văn An',
      identityLevel: 1,
      cccdMasked: `066*******${n.slice(-2)}`,
    });
    const officer = await registerCitizen(api);
    const v = await api.request(
      'POST',
      '/api/v1/qr/verify',
      { token: q.body.token },
      bearer(officer.accessToken),
    );
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ valid: true, fullName: 'Nguyễn Văn An', identityLevel: 1 });
    const again = await api.request('POST', '/api/v1/qr/verify', { token: q.body.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('qr_replayed');
    expect(again.body.firstVerifiedAt).toBe(v.body.verifiedAt);
    const [row] = await api.sequelize.query<{ verifier_id: string }>(
      'SELECT verifier_id FROM qr_verifications WHERE user_id = :u',
      {
        replacements: { u: c.user.id },
        type: QueryTypes.SELECT,
      },
    );
    expect(row?.verifier_id).toBe(officer.user.id);
  });
  it('refuses tampered, forged, expired and access tokens, each with its own code', async () => {
    const c = await registerCitizen(api);
    await api.request('PUT', '/api/v1/me/identity', declaration(cccd()), bearer(c.accessToken));
    const { token } = (await api.request('GET', '/api/v1/qr/me', undefined, bearer(c.accessToken))).body;
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, lvl: 2 })).toString('base64url')}.${s}`;
    expect((await api.request('POST', '/api/v1/qr/verify', { token: tampered })).body.code).toBe('qr_forged');
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const forged = await new SignJWT(payload)
      .setProtectedHeader({
        alg: 'EdDSA',
        typ: 'dlid-qr+jwt',
        kid: JSON.parse(Buffer.from(h, 'base64url').toString()).kid,
      })
      .sign(otherKey);
    expect((await api.request('POST', '/api/v1/qr/verify', { token: forged })).body.code).toBe('qr_forged');
    expect((await api.request('POST', '/api/v1/qr/verify', { token: c.accessToken })).body.code).toBe(
      'qr_malformed',
    );
    expect((await api.request('POST', '/api/v1/qr/verify', { token: 'not a token at all' })).body.code).toBe(
      'qr_malformed',
    );
  });
  it('refuses an expired token and a token of a disabled account', async () => {
    const c = await registerCitizen(api);
    await api.request('PUT', '/api/v1/me/identity', declaration(cccd()), bearer(c.accessToken));
    const { token } = (await api.request('GET', '/api/v1/qr/me', undefined, bearer(c.accessToken))).body;
    const [h, p] = token.split('.');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...payload, iat: now - 600, exp: now - 300 })
      .setProtectedHeader(header)
      .sign(api.signingKey);
    expect((await api.request('POST', '/api/v1/qr/verify', { token: expired })).body.code).toBe('qr_expired');
    await api.sequelize.query(`UPDATE users SET status = 'disabled' WHERE id = :id`, {
      replacements: { id: c.user.id },
    });
    expect((await api.request('POST', '/api/v1/qr/verify', { token })).body.code).toBe('qr_revoked');
  });
});
