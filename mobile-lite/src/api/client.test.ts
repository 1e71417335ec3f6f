import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from './client';
import type { AuthResult, Me, session as SessionStore } from './session';

/**
 * The token handling of client.ts against a fake server: the access token stays in memory,
 * a 401 triggers one refresh and one retry, a failed refresh ends the session.
 */
type Handler = (req: Request) => Response;
const seen: { method: string; path: string; auth: string | null; device: string | null }[] = [];
let server: Handler;
const store = new Map<string, string>();
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const user: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  phone: '+84905123456',
  fullName: 'Nguyễn Văn An',
  roles: [],
  permissions: [],
  identityLevel: 0,
  createdAt: '2026-11-27T00:00:00Z',
};
const tokens = (n: number): AuthResult => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-token-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
  user,
});

let client: typeof ClientModule;
let session: typeof SessionStore;

beforeAll(async () => {
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, String(v)),
    removeItem: (k: string) => void store.delete(k),
  });
  vi.stubGlobal('location', { hash: '#/profile' });
  // The app calls relative URLs; give Node's Request the page's origin.
  const NodeRequest = Request;
  vi.stubGlobal(
    'Request',
    class extends NodeRequest {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(typeof input === 'string' ? new URL(input, 'http://app.test') : input, init);
      }
    },
  );
  vi.stubGlobal('fetch', async (req: Request) => {
    seen.push({
      method: req.method,
      path: new URL(req.url).pathname,
      auth: req.headers.get('authorization'),
      device: req.headers.get('x-device-id'),
    });
    return server(req);
  });
  client = await import('./client');
  session = (await import('./session')).session;
});

beforeEach(() => {
  seen.length = 0;
  session.clear();
  location.hash = '#/profile';
});

describe('authed', () => {
  it('after a reload (refresh token only) refreshes first, then calls with the new access token', async () => {
    store.set('dlid.refreshToken', 'refresh-token-0');
    server = (req) => {
      if (req.url.endsWith('/auth/refresh')) return json(200, tokens(1));
      return req.headers.get('authorization') === 'Bearer access-1' ? json(200, user) : json(401, {});
    };
    const { data } = await client.authed(() => client.api.GET('/api/v1/me'));
    expect(data?.fullName).toBe('Nguyễn Văn An');
    expect(seen.map((s) => `${s.method} ${s.path} ${s.auth}`)).toEqual([
      'POST /api/v1/auth/refresh null',
      'GET /api/v1/me Bearer access-1',
    ]);
    expect(store.get('dlid.refreshToken')).toBe('refresh-token-1');
  });

  it('on 401 refreshes once and retries once', async () => {
    session.signIn(tokens(1));
    server = (req) => {
      if (req.url.endsWith('/auth/refresh')) return json(200, tokens(2));
      return req.headers.get('authorization') === 'Bearer access-2' ? json(200, user) : json(401, {});
    };
    const { response } = await client.authed(() => client.api.GET('/api/v1/me'));
    expect(response.status).toBe(200);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ]);
    expect(session.accessToken()).toBe('access-2');
  });

  it('when the refresh is refused, clears the tokens and opens sign-in', async () => {
    session.signIn(tokens(1));
    server = () => json(401, { code: 'unauthenticated' });
    const { response } = await client.authed(() => client.api.GET('/api/v1/me'));
    expect(response.status).toBe(401);
    expect(seen.filter((s) => s.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(seen.filter((s) => s.path === '/api/v1/me')).toHaveLength(1);
    expect(session.refreshToken()).toBeNull();
    expect(session.accessToken()).toBeNull();
    expect(location.hash).toBe('#/login');
  });

  it('remembers once that the server ended the session, but not when the person signed out', async () => {
    store.set('dlid.refreshToken', 'refresh-token-5');
    server = () => json(401, { code: 'refresh_revoked' });
    expect(await client.refreshSession()).toBe(false);
    expect(session.takeEnded()).toBe(true);
    expect(session.takeEnded()).toBe(false);
    session.signIn(tokens(6));
    session.clear();
    expect(session.takeEnded()).toBe(false);
  });

  it('concurrent calls share one refresh', async () => {
    session.signIn(tokens(1));
    server = (req) => {
      if (req.url.endsWith('/auth/refresh')) return json(200, tokens(3));
      return req.headers.get('authorization') === 'Bearer access-3' ? json(200, user) : json(401, {});
    };
    const results = await Promise.all([1, 2, 3].map(() => client.authed(() => client.api.GET('/api/v1/me'))));
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(seen.filter((s) => s.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('keeps the tokens when the server cannot be reached', async () => {
    store.set('dlid.refreshToken', 'refresh-token-9');
    server = () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(client.authed(() => client.api.GET('/api/v1/me'))).rejects.toThrow('Failed to fetch');
    expect(session.refreshToken()).toBe('refresh-token-9');
  });
});

describe('device id', () => {
  it('every request carries the same x-device-id, kept in localStorage', async () => {
    session.signIn(tokens(1));
    server = () => json(200, user);
    await client.api.GET('/api/v1/me');
    await client.api.POST('/api/v1/auth/logout', { body: { refreshToken: 'refresh-token-1' } });
    const ids = seen.map((s) => s.device);
    expect(ids[0]).toMatch(/^[\w-]{16,100}$/);
    expect(new Set(ids).size).toBe(1);
    expect(store.get('dlid.deviceId')).toBe(ids[0]);
  });
});
