import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { decodeJwt, errors as joseErrors } from 'jose';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../../../config.ts';
import { SessionEnded, type TokenSigner } from '../../../platform/auth/tokens.ts';
import { authContextOf } from '../../../platform/auth/permissions.ts';
import type { CameraSource, CameraStatusSink, LiveStats, LiveStreams } from '../cameras.types.ts';
import { CameraChannel, closeSocket, type ChannelConfig } from './channel.ts';
import {
  BEARER_PROTOCOL,
  liveCameraId,
  REFUSALS,
  refuseUpgrade,
  upgradeToken,
  type Refusal,
} from './upgrade.ts';

export interface StreamGatewayDeps {
  config: ChannelConfig & Pick<Config, 'CAMERA_MAX_TRANSCODERS'>;
  log: Logger;
  signer: Pick<TokenSigner, 'verifyAccess' | 'onSessionEnded'>;
  status: CameraStatusSink;
  source: (id: string) => Promise<CameraSource | null>;
  /** An operator started watching a camera (the audit log records who watched what, from where). */
  onView?: (view: { cameraId: string; userId: string; ip: string | null; userAgent: string | null }) => void;
}

export interface StreamGateway extends LiveStreams {
  /** Handles WebSocket upgrades on /api/v1/cameras/{id}/live of this server (other upgrades are left alone). */
  attach(server: Server): void;
  /** Closes every viewer (1001) and stops every ffmpeg (SIGTERM, then SIGKILL). */
  close(): Promise<void>;
  /** Process ids of the running transcoders. */
  pids(): number[];
}

/** Dead viewers (no pong) are cut off after this; also keeps proxies from closing an idle socket while offline. */
const PING_EVERY_MS = 30_000;
/** setTimeout's limit: a later token expiry is checked again then. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The live-video gateway: WebSocket viewers on the API's own port, authenticated at the upgrade, one ffmpeg per
 * camera (node-rtsp-stream's Mpeg1Muxer) fanned out to them, at most CAMERA_MAX_TRANSCODERS at once.
 */
export function createStreamGateway(deps: StreamGatewayDeps): StreamGateway {
  const { config, log } = deps;
  const channels = new Map<string, CameraChannel>();
  const servers = new Set<Server>();
  let closing = false;
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 4096, // viewers send nothing but control frames
    handleProtocols: (protocols) => (protocols.has(BEARER_PROTOCOL) ? BEARER_PROTOCOL : false),
  });
  const alive = new WeakMap<WebSocket, boolean>();
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, PING_EVERY_MS);
  pinger.unref();
  // A viewer whose session is signed out (by them, an administrator, or a disabled account) is cut off at once.
  const bySession = new Map<string, Set<{ ws: WebSocket; ch: CameraChannel }>>();
  const unsubscribe = deps.signer.onSessionEnded((sid) => {
    for (const v of bySession.get(sid) ?? []) v.ch.closeViewer(v.ws, 4401, 'session_ended');
  });

  const channelDeps = {
    config,
    log,
    status: deps.status,
    onDisposed(ch: CameraChannel) {
      if (channels.get(ch.cameraId) === ch) channels.delete(ch.cameraId);
    },
  };

  /** A channel for a new viewer of `src`: the running one, a new one, or null when the cap is reached. */
  function channelFor(src: CameraSource): CameraChannel | null {
    const existing = channels.get(src.id);
    if (existing && existing.url === src.url && !existing.isDisposed) return existing;
    if (existing) void existing.stop(4410, 'camera_changed'); // readdressed since it started
    if (channels.size >= config.CAMERA_MAX_TRANSCODERS) {
      // A transcoder kept only for its grace period makes room first.
      const idle = [...channels.values()].find((c) => c.viewers.size === 0);
      if (!idle) return null;
      void idle.stop(1001, 'idle');
    }
    const ch = new CameraChannel(src.id, src.url, channelDeps);
    channels.set(src.id, ch);
    return ch;
  }

  async function authorize(
    req: IncomingMessage,
    id: string,
  ): Promise<Refusal | { src: CameraSource; exp: number | null; userId: string; sid: string }> {
    const token = upgradeToken(req);
    if (!token) return REFUSALS.tokenMissing;
    let userId: string;
    let sid: string;
    try {
      const claims = await deps.signer.verifyAccess(token);
      userId = claims.sub;
      sid = claims.sid;
      if (!authContextOf(claims).permissions.has('cameras:view')) return REFUSALS.forbidden;
    } catch (err) {
      if (err instanceof SessionEnded) return REFUSALS.sessionEnded;
      return err instanceof joseErrors.JWTExpired ? REFUSALS.tokenExpired : REFUSALS.tokenInvalid;
    }
    if (!id) return REFUSALS.notFound;
    const src = await deps.source(id);
    if (!src) return REFUSALS.notFound;
    if (!src.enabled) return REFUSALS.disabled;
    let exp: number | null = null;
    try {
      exp = decodeJwt(token).exp ?? null;
    } catch {
      /* verified above: cannot happen */
    }
    return { src, exp, userId, sid };
  }

  function onUpgrade(this: Server, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const id = liveCameraId(req.url);
    if (id === null) {
      // Not ours; with no other handler the socket would hang, so answer 404 then.
      if (this.listenerCount('upgrade') === 1) refuseUpgrade(req, socket, REFUSALS.noRoute);
      return;
    }
    socket.on('error', () => socket.destroy());
    if (closing) return refuseUpgrade(req, socket, REFUSALS.unavailable);
    authorize(req, id)
      .then((r) => {
        if ('status' in r) return refuseUpgrade(req, socket, r);
        if (socket.destroyed) return;
        if (closing) return refuseUpgrade(req, socket, REFUSALS.unavailable);
        wss.handleUpgrade(req, socket, head, (ws) => onViewer(ws, r.src, r.exp, r.userId, r.sid, req));
      })
      .catch((err: unknown) => {
        log.error({ err, cameraId: id }, 'camera live upgrade failed');
        refuseUpgrade(req, socket, REFUSALS.unavailable);
      });
  }

  function onViewer(
    ws: WebSocket,
    src: CameraSource,
    exp: number | null,
    userId: string,
    sid: string,
    req: IncomingMessage,
  ): void {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', () => ws.terminate());
    ws.on('message', () => undefined); // viewers have nothing to say
    if (closing) return closeSocket(ws, 1001, 'server_shutdown');
    const ch = channelFor(src);
    if (!ch) {
      log.warn(
        { cameraId: src.id, max: config.CAMERA_MAX_TRANSCODERS },
        'camera live refused: transcoders busy',
      );
      return closeSocket(ws, 1013, 'camera_busy');
    }
    let expiry: NodeJS.Timeout | null = null;
    const armExpiry = () => {
      if (exp === null) return;
      const ms = exp * 1000 - Date.now();
      expiry = setTimeout(
        () => (exp! * 1000 <= Date.now() ? ch.closeViewer(ws, 4401, 'token_expired') : armExpiry()),
        Math.max(0, Math.min(ms, MAX_TIMER_MS)),
      );
    };
    armExpiry();
    const viewer = { ws, ch };
    const ofSession = bySession.get(sid) ?? new Set();
    bySession.set(sid, ofSession.add(viewer));
    ws.on('close', () => {
      if (expiry) clearTimeout(expiry);
      ch.remove(ws);
      ofSession.delete(viewer);
      if (!ofSession.size && bySession.get(sid) === ofSession) bySession.delete(sid);
    });
    ch.add(ws);
    log.info({ cameraId: src.id, userId, viewers: ch.viewers.size }, 'camera live viewer joined');
    const agent = req.headers['user-agent'];
    deps.onView?.({
      cameraId: src.id,
      userId,
      ip: req.socket.remoteAddress ?? null,
      userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
    });
  }

  return {
    attach(server) {
      if (servers.has(server)) return;
      servers.add(server);
      server.on('upgrade', onUpgrade);
    },
    stats(cameraId): LiveStats {
      const ch = channels.get(cameraId);
      return { viewers: ch?.viewers.size ?? 0, transcoding: ch?.transcoding ?? false };
    },
    stop(cameraId) {
      const ch = channels.get(cameraId);
      if (ch) void ch.stop(4410, 'camera_changed');
    },
    transcoders() {
      let n = 0;
      for (const ch of channels.values()) if (ch.transcoding) n++;
      return n;
    },
    pids() {
      return [...channels.values()].map((c) => c.pid).filter((p): p is number => p !== undefined);
    },
    async close() {
      closing = true;
      clearInterval(pinger);
      unsubscribe();
      for (const s of servers) s.off('upgrade', onUpgrade);
      servers.clear();
      await Promise.all([...channels.values()].map((c) => c.stop(1001, 'server_shutdown')));
      for (const ws of wss.clients) closeSocket(ws, 1001, 'server_shutdown');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
