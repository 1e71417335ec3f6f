/** [[west, south], [east, north]] in degrees. */
export type Bounds = [[number, number], [number, number]];

/** Đắk Lắk after the 2025 merger with Phú Yên (approximate), until the outline is loaded. */
export const PROVINCE_BOUNDS: Bounds = [
  [107.45, 12.15],
  [109.48, 13.75],
];

interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}
export interface FeatureCollectionLike {
  type: 'FeatureCollection';
  features: { geometry: Geometry | null }[];
}

function visit(coords: unknown, out: { w: number; s: number; e: number; n: number }): void {
  if (!Array.isArray(coords)) return;
  if (coords.length >= 2 && typeof coords[0] === 'number' && typeof coords[1] === 'number') {
    const [x, y] = coords as [number, number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    out.w = Math.min(out.w, x);
    out.e = Math.max(out.e, x);
    out.s = Math.min(out.s, y);
    out.n = Math.max(out.n, y);
    return;
  }
  for (const c of coords) visit(c, out);
}

/** The bounding box of every coordinate in a FeatureCollection; null when it has none. */
export function boundsOf(fc: FeatureCollectionLike): Bounds | null {
  const out = { w: Infinity, s: Infinity, e: -Infinity, n: -Infinity };
  const walk = (g: Geometry | null) => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries?.forEach(walk);
    else visit(g.coordinates, out);
  };
  for (const f of fc.features) walk(f.geometry);
  if (!Number.isFinite(out.w)) return null;
  return [
    [out.w, out.s],
    [out.e, out.n],
  ];
}
