// Access token in memory only; refresh token in sessionStorage (per tab, gone when the tab closes).
const REFRESH_KEY = 'dlid.console.refreshToken';

let accessToken: string | null = null;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function getRefreshToken(): string | null {
  return storage()?.getItem(REFRESH_KEY) ?? null;
}

export function setTokens(access: string, refresh: string): void {
  accessToken = access;
  storage()?.setItem(REFRESH_KEY, refresh);
}

export function clearTokens(): void {
  accessToken = null;
  storage()?.removeItem(REFRESH_KEY);
}
