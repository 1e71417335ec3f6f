import { describe, expect, it } from 'vitest';
import { authContextOf, permissionsOf } from './permissions.ts';

describe('authContextOf', () => {
  it('turns claims into the caller: roles it knows, their permissions, the session', () => {
    const ctx = authContextOf(
      Object.freeze({ sub: 'u1', sid: 's1', roles: Object.freeze(['citizen', 'officer']) }),
    );
    expect(ctx.userId).toBe('u1');
    expect(ctx.sessionId).toBe('s1');
    expect(ctx.roles).toEqual(['citizen', 'officer']);
    expect([...ctx.permissions].sort()).toEqual(permissionsOf(['officer']));
    expect(ctx.permissions.has('console:access')).toBe(true);
    expect(ctx.permissions.has('users:manage')).toBe(false);
  });

  it('drops roles it does not know, so they grant nothing', () => {
    const ctx = authContextOf({ sub: 'u2', sid: 's2', roles: ['superuser', 'citizen'] });
    expect(ctx.roles).toEqual(['citizen']);
    expect(ctx.permissions.size).toBe(0);
  });

  it('works a frozen claims object out once, and an unfrozen one every time', () => {
    const frozen = Object.freeze({ sub: 'u3', sid: 's3', roles: Object.freeze(['admin']) });
    expect(authContextOf(frozen)).toBe(authContextOf(frozen));
    const loose = { sub: 'u3', sid: 's3', roles: ['admin'] };
    const first = authContextOf(loose);
    loose.roles = ['citizen'];
    const second = authContextOf(loose);
    expect(second).not.toBe(first);
    expect(second.permissions.has('users:manage')).toBe(false);
  });

  it('hands out a context nobody can change', () => {
    const ctx = authContextOf(Object.freeze({ sub: 'u4', sid: 's4', roles: Object.freeze(['citizen']) }));
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(Object.isFrozen(ctx.roles)).toBe(true);
  });
});
