import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, onSessionExpired, onSessionRenewed, unwrap } from './client';
import { ApiError } from './problem';
import { getAccessToken, getRefreshToken, setTokens } from './tokens';

class MemoryStorage {
  private map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const user = {
  id: '00000000-0000-4000-8000-000000000001',
  phone: '+84905000001',
  fullName: 'Quản trị',
  roles: ['admin'],
  permissions: ['console:access', 'users:read'],
  identityLevel: 0,
  createdAt: '2026-11-27T00:00:00.000Z',
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const problem = (status: number, code: string) =>
  new Response(
    JSON.stringify({
      status,
      code,
      title: 'x',
      detail: 'd',
      messages: { vi: `vi:${code}`, en: `en:${code}` },
      requestId: 'r1',
    }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
const roles = { items: [{ role: 'admin', permissions: ['users:read'] }] };

let calls: { url: string; auth: string | null; body: string | null }[];

function stubFetch(handler: (url: string, auth: string | null, body: string | null) => Response) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const body = req.method === 'GET' ? null : await req.text();
      const auth = req.headers.get('Authorization');
      calls.push({ url: new URL(req.url).pathname, auth, body });
      return handler(new URL(req.url).pathname, auth, body);
    }),
  );
}

beforeEach(() => {
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  setTokens('old-access', 'old-refresh');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client: 401 → refresh once → retry', () => {
  it('sends the access token and returns data', async () => {
    stubFetch(() => json(200, roles));
    await expect(unwrap(api.GET('/api/v1/admin/roles'))).resolves.toEqual(roles);
    expect(calls).toEqual([{ url: '/api/v1/admin/roles', auth: 'Bearer old-access', body: null }]);
  });

  it('refreshes on 401 and retries with the new token', async () => {
    const renewed = vi.fn();
    const off = onSessionRenewed(renewed);
    stubFetch((url, auth) => {
      if (url === '/api/v1/auth/refresh')
        return json(200, {
          accessToken: 'new-access',
          refreshToken: 'new-refresh',
          tokenType: 'Bearer',
          expiresIn: 900,
          user,
        });
      return auth === 'Bearer new-access' ? json(200, roles) : problem(401, 'token_expired');
    });
    await expect(unwrap(api.GET('/api/v1/admin/roles'))).resolves.toEqual(roles);
    off();
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/admin/roles',
      '/api/v1/auth/refresh',
      '/api/v1/admin/roles',
    ]);
    expect(JSON.parse(calls[1]?.body ?? '{}')).toEqual({ refreshToken: 'old-refresh' });
    expect(getAccessToken()).toBe('new-access');
    expect(getRefreshToken()).toBe('new-refresh');
    expect(renewed).toHaveBeenCalledOnce();
  });

  it('retries a request with a body after the refresh', async () => {
    stubFetch((url, auth) => {
      if (url === '/api/v1/auth/refresh')
        return json(200, {
          accessToken: 'a2',
          refreshToken: 'r2',
          tokenType: 'Bearer',
          expiresIn: 900,
          user,
        });
      return auth === 'Bearer a2'
        ? json(200, { ...user, status: 'active', lastLoginAt: null })
        : problem(401, 'x');
    });
    await unwrap(
      api.PATCH('/api/v1/admin/users/{id}/status', {
        params: { path: { id: user.id } },
        body: { status: 'disabled', reason: 'spam' },
      }),
    );
    expect(calls[2]?.body).toBe(JSON.stringify({ status: 'disabled', reason: 'spam' }));
  });

  it('shares one refresh between concurrent 401s', async () => {
    stubFetch((url, auth) => {
      if (url === '/api/v1/auth/refresh')
        return json(200, {
          accessToken: 'a3',
          refreshToken: 'r3',
          tokenType: 'Bearer',
          expiresIn: 900,
          user,
        });
      return auth === 'Bearer a3' ? json(200, roles) : problem(401, 'x');
    });
    await Promise.all([unwrap(api.GET('/api/v1/admin/roles')), unwrap(api.GET('/api/v1/admin/roles'))]);
    expect(calls.filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh is refused', async () => {
    const expired = vi.fn();
    const off = onSessionExpired(expired);
    stubFetch(() => problem(401, 'unauthenticated'));
    const err = await unwrap(api.GET('/api/v1/admin/roles')).catch((e: unknown) => e);
    off();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problem).toMatchObject({ status: 401, messages: { vi: 'vi:unauthenticated' } });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/admin/roles', '/api/v1/auth/refresh']);
    expect(expired).toHaveBeenCalledOnce();
    expect(getAccessToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();
  });

  it('does not retry other errors and reports the problem', async () => {
    stubFetch(() => problem(409, 'last_admin'));
    const err = await unwrap(api.GET('/api/v1/admin/roles')).catch((e: unknown) => e);
    expect((err as ApiError).problem).toMatchObject({ status: 409, code: 'last_admin', requestId: 'r1' });
    expect(calls).toHaveLength(1);
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const err = await unwrap(api.GET('/api/v1/admin/roles')).catch((e: unknown) => e);
    expect((err as ApiError).problem).toEqual({ status: 0, code: 'network' });
  });
});
