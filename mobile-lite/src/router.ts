import { useEffect, useState } from 'preact/hooks';

/** Hash routing: `#/login`, `#/service/jobs`… The server never sees the route, so any path works offline. */
export interface Route {
  /** Path segments after `#/`, e.g. ['service', 'jobs']; [] is home. */
  readonly parts: readonly string[];
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent) };
}

/** One-shot state handed to the next screen (a notice, a phone number), kept out of the URL and history. */
export interface Flash {
  notice?: 'login.passwordChanged' | 'login.sessionExpired' | 'profile.identityDeclared';
  phone?: string;
}
let flash: Flash = {};

export function takeFlash(): Flash {
  const f = flash;
  flash = {};
  return f;
}

export function navigate(hash: string, state: Flash = {}): void {
  flash = state;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
