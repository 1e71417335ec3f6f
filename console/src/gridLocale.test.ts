import { describe, expect, it } from 'vitest';
import { formatRowCount } from './gridLocale';

describe('formatRowCount', () => {
  it('groups thousands the Vietnamese or English way', () => {
    expect(formatRowCount(1234, false, 'vi')).toBe('1.234');
    expect(formatRowCount(1234, false, 'en')).toBe('1,234');
  });
  it('marks a capped count with a plus', () => {
    expect(formatRowCount(10000, true, 'vi')).toBe('10.000+');
    expect(formatRowCount(10000, true, 'en')).toBe('10,000+');
  });
});
