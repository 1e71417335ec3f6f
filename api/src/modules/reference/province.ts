import fs from 'node:fs';

type Ring = Array<[number, number]>;

/** Ray casting on one ring (lng, lat). */
function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Is a point inside the province? Uses the outline GeoJSON when configured (loaded from its path, never
 * copied into the repository), else the union of the communes' bounding boxes.
 */
export function createProvinceShape(opts: { boundaryFile?: string; bboxes: number[][] }) {
  let polygons: Ring[][] = [];
  if (opts.boundaryFile && fs.existsSync(opts.boundaryFile)) {
    const geo = JSON.parse(fs.readFileSync(opts.boundaryFile, 'utf8')) as {
      features?: Array<{ geometry: { type: string; coordinates: unknown } }>;
      geometry?: { type: string; coordinates: unknown };
      type: string;
      coordinates?: unknown;
    };
    const geoms = geo.features?.map((f) => f.geometry) ?? [
      geo.geometry ?? (geo as { type: string; coordinates: unknown }),
    ];
    for (const g of geoms) {
      if (g.type === 'Polygon') polygons.push(g.coordinates as Ring[]);
      if (g.type === 'MultiPolygon') polygons.push(...(g.coordinates as Ring[][]));
    }
  }
  const usesOutline = polygons.length > 0;
  if (!usesOutline) polygons = [];
  return {
    usesOutline,
    contains(lat: number, lng: number): boolean {
      if (usesOutline)
        return polygons.some(
          ([outer, ...holes]) =>
            !!outer && inRing(lng, lat, outer) && !holes.some((h) => inRing(lng, lat, h)),
        );
      return opts.bboxes.some(
        ([minLng, minLat, maxLng, maxLat]) =>
          lng >= (minLng as number) &&
          lng <= (maxLng as number) &&
          lat >= (minLat as number) &&
          lat <= (maxLat as number),
      );
    },
  };
}
