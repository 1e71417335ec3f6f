import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';

// The API side of passkeys; the full create/get ceremony runs in Chromium with a virtual authenticator (e2e/passkeys.test.ts).
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000',
    WEBAUTHN_ORIGINS: 'http://localhost:1234',
  });
});
afterAll(() => api.close());

const fakeCredential = {
  id: 'abc',
  rawId: 'abc',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'AA' },
};

describe('passkeys', () => {
  it('gives creation options bound to the account and the relying party', async () => {
    const c = await registerCitizen(api);
    const r = await api.request('POST', '/api/v1/me/passkeys/options', undefined, bearer(c.accessToken));
    expect(r.status).toBe(200);
    expect(r.body.options).toMatchObject({
      rp: { id: 'localhost', name: 'Đắk Lắk ID' },
      user: { name: c.phone },
      authenticatorSelection: { userVerification: 'required' },
    });
    expect(r.body.options.challenge).toMatch(/^[\w-]{20,}$/);
  });
  it('refuses an invalid response, and a challenge used twice or by another account', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    const { challengeId } = (
      await api.request('POST', '/api/v1/me/passkeys/options', undefined, bearer(a.accessToken))
    ).body;
    const other = await api.request(
      'POST',
      '/api/v1/me/passkeys',
      { challengeId, response: fakeCredential },
      bearer(b.accessToken),
    );
    expect(other.body.code).toBe('passkey_challenge_invalid');
    const bad = await api.request(
      'POST',
      '/api/v1/me/passkeys',
      { challengeId, response: fakeCredential },
      bearer(a.accessToken),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('passkey_invalid');
    const again = await api.request(
      'POST',
      '/api/v1/me/passkeys',
      { challengeId, response: fakeCredential },
      bearer(a.accessToken),
    );
    expect(again.body.code).toBe('passkey_challenge_invalid');
    const shape = await api.request(
      'POST',
      '/api/v1/me/passkeys',
      { challengeId, response: { id: 'x' } },
      bearer(a.accessToken),
    );
    expect(shape.status).toBe(400);
    expect(shape.body.code).toBe('validation_failed');
  });
  it('signing in with an unknown passkey fails with a clear message; the challenge expires', async () => {
    const o = await api.request('POST', '/api/v1/auth/passkeys/options', {});
    expect(o.status).toBe(200);
    expect(o.body.options.allowCredentials).toEqual([]);
    const r = await api.request('POST', '/api/v1/auth/passkeys/login', {
      challengeId: o.body.challengeId,
      response: {
        ...fakeCredential,
        response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
      },
    });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('passkey_failed');
    const o2 = await api.request('POST', '/api/v1/auth/passkeys/options', {});
    await api.sequelize.query(
      `UPDATE webauthn_challenges SET expires_at = now() - interval '1 second' WHERE id = :id`,
      {
        replacements: { id: o2.body.challengeId },
      },
    );
    const late = await api.request('POST', '/api/v1/auth/passkeys/login', {
      challengeId: o2.body.challengeId,
      response: fakeCredential,
    });
    expect(late.body.code).toBe('passkey_challenge_invalid');
  });
  it('lists none at first and answers 404 for removing an unknown one', async () => {
    const c = await registerCitizen(api);
    expect(
      (await api.request('GET', '/api/v1/me/passkeys', undefined, bearer(c.accessToken))).body.items,
    ).toEqual([]);
    expect(
      (await api.request('DELETE', '/api/v1/me/passkeys/nope', undefined, bearer(c.accessToken))).status,
    ).toBe(404);
  });
});
