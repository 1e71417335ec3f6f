import { spawn } from 'node:child_process';
import type { CameraProbeResult } from './cameras.schemas.ts';

type Code = CameraProbeResult['code'];

const TEXTS: Record<Code, { vi: string; en: string }> = {
  ok: { vi: 'Đã đọc được luồng video của camera.', en: 'The camera’s video stream could be read.' },
  unreachable: {
    vi: 'Không kết nối được tới camera (sai địa chỉ, sai cổng hoặc camera đang tắt).',
    en: 'Could not connect to the camera (wrong address or port, or the camera is off).',
  },
  timeout: {
    vi: 'Camera không trả lời kịp thời gian chờ.',
    en: 'The camera did not answer in time.',
  },
  unauthorized: {
    vi: 'Camera từ chối tên đăng nhập hoặc mật khẩu.',
    en: 'The camera refused the user name or password.',
  },
  not_found: {
    vi: 'Camera trả lời nhưng không có luồng ở đường dẫn này.',
    en: 'The camera answered but has no stream at this path.',
  },
  no_video: {
    vi: 'Luồng không có kênh video.',
    en: 'The stream has no video track.',
  },
  error: {
    vi: 'Camera trả lời nhưng không đọc được luồng video.',
    en: 'The camera answered but its video stream could not be read.',
  },
};

export function probeMessages(code: Code) {
  return TEXTS[code];
}

/** Classify ffmpeg/ffprobe's stderr for an RTSP input (never shown as is: it may carry the address). */
export function classifyFfmpegError(stderr: string): Exclude<Code, 'ok' | 'no_video'> {
  // Drop the addresses (they carry options like ?timeout= and paths that could contain 401/404).
  const s = stderr.toLowerCase().replace(/[a-z][a-z0-9+.-]*:\/\/\S+/g, ' ');
  if (/\b401\b|unauthorized/.test(s)) return 'unauthorized';
  if (/\b404\b|not found/.test(s)) return 'not_found';
  if (
    /connection refused|no route to host|network is unreachable|name or service not known|could not resolve|failed to resolve|host is down/.test(
      s,
    )
  )
    return 'unreachable';
  if (/timed out|timeout/.test(s)) return 'timeout';
  return 'error';
}

export interface ProbeOptions {
  ffprobePath: string;
  timeoutMs: number;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
}

const rate = (r: string | undefined): number | null => {
  if (!r) return null;
  const [n, d] = r.split('/').map(Number);
  if (!n || !d) return null;
  return Math.round((n / d) * 100) / 100;
};

/** Test an RTSP feed with ffprobe over TCP, within a timeout. Never throws. */
export function probeRtsp(url: string, opts: ProbeOptions): Promise<CameraProbeResult> {
  const started = Date.now();
  const done = (code: Code, info: Partial<CameraProbeResult> = {}): CameraProbeResult => ({
    reachable: code !== 'unreachable' && code !== 'timeout',
    code,
    message: TEXTS[code].vi,
    messages: TEXTS[code],
    codec: null,
    width: null,
    height: null,
    fps: null,
    ...info,
    ms: Date.now() - started,
  });
  return new Promise((resolve) => {
    const args = [
      '-v',
      'error',
      '-rtsp_transport',
      'tcp',
      // One second / 1 MB is enough to find an H.264 or MJPEG track and halves the time of a still.
      '-analyzeduration',
      '1000000',
      '-probesize',
      '1000000',
      '-timeout',
      String(opts.timeoutMs * 1000),
      '-show_streams',
      '-of',
      'json',
      url,
    ];
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(opts.ffprobePath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      resolve(done('error'));
      return;
    }
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(done('error'));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve(done('timeout'));
      if (code !== 0) return resolve(done(classifyFfmpegError(err)));
      let streams: FfprobeStream[] = [];
      try {
        streams = (JSON.parse(out) as { streams?: FfprobeStream[] }).streams ?? [];
      } catch {
        return resolve(done('error'));
      }
      const v = streams.find((s) => s.codec_type === 'video');
      if (!v) return resolve(done('no_video'));
      resolve(
        done('ok', {
          codec: v.codec_name ?? null,
          width: v.width ?? null,
          height: v.height ?? null,
          fps: rate(v.avg_frame_rate) ?? rate(v.r_frame_rate),
        }),
      );
    });
  });
}
