import { describe, expect, it } from 'vitest';
import { fitWithin, MAX_KEPT_BYTES, MAX_SIDE, needsReencode } from './image';

describe('fitWithin', () => {
  it('scales the longer side down to the limit, keeping the proportions', () => {
    expect(MAX_SIDE).toBe(1600);
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(1434, 2333)).toEqual({ width: 983, height: 1600 });
    expect(fitWithin(4000, 4000, 800)).toEqual({ width: 800, height: 800 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(394, 315)).toEqual({ width: 394, height: 315 });
    expect(fitWithin(1600, 900)).toEqual({ width: 1600, height: 900 });
  });

  it('keeps at least one pixel and refuses empty sizes', () => {
    expect(fitWithin(10000, 1)).toEqual({ width: 1600, height: 1 });
    expect(fitWithin(0, 100)).toEqual({ width: 0, height: 0 });
    expect(fitWithin(Number.NaN, 100)).toEqual({ width: 0, height: 0 });
  });
});

describe('needsReencode', () => {
  const jpeg = (size: number) => ({ type: 'image/jpeg', size });
  it('keeps a small JPEG as it is', () => {
    expect(needsReencode(jpeg(180_000), 1200, 626)).toBe(false);
  });
  it('redraws big, heavy or non-JPEG photos', () => {
    expect(needsReencode(jpeg(600_000), 1434, 2333)).toBe(true);
    expect(needsReencode(jpeg(MAX_KEPT_BYTES + 1), 1200, 900)).toBe(true);
    expect(needsReencode({ type: 'image/png', size: 50_000 }, 400, 300)).toBe(true);
    expect(needsReencode({ type: 'image/heic', size: 50_000 }, 400, 300)).toBe(true);
  });
});
