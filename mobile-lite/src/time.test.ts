import { describe, expect, it } from 'vitest';
import { formatClock, formatDay, formatInstantDay, todayInVietnam } from './time';

describe('times in Vietnam', () => {
  it('shows the clock in Asia/Ho_Chi_Minh (UTC+7), 24-hour', () => {
    expect(formatClock('2026-11-27T03:05:09Z', false, 'vi')).toBe('10:05');
    expect(formatClock('2026-11-27T03:05:09Z', true, 'vi')).toBe('10:05:09');
    expect(formatClock('2026-11-27T15:30:00Z', false, 'en')).toBe('22:30');
    expect(formatClock('2026-11-27T17:00:00Z', false, 'vi')).toBe('00:00');
  });

  it('returns text that is not a time unchanged', () => {
    expect(formatClock('not a date', false, 'vi')).toBe('not a date');
  });

  it('writes calendar dates day first, without moving them across time zones', () => {
    expect(formatDay('2004-05-06')).toBe('06/05/2004');
    expect(formatDay('06052004')).toBe('06052004');
  });

  it('gives the day in Vietnam of an instant', () => {
    expect(formatInstantDay('2026-11-27T18:00:00Z')).toBe('28/11/2026');
    expect(todayInVietnam(new Date('2026-11-27T16:59:59Z'))).toBe('2026-11-27');
    expect(todayInVietnam(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
  });
});
