import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { EndedSessions } from './ended-sessions.ts';
import { createTokenSigner, SessionEnded } from './tokens.ts';
import { loadConfig } from '../../config.ts';

describe('EndedSessions', () => {
  it('refuses a session for one token lifetime plus the clock skew after it ended, then forgets it', () => {
    let now = 1_000_000;
    const ended = new EndedSessions(900_000, () => now, 60_000);
    ended.add('s1');
    expect(ended.has('s1')).toBe(true);
    expect(ended.has('s2')).toBe(false);
    now += 959_999;
    expect(ended.has('s1')).toBe(true);
    now += 1;
    expect(ended.has('s1')).toBe(false);
    expect(ended.size).toBe(0);
  });

  it('keeps the later end when told twice, and ignores an end too old to matter', () => {
    let now = 10_000_000;
    const ended = new EndedSessions(1000, () => now, 0);
    ended.add('s1', now);
    ended.add('s1', now - 500); // an older report (another instance's read) must not shorten it
    now += 900;
    expect(ended.has('s1')).toBe(true);
    ended.add('old', now - 5000);
    expect(ended.has('old')).toBe(false);
  });

  it('sweeps expired entries as new ones arrive, so it stays small', () => {
    let now = 0;
    const ended = new EndedSessions(1000, () => now, 0);
    for (let i = 0; i < 100; i++) ended.add(`s${i}`);
    now = 120_000;
    ended.add('new');
    expect(ended.size).toBe(1);
  });
});

describe('the token signer and ended sessions', () => {
  const config = loadConfig({ NODE_ENV: 'test', ACCESS_TOKEN_TTL_SECONDS: '60' });
  const key = generateKeyPairSync('ed25519').privateKey;

  it('refuses a verified (cached) token once its session ended, and only that session’s tokens', async () => {
    const signer = createTokenSigner(key, config);
    const a = await signer.issueAccess({ sub: 'u1', roles: ['citizen'], sid: 'sa' });
    const b = await signer.issueAccess({ sub: 'u1', roles: ['citizen'], sid: 'sb' });
    await signer.verifyAccess(a); // now in the verification cache
    signer.endSession('sa');
    await expect(signer.verifyAccess(a)).rejects.toBeInstanceOf(SessionEnded);
    await expect(signer.verifyAccess(b)).resolves.toMatchObject({ sid: 'sb' });
  });

  it('calls every session-end listener once even when one throws, and reports the failure', () => {
    const failures: Array<[string, string]> = [];
    const signer = createTokenSigner(key, config, {
      onListenerError: (err, sid) => failures.push([sid, (err as Error).message]),
    });
    const calls: string[] = [];
    signer.onSessionEnded((sid) => calls.push(`first ${sid}`));
    signer.onSessionEnded(() => {
      throw new Error('viewer socket gone');
    });
    const off = signer.onSessionEnded((sid) => calls.push(`last ${sid}`));
    expect(() => signer.endSession('sx')).not.toThrow();
    signer.endSession('sx'); // already ended: no second round
    off();
    signer.endSession('sy');
    expect(calls).toEqual(['first sx', 'last sx', 'first sy']);
    expect(failures).toEqual([
      ['sx', 'viewer socket gone'],
      ['sy', 'viewer socket gone'],
    ]);
  });
});
