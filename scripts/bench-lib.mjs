// Shared by the database benchmarks (bench-cameras, bench-feedback, bench-jobs): a free port, quantiles, elapsed
// time, the API's own modules, a database of their own — on DATABASE_URL's server when set (dropped afterwards unless
// BENCH_KEEP_DB), else an embedded PostgreSQL in a temporary directory — and the real API started on it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { register } from 'tsx/esm/api';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};

export const secs = (t) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/**
 * A benchmark's own database. `name` distinguishes the benchmarks (dlid_bench_<name>_<pid>); `startEmbeddedPostgres`
 * and `log` come from the api. Answers { url, tmp, drop() }; `tmp` is a directory the API may use as DATA_DIR.
 */
export async function benchDatabase(name, { startEmbeddedPostgres, log }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dlid-bench-${name}-`));
  fs.chmodSync(tmp, 0o755); // PostgreSQL runs as its own user when we are root
  let admin;
  let embedded;
  let url;
  const dbName = `dlid_bench_${name.replace(/\W/g, '_')}_${process.pid}`;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/postgres';
    admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    u.pathname = `/${dbName}`;
    url = u.toString();
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: await freePort(),
      database: 'daklak_bench',
      log,
    });
    url = embedded.url;
  }
  async function drop() {
    if (admin) {
      if (process.env.BENCH_KEEP_DB) console.log(`database kept: ${dbName}`);
      else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    await embedded?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { url, tmp, drop };
}

/**
 * The API's TypeScript modules, through tsx: `api(p)` imports api/src/<p>; the ones every database benchmark needs
 * come ready (migrate, createSequelize, seedReference, startEmbeddedPostgres, hashPassword).
 */
export async function apiModules() {
  register();
  const api = (p) => import(path.join(ROOT, 'api', 'src', p));
  const [{ migrate }, { createSequelize }, { seedReference }, { startEmbeddedPostgres }, { hashPassword }] =
    await Promise.all([
      api('db/migrate.ts'),
      api('db/sequelize.ts'),
      api('seed.ts'),
      api('db/embedded.ts'),
      api('platform/auth/passwords.ts'),
    ]);
  return { api, migrate, createSequelize, seedReference, startEmbeddedPostgres, hashPassword };
}

/**
 * The real API (api/src/main.ts in a child process) on database `url`, a free port and DATA_DIR `dataDir`, without
 * demo data, access log or practical rate limits; `env` adds or overrides settings. Resolves once /readyz answers:
 * { child, base }.
 */
export async function startBenchApi({ url, dataDir, env = {} }) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ACCESS_LOG: 'false',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        RATE_LIMIT_IP_PER_MINUTE: '100000000',
        RATE_LIMIT_USER_PER_MINUTE: '100000000',
        RATE_LIMIT_AUTH_IP_PER_MINUTE: '100000',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the API exited');
    const up = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, base };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the API did not come up');
}

/** Sign in with phone + password: the Authorization header of the account. */
export async function benchLogin(base, phone, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  const body = await res.json();
  if (!body.accessToken) throw new Error(`login ${phone}: ${res.status} ${JSON.stringify(body)}`);
  return { authorization: `Bearer ${body.accessToken}` };
}
