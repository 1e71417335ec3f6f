import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  closeOutcome,
  expiresWithin,
  liveUrl,
  parseStatusFrame,
  tokenExpiry,
} from './playerLogic';

const b64url = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const jwt = (payload: object) => `${b64url('{"alg":"EdDSA"}')}.${b64url(JSON.stringify(payload))}.sig`;

describe('closeOutcome', () => {
  it('stops on camera_changed, retries at once with a fresh token on token_expired', () => {
    expect(closeOutcome(4410, true, 0)).toMatchObject({ phase: 'changed', retryMs: null });
    expect(closeOutcome(4401, true, 3)).toMatchObject({ phase: 'connecting', retryMs: 0, refresh: true });
  });
  it('waits longer when busy or too slow, backs off otherwise', () => {
    expect(closeOutcome(1013, true, 0)).toMatchObject({ phase: 'busy', retryMs: 10_000 });
    expect(closeOutcome(4008, true, 0)).toMatchObject({ phase: 'tooSlow', retryMs: 3000 });
    expect(closeOutcome(1001, true, 2)).toMatchObject({
      phase: 'reconnecting',
      retryMs: 4000,
      diagnose: false,
    });
  });
  it('asks why when the socket never opened (refused at the upgrade)', () => {
    expect(closeOutcome(1006, false, 0)).toMatchObject({
      phase: 'reconnecting',
      diagnose: true,
      retryMs: 1000,
    });
  });
  it('backs off 1, 2, 4, 8 then 15 s', () => {
    expect([0, 1, 2, 3, 4, 9].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });
});

describe('parseStatusFrame', () => {
  it('reads status frames and refuses anything else', () => {
    expect(
      parseStatusFrame('{"type":"status","state":"offline","message":"Connection refused","viewers":2}'),
    ).toEqual({
      state: 'offline',
      message: 'Connection refused',
      viewers: 2,
    });
    expect(parseStatusFrame('{"type":"status","state":"live"}')).toEqual({
      state: 'live',
      message: null,
      viewers: null,
    });
    expect(parseStatusFrame('{"type":"status","state":"unknown"}')).toBeNull();
    expect(parseStatusFrame('{"type":"other","state":"live"}')).toBeNull();
    expect(parseStatusFrame('jsmp')).toBeNull();
  });
});

describe('tokens', () => {
  it('reads exp from a JWT and says when it is about to expire', () => {
    const now = Date.UTC(2026, 10, 28, 4, 0, 0);
    const token = jwt({ sub: 'u', exp: now / 1000 + 60, name: 'Nguyễn Văn Ánh ~~~?>' });
    expect(tokenExpiry(token)).toBe(now + 60_000);
    expect(expiresWithin(token, 30_000, now)).toBe(false);
    expect(expiresWithin(token, 90_000, now)).toBe(true);
    expect(tokenExpiry('opaque-token')).toBeNull();
    expect(expiresWithin('opaque-token', 90_000, now)).toBe(false);
  });
});

describe('liveUrl', () => {
  it('uses ws on http and wss on https, on the page’s host', () => {
    expect(liveUrl('abc', { protocol: 'http:', host: '127.0.0.1:8080' })).toBe(
      'ws://127.0.0.1:8080/api/v1/cameras/abc/live',
    );
    expect(liveUrl('abc', { protocol: 'https:', host: 'ioc.daklak.gov.vn' })).toBe(
      'wss://ioc.daklak.gov.vn/api/v1/cameras/abc/live',
    );
  });
});
