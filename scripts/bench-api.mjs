#!/usr/bin/env node
// `npm run bench:api`: autocannon against the API (/healthz, authenticated /api/v1/me) and, in the
// same run, against a bare node:http + pg baseline doing the same work. Prints req/s, p50/p99, ratios.
// Uses DATABASE_URL's server when set (a scratch database is created and dropped), else an embedded one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { descendants, processesNamed, sample } from './bench-proc.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
// The target row runs as several paired rounds: on a shared machine one 10-s pair can be off by a third.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-bench-'));
fs.chmodSync(tmp, 0o755);

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });

async function waitFor(url, proc) {
  for (let i = 0; i < 600; i++) {
    if (proc.exitCode !== null) throw new Error(`${url}: process exited`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

const children = [];
const start = (args, env) => {
  const c = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(c);
  return c;
};

async function main() {
  const apiPort = await freePort();
  const basePort = await freePort();
  let dbUrl;
  let admin;
  let dbName;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/postgres';
    admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    dbName = `dlid_bench_${process.pid}`;
    await admin.query(`CREATE DATABASE ${dbName}`);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
  }
  const apiEnv = {
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    DATA_DIR: tmp,
    ACCESS_LOG: 'false',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
    RATE_LIMIT_USER_PER_MINUTE: '100000000',
    ...(dbUrl ? { DATABASE_URL: dbUrl } : { EMBEDDED_PG_PORT: String(await freePort()) }),
  };
  const apiProc = start([path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'api/src/main.ts'], apiEnv);
  let apiOut = '';
  apiProc.stdout.on('data', (d) => (apiOut += d));
  const api = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${api}/readyz`, apiProc);
  const login = await fetch(`${api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '0905000001', password: 'DakLak@2026' }),
  }).then((r) => r.json());
  if (!login.accessToken) throw new Error(`login failed: ${JSON.stringify(login)}`);
  const effectiveDb = dbUrl ?? (await embeddedUrl(tmp));
  const baseProc = start([path.join(root, 'scripts/bench-baseline.mjs')], {
    PORT: String(basePort),
    DATABASE_URL: effectiveDb,
    API_URL: api,
  });
  const base = `http://127.0.0.1:${basePort}`;
  await waitFor(`${base}/healthz`, baseProc);

  const floorPort = await freePort();
  const floorProc = start([path.join(root, 'scripts/bench-express-floor.mjs')], {
    PORT: String(floorPort),
    DATABASE_URL: effectiveDb,
    API_URL: api,
  });
  const floor = `http://127.0.0.1:${floorPort}`;
  await waitFor(`${floor}/healthz`, floorProc);

  const headers = { authorization: `Bearer ${login.accessToken}` };
  const check = await fetch(`${base}/api/v1/me`, { headers });
  if (!check.ok) throw new Error(`baseline /me answered ${check.status}`);

  // CPU per answered request, from /proc: the server's process tree, every PostgreSQL process, and this process
  // (autocannon, the load generator). µs of CPU time per request, whatever core it ran on.
  const tree = (proc) => [proc.pid, ...descendants(proc.pid).map((p) => p.pid)];
  // Per process, so a backend that exits during a run takes only its own ticks with it.
  const pgTicks = () => new Map(processesNamed('postgres').map((pid) => [pid, sample([pid]).ticks]));
  const cannon = async (url, h, connections, proc) => {
    const s0 = sample(tree(proc));
    const p0 = pgTicks();
    const l0 = process.cpuUsage();
    const r = await autocannon({ url, connections, duration: DURATION, headers: h, pipelining: 1 });
    const s1 = sample(tree(proc));
    const p1 = pgTicks();
    const l1 = process.cpuUsage(l0);
    const per = (ticks, hz) => Math.round((ticks / hz / r.requests.total) * 1e6);
    r.cpu = {
      server: per(s1.ticks - s0.ticks, s1.hz),
      postgres: per(
        [...p1].reduce((sum, [pid, t]) => sum + Math.max(0, t - (p0.get(pid) ?? 0)), 0),
        s1.hz,
      ),
      loadgen: Math.round((l1.user + l1.system) / r.requests.total),
    };
    return r;
  };
  const rows = [];
  for (const [name, p, h, c, rounds] of [
    ['GET /healthz', '/healthz', {}, CONNECTIONS, 1],
    ['GET /api/v1/me', '/api/v1/me', headers, CONNECTIONS, ROUNDS],
    ['GET /api/v1/me', '/api/v1/me', headers, 10, 1],
  ]) {
    // Warm both up, then measure baseline and API back to back on the same machine.
    await autocannon({ url: base + p, connections: 10, duration: 2, headers: h });
    await autocannon({ url: api + p, connections: 10, duration: 2, headers: h });
    const pairs = [];
    for (let i = 0; i < rounds; i++) {
      // Each round swaps who goes first, so a machine that speeds up or slows down favours neither side.
      const pair = {};
      for (const side of i % 2 ? ['a', 'b'] : ['b', 'a'])
        pair[side] = await cannon(side === 'a' ? api + p : base + p, h, c, side === 'a' ? apiProc : baseProc);
      pair.ratio = pair.a.requests.average / pair.b.requests.average;
      pairs.push(pair);
    }
    // The round with the median ratio stands for the row; the others give its spread.
    const sorted = [...pairs].sort((x, y) => x.ratio - y.ratio);
    rows.push({ name: `${name} — ${c} connections`, ...sorted[(sorted.length - 1) >> 1], pairs: sorted });
  }
  await autocannon({ url: `${floor}/healthz`, connections: 10, duration: 2 });
  const bare = await cannon(`${floor}/healthz`, {}, CONNECTIONS, floorProc);
  // The same /me work as the baseline inside an Express route: the ceiling of any Express application doing it.
  await autocannon({ url: `${floor}/api/v1/me`, connections: 10, duration: 2, headers });
  const bareMe = await cannon(`${floor}/api/v1/me`, headers, CONNECTIONS, floorProc);
  const bareMeRatio = bareMe.requests.average / rows[1].b.requests.average;
  const fmt = (r) =>
    `${Math.round(r.requests.average).toString().padStart(7)} req/s  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms  errors ${r.errors + r.non2xx}` +
    `  | CPU µs/request: server ${String(r.cpu.server).padStart(4)}  PostgreSQL ${String(r.cpu.postgres).padStart(3)}  load ${String(r.cpu.loadgen).padStart(3)}`;
  console.log(`\nbench:api — ${DURATION} s per run, ${os.cpus().length} cores, Node ${process.version}`);
  const range = (pairs, f) => {
    const v = pairs.map(f).sort((x, y) => x - y);
    return `${v[0]}–${v[v.length - 1]}`;
  };
  for (const { name, a, b, ratio, pairs } of rows) {
    console.log(`\n${name}${pairs.length > 1 ? ` (the median of ${pairs.length} paired rounds)` : ''}`);
    console.log(`  baseline (node:http + pg): ${fmt(b)}`);
    console.log(`  Đắk Lắk ID API (Express):  ${fmt(a)}`);
    console.log(
      `  ratio API/baseline: ${ratio.toFixed(2)}` +
        (pairs.length > 1
          ? `  (rounds: ${pairs.map((x) => x.ratio.toFixed(2)).join(', ')}; API ${range(pairs, (x) => Math.round(x.a.requests.average))} req/s, p99 ${range(pairs, (x) => x.a.latency.p99)} ms)`
          : ''),
    );
  }
  console.log(`\nGET /healthz on Express 5 alone (no middleware, no database) — ${CONNECTIONS} connections`);
  console.log(`  floor of any Express route:  ${fmt(bare)}`);
  console.log(
    `\nGET /api/v1/me on Express 5 alone doing the baseline's work (no headers, limits, validation) — ${CONNECTIONS} connections`,
  );
  console.log(`  ceiling of an Express /me:   ${fmt(bareMe)}`);
  console.log(`  ratio to the baseline's median round: ${bareMeRatio.toFixed(2)}`);
  const me = rows[1];
  const ratio = me.ratio;
  console.log(
    `\ntarget /api/v1/me: ≥ 0.50 of baseline and p99 < 25 ms → ratio ${ratio.toFixed(2)}, p99 ${me.a.latency.p99} ms: ${
      ratio >= 0.5 && me.a.latency.p99 < 25 ? 'met' : 'NOT met'
    }`,
  );
  if (bare.latency.p99 >= 25)
    console.log(
      `  (on this machine Express 5 alone, answering a constant, has p99 ${bare.latency.p99} ms at ${CONNECTIONS} connections)`,
    );
  if (admin) {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

/** The embedded cluster's URL: the API wrote it nowhere, so read the port from postmaster.pid. */
async function embeddedUrl(dataDir) {
  const pid = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  return `postgres://daklak:daklak-embedded@127.0.0.1:${pid[3]}/daklak_id`;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(process.exitCode ?? 0);
  });
