/**
 * Test support for the live gateway: a real HTTP server with the gateway attached, real access tokens, real
 * WebSocket viewers, and a count of this process's ffmpeg children read from /proc.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import { loadConfig } from '../../../config.ts';
import { createTokenSigner, loadSigningKey } from '../../../platform/auth/tokens.ts';
import type { CameraSource, StatusReport } from '../cameras.types.ts';
import { createStreamGateway } from './gateway.ts';

export interface Harness {
  url: string;
  wsUrl(cameraId: string): string;
  gateway: ReturnType<typeof createStreamGateway>;
  reports: { cameraId: string; report: StatusReport }[];
  /** Registers a camera (what the registry would answer); answers its id. */
  addCamera(url: string, enabled?: boolean): string;
  cameras: Map<string, CameraSource>;
  token(roles: string[], expiresInSeconds?: number, sid?: string): Promise<string>;
  /** Signs a session out, as the sessions service does. */
  endSession(sid: string): void;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-gw-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
  const key = loadSigningKey(config);
  const signer = createTokenSigner(key, config);
  const cameras = new Map<string, CameraSource>();
  const reports: Harness['reports'] = [];
  const gateway = createStreamGateway({
    config,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    signer,
    status: { report: (cameraId, report) => void reports.push({ cameraId, report }) },
    source: async (id) => cameras.get(id) ?? null,
  });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  gateway.attach(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    wsUrl: (id) => `${url.replace('http', 'ws')}/api/v1/cameras/${id}/live`,
    gateway,
    reports,
    cameras,
    addCamera(rtsp, enabled = true) {
      const id = randomUUID();
      cameras.set(id, { id, url: rtsp, enabled });
      return id;
    },
    endSession: (sid) => signer.endSession(sid),
    async token(roles, expiresInSeconds, sid = randomUUID()) {
      if (expiresInSeconds === undefined) return signer.issueAccess({ sub: randomUUID(), roles, sid });
      return new SignJWT({ roles, sid })
        .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ: 'at+jwt' })
        .setSubject(randomUUID())
        .setIssuer(config.JWT_ISSUER)
        .setAudience('daklak-id-api')
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
        .sign(key);
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Process ids of this process's ffmpeg children, from /proc. */
export function ffmpegChildren(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // fields[0] = state, fields[1] = ppid; a zombie has exited already.
      if (comm === 'ffmpeg' && Number(fields[1]) === process.pid && fields[0] !== 'Z')
        out.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

const countPictures = (b: Buffer) => {
  let n = 0;
  for (let i = b.indexOf(0); i !== -1 && i + 3 < b.length; i = b.indexOf(0, i + 1))
    if (b[i + 1] === 0 && b[i + 2] === 1 && b[i + 3] === 0) n++;
  return n;
};

export interface Viewer {
  ws: WebSocket;
  opened: Promise<void>;
  /** Binary frames, in order (the first is the jsmp header). */
  binary: Buffer[];
  statuses: { state: string; message: string | null; viewers: number }[];
  bytes(): number;
  pictures(): number;
  closed: Promise<{ code: number; reason: string }>;
  waitFor(pred: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
}

export function openViewer(url: string, token: string | null): Viewer {
  const ws = new WebSocket(url, token ? ['dlid.bearer', token] : []);
  const binary: Buffer[] = [];
  const statuses: Viewer['statuses'] = [];
  let bytes = 0;
  let pictures = 0;
  ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) {
      binary.push(data);
      bytes += data.length;
      pictures += countPictures(data);
    } else statuses.push(JSON.parse(data.toString()) as Viewer['statuses'][number]);
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return {
    ws,
    opened,
    binary,
    statuses,
    bytes: () => bytes,
    pictures: () => pictures,
    closed,
    waitFor: (pred, timeoutMs = 15_000, what = 'condition') => waitFor(pred, timeoutMs, what),
  };
}

export async function waitFor(pred: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An upgrade attempt that should be refused: the HTTP status and problem body (no WebSocket). */
export function refusal(
  url: string,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; upgraded: boolean }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, token ? ['dlid.bearer', token] : [], { headers });
    ws.once('open', () => {
      ws.terminate();
      resolve({ status: 101, body: {}, upgraded: true });
    });
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}'), upgraded: false }),
      );
    });
    ws.once('error', reject);
  });
}
