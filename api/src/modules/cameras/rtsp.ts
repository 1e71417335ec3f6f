import type { Sealer } from '../../platform/crypto.ts';

/** What is sealed at rest: the address without its user:pass, and the credentials apart. */
export interface RtspSecret {
  url: string;
  username: string | null;
  password: string | null;
}

export const RTSP_CONTEXT = 'camera.rtsp';

/** Split an rtsp:// address: the user:pass written in it move into the credentials (given ones win). */
export function splitRtspUrl(
  raw: string,
  username?: string | null,
  password?: string | null,
): RtspSecret & { host: string } {
  const u = new URL(raw.trim());
  const inUser = u.username ? decodeURIComponent(u.username) : null;
  const inPass = u.password ? decodeURIComponent(u.password) : null;
  u.username = '';
  u.password = '';
  return {
    url: u.toString(),
    host: u.host,
    username: username || inUser || null,
    password: password || inPass || null,
  };
}

/** The address ffmpeg opens: credentials put back into the URL. */
export function sourceUrl(s: RtspSecret): string {
  if (!s.username && !s.password) return s.url;
  const u = new URL(s.url);
  u.username = encodeURIComponent(s.username ?? '');
  u.password = encodeURIComponent(s.password ?? '');
  return u.toString();
}

export const sealRtsp = (sealer: Sealer, s: RtspSecret): string =>
  sealer.seal(JSON.stringify({ url: s.url, username: s.username, password: s.password }), RTSP_CONTEXT);

export const openRtsp = (sealer: Sealer, sealed: string): RtspSecret =>
  JSON.parse(sealer.open(sealed, RTSP_CONTEXT)) as RtspSecret;
