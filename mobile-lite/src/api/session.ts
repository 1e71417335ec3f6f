import type { paths } from './schema';

/** What the API returns on sign-in, registration and refresh. */
export type AuthResult = paths['/api/v1/auth/login']['post']['responses'][200]['content']['application/json'];
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];

const REFRESH_KEY = 'dlid.refreshToken';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The access token lives only in memory; the refresh token survives reloads in localStorage. */
let accessToken: string | null = null;
let user: Me | null = null;
/** The server ended the session (expired, signed out elsewhere): the sign-in screen says so once. */
let endedByServer = false;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export const session = {
  accessToken: (): string | null => accessToken,
  refreshToken: (): string | null => storage()?.getItem(REFRESH_KEY) ?? null,
  user: (): Me | null => user,
  isSignedIn: (): boolean => accessToken !== null || storage()?.getItem(REFRESH_KEY) != null,

  signIn(result: AuthResult): void {
    accessToken = result.accessToken;
    endedByServer = false;
    storage()?.setItem(REFRESH_KEY, result.refreshToken);
    user = result.user;
    changed();
  },

  setUser(me: Me): void {
    user = me;
    changed();
  },

  /** Forgets the tokens; `ended` when the server refused them rather than the person signing out. */
  clear(options: { ended?: boolean } = {}): void {
    endedByServer = options.ended ?? false;
    accessToken = null;
    user = null;
    storage()?.removeItem(REFRESH_KEY);
    changed();
  },

  /** True once after the server ended the session. */
  takeEnded(): boolean {
    const was = endedByServer;
    endedByServer = false;
    return was;
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
