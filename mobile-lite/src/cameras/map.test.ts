import { describe, expect, it } from 'vitest';
import {
  boundsAround,
  boundsOfRings,
  fitView,
  groupPins,
  heightFor,
  outlinePath,
  project,
  PROVINCE_BOUNDS,
  ringsOf,
  scaleBar,
} from './map';

describe('projection', () => {
  const b = { west: 108, south: 12, east: 109, north: 13 };

  it('fits the box with its padding and puts north up', () => {
    const v = fitView(b, 360, heightFor(b, 360, 10), 10);
    const [x0, y0] = project(v, 108, 13);
    const [x1, y1] = project(v, 109, 12);
    // The height is rounded to whole pixels: within half a pixel of the padding.
    expect(x0).toBeCloseTo(10, 0);
    expect(y0).toBeCloseTo(10, 0);
    expect(x1).toBeCloseTo(350, 0);
    expect(y1).toBeCloseTo(v.height - 10, 0);
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(10 - 1e-9);
    // A degree of longitude at 12.5° N is shorter than one of latitude: the box is taller than wide.
    expect(v.height).toBeGreaterThan(360);
    expect(y1 - y0).toBeCloseTo((x1 - x0) / Math.cos((12.5 * Math.PI) / 180), 4);
  });

  it('centres a narrow box in a wider frame, keeping the scale the same both ways', () => {
    const v = fitView({ west: 108, south: 12, east: 108.01, north: 13 }, 360, 200, 0);
    const [xa, ya] = project(v, 108, 13);
    const [xb, yb] = project(v, 108.01, 12);
    expect(ya).toBeCloseTo(0, 6);
    expect(yb).toBeCloseTo(200, 6);
    expect((xa + xb) / 2).toBeCloseTo(180, 6);
  });

  it('gives the province a landscape frame on a phone', () => {
    const h = heightFor(PROVINCE_BOUNDS, 360, 14);
    expect(h).toBeGreaterThan(250);
    expect(h).toBeLessThan(320);
  });
});

describe('outlines', () => {
  const square = {
    type: 'Polygon',
    coordinates: [
      [
        [108, 12],
        [109, 12],
        [109, 13],
        [108, 13],
        [108, 12],
      ],
    ],
  };

  it('finds the rings of any geometry', () => {
    expect(ringsOf(square)).toHaveLength(1);
    const multi = { type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] };
    expect(ringsOf(multi)).toHaveLength(2);
    expect(ringsOf({ type: 'GeometryCollection', geometries: [square, multi] })).toHaveLength(3);
    expect(ringsOf(null)).toEqual([]);
    expect(boundsOfRings(ringsOf(multi))).toEqual({ west: 108, south: 12, east: 109, north: 13 });
    expect(boundsOfRings([])).toBeNull();
  });

  it('draws a closed path and drops points closer than the tolerance', () => {
    const b = { west: 108, south: 12, east: 109, north: 13 };
    const v = fitView(b, 100, 100, 0);
    expect(outlinePath(ringsOf(square), v)).toMatch(/^M[\d. ]+(L[\d. ]+){4}Z$/);
    // 1,000 points along one edge (0.1 px apart) collapse to a few.
    const dense = [
      [...Array.from({ length: 1000 }, (_, i) => [108 + i / 1000, 12]), [109, 13], [108, 13], [108, 12]],
    ];
    const d = outlinePath(dense, v, 1.5);
    const points = d.split(/[ML]/).filter(Boolean).length;
    expect(points).toBeLessThan(80);
    expect(points).toBeGreaterThan(4);
    // A ring too small to see is left out.
    expect(
      outlinePath(
        [
          [
            [108, 12],
            [108.0001, 12],
            [108, 12.0001],
            [108, 12],
          ],
        ],
        v,
      ),
    ).toBe('');
  });
});

describe('pins', () => {
  const v = fitView(PROVINCE_BOUNDS, 360, heightFor(PROVINCE_BOUNDS, 360, 14), 14);
  // Two crossings 300 m apart in Buôn Ma Thuột, one in Tuy Hòa.
  const cams = [
    { id: 'bmt1', lat: 12.6676, lng: 108.0383 },
    { id: 'th', lat: 13.0955, lng: 109.3209 },
    { id: 'bmt2', lat: 12.67, lng: 108.041 },
  ];

  it('groups pins that would overlap at this scale, and keeps apart those that do not', () => {
    const pins = groupPins(cams, v, 22);
    expect(pins.map((p) => p.items.map((c) => c.id))).toEqual([['bmt1', 'bmt2'], ['th']]);
    const [bx, by] = project(v, 108.0383, 12.6676);
    expect(Math.abs(pins[0]!.x - bx)).toBeLessThan(3);
    expect(Math.abs(pins[0]!.y - by)).toBeLessThan(3);
  });

  it('zooming to a group separates its cameras', () => {
    const zoom = boundsAround(
      cams.filter((c) => c.id !== 'th'),
      1.2,
    )!;
    expect(zoom.north - zoom.south).toBeGreaterThanOrEqual(1.2 / 111.32 - 1e-9);
    const close = fitView(zoom, 360, v.height, 14);
    expect(groupPins(cams, close, 22).filter((p) => p.items.length === 1).length).toBe(3);
  });

  it('a single camera still gets a box around it', () => {
    const b = boundsAround([{ lat: 12.5, lng: 108 }], 2)!;
    expect(b.east - b.west).toBeGreaterThan(0.018);
    expect((b.east + b.west) / 2).toBeCloseTo(108, 9);
    expect(boundsAround([], 2)).toBeNull();
  });
});

describe('scale bar', () => {
  it('picks a round distance that fits', () => {
    const v = fitView(PROVINCE_BOUNDS, 360, heightFor(PROVINCE_BOUNDS, 360, 14), 14);
    const bar = scaleBar(v, 90);
    expect([10, 20, 50]).toContain(bar.km);
    expect(bar.px).toBeLessThanOrEqual(90);
    expect(bar.px).toBeGreaterThan(90 / 2.5);
    // The bar measures what the projection draws: north–south pixels of `km` kilometres.
    const [, y0] = project(v, 108, 12.5);
    const [, y1] = project(v, 108, 12.5 + bar.km / 111.32);
    expect(Math.abs(y0 - y1)).toBeCloseTo(bar.px, 6);
  });

  it('goes below a kilometre when zoomed in', () => {
    const zoom = boundsAround([{ lat: 12.6676, lng: 108.0383 }], 1.2)!;
    const bar = scaleBar(fitView(zoom, 360, 290, 14), 90);
    expect(bar.km).toBeLessThan(1);
    expect([0.1, 0.2, 0.5]).toContain(Number(bar.km.toPrecision(1)));
  });
});
