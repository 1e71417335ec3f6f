import { describe, expect, it } from 'vitest';
import {
  expiryOf,
  formatCountdown,
  isQrSvg,
  REFRESH_LEAD_MS,
  refreshDelay,
  secondsLeft,
  verdictTone,
  verifyStatusOf,
} from './qr';

const T0 = 1_800_000_000_000;

describe('countdown and renewal of the personal QR', () => {
  it('counts the lifetime from when the answer arrived, not from the server clock', () => {
    expect(expiryOf(T0, 300)).toBe(T0 + 300_000);
  });

  it('rounds the seconds left up and never below zero', () => {
    const expiry = expiryOf(T0, 300);
    expect(secondsLeft(expiry, T0)).toBe(300);
    expect(secondsLeft(expiry, T0 + 500)).toBe(300);
    expect(secondsLeft(expiry, T0 + 299_001)).toBe(1);
    expect(secondsLeft(expiry, T0 + 300_000)).toBe(0);
    expect(secondsLeft(expiry, T0 + 400_000)).toBe(0);
  });

  it('renews 20 s before expiry', () => {
    const expiry = expiryOf(T0, 300);
    expect(REFRESH_LEAD_MS).toBe(20_000);
    expect(refreshDelay(expiry, T0, 300_000)).toBe(280_000);
    expect(refreshDelay(expiry, T0 + 100_000, 300_000)).toBe(180_000);
  });

  it('renews at once when that moment has passed (the phone slept, the tab was hidden)', () => {
    const expiry = expiryOf(T0, 300);
    expect(refreshDelay(expiry, T0 + 285_000, 300_000)).toBe(0);
    expect(refreshDelay(expiry, T0 + 900_000, 300_000)).toBe(0);
  });

  it('renews a very short-lived code halfway, not as soon as it arrives', () => {
    expect(refreshDelay(expiryOf(T0, 30), T0, 30_000)).toBe(15_000);
  });

  it('writes the countdown as m:ss', () => {
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(279)).toBe('4:39');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-3)).toBe('0:00');
  });
});

describe('isQrSvg', () => {
  const qr =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 57 57" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h57v57H0z"/><path stroke="#000000" d="M4 4.5h7"/></svg>\n';

  it('accepts the SVG the API draws', () => {
    expect(isQrSvg(qr)).toBe(true);
  });

  it('refuses anything that is not a plain SVG element', () => {
    expect(isQrSvg('<img src=x onerror=alert(1)>')).toBe(false);
    expect(isQrSvg('<?xml version="1.0"?><svg></svg>')).toBe(false);
    expect(isQrSvg('<svgfoo></svgfoo>')).toBe(false);
    expect(isQrSvg('<svg><script>alert(1)</script></svg>')).toBe(false);
    expect(isQrSvg('<svg onload="alert(1)"></svg>')).toBe(false);
    expect(isQrSvg('<svg><a href="javascript:alert(1)"><path/></a></svg>')).toBe(false);
    expect(isQrSvg('<svg><foreignObject><div/></foreignObject></svg>')).toBe(false);
    expect(isQrSvg('<svg></svg><img src=x>')).toBe(false);
    expect(isQrSvg('')).toBe(false);
  });
});

describe('verifyStatusOf', () => {
  it('maps each answer about the code to its verdict', () => {
    expect(verifyStatusOf(200, undefined)).toBe('valid');
    expect(verifyStatusOf(400, 'qr_expired')).toBe('expired');
    expect(verifyStatusOf(400, 'qr_forged')).toBe('forged');
    expect(verifyStatusOf(400, 'qr_malformed')).toBe('malformed');
    expect(verifyStatusOf(400, 'qr_revoked')).toBe('revoked');
    expect(verifyStatusOf(409, 'qr_replayed')).toBe('replayed');
  });

  it('calls text that is not even shaped like a code malformed', () => {
    expect(verifyStatusOf(400, 'validation_failed')).toBe('malformed');
  });

  it('gives no verdict when the code was not checked', () => {
    expect(verifyStatusOf(undefined, undefined)).toBeNull(); // no network
    expect(verifyStatusOf(429, 'rate_limited')).toBeNull();
    expect(verifyStatusOf(500, 'internal')).toBeNull();
    expect(verifyStatusOf(502, undefined)).toBeNull();
    expect(verifyStatusOf(400, 'toString')).toBeNull();
  });

  it('colours the verdicts: green, amber, red', () => {
    expect(verdictTone('valid')).toBe('ok');
    expect(verdictTone('expired')).toBe('warn');
    for (const s of ['forged', 'malformed', 'revoked', 'replayed'] as const)
      expect(verdictTone(s)).toBe('bad');
  });
});
