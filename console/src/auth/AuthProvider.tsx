import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  authApi,
  onSessionExpired,
  onSessionRenewed,
  refreshSession,
  unwrap,
  type Session,
} from '../api/client';
import { asProblem } from '../api/problem';
import { clearTokens, getRefreshToken, setTokens } from '../api/tokens';
import { AuthContext, type AuthState, type AuthValue, type LoginResult } from './context';
import { canUseConsole } from './permissions';

/** Ends the server session of the current refresh token, ignoring failures, then drops the tokens. */
async function endServerSession(): Promise<void> {
  const refreshToken = getRefreshToken();
  try {
    if (refreshToken) await authApi.POST('/api/v1/auth/logout', { body: { refreshToken } });
  } catch {
    // offline: the tokens are discarded below all the same
  } finally {
    clearTokens();
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    getRefreshToken() ? { status: 'restoring' } : { status: 'signedOut' },
  );

  // A reload keeps the refresh token (sessionStorage) but not the access token: renew once.
  useEffect(() => {
    if (state.status !== 'restoring') return;
    let cancelled = false;
    void refreshSession().then((outcome) => {
      if (cancelled) return;
      if (outcome !== 'renewed') setState({ status: 'signedOut' });
    });
    return () => {
      cancelled = true;
    };
  }, [state.status]);

  useEffect(() => {
    const offRenewed = onSessionRenewed((session) => {
      if (canUseConsole(session.user.permissions)) setState({ status: 'signedIn', user: session.user });
      else {
        void endServerSession();
        setState({ status: 'signedOut' });
      }
    });
    const offExpired = onSessionExpired(() => setState({ status: 'signedOut', reason: 'expired' }));
    return () => {
      offRenewed();
      offExpired();
    };
  }, []);

  const start = useCallback(async (call: () => Promise<Session>): Promise<LoginResult> => {
    try {
      const session = await call();
      setTokens(session.accessToken, session.refreshToken);
      if (!canUseConsole(session.user.permissions)) {
        await endServerSession();
        return { ok: false, refused: true };
      }
      setState({ status: 'signedIn', user: session.user });
      return { ok: true };
    } catch (err) {
      return { ok: false, problem: asProblem(err) };
    }
  }, []);

  const login = useCallback(
    (phone: string, password: string, otp?: string) =>
      start(() =>
        unwrap(
          authApi.POST('/api/v1/auth/login', { body: otp ? { phone, password, otp } : { phone, password } }),
        ),
      ),
    [start],
  );

  /** The selfie step on a new workstation (level-2 accounts), sent as multipart. */
  const loginWithSelfie = useCallback(
    (ticket: string, selfie: Blob) =>
      start(() =>
        unwrap(
          authApi.POST('/api/v1/auth/device-selfie', {
            body: { ticket, selfie: '' },
            bodySerializer: () => {
              const form = new FormData();
              form.set('ticket', ticket);
              form.set('selfie', selfie, 'selfie.jpg');
              return form;
            },
          }),
        ),
      ),
    [start],
  );

  const logout = useCallback(async () => {
    await endServerSession();
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      state,
      login,
      loginWithSelfie,
      logout,
      permissions: state.status === 'signedIn' ? state.user.permissions : [],
    }),
    [state, login, loginWithSelfie, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
