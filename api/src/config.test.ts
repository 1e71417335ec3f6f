import { describe, it, expect } from 'vitest';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { loadConfig, ConfigError, DEV_ENCRYPTION_KEY, DEV_ADMIN_PASSWORD } from './config.ts';

const realKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const prod = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u@db.internal:5432/daklak',
  JWT_PRIVATE_KEY: realKey,
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  ADMIN_PHONE: '0905000001',
  ADMIN_PASSWORD: 'a-real-long-password-2026',
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: 'https://sms.example.vn/send',
  WEBAUTHN_RP_ID: 'id.daklak.gov.vn',
  WEBAUTHN_ORIGINS: 'https://id.daklak.gov.vn',
};

describe('config', () => {
  it('has working development defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.seedDemo).toBe(true);
    expect(c.encryptionKey).toHaveLength(32);
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('accepts a complete production configuration', () => {
    const c = loadConfig(prod);
    expect(c.isProduction).toBe(true);
    expect(c.seedDemo).toBe(false);
  });
  it.each([
    ['JWT_PRIVATE_KEY', undefined, /JWT_PRIVATE_KEY/],
    ['ENCRYPTION_KEY', undefined, /ENCRYPTION_KEY is required/],
    ['ENCRYPTION_KEY', DEV_ENCRYPTION_KEY, /development key/],
    ['ADMIN_PASSWORD', DEV_ADMIN_PASSWORD, /ADMIN_PASSWORD/],
    ['ADMIN_PASSWORD', 'short', /ADMIN_PASSWORD/],
    ['SMS_PROVIDER', 'outbox', /development helper/],
    ['DATABASE_URL', undefined, /DATABASE_URL/],
    ['SEED_DEMO', 'true', /SEED_DEMO/],
    ['WEBAUTHN_RP_ID', 'localhost', /WEBAUTHN_RP_ID/],
  ])('production refuses %s=%s', (key, value, message) => {
    const env: Record<string, string | undefined> = { ...prod, [key]: value };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
  it('reports bad values by name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});
