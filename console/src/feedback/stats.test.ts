import { describe, expect, it } from 'vitest';
import { feedbackTabOf, visibleFeedbackTabs } from './FeedbackTabs';
import {
  barChart,
  buildStatsQuery,
  csvFilename,
  deadlineTotals,
  departmentChart,
  durationParts,
  formatShare,
  invalidStatsRange,
  parseStatsParams,
  queueLink,
  ratingsChart,
  relabel,
  sortDeadlines,
  statsSearchParams,
  statusChart,
  STATUS_COLORS,
  type StatsFilters,
} from './stats';

// 27 Nov 2026 22:30 UTC = 28 Nov 2026 05:30 in Vietnam
const NOW = new Date('2026-11-27T22:30:00Z');
const base: StatsFilters = { range: '30', from: '', to: '', category: '', department: '', commune: '' };

describe('statistics filters in the URL', () => {
  it('reads defaults from an empty URL and leaves them out when writing', () => {
    const f = parseStatsParams(new URLSearchParams(''));
    expect(f).toEqual(base);
    expect(statsSearchParams(f).toString()).toBe('');
  });

  it('round-trips a custom range with filters', () => {
    const f: StatsFilters = {
      range: 'custom',
      from: '2026-10-01',
      to: '2026-10-31',
      category: 'traffic',
      department: 'sxd',
      commune: '24700',
    };
    const url = statsSearchParams(f).toString();
    expect(url).toBe(
      'range=custom&from=2026-10-01&to=2026-10-31&category=traffic&department=sxd&commune=24700',
    );
    expect(parseStatsParams(new URLSearchParams(url))).toEqual(f);
  });

  it('drops malformed values', () => {
    const f = parseStatsParams(new URLSearchParams('range=12&from=2026-02-30&commune=abc&category=%20'));
    expect(f).toEqual(base);
    const c = parseStatsParams(new URLSearchParams('range=custom&from=2026-02-30&to=2026-03-01'));
    expect(c).toMatchObject({ range: 'custom', from: '', to: '2026-03-01' });
  });

  it('flags a custom range that ends before it starts', () => {
    expect(invalidStatsRange({ ...base, range: 'custom', from: '2026-11-02', to: '2026-11-01' })).toBe(true);
    expect(invalidStatsRange({ ...base, range: 'custom', from: '2026-11-01', to: '2026-11-01' })).toBe(false);
    expect(invalidStatsRange({ ...base, range: '7', from: '2026-11-02', to: '2026-11-01' })).toBe(false);
  });
});

describe('statistics query', () => {
  it('a preset covers whole Vietnam days ending today (Vietnam date)', () => {
    expect(buildStatsQuery({ ...base, range: '7' }, NOW)).toEqual({
      from: '2026-11-21T17:00:00.000Z', // 22 Nov 00:00 in Vietnam
      to: '2026-11-28T17:00:00.000Z', // 29 Nov 00:00 in Vietnam: 28 Nov included
    });
  });

  it('a custom range includes its end day and carries the filters', () => {
    expect(
      buildStatsQuery(
        {
          range: 'custom',
          from: '2026-10-01',
          to: '2026-10-31',
          category: 'traffic',
          department: 'sxd',
          commune: '24700',
        },
        NOW,
      ),
    ).toEqual({
      from: '2026-09-30T17:00:00.000Z',
      to: '2026-10-31T17:00:00.000Z',
      category: 'traffic',
      department: 'sxd',
      commune: '24700',
    });
  });

  it('names the CSV after the days and filters', () => {
    expect(csvFilename({ ...base, range: '7' }, NOW)).toBe('thong-ke-phan-anh_2026-11-22_2026-11-28.csv');
    expect(
      csvFilename({ ...base, range: 'custom', from: '2026-10-01', to: '2026-10-31', department: 'sxd' }, NOW),
    ).toBe('thong-ke-phan-anh_2026-10-01_2026-10-31_sxd.csv');
    expect(csvFilename({ ...base, range: 'custom', category: 'a/b c' }, NOW)).toBe(
      'thong-ke-phan-anh_dau-ky_2026-11-28_a-b-c.csv',
    );
  });
});

describe('chart datasets', () => {
  it('status doughnut keeps occurring statuses with their colours', () => {
    const d = statusChart(
      [
        { key: 'submitted', label: 'Mới', count: 3 },
        { key: 'rejected', label: 'Từ chối', count: 0 },
        { key: 'resolved', label: 'Đã giải quyết', count: 5 },
      ],
      'Số phản ánh',
    );
    expect(d.labels).toEqual(['Mới', 'Đã giải quyết']);
    expect(d.datasets[0]?.data).toEqual([3, 5]);
    expect(d.datasets[0]?.backgroundColor).toEqual([STATUS_COLORS.submitted, STATUS_COLORS.resolved]);
  });

  it('relabels known keys and keeps the api label otherwise', () => {
    const labels: Record<string, string> = { sxd: 'Department of Construction' };
    expect(
      relabel(
        [
          { key: 'sxd', label: 'Sở Xây dựng', count: 2, overdue: 1 },
          { key: 'none', label: 'Chưa giao đơn vị', count: 1, overdue: 0 },
        ],
        (k) => labels[k],
      ),
    ).toEqual([
      { key: 'sxd', label: 'Department of Construction', count: 2, overdue: 1 },
      { key: 'none', label: 'Chưa giao đơn vị', count: 1, overdue: 0 },
    ]);
  });

  it('bars are sorted largest first and limited', () => {
    const d = barChart(
      [
        { key: 'a', label: 'Ea Kar', count: 2 },
        { key: 'b', label: 'Buôn Ma Thuột', count: 9 },
        { key: 'c', label: 'Cư M’gar', count: 4 },
      ],
      'n',
      2,
    );
    expect(d.labels).toEqual(['Buôn Ma Thuột', 'Cư M’gar']);
    expect(d.datasets[0]?.data).toEqual([9, 4]);
  });

  it('department bars stack not-overdue and overdue to the count', () => {
    const d = departmentChart(
      [
        { key: 'sxd', label: 'Sở Xây dựng', count: 10, overdue: 3 },
        { key: 'syt', label: 'Sở Y tế', count: 12, overdue: 0 },
      ],
      { notOverdue: 'ok', overdue: 'late' },
    );
    expect(d.labels).toEqual(['Sở Y tế', 'Sở Xây dựng']);
    expect(d.datasets.map((s) => s.data)).toEqual([
      [12, 7],
      [0, 3],
    ]);
    expect(d.datasets.every((s) => s.stack === 'reports')).toBe(true);
  });

  it('ratings histogram always has five bars', () => {
    const d = ratingsChart([1, 0, 2], (n) => `${n}★`, 'r');
    expect(d.labels).toEqual(['1★', '2★', '3★', '4★', '5★']);
    expect(d.datasets[0]?.data).toEqual([1, 0, 2, 0, 0]);
  });
});

describe('KPI formatting', () => {
  it('shows the median in minutes under an hour, hours under two days, else days', () => {
    expect(durationParts(null)).toBeNull();
    expect(durationParts(0.01)).toEqual({ unit: 'minutes', n: 1 });
    expect(durationParts(5.26)).toEqual({ unit: 'hours', n: 5.3 });
    expect(durationParts(72)).toEqual({ unit: 'days', n: 3 });
  });

  it('formats shares as percentages in the language', () => {
    expect(formatShare(0.835, 'vi')).toBe('83,5%');
    expect(formatShare(0.5, 'en')).toBe('50%');
    expect(formatShare(null, 'en')).toBeNull();
  });
});

describe('deadlines', () => {
  const rows = [
    { department: 'syt', departmentName: 'Sở Y tế', open: 9, dueSoon: 1, overdue: 0 },
    { department: 'sxd', departmentName: 'Sở Xây dựng', open: 4, dueSoon: 0, overdue: 2 },
    { department: 'ca', departmentName: 'Công an tỉnh', open: 5, dueSoon: 3, overdue: 2 },
  ];

  it('sorts by overdue, then due soon', () => {
    expect(sortDeadlines(rows).map((r) => r.department)).toEqual(['ca', 'sxd', 'syt']);
    expect(deadlineTotals(rows)).toEqual({ open: 18, dueSoon: 4, overdue: 4 });
  });

  it('links each count to the filtered queue', () => {
    expect(queueLink('sxd', 'overdue')).toBe('/feedback?department=sxd&overdue=true');
    expect(queueLink('sxd', 'open')).toBe(
      '/feedback?department=sxd&status=accepted&status=assigned&status=in_progress',
    );
    expect(queueLink('', 'dueSoon')).toBe(
      '/feedback?status=accepted&status=assigned&status=in_progress&sort=dueAt',
    );
  });
});

describe('feedback tabs', () => {
  it('takes the active tab from the path', () => {
    expect(feedbackTabOf('/feedback')).toBe('queue');
    expect(feedbackTabOf('/feedback/3f1c2a9e-0000-4000-8000-000000000000')).toBe('queue');
    expect(feedbackTabOf('/feedback/stats')).toBe('stats');
    expect(feedbackTabOf('/feedback/deadlines/')).toBe('deadlines');
    expect(feedbackTabOf('/feedback/forwarding')).toBe('forwarding');
  });

  it('shows forwarding only to triage staff', () => {
    expect(visibleFeedbackTabs(['console:access', 'feedback:handle']).map((t) => t.id)).toEqual([
      'queue',
      'deadlines',
      'stats',
    ]);
    expect(visibleFeedbackTabs(['console:access', 'feedback:triage']).map((t) => t.id)).toContain(
      'forwarding',
    );
  });
});
