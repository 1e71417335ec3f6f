/**
 * The light camera map: no map library and no tiles, only the province outline (GeoJSON from the API) drawn as
 * one SVG path and the cameras as pins. A plain equirectangular projection, corrected for the latitude, is exact
 * enough for a province 200 km across.
 */

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Đắk Lắk after the 2025 merger with Phú Yên (approximate), used until the outline arrives. */
export const PROVINCE_BOUNDS: Bounds = { west: 107.45, south: 12.15, east: 109.48, north: 13.75 };

export interface View {
  width: number;
  height: number;
  /** Pixels per degree of latitude. */
  scale: number;
  /** cos(latitude at the centre): a degree of longitude is that much shorter than one of latitude. */
  kx: number;
  west: number;
  north: number;
  offsetX: number;
  offsetY: number;
}

/** Height of a map `width` pixels wide that shows `b` whole with `pad` pixels around it. */
export function heightFor(b: Bounds, width: number, pad: number): number {
  const kx = Math.cos((((b.north + b.south) / 2) * Math.PI) / 180);
  const w = (b.east - b.west) * kx;
  const h = b.north - b.south;
  return Math.round(((width - 2 * pad) * h) / w + 2 * pad);
}

/** The projection that fits `b` into a `width`×`height` box with `pad` pixels around, centred. */
export function fitView(b: Bounds, width: number, height: number, pad: number): View {
  const kx = Math.cos((((b.north + b.south) / 2) * Math.PI) / 180);
  const dx = Math.max((b.east - b.west) * kx, 1e-9);
  const dy = Math.max(b.north - b.south, 1e-9);
  const scale = Math.min((width - 2 * pad) / dx, (height - 2 * pad) / dy);
  return {
    width,
    height,
    scale,
    kx,
    west: b.west,
    north: b.north,
    offsetX: (width - dx * scale) / 2,
    offsetY: (height - dy * scale) / 2,
  };
}

/** Screen position of a point, in pixels from the top left. */
export function project(v: View, lng: number, lat: number): [number, number] {
  return [v.offsetX + (lng - v.west) * v.kx * v.scale, v.offsetY + (v.north - lat) * v.scale];
}

interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/** Every ring (a list of [lng, lat]) of a Polygon, MultiPolygon, LineString… or GeometryCollection. */
export function ringsOf(g: Geometry | null | undefined): number[][][] {
  if (!g) return [];
  if (g.type === 'GeometryCollection') return (g.geometries ?? []).flatMap(ringsOf);
  const out: number[][][] = [];
  const walk = (c: unknown) => {
    if (!Array.isArray(c) || c.length === 0) return;
    if (Array.isArray(c[0]) && typeof (c[0] as unknown[])[0] === 'number') out.push(c as number[][]);
    else for (const part of c) walk(part);
  };
  walk(g.coordinates);
  return out;
}

/** The bounding box of some rings; null when they hold no point. */
export function boundsOfRings(rings: readonly number[][][]): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
  return Number.isFinite(west) ? { west, south, east, north } : null;
}

/**
 * One SVG path of the rings in this view. A point closer than `tolerance` pixels to the last one kept is dropped,
 * so a 5,000-point coastline becomes a few hundred points at phone size; coordinates are rounded to 0.1 px.
 */
export function outlinePath(rings: readonly number[][][], v: View, tolerance = 1.5): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [];
  for (const ring of rings) {
    let last: [number, number] | null = null;
    const pts: string[] = [];
    ring.forEach((c, i) => {
      const [x, y] = project(v, c[0] ?? 0, c[1] ?? 0);
      const keep = !last || i === ring.length - 1 || Math.hypot(x - last[0], y - last[1]) >= tolerance;
      if (!keep) return;
      pts.push(`${r(x)} ${r(y)}`);
      last = [x, y];
    });
    if (pts.length >= 3) parts.push(`M${pts.join('L')}Z`);
  }
  return parts.join('');
}

export interface Pin<T> {
  x: number;
  y: number;
  items: T[];
}

/**
 * Pins closer than `radius` pixels become one group (drawn with its count; tapping it zooms in), so cameras at
 * the same crossing stay tappable at the province's scale. Greedy, in the list's order.
 */
export function groupPins<T extends { lat: number; lng: number }>(
  items: readonly T[],
  v: View,
  radius: number,
): Pin<T>[] {
  const pins: (Pin<T> & { sx: number; sy: number })[] = [];
  for (const item of items) {
    const [x, y] = project(v, item.lng, item.lat);
    const near = pins.find((p) => Math.hypot(p.x - x, p.y - y) < radius);
    if (near) {
      near.items.push(item);
      near.sx += x;
      near.sy += y;
      near.x = near.sx / near.items.length;
      near.y = near.sy / near.items.length;
    } else pins.push({ x, y, items: [item], sx: x, sy: y });
  }
  return pins.map(({ x, y, items: group }) => ({ x, y, items: group }));
}

/** The box around some points, at least `minKm` across each way (a single crossing still shows its streets). */
export function boundsAround(points: readonly { lat: number; lng: number }[], minKm: number): Bounds | null {
  if (points.length === 0) return null;
  const b = boundsOfRings([points.map((p) => [p.lng, p.lat])]);
  if (!b) return null;
  const midLat = (b.north + b.south) / 2;
  const minLat = minKm / 111.32;
  const minLng = minKm / (111.32 * Math.cos((midLat * Math.PI) / 180));
  const growLat = Math.max(0, minLat - (b.north - b.south)) / 2;
  const growLng = Math.max(0, minLng - (b.east - b.west)) / 2;
  return {
    west: b.west - growLng,
    east: b.east + growLng,
    south: b.south - growLat,
    north: b.north + growLat,
  };
}

/**
 * A scale bar for this view: the longest round distance (1, 2 or 5 × 10ⁿ km) that fits in `maxPx` pixels,
 * and its length in pixels.
 */
export function scaleBar(v: View, maxPx: number): { km: number; px: number } {
  const pxPerKm = v.scale / 111.32;
  const most = maxPx / pxPerKm;
  const power = 10 ** Math.floor(Math.log10(most));
  const km = [5, 2, 1].map((m) => m * power).find((d) => d <= most) ?? power;
  return { km, px: km * pxPerKm };
}
