import type { SseEvent } from './sse';

export const CAMERA_STATES = ['live', 'connecting', 'offline', 'error', 'unknown'] as const;
export type CameraState = (typeof CAMERA_STATES)[number];

/** A camera's live state as the api reports it (CameraStatus in the OpenAPI document). */
export interface CameraStatus {
  state: CameraState;
  message: string | null;
  since: string;
  lastFrameAt: string | null;
  bitrateKbps: number | null;
  fps: number | null;
  viewers: number;
  transcoding: boolean;
}

export type StatusMap = ReadonlyMap<string, CameraStatus>;
export const EMPTY_STATUS_MAP: StatusMap = new Map();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isState = (v: unknown): v is CameraState => (CAMERA_STATES as readonly unknown[]).includes(v);
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

/** `{cameraId, ...CameraStatus}` read defensively; null when it is not one. */
export function readStatus(v: unknown): { cameraId: string; status: CameraStatus } | null {
  if (!isRecord(v) || typeof v.cameraId !== 'string' || !isState(v.state)) return null;
  return {
    cameraId: v.cameraId,
    status: {
      state: v.state,
      message: strOrNull(v.message),
      since: typeof v.since === 'string' ? v.since : new Date(0).toISOString(),
      lastFrameAt: strOrNull(v.lastFrameAt),
      bitrateKbps: numOrNull(v.bitrateKbps),
      fps: numOrNull(v.fps),
      viewers: numOrNull(v.viewers) ?? 0,
      transcoding: v.transcoding === true,
    },
  };
}

/**
 * Merges one event of GET /cameras/events/stream into the map cameraId → status: `snapshot` replaces the whole
 * map (it is what the server knows at connect time), `status` replaces one camera. Anything else, or data that is
 * not what the contract says, leaves the map as it is (the same object, so React does not re-render).
 */
export function applyStatusEvent(map: StatusMap, event: SseEvent): StatusMap {
  let body: unknown;
  try {
    body = JSON.parse(event.data);
  } catch {
    return map;
  }
  if (event.event === 'snapshot') {
    if (!isRecord(body) || !Array.isArray(body.items)) return map;
    const next = new Map<string, CameraStatus>();
    for (const item of body.items) {
      const s = readStatus(item);
      if (s) next.set(s.cameraId, s.status);
    }
    return next;
  }
  if (event.event === 'status') {
    const s = readStatus(body);
    if (!s) return map;
    const next = new Map(map);
    next.set(s.cameraId, s.status);
    return next;
  }
  return map;
}

/** What a camera looks like on the map and the wall: its state, or `disabled`. */
export type DisplayState = CameraState | 'disabled';

/** The freshest status known for a camera: the live stream's when it has one, else the list's. */
export function currentStatus(map: StatusMap, camera: { id: string; status: CameraStatus }): CameraStatus {
  return map.get(camera.id) ?? camera.status;
}

export function displayState(
  map: StatusMap,
  camera: { id: string; enabled: boolean; status: CameraStatus },
): DisplayState {
  return camera.enabled ? currentStatus(map, camera).state : 'disabled';
}

export type Rgb = [number, number, number];
/** live green, connecting amber, offline red, error purple, unknown grey; disabled is drawn hollow (grey ring). */
export const STATE_RGB: Record<DisplayState, Rgb> = {
  live: [46, 125, 50],
  connecting: [245, 160, 0],
  offline: [211, 47, 47],
  error: [123, 31, 162],
  unknown: [140, 140, 140],
  disabled: [120, 120, 120],
};
export const stateCss = (s: DisplayState) => `rgb(${STATE_RGB[s].join(',')})`;

/** "2 giờ 5 phút" / "2 h 5 min" for a duration in ms. */
export function formatDuration(ms: number, lang: 'vi' | 'en'): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const u =
    lang === 'vi' ? { d: 'ngày', h: 'giờ', m: 'phút', s: 'giây' } : { d: 'd', h: 'h', m: 'min', s: 's' };
  const parts = [
    d && `${d} ${u.d}`,
    h && `${h} ${u.h}`,
    m && `${m} ${u.m}`,
    !d && !h && `${sec} ${u.s}`,
  ].filter(Boolean);
  return parts.slice(0, 2).join(' ');
}
