import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createSealer } from './crypto.ts';

describe('sealer (AES-256-GCM + HMAC)', () => {
  const key = randomBytes(32);
  const s = createSealer(key);
  it('round-trips Vietnamese text and never repeats a ciphertext', () => {
    const a = s.seal('066204001234 — Nguyễn Thị Hoa', 'cccd');
    const b = s.seal('066204001234 — Nguyễn Thị Hoa', 'cccd');
    expect(a).not.toBe(b);
    expect(a).not.toContain('066204001234');
    expect(s.open(a, 'cccd')).toBe('066204001234 — Nguyễn Thị Hoa');
  });
  it('refuses tampering, another context, or another key', () => {
    const sealed = s.seal('secret', 'cccd');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1;
    parts[2] = body.toString('base64url');
    expect(() => s.open(parts.join('.'), 'cccd')).toThrow();
    expect(() => s.open(sealed, 'face')).toThrow();
    expect(() => createSealer(randomBytes(32)).open(sealed, 'cccd')).toThrow();
    expect(() => s.open('garbage', 'cccd')).toThrow();
  });
  it('seals bytes (images) and refuses them in another context', () => {
    const img = randomBytes(5000);
    const sealed = s.sealBytes(img, 'ekyc:selfie');
    expect(sealed.includes(img.subarray(0, 64))).toBe(false);
    expect(s.openBytes(sealed, 'ekyc:selfie').equals(img)).toBe(true);
    expect(() => s.openBytes(sealed, 'ekyc:card_front')).toThrow();
    expect(() => s.openBytes(Buffer.alloc(10), 'ekyc:selfie')).toThrow();
  });
  it('gives stable keyed hashes per context', () => {
    expect(s.lookupHash('066204001234', 'cccd')).toBe(s.lookupHash('066204001234', 'cccd'));
    expect(s.lookupHash('066204001234', 'cccd')).not.toBe(s.lookupHash('066204001234', 'phone'));
    expect(createSealer(randomBytes(32)).lookupHash('066204001234', 'cccd')).not.toBe(
      s.lookupHash('066204001234', 'cccd'),
    );
    expect(() => createSealer(Buffer.alloc(16))).toThrow();
  });
});
