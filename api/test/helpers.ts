import fs from 'node:fs';
import type { KeyObject } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { pino, type DestinationStream } from 'pino';
import { createLogger } from '../src/platform/logger.ts';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/config.ts';
import { createSequelize } from '../src/db/sequelize.ts';
import { createTokenSigner, loadSigningKey } from '../src/platform/auth/tokens.ts';
import { outboxSms } from '../src/modules/identity/sms.ts';
import { createApp } from '../src/app.ts';
import { answerClientErrors } from '../src/platform/problem.ts';
import { pendingMigrations } from '../src/db/migrate.ts';
import { Redis } from 'ioredis';

let counter = 0;

/** A fresh database cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminUrl');
  const name = `dlid_t_${inject('runId')}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Concurrent clones of one template can collide briefly: retry.
  for (let i = 0; ; i++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
      break;
    } catch (err) {
      if (i > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface TestApi {
  url: string;
  config: Config;
  sequelize: ReturnType<typeof createSequelize>;
  services: ReturnType<typeof createApp>['services'];
  outbox: string;
  redis?: Redis;
  signingKey: KeyObject;
  request(method: string, p: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  lastCode(phone: string): string;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field
  body: any;
}

/** The real app on a real HTTP port against its own database. */
export async function startTestApi(
  env: Record<string, string> = {},
  logDestination?: DestinationStream,
): Promise<TestApi> {
  const db = await createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-api-'));
  const outbox = path.join(dir, 'sms.jsonl');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    SMS_OUTBOX_FILE: outbox,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const log = logDestination
    ? createLogger({ LOG_LEVEL: 'info' }, logDestination)
    : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const sequelize = createSequelize(db.url, { poolMax: 5 });
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL) : undefined;
  const signingKey = loadSigningKey(config);
  const { app, services } = createApp({
    redis,
    config,
    log,
    sequelize,
    signer: createTokenSigner(signingKey, config),
    sms: outboxSms(outbox, log),
    ready: async () => {
      await sequelize.query('SELECT 1');
      const pending = await pendingMigrations(sequelize);
      return {
        ok: pending.length === 0,
        checks: { database: 'ok', migrations: pending.length ? 'pending' : 'ok' },
      };
    },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  answerClientErrors(server);
  services.cameraLive.attach(server); // live camera WebSockets on the API's own port
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    config,
    sequelize,
    services,
    outbox,
    redis,
    signingKey,
    async request(method, p, body, headers = {}) {
      const res = await fetch(url + p, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    lastCode(phone) {
      const lines = fs.existsSync(outbox) ? fs.readFileSync(outbox, 'utf8').trim().split('\n') : [];
      for (const line of lines.reverse()) {
        const m = JSON.parse(line) as { to: string; text: string };
        if (m.to === phone) return /(\d{6})/.exec(m.text)?.[1] ?? '';
      }
      throw new Error(`no SMS to ${phone}`);
    },
    async close() {
      await services.cameraLive.close(); // before server.close: upgraded sockets would keep it open
      await new Promise((r) => server.close(r));
      await sequelize.close();
      await redis?.quit();
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let phoneSeq = 0;
/** A valid, unique Viettel number per call: +8498xxxxxxx */
export function newPhone(): string {
  phoneSeq++;
  return `+8498${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

/** Register a citizen through the API (OTP read from the outbox) and return the session. */
export async function registerCitizen(
  api: TestApi,
  phone = newPhone(),
  password = 'MatKhau2026',
  fullName = 'Nguyễn Văn An',
) {
  const otp = await api.request('POST', '/api/v1/auth/otp', { phone, purpose: 'register' });
  if (otp.status !== 202) throw new Error(`otp ${otp.status} ${JSON.stringify(otp.body)}`);
  const res = await api.request('POST', '/api/v1/auth/register', {
    phone,
    otp: api.lastCode(phone),
    password,
    fullName,
  });
  if (res.status !== 201) throw new Error(`register ${res.status} ${JSON.stringify(res.body)}`);
  return { phone, password, ...res.body } as {
    phone: string;
    password: string;
    accessToken: string;
    refreshToken: string;
    user: { id: string };
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
