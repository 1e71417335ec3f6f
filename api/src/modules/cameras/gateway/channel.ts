import type { Logger } from 'pino';
import { WebSocket } from 'ws';
import type { Config } from '../../../config.ts';
import type { CameraStatusSink } from '../cameras.types.ts';
import { classifyExit, startTranscode, type ExitInfo, type Transcode } from './ffmpeg.ts';
import { jsmpHeader, Mpeg1Tracker } from './mpeg1.ts';

export type LiveState = 'connecting' | 'live' | 'offline' | 'error';

export type ChannelConfig = Pick<
  Config,
  | 'FFMPEG_PATH'
  | 'CAMERA_GRACE_MS'
  | 'CAMERA_STREAM_WIDTH'
  | 'CAMERA_STREAM_HEIGHT'
  | 'CAMERA_STREAM_FPS'
  | 'CAMERA_STREAM_BITRATE_KBPS'
  | 'CAMERA_STALL_MS'
  | 'CAMERA_BACKOFF_MS'
  | 'CAMERA_BACKOFF_MAX_MS'
  | 'CAMERA_SLOW_VIEWER_BYTES'
>;

export interface ChannelDeps {
  config: ChannelConfig;
  log: Logger;
  status: CameraStatusSink;
  /** The channel has no viewers and no process left: the gateway forgets it. */
  onDisposed(channel: CameraChannel): void;
}

/** How often a live camera's metrics (fps, bitrate, last frame) are reported. */
const METRICS_EVERY_MS = 5_000;
/** A viewer being closed is cut off if its close handshake has not finished by then (it may never read again). */
const TERMINATE_AFTER_MS = 1_000;

/**
 * One camera's live stream: a single ffmpeg whatever the number of viewers, fanned out to them; the current GOP
 * kept for new viewers; a stall watchdog; restarts with exponential backoff while viewers remain; stopped
 * CAMERA_GRACE_MS after the last viewer leaves.
 */
export class CameraChannel {
  state: LiveState = 'connecting';
  message: string | null = null;
  readonly viewers = new Set<WebSocket>();
  private proc: Transcode | null = null;
  private readonly tracker = new Mpeg1Tracker();
  private readonly header: Buffer;
  private failures = 0;
  private lastActivity = 0;
  private lastFrameAt: Date | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private metricsTimer: NodeJS.Timeout | null = null;
  private metricsMark = { at: 0, pictures: 0, bytes: 0 };
  private disposed = false;

  constructor(
    readonly cameraId: string,
    readonly url: string,
    private readonly deps: ChannelDeps,
  ) {
    const c = deps.config;
    this.header = jsmpHeader(c.CAMERA_STREAM_WIDTH, c.CAMERA_STREAM_HEIGHT);
  }

  get transcoding(): boolean {
    return this.proc?.running ?? false;
  }

  get pid(): number | undefined {
    return this.proc?.running ? this.proc.pid : undefined;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** A new viewer: status, the jsmpeg header, the current GOP, then the live data. */
  add(ws: WebSocket): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
    this.viewers.add(ws);
    ws.send(this.header, { binary: true });
    const gop = this.tracker.currentGop();
    if (this.state === 'live' && gop.length) ws.send(gop, { binary: true });
    if (!this.proc && !this.restartTimer)
      this.spawn(); // tells every viewer: connecting
    else this.broadcastStatus(); // the viewer count changed
  }

  /** A viewer left (its socket closed): idempotent. The last one starts the grace period. */
  remove(ws: WebSocket): void {
    if (!this.viewers.delete(ws)) return;
    this.broadcastStatus();
    if (this.viewers.size === 0 && !this.disposed) {
      if (!this.proc?.running && !this.restartTimer) return void this.dispose();
      if (this.graceTimer) clearTimeout(this.graceTimer);
      this.graceTimer = setTimeout(() => void this.dispose(), this.deps.config.CAMERA_GRACE_MS);
    }
  }

  /** Closes one viewer with a code (it is removed at once; cut off if it does not finish the handshake). */
  closeViewer(ws: WebSocket, code: number, reason: string): void {
    this.remove(ws);
    closeSocket(ws, code, reason);
  }

  /** Closes every viewer with `code` and stops the process now (camera changed, server going down). */
  async stop(code: number, reason: string): Promise<void> {
    for (const ws of [...this.viewers]) {
      this.viewers.delete(ws);
      closeSocket(ws, code, reason);
    }
    await this.dispose();
  }

  private async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of [this.restartTimer, this.graceTimer, this.watchdog, this.metricsTimer])
      if (t) clearTimeout(t);
    this.restartTimer = this.graceTimer = this.watchdog = this.metricsTimer = null;
    this.deps.onDisposed(this);
    const proc = this.proc;
    this.proc = null;
    await proc?.kill();
    this.deps.log.info({ cameraId: this.cameraId }, 'camera transcoder stopped');
  }

  private spawn(): void {
    if (this.disposed) return;
    const c = this.deps.config;
    this.tracker.reset();
    // A retry keeps the offline/error state until video flows again: no connecting/offline flapping in the
    // outage history while a camera stays down.
    if (this.failures === 0) this.setState('connecting', null, true);
    this.lastActivity = Date.now();
    let proc: Transcode;
    try {
      proc = this.startProcess();
    } catch (err) {
      // spawn() itself refused (bad path or arguments): an error state, retried like any failure.
      this.proc = null;
      const message = err instanceof Error ? err.message : String(err);
      return this.onExit({ code: null, signal: null, message, spawnFailed: true });
    }
    this.proc = proc;
    this.deps.log.info({ cameraId: this.cameraId, pid: proc.pid }, 'camera transcoder started');
    const every = Math.max(100, Math.min(1000, Math.floor(c.CAMERA_STALL_MS / 4)));
    this.watchdog = setInterval(() => {
      if (this.proc !== proc || Date.now() - this.lastActivity < c.CAMERA_STALL_MS) return;
      const s = Math.round(c.CAMERA_STALL_MS / 100) / 10;
      this.proc = null;
      void proc.kill(0);
      this.onExit({
        code: null,
        signal: 'SIGKILL',
        message: `Không nhận được hình trong ${s} giây`,
        spawnFailed: false,
      });
    }, every);
  }

  private startProcess(): Transcode {
    const c = this.deps.config;
    const proc: Transcode = startTranscode(
      {
        ffmpegPath: c.FFMPEG_PATH,
        url: this.url,
        stallMs: c.CAMERA_STALL_MS,
        width: c.CAMERA_STREAM_WIDTH,
        height: c.CAMERA_STREAM_HEIGHT,
        fps: c.CAMERA_STREAM_FPS,
        bitrateKbps: c.CAMERA_STREAM_BITRATE_KBPS,
      },
      (chunk) => {
        if (this.proc === proc) this.onData(chunk);
      },
      (info) => {
        if (this.proc === proc) this.onExit(info);
      },
    );
    return proc;
  }

  private onData(chunk: Buffer): void {
    const now = Date.now();
    this.lastActivity = now;
    this.tracker.push(chunk);
    if (this.state !== 'live') {
      this.failures = 0;
      this.lastFrameAt = new Date(now);
      this.setState('live', null);
      this.metricsMark = { at: now, pictures: this.tracker.pictures, bytes: this.tracker.bytes };
      if (this.metricsTimer) clearInterval(this.metricsTimer);
      this.metricsTimer = setInterval(() => this.reportMetrics(), METRICS_EVERY_MS);
      // Viewers that joined while connecting get this first GOP from its start.
      const gop = this.tracker.currentGop();
      if (gop.length) return this.fanOut(gop);
    }
    this.lastFrameAt = new Date(now);
    this.fanOut(chunk);
  }

  private fanOut(chunk: Buffer): void {
    const limit = this.deps.config.CAMERA_SLOW_VIEWER_BYTES;
    for (const ws of this.viewers) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > limit) {
        this.deps.log.info(
          { cameraId: this.cameraId, buffered: ws.bufferedAmount },
          'slow camera viewer dropped',
        );
        this.closeViewer(ws, 4008, 'too_slow');
        continue;
      }
      ws.send(chunk, { binary: true });
    }
  }

  private reportMetrics(): void {
    if (this.state !== 'live') return;
    const now = Date.now();
    const dt = (now - this.metricsMark.at) / 1000;
    if (dt <= 0) return;
    const fps = (this.tracker.pictures - this.metricsMark.pictures) / dt;
    const kbps = ((this.tracker.bytes - this.metricsMark.bytes) * 8) / dt / 1000;
    this.metricsMark = { at: now, pictures: this.tracker.pictures, bytes: this.tracker.bytes };
    this.deps.status.report(this.cameraId, {
      state: 'live',
      lastFrameAt: this.lastFrameAt,
      fps: Math.round(fps * 100) / 100,
      bitrateKbps: Math.round(kbps),
    });
  }

  private onExit(info: ExitInfo): void {
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.metricsTimer) clearInterval(this.metricsTimer);
    this.watchdog = this.metricsTimer = null;
    this.proc = null;
    if (this.disposed) return;
    const state = classifyExit(info.message, info.spawnFailed);
    const message =
      info.message ??
      (info.code === 0
        ? 'Camera đã ngừng phát luồng video'
        : `ffmpeg dừng bất thường (${info.code ?? info.signal})`);
    this.deps.log.warn({ cameraId: this.cameraId, ...info, state }, 'camera transcoder exited');
    this.setState(state, message);
    if (this.viewers.size === 0) return void this.dispose();
    const c = this.deps.config;
    const delay = Math.min(c.CAMERA_BACKOFF_MS * 2 ** Math.min(this.failures, 20), c.CAMERA_BACKOFF_MAX_MS);
    this.failures++;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.viewers.size > 0) this.spawn();
      else void this.dispose();
    }, delay);
  }

  private setState(state: LiveState, message: string | null, force = false): void {
    if (!force && this.state === state && this.message === message) return;
    this.state = state;
    this.message = message;
    this.deps.status.report(this.cameraId, {
      state,
      message,
      ...(state === 'live' ? { lastFrameAt: this.lastFrameAt } : {}),
    });
    this.broadcastStatus();
  }

  broadcastStatus(): void {
    const frame = JSON.stringify({
      type: 'status',
      state: this.state,
      message: this.message,
      viewers: this.viewers.size,
    });
    for (const ws of this.viewers) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  }
}

export function closeSocket(ws: WebSocket, code: number, reason: string): void {
  if (ws.readyState === WebSocket.CLOSED) return;
  if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
  setTimeout(() => ws.terminate(), TERMINATE_AFTER_MS).unref();
}
