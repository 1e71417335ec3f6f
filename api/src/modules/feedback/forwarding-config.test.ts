import { describe, it, expect } from 'vitest';
import { DEV_PROVINCE_FEEDBACK_SECRET, loadConfig } from '../../config.ts';
import { backoffDelay } from './forwarding/worker.ts';
import { sign, verify } from './forwarding/signature.ts';

describe('forwarding configuration and backoff', () => {
  it('production refuses the development secret and a URL without a secret; without a secret the webhook is off', () => {
    const prod = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@db.internal:5432/daklak',
      JWT_PRIVATE_KEY: 'an Ed25519 PEM (not parsed by loadConfig)',
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      ADMIN_PHONE: '0905000001',
      ADMIN_PASSWORD: 'a-real-long-password-2026',
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: 'https://sms.example.vn/send',
      WEBAUTHN_RP_ID: 'id.daklak.gov.vn',
      WEBAUTHN_ORIGINS: 'https://id.daklak.gov.vn',
    };
    expect(loadConfig(prod).provinceFeedbackSecret).toBeNull();
    expect(() => loadConfig({ ...prod, PROVINCE_FEEDBACK_SECRET: DEV_PROVINCE_FEEDBACK_SECRET })).toThrow(
      /PROVINCE_FEEDBACK_SECRET must not be the development secret/,
    );
    expect(() =>
      loadConfig({ ...prod, PROVINCE_FEEDBACK_URL: 'https://pakn.daklak.gov.vn/api/reports' }),
    ).toThrow(/PROVINCE_FEEDBACK_SECRET is required/);
    expect(loadConfig({}).provinceFeedbackSecret).toBe(DEV_PROVINCE_FEEDBACK_SECRET);
  });

  it('backs off exponentially with jitter, up to the cap', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(20, 1000, 60_000, () => 0)).toBe(30_000);
  });
});

describe('signature', () => {
  it('accepts the exact bytes within 5 minutes, nothing else', () => {
    const body = Buffer.from('{"a":1}');
    const now = 1_800_000_000_000;
    const ts = String(now / 1000);
    const good = sign('k'.repeat(20), ts, body);
    expect(verify('k'.repeat(20), ts, good, body, now)).toBe('ok');
    expect(verify('k'.repeat(20), ts, good, Buffer.from('{"a":2}'), now)).toBe('bad_signature');
    expect(verify('x'.repeat(20), ts, good, body, now)).toBe('bad_signature');
    expect(verify('k'.repeat(20), ts, good, body, now + 301_000)).toBe('stale');
    expect(verify('k'.repeat(20), ts, good, body, now - 301_000)).toBe('stale');
    expect(verify('k'.repeat(20), undefined, good, body, now)).toBe('missing');
    expect(verify('k'.repeat(20), 'soon', good, body, now)).toBe('bad_signature');
  });
});
