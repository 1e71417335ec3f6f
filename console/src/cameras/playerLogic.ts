/** The live player's rules, apart from the DOM: close codes, status frames, backoff, token expiry, the address. */

/** What the player shows over (or instead of) the video. */
export type PlayerPhase =
  | 'connecting'
  | 'live'
  | 'offline'
  | 'error'
  | 'busy'
  | 'tooSlow'
  | 'reconnecting'
  | 'changed'
  | 'forbidden'
  | 'notFound'
  | 'disabled';

/** Phases after which the player does not try again by itself. */
export const FINAL_PHASES: ReadonlySet<PlayerPhase> = new Set([
  'changed',
  'forbidden',
  'notFound',
  'disabled',
]);

export interface CloseOutcome {
  phase: PlayerPhase;
  /** Try again after this many ms; null = stop. */
  retryMs: number | null;
  /** Get a fresh access token before trying again. */
  refresh: boolean;
  /** The socket never opened: the upgrade was refused or the server is unreachable; ask the REST api why. */
  diagnose: boolean;
}

const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 15_000;

/** 1 s, 2 s, 4 s, 8 s, then 15 s. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
}

/** What a close of the live socket means (codes of the cameras protocol). */
export function closeOutcome(code: number, opened: boolean, attempt: number): CloseOutcome {
  const wait = backoffMs(attempt);
  switch (code) {
    case 4410: // camera_changed: disabled, deleted or readdressed
      return { phase: 'changed', retryMs: null, refresh: false, diagnose: false };
    case 4401: // token_expired: at once with a fresh token
      return { phase: 'connecting', retryMs: 0, refresh: true, diagnose: false };
    case 1013: // camera_busy: every transcoder is taken; give it time
      return { phase: 'busy', retryMs: Math.max(wait, 10_000), refresh: false, diagnose: false };
    case 4008: // too_slow
      return { phase: 'tooSlow', retryMs: Math.max(wait, 3000), refresh: false, diagnose: false };
    default:
      return { phase: 'reconnecting', retryMs: wait, refresh: false, diagnose: !opened };
  }
}

export interface StatusFrame {
  state: 'connecting' | 'live' | 'offline' | 'error';
  message: string | null;
  viewers: number | null;
}

/** A text frame `{"type":"status",...}`; null for anything else. */
export function parseStatusFrame(text: string): StatusFrame | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.type !== 'status') return null;
  if (o.state !== 'connecting' && o.state !== 'live' && o.state !== 'offline' && o.state !== 'error')
    return null;
  return {
    state: o.state,
    message: typeof o.message === 'string' ? o.message : null,
    viewers: typeof o.viewers === 'number' ? o.viewers : null,
  };
}

/** The `exp` (ms since the epoch) of a JWT, read without checking it; null when it has none. */
export function tokenExpiry(token: string): number | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/** True when the token expires within `marginMs` (or its expiry cannot be read: then the server decides). */
export function expiresWithin(token: string, marginMs: number, now = Date.now()): boolean {
  const exp = tokenExpiry(token);
  return exp !== null && exp - now < marginMs;
}

/** ws(s)://<host>/api/v1/cameras/{id}/live on the page's own origin. */
export function liveUrl(cameraId: string, loc: { protocol: string; host: string }): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}/api/v1/cameras/${encodeURIComponent(cameraId)}/live`;
}
