import { z } from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (api/src/config.ts → ../..). */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Well-known development values: production refuses to start with any of them. */
export const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 'daklak-id-development-key').toString('base64');
export const DEV_ADMIN_PASSWORD = 'DakLak@2026';
export const DEV_PROVINCE_FEEDBACK_SECRET = 'daklak-province-feedback-development-secret';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DATA_DIR: z.string().default(path.join(ROOT_DIR, 'var')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_LOG: bool.default(true),
  TRUST_PROXY: z.string().default('loopback'),
  CORS_ORIGINS: list.default([]),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_ISSUER: z.string().default('daklak-id'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  ACCESS_TOKEN_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  SESSION_SYNC_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  ENCRYPTION_KEY: z.string().optional(),
  ADMIN_PHONE: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  ADMIN_NAME: z.string().default('Quản trị hệ thống'),
  SEED_DEMO: bool.optional(),
  SMS_PROVIDER: z.enum(['outbox', 'http']).default('outbox'),
  SMS_OUTBOX_FILE: z.string().optional(),
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().default('dlid:'),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_AUTH_IP_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().positive().default(300),
  OTP_MAX_PER_PHONE_PER_HOUR: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  MOBILE_DIST: z.string().default(path.join(ROOT_DIR, 'mobile-lite', 'dist')),
  CONSOLE_DIST: z.string().default(path.join(ROOT_DIR, 'console', 'dist')),
  FACE_MODELS_DIR: z.string().default(path.join(ROOT_DIR, 'models', 'face')),
  FACE_ACCEPT_THRESHOLD: z.coerce.number().min(-1).max(1).default(0.45),
  FACE_REJECT_THRESHOLD: z.coerce.number().min(-1).max(1).default(0.25),
  FACE_MIN_SIZE_PX: z.coerce.number().int().min(16).default(40),
  EKYC_IMAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  QR_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  WEBAUTHN_RP_ID: z.string().default('localhost'),
  WEBAUTHN_RP_NAME: z.string().default('Đắk Lắk ID'),
  WEBAUTHN_ORIGINS: list.optional(),
  PROVINCE_BOUNDARY_FILE: z
    .string()
    .default(
      path.join(ROOT_DIR, '..', 'shared', 'reference', 'daklak', 'daklak_province_boundary_2025.geojson'),
    ),
  COMMUNE_OUTLINES_FILE: z
    .string()
    .default(
      path.join(ROOT_DIR, '..', 'shared', 'reference', 'daklak', 'daklak_wards_2025_simplified.geojson'),
    ),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  PROVINCE_FEEDBACK_URL: z.string().url().optional(),
  PROVINCE_FEEDBACK_SECRET: z.string().min(16).optional(),
  PROVINCE_FEEDBACK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  PROVINCE_FEEDBACK_POLL_MS: z.coerce.number().int().min(50).default(5_000),
  PROVINCE_FEEDBACK_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  PROVINCE_FEEDBACK_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
  PROVINCE_FEEDBACK_BACKOFF_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  WORKFORCE_VACANCY_ALERT: z.coerce.number().min(0).max(1).default(0.15),
  FFMPEG_PATH: z.string().default('ffmpeg'),
  FFPROBE_PATH: z.string().default('ffprobe'),
  CAMERA_MAX_TRANSCODERS: z.coerce.number().int().min(1).max(256).default(16),
  CAMERA_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  CAMERA_STREAM_WIDTH: z.coerce.number().int().min(160).max(1920).default(640),
  CAMERA_STREAM_HEIGHT: z.coerce.number().int().min(90).max(1080).default(360),
  CAMERA_STREAM_FPS: z.coerce.number().int().min(1).max(30).default(25),
  CAMERA_STREAM_BITRATE_KBPS: z.coerce.number().int().min(100).max(10_000).default(1000),
  CAMERA_STALL_MS: z.coerce.number().int().min(500).default(10_000),
  CAMERA_BACKOFF_MS: z.coerce.number().int().min(50).default(1_000),
  CAMERA_BACKOFF_MAX_MS: z.coerce.number().int().min(50).default(30_000),
  CAMERA_SLOW_VIEWER_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(4 * 1024 * 1024),
  CAMERA_SNAPSHOT_MAX_AGE_MS: z.coerce.number().int().min(1_000).default(30_000),
  CAMERA_SNAPSHOTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  CAMERA_HEALTH_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  CAMERA_PROBE_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(6_000),
  TEST_CAMERAS: z.enum(['auto', 'off']).default('auto'),
  TEST_CAMERAS_PORT: z.coerce.number().int().min(1).max(65535).default(8554),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Readonly<Env> {
  readonly isProduction: boolean;
  readonly seedDemo: boolean;
  readonly smsOutboxFile: string;
  readonly encryptionKey: Buffer;
  readonly webauthnOrigins: string[];
  /** HMAC key shared with the province's feedback system; null = the integration is off (production without it). */
  readonly provinceFeedbackSecret: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  }
}

/** Parse the environment once into a frozen Config; production refuses development secrets. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const problems: string[] = [];
  const keyB64 = e.ENCRYPTION_KEY ?? (isProduction ? undefined : DEV_ENCRYPTION_KEY);
  let encryptionKey = Buffer.alloc(0);
  if (!keyB64) problems.push('ENCRYPTION_KEY is required in production (32 random bytes, base64)');
  else {
    encryptionKey = Buffer.from(keyB64, 'base64');
    if (encryptionKey.length !== 32) problems.push('ENCRYPTION_KEY must be 32 bytes encoded in base64');
  }
  if (isProduction) {
    if (!e.JWT_PRIVATE_KEY) problems.push('JWT_PRIVATE_KEY (Ed25519 PKCS#8 PEM) is required in production');
    if (keyB64 === DEV_ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY must not be the development key');
    if (!e.ADMIN_PASSWORD || e.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD || e.ADMIN_PASSWORD.length < 12)
      problems.push('ADMIN_PASSWORD must be set to a real password of at least 12 characters in production');
    if (!e.ADMIN_PHONE) problems.push('ADMIN_PHONE is required in production');
    if (e.SMS_PROVIDER === 'outbox') problems.push('SMS_PROVIDER=outbox is a development helper; use http');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL is required in production (no embedded PostgreSQL)');
    if (e.SEED_DEMO) problems.push('SEED_DEMO must not be enabled in production');
    if (e.PROVINCE_FEEDBACK_SECRET === DEV_PROVINCE_FEEDBACK_SECRET)
      problems.push('PROVINCE_FEEDBACK_SECRET must not be the development secret');
    if (e.PROVINCE_FEEDBACK_URL && !e.PROVINCE_FEEDBACK_SECRET)
      problems.push('PROVINCE_FEEDBACK_SECRET is required in production when PROVINCE_FEEDBACK_URL is set');
    if (e.WEBAUTHN_RP_ID === 'localhost' || !e.WEBAUTHN_ORIGINS?.length)
      problems.push(
        'WEBAUTHN_RP_ID (the public domain) and WEBAUTHN_ORIGINS are required in production for passkeys',
      );
  }
  if (e.FACE_REJECT_THRESHOLD >= e.FACE_ACCEPT_THRESHOLD)
    problems.push('FACE_REJECT_THRESHOLD must be below FACE_ACCEPT_THRESHOLD');
  if (e.SMS_PROVIDER === 'http' && !e.SMS_HTTP_URL)
    problems.push('SMS_HTTP_URL is required with SMS_PROVIDER=http');
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    ...e,
    isProduction,
    seedDemo: e.SEED_DEMO ?? !isProduction,
    smsOutboxFile: e.SMS_OUTBOX_FILE ?? path.join(e.DATA_DIR, 'sms-outbox.jsonl'),
    encryptionKey,
    webauthnOrigins: e.WEBAUTHN_ORIGINS ?? [
      ...(e.PUBLIC_URL ? [new URL(e.PUBLIC_URL).origin] : []),
      `http://localhost:${e.PORT}`,
    ],
    provinceFeedbackSecret:
      e.PROVINCE_FEEDBACK_SECRET ?? (isProduction ? null : DEV_PROVINCE_FEEDBACK_SECRET),
  });
}
