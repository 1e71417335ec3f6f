import createClient from 'openapi-fetch';
import type { Lang } from '../i18n/format';
import { ApiError, toProblem } from './problem';
import type { components, paths } from './schema';
import { clearTokens, getAccessToken, getRefreshToken, setTokens } from './tokens';
import { deviceId } from './device';

export type Session = components['schemas']['Session'];
export type Me = components['schemas']['Me'];

// Same origin as the page: the api serves the console at /console/ and itself at /api/v1.
const baseUrl = typeof location === 'undefined' ? 'http://127.0.0.1:8080' : location.origin;

let language: Lang = 'vi';
/** Problems come back in this language too (Accept-Language), although the console reads messages[lang]. */
export function setApiLanguage(lang: Lang): void {
  language = lang;
}

type ExpiredListener = () => void;
const expiredListeners = new Set<ExpiredListener>();
/** Called when a request got 401 and the refresh token could not renew the session. */
export function onSessionExpired(listener: ExpiredListener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

type SessionListener = (session: Session) => void;
const sessionListeners = new Set<SessionListener>();
/** Called whenever a refresh brings a new session (the user may have new roles). */
export function onSessionRenewed(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function decorate(request: Request, token: string | null): Request {
  request.headers.set('Accept-Language', language);
  const device = deviceId();
  if (device) request.headers.set('x-device-id', device);
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

/** Client without the refresh-and-retry logic: sign-in, refresh and sign-out go through it. */
export const authApi = createClient<paths>({
  baseUrl,
  fetch: (request) => fetch(decorate(request, getAccessToken())),
});

export type RefreshOutcome = 'renewed' | 'rejected' | 'unreachable';
let refreshing: Promise<RefreshOutcome> | null = null;

/** Renews the session with the refresh token; concurrent callers share one request. */
export function refreshSession(): Promise<RefreshOutcome> {
  refreshing ??= (async (): Promise<RefreshOutcome> => {
    const refreshToken = getRefreshToken();
    if (!refreshToken) return 'rejected';
    try {
      const { data, response } = await authApi.POST('/api/v1/auth/refresh', { body: { refreshToken } });
      if (!data) {
        // 400/401/403: the token is bad, expired, revoked or reused; anything else is temporary
        if (![400, 401, 403].includes(response.status)) return 'unreachable';
        clearTokens();
        return 'rejected';
      }
      setTokens(data.accessToken, data.refreshToken);
      for (const l of sessionListeners) l(data);
      return 'renewed';
    } catch {
      return 'unreachable';
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function expire(): void {
  clearTokens();
  for (const l of expiredListeners) l();
}

/** fetch for the main client: on 401 refresh once and retry, else the session is over. */
async function fetchWithRefresh(request: Request): Promise<Response> {
  const retry = request.clone();
  const used = getAccessToken();
  const first = await fetch(decorate(request, used));
  if (first.status !== 401) return first;
  const current = getAccessToken();
  if (current && current !== used) return fetch(decorate(retry, current)); // someone renewed it meanwhile
  const outcome = await refreshSession();
  if (outcome === 'unreachable') return first;
  if (outcome === 'rejected') {
    expire();
    return first;
  }
  const second = await fetch(decorate(retry, getAccessToken()));
  if (second.status === 401) expire();
  return second;
}

export const api = createClient<paths>({ baseUrl, fetch: fetchWithRefresh });

interface ApiResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call; returns data or throws ApiError with the problem (status 0 = network). */
export async function unwrap<D>(call: Promise<ApiResult<D>>): Promise<D> {
  let result: ApiResult<D>;
  try {
    result = await call;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network' });
  }
  if (!result.response.ok || result.error !== undefined) {
    throw new ApiError(toProblem(result.error, result.response.status));
  }
  return result.data as D;
}
