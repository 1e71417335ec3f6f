import { createContext, useContext } from 'react';
import type { Me } from '../api/client';
import type { Problem } from '../api/problem';

export type AuthState =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason?: 'expired' | 'signedOut' }
  | { status: 'signedIn'; user: Me };

export type LoginResult = { ok: true } | { ok: false; refused: true } | { ok: false; problem: Problem };

/** The API asks for an SMS code when an account signs in from a workstation it has not seen. */
export const NEW_DEVICE_CODE = 'new_device_otp_required';
/** …and, for a level-2 account, a selfie matched to the ID card portrait. */
export const NEW_DEVICE_SELFIE = 'new_device_selfie_required';

export interface AuthValue {
  state: AuthState;
  login: (phone: string, password: string, otp?: string) => Promise<LoginResult>;
  loginWithSelfie: (ticket: string, selfie: Blob) => Promise<LoginResult>;
  logout: () => Promise<void>;
  /** Permissions of the signed-in user (empty when signed out). */
  permissions: readonly string[];
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only call below the signed-in guard. */
export function useUser(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useUser without a signed-in user');
  return state.user;
}
