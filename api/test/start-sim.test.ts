import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { createTestDatabase } from './helpers.ts';

// `npm start` (scripts/start.mjs) in development: it starts the stand-in province system and the API forwards
// accepted reports to it; the stand-in's signed answers come back through the webhook.
const root = path.resolve(__dirname, '..', '..');

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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-start-'));
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('npm start in development', () => {
  it('forwards an accepted report to the stand-in province system, whose answer comes back', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        SKIP_CLIENT_BUILD: '1',
        PROVINCE_FEEDBACK_POLL_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const api = `http://127.0.0.1:${port}/api/v1`;
      await until('the api', async () =>
        (await fetch(`http://127.0.0.1:${port}/readyz`)).ok ? true : undefined,
      );
      const sim = /province feedback stand-in: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(sim, output).toBeTruthy();

      const json = {
        'content-type': 'application/json',
        'x-device-id': 'c0ffee00-0000-4000-8000-000000000042',
      };
      const login = await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ phone: '0905000002', password: 'DemoDakLak2026' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      expect(accessToken, 'operator signed in').toBeTruthy();
      const H = { ...json, authorization: `Bearer ${accessToken}` };
      const queue = (await (
        await fetch(`${api}/feedback/queue?status=submitted&pageSize=1`, { headers: H })
      ).json()) as {
        items: Array<{ id: string }>;
      };
      const id = queue.items[0]?.id as string;
      expect(id).toBeTruthy();
      const accepted = await fetch(`${api}/feedback/${id}/triage`, {
        method: 'POST',
        headers: H,
        body: JSON.stringify({ action: 'accept' }),
      });
      expect(accepted.status).toBe(204);

      const externalId = await until('the forwarding', async () => {
        const f = (await (await fetch(`${api}/feedback/${id}/forwarding`, { headers: H })).json()) as {
          state: string;
          externalId: string | null;
        };
        return f.state === 'sent' ? f.externalId : undefined;
      });
      const held = (await (await fetch(`${sim}/api/reports`)).json()) as { creations: number };
      expect(held.creations).toBe(1);

      const update = await fetch(`${sim}/control/update`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ externalId, status: 'in_progress', note: 'Tỉnh đã chuyển Sở Xây dựng xử lý' }),
      });
      expect(update.status).toBe(200);
      const staff = (await (await fetch(`${api}/feedback/${id}/staff`, { headers: H })).json()) as {
        status: string;
      };
      expect(staff.status).toBe('in_progress');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
  }, 60_000);
});
