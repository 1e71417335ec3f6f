import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

interface Mpeg1MuxerInstance extends EventEmitter {
  stream: ChildProcess;
}
type Mpeg1MuxerClass = new (options: {
  url: string;
  ffmpegPath: string;
  ffmpegOptions: Record<string, string | number>;
}) => Mpeg1MuxerInstance;

/** node-rtsp-stream's muxer alone (its VideoStream would open an unauthenticated WebSocket port of its own). */
const Mpeg1Muxer = require('node-rtsp-stream/mpeg1muxer.js') as Mpeg1MuxerClass;

/** Puts the RTSP input options (TCP, socket timeout) before the muxer's `-i`, then execs ffmpeg: see the script. */
const RTSP_INPUT = fileURLToPath(new URL('./ffmpeg-rtsp-input.sh', import.meta.url));

/**
 * Runs `new Mpeg1Muxer(…)` — which spawns at once — with the wrapper as its ffmpeg and the real ffmpeg in the
 * child's environment. Setting and restoring process.env around the synchronous spawn cannot race.
 */
function spawnMuxer(
  options: ConstructorParameters<Mpeg1MuxerClass>[0],
  timeoutMs: number,
): Mpeg1MuxerInstance {
  const saved = { f: process.env.DLID_FFMPEG, t: process.env.DLID_RTSP_TIMEOUT_US };
  process.env.DLID_FFMPEG = options.ffmpegPath;
  process.env.DLID_RTSP_TIMEOUT_US = String(Math.round(timeoutMs * 1000));
  try {
    return new Mpeg1Muxer({ ...options, ffmpegPath: RTSP_INPUT });
  } finally {
    for (const [key, value] of [
      ['DLID_FFMPEG', saved.f],
      ['DLID_RTSP_TIMEOUT_US', saved.t],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  }
}

export interface TranscodeOptions {
  ffmpegPath: string;
  url: string;
  /** RTSP socket timeout: a feed silent this long ends ffmpeg (the gateway's watchdog uses the same figure). */
  stallMs: number;
  width: number;
  height: number;
  fps: number;
  bitrateKbps: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ffmpeg's last meaningful stderr line (credentials removed), or the spawn error. */
  message: string | null;
  /** ffmpeg could not be started at all (not installed, not executable). */
  spawnFailed: boolean;
}

export interface Transcode {
  readonly pid: number | undefined;
  readonly running: boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  kill(graceMs?: number): Promise<void>;
}

/** Removes `user:pass@` from any URL in a message: ffmpeg repeats the input address in its errors. */
export const redact = (s: string) => s.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');

const PROGRESS = /^\s*frame=|^\s*size=|Last message repeated/;

/**
 * ffmpeg reading the feed and writing raw MPEG-1 video (`-f mpeg1video`, no B-frames, a GOP a second) to stdout,
 * through node-rtsp-stream's Mpeg1Muxer (its own `-f mpegts -codec:v mpeg1video` come first and are overridden by
 * ours, which follow `-i`).
 */
export function startTranscode(
  o: TranscodeOptions,
  onData: (chunk: Buffer) => void,
  onExit: (info: ExitInfo) => void,
): Transcode {
  const muxer = spawnMuxer(
    {
      url: o.url,
      ffmpegPath: o.ffmpegPath,
      ffmpegOptions: {
        '-f': 'mpeg1video',
        '-b:v': `${o.bitrateKbps}k`,
        '-r': o.fps,
        '-s': `${o.width}x${o.height}`,
        '-bf': 0,
        '-g': o.fps,
        '-an': '',
        '-loglevel': 'error',
        '-stats': '',
      },
    },
    o.stallMs,
  );
  const child = muxer.stream;
  // The muxer's own exit handler only writes to the console; the gateway logs exits itself.
  child.removeAllListeners('exit');
  let last: string | null = null;
  let exited = false;
  let partial = '';
  const done = (info: ExitInfo) => {
    if (exited) return;
    exited = true;
    onExit(info);
  };
  // At once: a missing ffmpeg is an 'error' event on the child, which would otherwise crash the process.
  child.on('error', (err: NodeJS.ErrnoException) => {
    done({
      code: null,
      signal: null,
      message: redact(err.code === 'ENOENT' ? `Không tìm thấy ffmpeg (${o.ffmpegPath})` : err.message),
      spawnFailed: err.code === 'ENOENT' || err.code === 'EACCES' || child.pid === undefined,
    });
  });
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('error', () => undefined);
  muxer.on('mpeg1data', (chunk: Buffer) => onData(chunk));
  muxer.on('ffmpegStderr', (data: Buffer) => {
    const lines = (partial + data.toString('utf8')).split(/[\r\n]+/);
    partial = lines.pop() ?? '';
    if (partial.length > 4096) partial = partial.slice(-4096);
    for (const line of lines) {
      const t = line.trim();
      if (t && !PROGRESS.test(t)) last = redact(t).slice(0, 500);
    }
  });
  child.on('exit', (code, signal) => {
    const t = partial.trim();
    if (t && !PROGRESS.test(t)) last = redact(t).slice(0, 500);
    // 127/126: the wrapper's exec found no ffmpeg / could not run it — as if ffmpeg itself failed to start.
    const notRun = code === 127 || code === 126;
    done({
      code,
      signal,
      message: notRun ? `Không tìm thấy ffmpeg (${o.ffmpegPath})` : last,
      spawnFailed: notRun,
    });
  });

  return {
    get pid() {
      return child.pid;
    },
    get running() {
      return !exited && child.exitCode === null && child.signalCode === null;
    },
    kill(graceMs = 2000) {
      if (exited || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const hard = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(hard);
          resolve();
        });
        child.kill(graceMs === 0 ? 'SIGKILL' : 'SIGTERM');
      });
    },
  };
}

/** offline: the camera cannot be reached or stopped sending; error: it answers but the feed cannot be read. */
export function classifyExit(message: string | null, spawnFailed: boolean): 'offline' | 'error' {
  if (spawnFailed) return 'error';
  const s = (message ?? '').toLowerCase();
  if (
    /\b401\b|unauthori[sz]ed|\b403\b|forbidden|\b404\b|not found|invalid data|no such file|unsupported/.test(
      s,
    )
  )
    return 'error';
  return 'offline';
}
