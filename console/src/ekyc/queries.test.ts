import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { buildQueueQuery, EMPTY_QUEUE_FILTERS, parseMinAgeHours } from './queries';

const serialize = createQuerySerializer();

describe('review queue query', () => {
  it('starts pages at 1 and leaves empty filters out', () => {
    expect(buildQueueQuery(EMPTY_QUEUE_FILTERS, 0, 25)).toEqual({ page: 1, pageSize: 25 });
    expect(serialize(buildQueueQuery(EMPTY_QUEUE_FILTERS, 2, 50))).toBe('page=3&pageSize=50');
  });

  it('sends reason, minimum age and commune', () => {
    const q = buildQueueQuery({ reason: 'qr_mismatch', minAgeHours: ' 24 ', commune: '24175' }, 0, 25);
    expect(q).toEqual({ page: 1, pageSize: 25, reason: 'qr_mismatch', minAgeHours: 24, commune: '24175' });
    expect(serialize(q)).toBe('page=1&pageSize=25&reason=qr_mismatch&minAgeHours=24&commune=24175');
  });

  it('keeps a zero age and decimal hours, drops invalid ones and odd commune codes', () => {
    expect(buildQueueQuery({ ...EMPTY_QUEUE_FILTERS, minAgeHours: '0' }, 0, 10).minAgeHours).toBe(0);
    expect(buildQueueQuery({ ...EMPTY_QUEUE_FILTERS, minAgeHours: '1,5' }, 0, 10).minAgeHours).toBe(1.5);
    expect(buildQueueQuery({ ...EMPTY_QUEUE_FILTERS, minAgeHours: '-3' }, 0, 10)).not.toHaveProperty(
      'minAgeHours',
    );
    expect(buildQueueQuery({ ...EMPTY_QUEUE_FILTERS, commune: 'Hòa Phú' }, 0, 10)).not.toHaveProperty(
      'commune',
    );
  });

  it('parses the minimum age field', () => {
    expect(parseMinAgeHours('')).toBeUndefined();
    expect(parseMinAgeHours('  ')).toBeUndefined();
    expect(parseMinAgeHours('48')).toBe(48);
    expect(parseMinAgeHours('8760')).toBe(8760);
    expect(parseMinAgeHours('8761')).toBe('invalid');
    expect(parseMinAgeHours('abc')).toBe('invalid');
    expect(parseMinAgeHours('1e3')).toBe('invalid');
    expect(parseMinAgeHours('-1')).toBe('invalid');
  });
});
