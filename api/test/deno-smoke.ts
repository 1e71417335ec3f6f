/**
 * Deno smoke run: the same api/src/main.ts under `deno run` with explicit permissions, against a
 * fresh database: /readyz, register (code from the SMS outbox), login, /me, then SIGTERM → exit 0.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { pino } from 'pino';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const denoBin = path.join(root, 'node_modules', '.bin', 'deno');
export const DENO_PERMISSIONS = [
  '--allow-net',
  '--allow-env',
  '--allow-read',
  '--allow-write',
  '--allow-sys=hostname,homedir',
  '--allow-ffi',
];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function check(cond: unknown, what: string): void {
  if (!cond) throw new Error(`deno smoke: ${what}`);
  console.log(`  ✓ ${what}`);
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-deno-'));
  fs.chmodSync(tmp, 0o755);
  let adminUrl = process.env.DATABASE_URL;
  let stopPg: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const emb = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: 54349,
      database: 'postgres',
      log: pino({ level: 'silent' }),
    });
    adminUrl = emb.url;
    stopPg = emb.stop;
  }
  const dbName = `dlid_deno_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const port = await freePort();
  const outbox = path.join(tmp, 'sms.jsonl');
  const started = Date.now();
  const child = spawn(denoBin, ['run', ...DENO_PERMISSIONS, path.join(root, 'api', 'src', 'main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: tmp,
      SMS_OUTBOX_FILE: outbox,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DENO_NO_UPDATE_CHECK: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, p: string, body?: unknown, token?: string) => {
    const res = await fetch(base + p, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- smoke checks read fields directly
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  };
  try {
    console.log(`deno smoke: ${denoBin} run ${DENO_PERMISSIONS.join(' ')} api/src/main.ts`);
    let ready = false;
    for (let i = 0; i < 240 && !ready; i++) {
      if (child.exitCode !== null) break;
      ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 250));
    }
    check(ready, `/readyz answers 200 under Deno (${((Date.now() - started) / 1000).toFixed(1)} s to start)`);
    const phone = '+84912000111';
    check(
      (await call('POST', '/api/v1/auth/otp', { phone, purpose: 'register' })).status === 202,
      'OTP sent',
    );
    const code = /(\d{6})/.exec(
      JSON.parse(fs.readFileSync(outbox, 'utf8').trim().split('\n').pop() as string).text,
    )?.[1];
    const reg = await call('POST', '/api/v1/auth/register', {
      phone,
      otp: code,
      password: 'MatKhau2026',
      fullName: 'Deno Nguyễn',
    });
    check(reg.status === 201, 'register → 201');
    const login = await call('POST', '/api/v1/auth/login', { phone: '0912000111', password: 'MatKhau2026' });
    check(login.status === 200, 'login → 200');
    const me = await call('GET', '/api/v1/me', undefined, login.body.accessToken);
    check(
      me.status === 200 && me.body.fullName === 'Deno Nguyễn' && me.body.roles[0] === 'citizen',
      '/me → the new citizen',
    );
    // eKYC under Deno: sharp and onnxruntime-node (N-API) through the real route.
    const faces = path.join(root, '..', 'shared', 'fixtures', 'faces');
    const form = new FormData();
    for (const [k, v] of Object.entries({
      cccdNumber: '066204777001',
      fullName: 'Deno Nguyễn',
      dateOfBirth: '2004-05-06',
      sex: 'male',
    }))
      form.set(k, v);
    form.set(
      'cardFront',
      new Blob([fs.readFileSync(path.join(faces, 'lowres', 'lr_obama.jpg'))]),
      'front.jpg',
    );
    form.set('cardBack', new Blob([fs.readFileSync(path.join(faces, 'rose_img1.jpg'))]), 'back.jpg');
    form.set('selfie', new Blob([fs.readFileSync(path.join(faces, 'obama2.jpg'))]), 'selfie.jpg');
    const ekyc = await fetch(`${base}/api/v1/ekyc/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.body.accessToken}` },
      body: form,
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { status?: string; similarity?: number },
    }));
    check(
      ekyc.status === 201 && ekyc.body.status === 'approved',
      `eKYC face match under Deno → approved (${ekyc.body.similarity?.toFixed(2)})`,
    );
    const qr = await call('GET', '/api/v1/qr/me', undefined, login.body.accessToken);
    check(qr.status === 200 && qr.body.svg.startsWith('<svg'), 'personal QR issued');
    const bad = await call('POST', '/api/v1/auth/login', { phone: 'x' });
    check(bad.status === 400 && bad.body.code === 'validation_failed', 'bad input → 400 problem');
    child.kill('SIGTERM');
    const code2 = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 15000))]);
    check(code2 === 0, 'SIGTERM → graceful exit 0');
  } catch (err) {
    console.error(output);
    throw err;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await stopPg?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('deno smoke: 1 passed, 0 failed');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
