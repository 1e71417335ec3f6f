import { describe, expect, it } from 'vitest';
import {
  buildJobQuery,
  daysLeft,
  EMPTY_FILTERS,
  formatDate,
  formatSalary,
  millions,
  shareUrl,
  vietnamToday,
} from './format';

const vi = {
  negotiable: 'Thỏa thuận',
  perMonth: '{range} triệu/tháng',
  from: 'Từ {min} triệu/tháng',
  upTo: 'Đến {max} triệu/tháng',
};

describe('formatSalary', () => {
  it('shows a range in millions a month', () => {
    expect(formatSalary({ salaryMin: 8_000_000, salaryMax: 12_000_000 }, vi)).toBe('8–12 triệu/tháng');
  });
  it('keeps one decimal with a Vietnamese comma', () => {
    expect(formatSalary({ salaryMin: 6_500_000, salaryMax: 9_000_000 }, vi)).toBe('6,5–9 triệu/tháng');
    expect(millions(6_500_000, 'en')).toBe('6.5');
  });
  it('shows one figure when both ends are equal', () => {
    expect(formatSalary({ salaryMin: 7_000_000, salaryMax: 7_000_000 }, vi)).toBe('7 triệu/tháng');
  });
  it('shows only one end when the other is missing', () => {
    expect(formatSalary({ salaryMin: 7_000_000, salaryMax: null }, vi)).toBe('Từ 7 triệu/tháng');
    expect(formatSalary({ salaryMin: null, salaryMax: 9_500_000 }, vi)).toBe('Đến 9,5 triệu/tháng');
  });
  it('says negotiable without any figure', () => {
    expect(formatSalary({ salaryMin: null, salaryMax: null, salaryNegotiable: true }, vi)).toBe('Thỏa thuận');
  });
});

describe('buildJobQuery', () => {
  it('sends the newest first without a search text', () => {
    expect(buildJobQuery(EMPTY_FILTERS)).toEqual({ sort: 'newest' });
  });
  it('trims the text and sorts by relevance when searching', () => {
    expect(buildJobQuery({ ...EMPTY_FILTERS, q: '  cong   nhan may ' })).toEqual({
      q: 'cong nhan may',
      sort: 'relevance',
    });
  });
  it('turns the salary preset into VND and passes zone, type and cursor', () => {
    expect(
      buildJobQuery(
        { ...EMPTY_FILTERS, zone: 'kcn-hoa-phu', salaryMillions: 8, type: 'full_time', sort: 'salary' },
        { cursor: 'abc', limit: 20 },
      ),
    ).toEqual({
      zone: 'kcn-hoa-phu',
      salaryMin: 8_000_000,
      type: 'full_time',
      sort: 'salary',
      cursor: 'abc',
      limit: 20,
    });
  });
  it('sorts by distance with a position, and falls back without one', () => {
    const nearby = { ...EMPTY_FILTERS, sort: 'nearby' as const };
    expect(buildJobQuery(nearby, { position: { lat: 12.6667777, lng: 108.0383333 } })).toEqual({
      sort: 'distance',
      lat: 12.66678,
      lng: 108.03833,
    });
    expect(buildJobQuery(nearby, { position: null })).toEqual({ sort: 'newest' });
  });
});

describe('dates and links', () => {
  it('counts days to the deadline', () => {
    expect(daysLeft('2026-12-05', '2026-11-28')).toBe(7);
    expect(daysLeft('2026-11-27', '2026-11-28')).toBe(-1);
  });
  it('uses Vietnam time for today', () => {
    expect(vietnamToday(new Date('2026-11-27T18:30:00Z'))).toBe('2026-11-28');
    expect(vietnamToday(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-27');
  });
  it('formats a day the Vietnamese way', () => {
    expect(formatDate('2026-12-31')).toBe('31/12/2026');
  });
  it('shares the public page of the posting', () => {
    expect(shareUrl('https://id.daklak.gov.vn/', 'a-b')).toBe('https://id.daklak.gov.vn/jobs/a-b');
  });
});
