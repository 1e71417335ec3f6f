/**
 * The personal QR: when to renew the code on the citizen's phone, and how the officer's screen
 * reads the API's verdict on a scanned code.
 */

/** Renew the code this long before it expires, so it never runs out while being scanned. */
export const REFRESH_LEAD_MS = 20_000;
/** After a failed renewal (no network), try again this often. */
export const RETRY_MS = 5_000;

/**
 * When the code expires by this phone's clock: the lifetime the server gave, counted from when its
 * answer arrived. A cheap phone's clock is often minutes off; its stopwatch is not.
 */
export function expiryOf(receivedAt: number, expiresInSeconds: number): number {
  return receivedAt + expiresInSeconds * 1000;
}

/** Whole seconds left, rounded up (the countdown shows 0:01 until the code is really gone). */
export function secondsLeft(expiry: number, now: number): number {
  return Math.max(0, Math.ceil((expiry - now) / 1000));
}

/**
 * Milliseconds from `now` until the code should be renewed: `lead` before it expires (at most half its
 * lifetime, for very short-lived codes), at once when that moment has passed.
 */
export function refreshDelay(
  expiry: number,
  now: number,
  lifetimeMs: number,
  lead = REFRESH_LEAD_MS,
): number {
  return Math.max(0, expiry - Math.min(lead, lifetimeMs / 2) - now);
}

/** `m:ss` for a countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The QR arrives from our API as SVG markup and is inserted as such. A minimal check before that:
 * it is an `<svg>` element, with no script, event handler, `javascript:` link or foreign HTML in it.
 */
export function isQrSvg(svg: string): boolean {
  return (
    /^\s*<svg[\s>]/i.test(svg) &&
    /<\/svg>\s*$/i.test(svg) &&
    !/<script|<foreignObject|\son\w+\s*=|javascript:/i.test(svg)
  );
}

/** What the officer's screen shows after `POST /qr/verify`. */
export type VerifyStatus = 'valid' | 'expired' | 'forged' | 'malformed' | 'revoked' | 'replayed';

const STATUS_OF_CODE: Readonly<Record<string, VerifyStatus>> = {
  qr_expired: 'expired',
  qr_forged: 'forged',
  qr_malformed: 'malformed',
  qr_revoked: 'revoked',
  qr_replayed: 'replayed',
};

/**
 * The verdict on a scanned code, from the HTTP status and the problem code. Only answers about the code
 * are verdicts: no network, too many requests or a server fault give null, and the screen shows an
 * error to retry — never "forged" for a code that was not checked.
 */
export function verifyStatusOf(
  httpStatus: number | undefined,
  code: string | undefined,
): VerifyStatus | null {
  if (httpStatus !== undefined && httpStatus >= 200 && httpStatus < 300) return 'valid';
  if (code && Object.prototype.hasOwnProperty.call(STATUS_OF_CODE, code)) return STATUS_OF_CODE[code] ?? null;
  // The text did not even pass the request schema (too short, too long): not one of our codes.
  if (httpStatus === 400 && code === 'validation_failed') return 'malformed';
  return null;
}

/** Green for a valid code, amber for one that only ran out of time, red for everything else. */
export function verdictTone(status: VerifyStatus): 'ok' | 'warn' | 'bad' {
  return status === 'valid' ? 'ok' : status === 'expired' ? 'warn' : 'bad';
}
