import { describe, expect, it } from 'vitest';
import { datedFileName, formatDateTime, nationalPhone, vnLocalToIso } from './time';

describe('times in Asia/Ho_Chi_Minh', () => {
  it('formats a UTC instant as Vietnam time', () => {
    expect(formatDateTime('2026-11-27T17:05:09Z', 'vi')).toBe('28/11/2026 00:05:09');
    expect(formatDateTime('2026-01-01T00:00:00.000Z', 'en')).toBe('01/01/2026 07:00:00');
    expect(formatDateTime('2026-11-27T17:05:09Z', 'vi', { seconds: false })).toBe('28/11/2026 00:05');
  });
  it('returns null for missing or invalid values', () => {
    expect(formatDateTime(null, 'vi')).toBeNull();
    expect(formatDateTime('not a date', 'vi')).toBeNull();
  });
  it('reads datetime-local input as Vietnam time', () => {
    expect(vnLocalToIso('2026-11-28T00:05')).toBe('2026-11-27T17:05:00.000Z');
    expect(vnLocalToIso('2026-11-28T07:00:30')).toBe('2026-11-28T00:00:30.000Z');
    expect(vnLocalToIso('')).toBeUndefined();
    expect(vnLocalToIso('28/11/2026')).toBeUndefined();
  });
  it('shows phones in the national form', () => {
    expect(nationalPhone('+84905000001')).toBe('0905000001');
    expect(nationalPhone('0905000001')).toBe('0905000001');
  });
});

describe('file names', () => {
  it('carry the Vietnam date', () => {
    expect(datedFileName('danh-muc-camera', new Date('2026-11-27T18:30:00Z'))).toBe(
      'danh-muc-camera-2026-11-28.csv',
    );
    expect(datedFileName('nhat-ky-kiem-toan', new Date('2026-11-27T16:59:59Z'))).toBe(
      'nhat-ky-kiem-toan-2026-11-27.csv',
    );
  });
});
