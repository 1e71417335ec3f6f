import { describe, expect, it } from 'vitest';
import {
  addMonths,
  comparing,
  defaultRange,
  invalidRange,
  parseMissingMonth,
  parseWorkforceParams,
  summaryQuery,
  vnMonth,
  workforceCsvName,
  workforceSearchParams,
  type WorkforceView,
} from './workforceView';
import { visibleWorkforceTabs, workforceTabOf } from './WorkforceTabs';

// 31 Oct 2026 18:30 UTC = 1 Nov 2026 01:30 in Vietnam: last month is October.
const NOW = new Date('2026-10-31T18:30:00Z');
const params = (s: string) => new URLSearchParams(s);

describe('workforce page state in the address', () => {
  it('defaults to the twelve months ending last month, Vietnam time, for the whole province', () => {
    expect(vnMonth(NOW)).toBe('2026-11');
    expect(defaultRange(NOW)).toEqual({ from: '2025-11', to: '2026-10' });
    const v = parseWorkforceParams(params(''), NOW);
    expect(v).toEqual({ from: '2025-11', to: '2026-10', zone: '', a: '', b: '', threshold: null });
    expect(workforceSearchParams(v, NOW).toString()).toBe('');
  });

  it('round-trips range, zone, compare pair and alert line', () => {
    const v: WorkforceView = {
      from: '2025-01',
      to: '2025-06',
      zone: 'kcn-hoa-phu',
      a: 'kcn-hoa-phu',
      b: 'none',
      threshold: 0.125,
    };
    const p = workforceSearchParams(v, NOW);
    expect(p.toString()).toBe('from=2025-01&to=2025-06&zone=kcn-hoa-phu&a=kcn-hoa-phu&b=none&alert=12.5');
    expect(parseWorkforceParams(p, NOW)).toEqual(v);
  });

  it('ignores malformed values and fills a missing start from the end', () => {
    const v = parseWorkforceParams(
      params('from=2026-13&to=2026-03&zone=KCN%20X&a=../x&b=kcn-an-phu&alert=150'),
      NOW,
    );
    expect(v).toEqual({ from: '2025-04', to: '2026-03', zone: '', a: '', b: 'kcn-an-phu', threshold: null });
    expect(parseWorkforceParams(params('alert=abc'), NOW).threshold).toBeNull();
    expect(parseWorkforceParams(params('alert=0'), NOW).threshold).toBe(0);
  });

  it('flags a reversed range and builds the api query', () => {
    const v = parseWorkforceParams(params('from=2026-05&to=2026-02'), NOW);
    expect(invalidRange(v)).toBe(true);
    const ok = parseWorkforceParams(params('zone=kcn-hoa-tam&alert=20'), NOW);
    expect(summaryQuery(ok)).toEqual({ from: '2025-11', to: '2026-10', zone: 'kcn-hoa-tam', threshold: 0.2 });
    expect(summaryQuery(ok, '')).toEqual({ from: '2025-11', to: '2026-10', threshold: 0.2 });
    expect(summaryQuery(parseWorkforceParams(params(''), NOW))).toEqual({ from: '2025-11', to: '2026-10' });
  });

  it('compares only two different zones', () => {
    const base = parseWorkforceParams(params(''), NOW);
    expect(comparing({ ...base, a: 'x', b: 'y' })).toBe(true);
    expect(comparing({ ...base, a: 'x', b: 'x' })).toBe(false);
    expect(comparing({ ...base, a: 'x' })).toBe(false);
  });

  it('names the CSV after the range and zone', () => {
    const v = parseWorkforceParams(params('zone=ccn-tan-an-1'), NOW);
    expect(workforceCsvName(v)).toBe('thong-ke-lao-dong_2025-11_2026-10_ccn-tan-an-1.csv');
    expect(workforceCsvName({ ...v, zone: '' })).toBe('thong-ke-lao-dong_2025-11_2026-10.csv');
  });

  it('reads the month of the not-filed list, last month by default', () => {
    expect(parseMissingMonth(params(''), NOW)).toBe('2026-10');
    expect(parseMissingMonth(params('month=2026-07'), NOW)).toBe('2026-07');
    expect(parseMissingMonth(params('month=July'), NOW)).toBe('2026-10');
  });

  it('adds months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
  });
});

describe('workforce tabs', () => {
  it('maps addresses to tabs and shows the zones tab to managers only', () => {
    expect(workforceTabOf('/workforce')).toBe('overview');
    expect(workforceTabOf('/workforce/missing')).toBe('missing');
    expect(workforceTabOf('/workforce/zones/')).toBe('zones');
    expect(visibleWorkforceTabs(['workforce:read']).map((t) => t.id)).toEqual(['overview', 'missing']);
    expect(visibleWorkforceTabs(['workforce:read', 'workforce:manage']).map((t) => t.id)).toEqual([
      'overview',
      'missing',
      'zones',
    ]);
  });
});
