import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi, onSessionExpired, onSessionRenewed, refreshSession, unwrap } from '../api/client';
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

  const login = useCallback(async (phone: string, password: string, otp?: string): Promise<LoginResult> => {
    try {
      const body = otp ? { phone, password, otp } : { phone, password };
      const session = await unwrap(authApi.POST('/api/v1/auth/login', { body }));
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

  const logout = useCallback(async () => {
    await endServerSession();
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      state,
      login,
      logout,
      permissions: state.status === 'signedIn' ? state.user.permissions : [],
    }),
    [state, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
