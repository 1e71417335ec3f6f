import type { Request, Response } from 'express';
import { rateLimit, ipKeyGenerator, type Store } from 'express-rate-limit';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { NotFound, RateLimited, ServiceUnavailable } from '../../platform/errors.ts';
import { CAMERA_NOT_FOUND, type CameraRegistry } from './cameras.service.ts';
import type { Snapshots } from './snapshots.ts';
import type { createThumbnails } from './thumbnails.ts';
import type { CameraStatusService, StatusMessage } from './status.ts';

/**
 * Per-IP limit of snapshot requests, counted in `store` (Redis, shared by every API instance) or in memory;
 * the API's global per-IP limiter still applies.
 */
export function snapshotLimiter(perMinute?: number, store?: Store) {
  const limiter = rateLimit({
    windowMs: 60_000,
    // Not a number only while the OpenAPI document is built offline (no requests are served then).
    limit: typeof perMinute === 'number' ? perMinute : 300,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req: Request) => ipKeyGenerator(req.ip ?? 'unknown'),
    ...(store ? { store } : {}),
    handler: (req, _res, next, options) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      next(
        new RateLimited(
          reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : options.windowMs / 1000,
        ),
      );
    },
  });
  return (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => {
      void limiter(req, res, (e?: unknown) => (e ? reject(e) : resolve()));
    });
}

const OFFLINE = {
  vi: 'Camera đang mất tín hiệu, chưa có ảnh.',
  en: 'The camera is offline; no still is available.',
};

/** GET /cameras/{id}/snapshot.jpg: the cached still with its time, or a new one (see snapshots.ts). */
export async function sendSnapshot(
  deps: { registry: CameraRegistry; snapshots: Snapshots; thumbnails: ReturnType<typeof createThumbnails> },
  id: string,
  width: number | undefined,
  auth: AuthContext | undefined,
  req: Request,
  res: Response,
) {
  const vis = await deps.registry.visibility(id);
  const operator = auth?.permissions.has('cameras:view') ?? false;
  if (!vis || (!operator && (vis.private || !vis.enabled)))
    throw new NotFound('camera_not_found', CAMERA_NOT_FOUND);
  const r = await deps.snapshots.get(id);
  if (!r?.still) throw new ServiceUnavailable('camera_offline', OFFLINE);
  const still = width ? await deps.thumbnails.get(r.still, width) : r.still;
  const maxAge = Math.max(0, Math.ceil((r.nextAt.getTime() - Date.now()) / 1000));
  res.setHeader('Content-Type', 'image/jpeg');
  res.setHeader('X-Snapshot-Taken-At', still.takenAt.toISOString());
  res.setHeader('Last-Modified', still.takenAt.toUTCString());
  res.setHeader('ETag', still.etag);
  res.setHeader('Cache-Control', vis.private ? `private, max-age=${maxAge}` : `public, max-age=${maxAge}`);
  res.setHeader('X-Camera-State', r.ok ? 'live' : 'offline');
  // Added to what CORS already exposes (request id, rate limit), not in place of it.
  const exposed = String(res.getHeader('Access-Control-Expose-Headers') ?? '');
  res.setHeader(
    'Access-Control-Expose-Headers',
    [exposed, 'X-Snapshot-Taken-At, X-Camera-State, ETag, Last-Modified'].filter(Boolean).join(', '),
  );
  if (req.headers['if-none-match'] === still.etag) {
    res.status(304).end();
    return;
  }
  res.status(200).end(still.jpeg);
}

/** The access token's expiry (already verified by authenticate), in ms since the epoch. */
function tokenExpiry(req: Request): number | null {
  const token = req.headers.authorization?.slice(7).trim() ?? '';
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: number;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * GET /cameras/events/stream: Server-Sent Events. `snapshot` first (every camera's status), then `status` on
 * every change; `: ping` every 15 s; ends when the access token expires or its session is signed out. Resolves when the stream ends.
 */
export async function streamStatus(
  status: CameraStatusService,
  req: Request,
  res: Response,
  opts: {
    pingMs?: number;
    sessionId?: string;
    sessionEnded?: (listener: (sid: string) => void) => () => void;
  } = {},
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  req.socket.setTimeout(0);
  req.socket.setNoDelay(true);
  const send = (event: string, data: unknown) => {
    if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const queue: StatusMessage[] = [];
  let ready = false;
  const unsubscribe = status.subscribe((m) => (ready ? send('status', m) : queue.push(m)));
  await new Promise<void>((resolve) => {
    const ping = setInterval(() => res.write(': ping\n\n'), opts.pingMs ?? 15_000);
    const exp = tokenExpiry(req);
    const expiry = exp
      ? setTimeout(
          () => {
            send('expired', { code: 'token_expired' });
            finish();
          },
          Math.max(0, exp - Date.now()),
        )
      : null;
    const offSession = opts.sessionEnded?.((sid) => {
      if (sid !== opts.sessionId) return;
      send('expired', { code: 'session_ended' });
      finish();
    });
    function finish() {
      clearInterval(ping);
      if (expiry) clearTimeout(expiry);
      offSession?.();
      unsubscribe();
      offClose();
      if (!res.writableEnded) res.end();
      resolve();
    }
    res.on('close', finish);
    const offClose = status.onClose(finish);
    status
      .snapshot()
      .then((items) => {
        send('snapshot', { items });
        ready = true;
        for (const m of queue.splice(0)) send('status', m);
      })
      .catch(() => finish());
  });
}
