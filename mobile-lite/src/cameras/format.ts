/** Pure helpers of the traffic-camera screens: how old a picture is, states, distances, snapshot addresses. */

export type CameraState = 'unknown' | 'connecting' | 'live' | 'offline' | 'error';
export const CAMERA_STATES: readonly CameraState[] = ['live', 'connecting', 'offline', 'error', 'unknown'];

export interface Position {
  lat: number;
  lng: number;
}

/** How old a picture is, in the largest whole unit: "vừa xong", "cách đây 2 phút", "cách đây 3 giờ"… */
export type Age =
  { unit: 'now' } | { unit: 'seconds' | 'minutes' | 'hours' | 'days'; n: number } | { unit: 'unknown' };

export function ageOf(iso: string | null | undefined, now: number): Age {
  if (!iso) return { unit: 'unknown' };
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return { unit: 'unknown' };
  // A server clock a little ahead of the phone's is "just now", not "in 3 seconds".
  const s = Math.max(0, Math.floor((now - at) / 1000));
  if (s < 10) return { unit: 'now' };
  if (s < 60) return { unit: 'seconds', n: s };
  const m = Math.floor(s / 60);
  if (m < 60) return { unit: 'minutes', n: m };
  const h = Math.floor(m / 60);
  if (h < 24) return { unit: 'hours', n: h };
  return { unit: 'days', n: Math.floor(h / 24) };
}

/** The newer of two instants (either may be missing). */
export function newest(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = a ? Date.parse(a) : NaN;
  const tb = b ? Date.parse(b) : NaN;
  if (Number.isNaN(ta)) return Number.isNaN(tb) ? null : (b as string);
  if (Number.isNaN(tb)) return a as string;
  return tb > ta ? (b as string) : (a as string);
}

/** Whether the camera is sending pictures now; anything else gets a warning colour. */
export function stateTone(state: CameraState): 'ok' | 'wait' | 'down' | 'none' {
  if (state === 'live') return 'ok';
  if (state === 'connecting') return 'wait';
  if (state === 'offline' || state === 'error') return 'down';
  return 'none';
}

/** Pin colours on the map, by state (readable on a white card and on the pale province). */
export const STATE_COLOURS: Record<CameraState, string> = {
  live: '#0b6e4f',
  connecting: '#b7791f',
  offline: '#b3261e',
  error: '#7b1fa2',
  unknown: '#6b7770',
};

/** Great-circle distance in kilometres (haversine; good to a few metres at this scale). */
export function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The cameras nearest first, each with its distance; equal distances keep the list's order. */
export function sortByDistance<T extends Position>(
  items: readonly T[],
  from: Position,
): (T & { km: number })[] {
  return items
    .map((item, i) => ({ item: { ...item, km: distanceKm(from, item) }, i }))
    .sort((x, y) => x.item.km - y.item.km || x.i - y.i)
    .map((x) => x.item);
}

/** "850 m", "2,4 km", "37 km" — metres under 1 km, one decimal under 10 km. */
export function distanceText(km: number, lang: 'vi' | 'en' = 'vi'): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`;
  const text = km < 10 ? (Math.round(km * 10) / 10).toFixed(1).replace(/\.0$/, '') : String(Math.round(km));
  return `${lang === 'vi' ? text.replace('.', ',') : text} km`;
}

/** The still of a camera; `bust` makes a new address so no cache (phone, proxy) answers in the server's place. */
export function snapshotUrl(id: string, bust?: number, width?: 160 | 320 | 640): string {
  const base = `/api/v1/cameras/${encodeURIComponent(id)}/snapshot.jpg`;
  const query = [width ? `w=${width}` : '', bust === undefined ? '' : `t=${bust}`].filter(Boolean).join('&');
  return query ? `${base}?${query}` : base;
}

/** Seconds of `max-age` in a Cache-Control header (when the server may take the next still), else null. */
export function maxAgeSeconds(cacheControl: string | null | undefined): number | null {
  const m = /(?:^|[,\s])max-age=(\d+)/i.exec(cacheControl ?? '');
  return m ? Number(m[1]) : null;
}

/** Tags and communes present in a list of cameras, for the filter chips and the commune menu. */
export function filtersOf(
  items: readonly { tags: readonly string[]; communeCode: string | null; communeName: string | null }[],
): {
  tags: string[];
  communes: { code: string; name: string }[];
} {
  const tags = new Set<string>();
  const communes = new Map<string, string>();
  for (const c of items) {
    for (const tag of c.tags) tags.add(tag);
    if (c.communeCode) communes.set(c.communeCode, c.communeName ?? c.communeCode);
  }
  return {
    tags: [...tags].sort((a, b) => a.localeCompare(b, 'vi')),
    communes: [...communes]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}
