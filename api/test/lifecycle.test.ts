import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import http from 'node:http';
import { createTestDatabase } from './helpers.ts';

// The real entry point (api/src/main.ts) as a process: start, seed once, shut down gracefully, refuse unsafe production.
const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

let db: { url: string; drop(): Promise<void> };
let dataDir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-life-'));
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, [tsx, path.join(root, 'api', 'src', 'main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exit, output: () => output };
}

async function waitReady(url: string, child: ChildProcess, output: () => string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(output());
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready: ${output()}`);
}

async function count(sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const r = await c.query<{ n: string }>(sql);
  await c.end();
  return Number(r.rows[0]?.n);
}

describe('process lifecycle', () => {
  it('starts, prints the URLs and demo accounts, seeds once, and a second start reuses the data', async () => {
    for (let round = 0; round < 2; round++) {
      const port = await freePort();
      const p = startMain({ DATABASE_URL: db.url, PORT: String(port) });
      await waitReady(`http://127.0.0.1:${port}`, p.child, p.output);
      if (round === 0) {
        expect(p.output()).toContain('/console/');
        expect(p.output()).toContain('0905000001');
        expect(p.output()).toContain('Demo accounts');
      }
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
    }
    expect(await count('SELECT count(*) AS n FROM communes')).toBe(102);
    expect(await count(`SELECT count(*) AS n FROM users WHERE phone LIKE '+849050000%'`)).toBe(6);
    // Each seed step ran once (seed_runs is keyed by name); the data below was not doubled by the second start.
    expect(await count('SELECT count(*) AS n FROM seed_runs')).toBe(7);
    expect(
      await count(
        `SELECT count(*) AS n FROM officer_departments d JOIN users u ON u.id = d.user_id WHERE u.phone = '+84905000004'`,
      ),
    ).toBe(1);
    expect(await count('SELECT count(*) AS n FROM feedback_reports')).toBe(300);
    expect(await count('SELECT count(*) AS n FROM companies WHERE demo')).toBe(12);
    expect(await count('SELECT count(*) AS n FROM industrial_zones')).toBe(14);
    expect(await count('SELECT count(*) AS n FROM cameras WHERE demo')).toBe(8);
  });

  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const p = startMain({ DATABASE_URL: db.url, PORT: String(port), RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000' });
    await waitReady(url, p.child, p.output);
    // Requests whose headers the server has received but whose bodies are still arriving when SIGTERM
    // comes: they are in flight, and must still be answered before the process exits.
    const body = JSON.stringify({ phone: '0905000001', password: 'DakLak@2026' });
    const agent = new http.Agent({ keepAlive: false });
    const started = Array.from({ length: 3 }, () => {
      let finish: () => void = () => undefined;
      const status = new Promise<number>((resolve, reject) => {
        const req = http.request(`${url}/api/v1/auth/login`, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.write(body.slice(0, 10));
        finish = () => req.end(body.slice(10));
      });
      return { status, finish: () => finish() };
    });
    await new Promise((r) => setTimeout(r, 300));
    p.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    for (const s of started) s.finish();
    expect(await Promise.all(started.map((s) => s.status))).toEqual([200, 200, 200]);
    expect(await p.exit).toBe(0);
    agent.destroy();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('production refuses to start with development secrets, naming each problem', async () => {
    const p = startMain({ NODE_ENV: 'production', DATABASE_URL: db.url, PORT: '0' });
    expect(await p.exit).toBe(1);
    expect(p.output()).toMatch(/JWT_PRIVATE_KEY/);
    expect(p.output()).toMatch(/ENCRYPTION_KEY/);
    expect(p.output()).toMatch(/ADMIN_PASSWORD/);
  });
});
