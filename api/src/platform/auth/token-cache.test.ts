import { describe, expect, it, vi, afterEach } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { errors as joseErrors, SignJWT } from 'jose';
import { VerifiedTokenCache } from './token-cache.ts';
import { createTokenSigner } from './tokens.ts';
import { loadConfig } from '../../config.ts';

describe('VerifiedTokenCache', () => {
  it('answers a token until its exp, then forgets it', () => {
    let now = 1_000_000;
    const c = new VerifiedTokenCache<string>(10, () => now);
    c.set('a', 'claims-a', 1_000 + 60);
    expect(c.get('a')).toBe('claims-a');
    expect(c.get('b')).toBeUndefined();
    now = 1_060_000;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest first', () => {
    const c = new VerifiedTokenCache<number>(3, () => 0);
    for (let i = 0; i < 5; i++) c.set(`t${i}`, i, 100);
    expect(c.size).toBe(3);
    expect([c.get('t0'), c.get('t1'), c.get('t2'), c.get('t3'), c.get('t4')]).toEqual([
      undefined,
      undefined,
      2,
      3,
      4,
    ]);
  });

  it('stores nothing when disabled or when the token is already expired', () => {
    const off = new VerifiedTokenCache<number>(0, () => 0);
    off.set('a', 1, 100);
    expect(off.get('a')).toBeUndefined();
    const c = new VerifiedTokenCache<number>(5, () => 200_000);
    c.set('old', 1, 100);
    expect(c.get('old')).toBeUndefined();
  });
});

describe('access tokens with the verification cache', () => {
  afterEach(() => vi.useRealTimers());
  const config = loadConfig({ NODE_ENV: 'test', ACCESS_TOKEN_TTL_SECONDS: '60' });
  const key = generateKeyPairSync('ed25519').privateKey;

  it('gives the same frozen claims for a token seen before', async () => {
    const signer = createTokenSigner(key, config);
    const token = await signer.issueAccess({ sub: 'u1', roles: ['citizen'], sid: 's1' });
    const first = await signer.verifyAccess(token);
    const second = await signer.verifyAccess(token);
    expect(second).toBe(first);
    expect(second).toEqual({ sub: 'u1', roles: ['citizen'], sid: 's1' });
    expect(Object.isFrozen(second) && Object.isFrozen(second.roles)).toBe(true);
  });

  it('still refuses a token that differs by one character from a cached one', async () => {
    const signer = createTokenSigner(key, config);
    const token = await signer.issueAccess({ sub: 'u1', roles: ['admin'], sid: 's1' });
    await signer.verifyAccess(token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const forged = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    await expect(signer.verifyAccess(forged)).rejects.toThrow();
  });

  it('refuses a cached token once it has expired, with the expiry error', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const signer = createTokenSigner(key, config);
    const token = await signer.issueAccess({ sub: 'u1', roles: ['citizen'], sid: 's1' });
    await signer.verifyAccess(token);
    vi.setSystemTime(Date.now() + 61_000);
    await expect(signer.verifyAccess(token)).rejects.toBeInstanceOf(joseErrors.JWTExpired);
  });

  it('does not take a token signed by another key, even with the same claims', async () => {
    const signer = createTokenSigner(key, config);
    const other = generateKeyPairSync('ed25519').privateKey;
    const token = await new SignJWT({ roles: ['admin'], sid: 's1' })
      .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ: 'at+jwt' })
      .setSubject('u1')
      .setIssuer(config.JWT_ISSUER)
      .setAudience('daklak-id-api')
      .setExpirationTime('60s')
      .sign(other);
    await expect(signer.verifyAccess(token)).rejects.toThrow();
  });
});
