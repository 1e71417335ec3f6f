import createClient from 'openapi-fetch';
import { getLang } from '../i18n';
import { navigate } from '../router';
import { deviceId } from './device';
import type { paths } from './schema';
import { session } from './session';
import { webLock } from './lock';

/** Same origin: the API server also serves this app, and Vite's dev server proxies /api. */
export const api = createClient<paths>({ baseUrl: '' });

/** What every request carries: the access token (when signed in), the language, and this phone's id. */
export function prepareHeaders(headers: Headers): Headers {
  const token = session.accessToken();
  if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  headers.set('Accept-Language', getLang());
  headers.set('x-device-id', deviceId());
  return headers;
}

api.use({
  onRequest({ request }) {
    prepareHeaders(request.headers);
    return request;
  },
});

let refreshing: Promise<boolean> | null = null;

/**
 * Tabs take turns to renew: two tabs renewing at the same moment would present the same refresh token, and the
 * server ends a session whose token is used twice. Inside the lock a tab reads the token the previous holder
 * stored. Without Web Locks the renewal runs at once.
 */
const refreshLock = webLock('dlid-refresh') ?? (<T>(body: () => Promise<T>) => body());

/** Trades the stored refresh token for new tokens; concurrent callers share one request, tabs take turns. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= refreshLock(async () => {
    const refreshToken = session.refreshToken();
    if (!refreshToken) return false;
    const { data, response } = await api.POST('/api/v1/auth/refresh', { body: { refreshToken } });
    if (data) {
      session.signIn(data);
      return true;
    }
    // Rejected token: forget it. Other failures (server down) keep it for a later try.
    if (response.status >= 400 && response.status < 500) session.clear({ ended: true });
    return false;
  })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/**
 * Calls the API as the signed-in user. On 401 it refreshes the tokens once and retries;
 * when that fails too, the session is over: tokens are cleared and the sign-in screen opens.
 */
export async function authed<R extends { response: Response }>(call: () => Promise<R>): Promise<R> {
  if (!session.accessToken() && session.refreshToken()) await refreshSession();
  let result = await call();
  if (result.response.status === 401 && (await refreshSession())) result = await call();
  if (result.response.status === 401) {
    session.clear();
    navigate('#/login', { notice: 'login.sessionExpired' });
  }
  return result;
}
