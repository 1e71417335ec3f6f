import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature both directions use: `x-province-timestamp` = Unix seconds, `x-province-signature` =
 * `sha256=` + hex HMAC-SHA256 over `${timestamp}.${rawBody}` with the shared secret.
 */
export const SIGNATURE_HEADER = 'x-province-signature';
export const TIMESTAMP_HEADER = 'x-province-timestamp';
/** Webhook requests older (or newer) than this are refused, so a captured request cannot be replayed later. */
export const MAX_SKEW_SECONDS = 300;

export function sign(secret: string, timestamp: number | string, body: string | Buffer): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export function signedHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const ts = Math.floor(now / 1000);
  return { [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: sign(secret, ts, body) };
}

export type SignatureCheck = 'ok' | 'missing' | 'bad_signature' | 'stale';

/** Constant-time check of a signature and its timestamp. */
export function verify(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: Buffer,
  now = Date.now(),
): SignatureCheck {
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'bad_signature';
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  if (Math.abs(now / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale';
  return 'ok';
}
