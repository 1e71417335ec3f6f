import { problemExtra } from './api/problem';
import type { components } from './api/schema';

/**
 * Signing in on a phone the account has not used: what the API's 401 asks for next.
 * `otp`: a code was texted to the account's number (resend possible after `resendAfter` s).
 * `selfie`: a level-2 account must also show its face; `ticket` carries the checks already passed.
 */
export type NewDeviceStep =
  | { kind: 'otp'; resendAfter: number; codeSent: boolean }
  | { kind: 'selfie'; ticket: string; minutes: number };

export function newDeviceStep(code: string | undefined, problem: unknown): NewDeviceStep | null {
  if (code === 'new_device_otp_required') {
    const after = Number(problemExtra(problem, 'resendAfter') ?? 60);
    // false when the number's hourly quota of codes is spent: nothing was texted this time.
    const codeSent = problemExtra(problem, 'codeSent') !== false;
    return { kind: 'otp', resendAfter: Number.isFinite(after) && after >= 0 ? after : 60, codeSent };
  }
  if (code === 'new_device_selfie_required') {
    const ticket = problemExtra(problem, 'ticket');
    if (typeof ticket !== 'string' || !ticket) return null;
    const minutes = Number(problemExtra(problem, 'expiresInMinutes') ?? 10);
    return { kind: 'selfie', ticket, minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 10 };
  }
  return null;
}

/** After a refused selfie: how many tries remain (null when the API did not say). */
export function triesLeftOf(problem: unknown): number | null {
  const left = problemExtra(problem, 'triesLeft');
  return typeof left === 'number' && left >= 0 ? left : null;
}

/** Why a passkey ceremony on the phone did not finish: the person cancelled (or had none), already has one, or other. */
export type PasskeyProblem = 'cancelled' | 'exists' | 'failed';

export function passkeyProblem(error: unknown): PasskeyProblem {
  const e = typeof error === 'object' && error !== null ? (error as { name?: unknown; code?: unknown }) : {};
  if (e.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || e.name === 'InvalidStateError')
    return 'exists';
  if (e.name === 'NotAllowedError' || e.name === 'AbortError') return 'cancelled';
  return 'failed';
}

/** A name for a new passkey, from the browser's description of the device ("Android", "iPhone"…). */
export function passkeyDeviceName(userAgent: string): string {
  if (/iPhone/i.test(userAgent)) return 'iPhone';
  if (/iPad/i.test(userAgent)) return 'iPad';
  if (/Android/i.test(userAgent)) {
    const model = /Android[^;)]*;\s*([^;)]+?)(?:\s+Build\/[^;)]*)?[;)]/i.exec(userAgent)?.[1]?.trim();
    return model && model !== 'K' && !/^wv$/i.test(model) ? `Android ${model}`.slice(0, 60) : 'Android';
  }
  if (/Windows/i.test(userAgent)) return 'Windows';
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'Mac';
  if (/Linux/i.test(userAgent)) return 'Linux';
  return 'Passkey';
}

type CredentialJson = components['schemas']['WebAuthnCredentialJSON'];

/** The device's answer (registration or assertion, from @simplewebauthn/browser) as the API's body field. */
export function credentialJson(response: {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string };
}): CredentialJson {
  return { ...response, response: { ...response.response } };
}

/** The "send again in …" label: seconds under two minutes, whole minutes above (an hourly quota can mean 50 min). */
export function resendIn(
  seconds: number,
): [key: 'otp.resendIn' | 'otp.resendInMinutes', values: { [k: string]: number }] {
  return seconds >= 120
    ? ['otp.resendInMinutes', { minutes: Math.ceil(seconds / 60) }]
    : ['otp.resendIn', { seconds }];
}
