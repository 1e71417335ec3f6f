import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ROOT_DIR } from '../../config.ts';
import { createTestDatabase } from '../../../test/helpers.ts';
import { startSimProcess, waitFor, type SimProcess } from './forwarding/sim-process.ts';

// The real entry point as a process, killed with SIGKILL while reports are in flight to the province stand-in:
// after a restart every accepted report reaches the province exactly once, and none is lost.
const SECRET = 'crash-test-province-secret-123456';
const REPORTS = 6;
const started: ChildProcess[] = [];

let db: { url: string; drop(): Promise<void> };
let dataDir: string;
let sim: SimProcess;
let client: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-crash-'));
  sim = await startSimProcess(['--secret', SECRET]);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await client.end();
  await sim.close();
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function startApi(port: number) {
  // One process (tsx as a loader, not its CLI, which would run the API in a child that SIGKILL does not reach).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'api', 'src', 'main.ts')], {
    cwd: ROOT_DIR,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: db.url,
      SEED_DEMO: 'false',
      RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000',
      PROVINCE_FEEDBACK_URL: `${sim.url}/api/reports`,
      PROVINCE_FEEDBACK_SECRET: SECRET,
      PROVINCE_FEEDBACK_POLL_MS: '200',
      PROVINCE_FEEDBACK_TIMEOUT_MS: '3000', // lease = timeout + 5 s
      PROVINCE_FEEDBACK_BACKOFF_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => output);
  return { child, exit, url, output: () => output };
}

async function waitReady(url: string, child: ChildProcess, output: () => string) {
  for (let i = 0; i < 600; i++) {
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

const rows = async () =>
  (
    await client.query<{
      report_id: string;
      state: string;
      idempotency_key: string;
      external_id: string | null;
    }>(
      `SELECT o.report_id, o.state, o.idempotency_key, r.external_id
         FROM feedback_outbox o JOIN feedback_reports r ON r.id = o.report_id ORDER BY o.id`,
    )
  ).rows;

describe('forwarding survives a crash of the API', () => {
  it(
    'kill -9 mid-send: after a restart every accepted report is at the province exactly once',
    { timeout: 120_000 },
    async () => {
      // The province stores each report, then takes 2 s to answer: the sends are truly in flight when we kill.
      await sim.control('delay', { ms: 2000, when: 'after' });
      const first = await startApi(await freePort());
      const call = async (method: string, p: string, body?: unknown, token?: string) => {
        const res = await fetch(first.url + p, {
          method,
          headers: {
            ...(body !== undefined && !(body instanceof FormData)
              ? { 'content-type': 'application/json' }
              : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
        });
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked field by field
        const json: any = res.status === 204 ? undefined : await res.json();
        return { status: res.status, body: json };
      };
      const login = await call('POST', '/api/v1/auth/login', {
        phone: '0905000001',
        password: 'DakLak@2026',
      });
      const token = login.body.accessToken as string;
      const ids: string[] = [];
      for (let i = 0; i < REPORTS; i++) {
        const form = new FormData();
        form.set('category', i % 2 ? 'environment' : 'traffic');
        form.set('title', `Phản ánh số ${i + 1}`);
        form.set('description', 'Mô tả đủ dài cho một phản ánh thử nghiệm.');
        form.set('lat', '12.6667');
        form.set('lng', '108.05');
        const created = await call('POST', '/api/v1/feedback', form, token);
        expect(created.status).toBe(201);
        ids.push(created.body.id);
      }
      for (const id of ids)
        expect(
          (await call('POST', `/api/v1/feedback/${id}/triage`, { action: 'accept' }, token)).status,
        ).toBe(204);

      // Wait until the province has stored some of them and the answers are still on their way, then SIGKILL.
      await waitFor(async () => (await sim.held()).creations >= 2, 10_000, 'reports in flight');
      first.child.kill('SIGKILL');
      await first.exit;
      const atCrash = await rows();
      expect(atCrash).toHaveLength(REPORTS); // every acceptance committed its outbox row
      const inFlight = atCrash.filter((r) => r.state === 'sending');
      expect(inFlight.length).toBeGreaterThan(0); // the crash really came mid-send
      // Stored by the province, but its answer never reached us: the case that must not create a second copy.
      const unanswered = (await sim.held()).creations - atCrash.filter((r) => r.state === 'sent').length;
      expect(unanswered).toBeGreaterThan(0);

      // Restart (the province answers at once now). Claimed rows wait for their lease to end, then go again.
      await sim.control('reset');
      const second = await startApi(await freePort());
      await waitFor(async () => (await rows()).every((r) => r.state === 'sent'), 60_000, 'all delivered');

      const held = await sim.held();
      expect(held.creations).toBe(REPORTS); // nothing created twice …
      const after = await rows();
      for (const r of after) {
        const atProvince = held.reports.filter((x) => x.key === r.idempotency_key);
        expect(atProvince).toHaveLength(1); // … and nothing lost
        expect(atProvince[0]!.payload.reportId).toBe(r.report_id);
        expect(r.external_id).toBe(atProvince[0]!.externalId);
      }
      // Those were sent again after the restart and recognised by their idempotency key.
      const duplicates = held.requests.filter((x) => x.outcome === 'duplicate');
      expect(duplicates.length).toBeGreaterThanOrEqual(unanswered);

      second.child.kill('SIGTERM');
      expect(await second.exit).toBe(0);
    },
  );
});
