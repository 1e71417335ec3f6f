import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { CameraSource, CameraStatusSink, LiveStreams } from './cameras.types.ts';
import { classifyFfmpegError, probeMessages } from './probe.ts';

export interface Still {
  jpeg: Buffer;
  takenAt: Date;
  etag: string;
}

export interface SnapshotResult {
  /** The latest still, possibly older than the max age when the camera is down. */
  still: Still | null;
  /** Whether the last attempt to take a still succeeded. */
  ok: boolean;
  /** When the next still may be taken. */
  nextAt: Date;
  code: 'ok' | 'unreachable' | 'timeout' | 'unauthorized' | 'not_found' | 'error';
}

interface Entry {
  still: Still | null;
  attemptAt: number;
  ok: boolean;
  code: SnapshotResult['code'];
}

export interface SnapshotOptions {
  ffmpegPath: string;
  maxAgeMs: number;
  timeoutMs: number;
  source: (id: string) => Promise<CameraSource | null>;
  sink?: CameraStatusSink;
  live?: () => LiveStreams;
}

/** One JPEG frame of an RTSP feed, by ffmpeg over TCP, within a timeout. */
export function captureJpeg(
  ffmpegPath: string,
  url: string,
  timeoutMs: number,
): Promise<{ ok: true; jpeg: Buffer } | { ok: false; code: Exclude<SnapshotResult['code'], 'ok'> }> {
  return new Promise((resolve) => {
    const args = [
      '-hide_banner',
      '-loglevel',
      'error',
      '-rtsp_transport',
      'tcp',
      // One second / 1 MB is enough to find an H.264 or MJPEG track and halves the time of a still.
      '-analyzeduration',
      '1000000',
      '-probesize',
      '1000000',
      '-timeout',
      String(timeoutMs * 1000),
      '-i',
      url,
      '-frames:v',
      '1',
      '-an',
      '-f',
      'image2',
      '-c:v',
      'mjpeg',
      '-q:v',
      '5',
      'pipe:1',
    ];
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      // e.g. Deno without --allow-run
      resolve({ ok: false, code: 'error' });
      return;
    }
    const chunks: Buffer[] = [];
    let err = '';
    let timedOut = false;
    child.stdout?.on('data', (d: Buffer) => chunks.push(d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ ok: false, code: 'error' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const jpeg = Buffer.concat(chunks);
      if (timedOut) return resolve({ ok: false, code: 'timeout' });
      if (code === 0 && jpeg.length > 4 && jpeg[0] === 0xff && jpeg[1] === 0xd8)
        return resolve({ ok: true, jpeg });
      resolve({ ok: false, code: code === 0 ? 'error' : classifyFfmpegError(err) });
    });
  });
}

/**
 * Stills of every camera, cached in memory: at most one capture per camera per `maxAgeMs` (a failed attempt
 * counts too), one capture at a time per camera (callers share it). Reports the outcome to the status sink
 * when no transcoder runs for that camera (the gateway reports then).
 */
export function createSnapshots(opts: SnapshotOptions) {
  const cache = new Map<string, Entry>();
  const inflight = new Map<string, Promise<SnapshotResult | null>>();
  let captures = 0;

  const result = (e: Entry): SnapshotResult => ({
    still: e.still,
    ok: e.ok,
    code: e.code,
    nextAt: new Date(e.attemptAt + opts.maxAgeMs),
  });

  async function take(id: string, src: CameraSource): Promise<SnapshotResult> {
    captures++;
    const r = await captureJpeg(opts.ffmpegPath, src.url, opts.timeoutMs);
    const prev = cache.get(id);
    const now = Date.now();
    const entry: Entry = r.ok
      ? {
          still: {
            jpeg: r.jpeg,
            takenAt: new Date(now),
            etag: `"${createHash('sha1').update(r.jpeg).digest('base64url').slice(0, 20)}"`,
          },
          attemptAt: now,
          ok: true,
          code: 'ok',
        }
      : { still: prev?.still ?? null, attemptAt: now, ok: false, code: r.code };
    cache.set(id, entry);
    if (opts.sink && !opts.live?.().stats(id).transcoding) {
      if (r.ok) opts.sink.report(id, { state: 'live', message: null, lastFrameAt: new Date(now) });
      else
        opts.sink.report(id, {
          state: r.code === 'unreachable' || r.code === 'timeout' ? 'offline' : 'error',
          message: probeMessages(r.code).vi,
        });
    }
    return result(entry);
  }

  return {
    /** The cached still when fresh enough, else a new capture (shared with concurrent callers). */
    async get(id: string, opt: { force?: boolean } = {}): Promise<SnapshotResult | null> {
      const e = cache.get(id);
      if (e && !opt.force && Date.now() - e.attemptAt < opts.maxAgeMs) return result(e);
      const running = inflight.get(id);
      if (running) return running;
      // Registered before the first await, so concurrent callers share this capture.
      const p = (async () => {
        const src = await opts.source(id);
        return src ? take(id, src) : null;
      })().finally(() => inflight.delete(id));
      inflight.set(id, p);
      return p;
    },
    /** Time of the cached still, if any (lists show it). */
    takenAt(id: string): Date | null {
      return cache.get(id)?.still?.takenAt ?? null;
    },
    /** The camera was readdressed or deleted: forget its stills. */
    forget(id: string) {
      cache.delete(id);
    },
    /** How many ffmpeg captures ran since start (tests read it). */
    captures: () => captures,
  };
}

export type Snapshots = ReturnType<typeof createSnapshots>;
