import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';
import { createProvinceShape } from './province.ts';

const units = (
  JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'data', 'communes.json'), 'utf8')) as {
    units: Array<{ bbox: number[]; lat: number; lng: number }>;
  }
).units;
const outline = path.join(
  ROOT_DIR,
  '..',
  'shared',
  'reference',
  'daklak',
  'daklak_province_boundary_2025.geojson',
);

describe('province shape', () => {
  it('with the outline: commune centroids are inside; Hà Nội, the sea off Tuy Hòa and Gia Lai are outside', () => {
    const shape = createProvinceShape({ boundaryFile: outline, bboxes: units.map((u) => u.bbox) });
    expect(shape.usesOutline).toBe(true);
    const inside = units.filter((u) => shape.contains(u.lat, u.lng)).length;
    expect(inside).toBeGreaterThanOrEqual(100); // centroids of odd-shaped wards may fall just outside
    expect(shape.contains(12.6667, 108.05)).toBe(true); // Buôn Ma Thuột
    expect(shape.contains(21.0278, 105.8342)).toBe(false); // Hà Nội
    expect(shape.contains(13.08, 109.6)).toBe(false); // the sea east of Tuy Hòa
    expect(shape.contains(13.98, 108.0)).toBe(false); // Pleiku, Gia Lai
  });
  it('without the outline falls back to the communes’ boxes', () => {
    const shape = createProvinceShape({
      boundaryFile: '/nonexistent.geojson',
      bboxes: units.map((u) => u.bbox),
    });
    expect(shape.usesOutline).toBe(false);
    expect(shape.contains(12.6667, 108.05)).toBe(true);
    expect(shape.contains(21.0278, 105.8342)).toBe(false);
  });
});
