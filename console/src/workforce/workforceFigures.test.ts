import { describe, expect, it } from 'vitest';
import {
  bubbleRadius,
  compareChart,
  formatChange,
  monthLabel,
  NO_RATE_RGB,
  seriesChart,
  vacancyBands,
  vacancyColor,
  vacancyRateChart,
  workforceKpis,
  zoneBubbles,
  type MonthFigures,
  type ZoneFigures,
} from './workforceFigures';
import { chartIsEmpty } from '../components/charts';

const month = (m: string, over: Partial<MonthFigures> = {}): MonthFigures => ({
  month: m,
  headcount: 1000,
  women: 400,
  vacancies: 100,
  vacancyRate: 0.0909,
  hires: 30,
  separations: 20,
  appApplications: 12,
  appHires: 3,
  companiesFiled: 5,
  ...over,
});

const zone = (code: string, over: Partial<ZoneFigures> = {}): ZoneFigures => ({
  code,
  name: `KCN ${code}`,
  headcount: 100,
  women: 40,
  vacancies: 10,
  vacancyRate: 0.0909,
  hires: 5,
  separations: 4,
  appApplications: 2,
  appHires: 1,
  companiesFiled: 1,
  companiesExpected: 1,
  ...over,
});

describe('KPI cards', () => {
  const series = [
    month('2026-08'),
    month('2026-09', { headcount: 1040, vacancies: 90, vacancyRate: 0.0796, hires: 50, separations: 25 }),
  ];

  it('shows the last month with its change against the month before, good or bad', () => {
    const k = Object.fromEntries(workforceKpis(series).map((x) => [x.key, x]));
    expect(k.headcount).toMatchObject({
      value: 1040,
      change: 40,
      tone: 'good',
      month: '2026-09',
      rangeTotal: null,
    });
    expect(k.vacancies).toMatchObject({ value: 90, change: -10, tone: 'good' });
    expect(k.vacancyRate).toMatchObject({ value: 0.0796, change: -0.0113, tone: 'good' });
    expect(k.separations).toMatchObject({ value: 25, change: 5, tone: 'bad', rangeTotal: 45 });
    expect(k.hires).toMatchObject({ rangeTotal: 80, tone: 'good' });
    expect(k.appHires).toMatchObject({ change: 0, tone: 'neutral', rangeTotal: 6 });
  });

  it('has no change with a single month, and no figures without months', () => {
    expect(workforceKpis([month('2026-09')])[0]).toMatchObject({
      value: 1000,
      change: null,
      tone: 'neutral',
    });
    expect(workforceKpis([])[0]).toMatchObject({ value: null, change: null, month: null });
    const noRate = workforceKpis([month('2026-08', { vacancyRate: null }), month('2026-09')]);
    expect(noRate.find((k) => k.key === 'vacancyRate')?.change).toBeNull();
  });

  it('shows no report figures for a month nobody has filed yet, but the app figures', () => {
    const unfiled = month('2026-10', {
      headcount: 0,
      women: 0,
      vacancies: 0,
      vacancyRate: null,
      hires: 0,
      separations: 0,
      appApplications: 7,
      companiesFiled: 0,
    });
    const k = Object.fromEntries(workforceKpis([...series, unfiled]).map((x) => [x.key, x]));
    expect(k.headcount).toMatchObject({ value: null, change: null, tone: 'neutral' });
    expect(k.hires).toMatchObject({ value: null, rangeTotal: 80 });
    expect(k.appApplications).toMatchObject({ value: 7, change: -5, rangeTotal: 31 });
    const chart = seriesChart([...series, unfiled], [{ key: 'headcount', label: 'L' }], 'vi');
    expect(chart.datasets[0]?.data).toEqual([1000, 1040, null]);
  });

  it('writes the change with its sign; the vacancy rate in percentage points', () => {
    expect(formatChange({ key: 'headcount', change: 1234 }, 'vi')).toBe('+1.234');
    expect(formatChange({ key: 'headcount', change: -3 }, 'en')).toBe('−3');
    expect(formatChange({ key: 'hires', change: 0 }, 'en')).toBe('±0');
    expect(formatChange({ key: 'vacancyRate', change: -0.0113 }, 'vi')).toBe('−1,1');
    expect(formatChange({ key: 'vacancyRate', change: 0.02 }, 'en')).toBe('+2');
    expect(formatChange({ key: 'vacancyRate', change: null }, 'en')).toBeNull();
  });
});

describe('series charts', () => {
  const series = [month('2026-08'), month('2026-09', { vacancyRate: null })];

  it('labels months in the console language', () => {
    expect(monthLabel('2026-09', 'vi')).toBe('09/2026');
    expect(monthLabel('2026-09', 'en')).toMatch(/^Sept? 2026$/);
  });

  it('draws one line per figure', () => {
    const c = seriesChart(
      series,
      [
        { key: 'hires', label: 'Tuyển mới' },
        { key: 'separations', label: 'Nghỉ việc' },
      ],
      'vi',
    );
    expect(c.labels).toEqual(['08/2026', '09/2026']);
    expect(c.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Tuyển mới', [30, 30]],
      ['Nghỉ việc', [20, 20]],
    ]);
    expect(c.datasets[0]?.borderColor).not.toBe(c.datasets[1]?.borderColor);
  });

  it('adds the alert line to the vacancy rate, which alone does not make a chart', () => {
    const c = vacancyRateChart(series, 0.15, { rate: 'Tỷ lệ', threshold: 'Ngưỡng' }, 'vi');
    expect(c.datasets[0]?.data).toEqual([0.0909, null]);
    expect(c.datasets[1]).toMatchObject({ data: [0.15, 0.15], borderDash: [6, 4], reference: true });
    expect(chartIsEmpty(c)).toBe(false);
    const none = vacancyRateChart(
      [month('2026-08', { vacancyRate: null })],
      0.15,
      { rate: 'r', threshold: 't' },
      'vi',
    );
    expect(chartIsEmpty(none)).toBe(true);
  });

  it('overlays two zones', () => {
    const c = compareChart(
      { name: 'A', series },
      { name: 'B', series: [month('2026-08', { headcount: 5 }), month('2026-09', { headcount: 6 })] },
      'headcount',
      'en',
    );
    expect(c.datasets.map((d) => [d.label, d.data])).toEqual([
      ['A', [1000, 1000]],
      ['B', [5, 6]],
    ]);
  });
});

describe('vacancy colour scale and bubbles', () => {
  it('has four bands around the alert line', () => {
    const bands = vacancyBands(0.2);
    expect(bands.map((b) => [b.min, b.max])).toEqual([
      [0, 0.1],
      [0.1, 0.2],
      [0.2, 0.30000000000000004],
      [0.30000000000000004, null],
    ]);
    expect(vacancyColor(0.05, 0.2)).toEqual(bands[0]?.rgb);
    expect(vacancyColor(0.2, 0.2)).toEqual(bands[1]?.rgb); // at the line: not above it
    expect(vacancyColor(0.21, 0.2)).toEqual(bands[2]?.rgb);
    expect(vacancyColor(0.9, 0.2)).toEqual(bands[3]?.rgb);
    expect(vacancyColor(null, 0.2)).toEqual(NO_RATE_RGB);
  });

  it('sizes bubbles by area', () => {
    expect(bubbleRadius(0, 100)).toBe(6);
    expect(bubbleRadius(100, 100)).toBe(34);
    expect(bubbleRadius(25, 100)).toBe(20);
    expect(bubbleRadius(10, 0)).toBe(6);
  });

  it('places a bubble per zone with a position, flagged when alerted', () => {
    const bubbles = zoneBubbles(
      [zone('a', { headcount: 400 }), zone('b', { vacancyRate: 0.3 }), zone('none')],
      [
        { code: 'a', lat: 12.6, lng: 108 },
        { code: 'b', lat: 13, lng: 109.3 },
        { code: 'c', lat: null, lng: null },
      ],
      [{ code: 'b' }],
      0.15,
    );
    expect(bubbles.map((b) => [b.code, b.radius, b.alert])).toEqual([
      ['a', 34, false],
      ['b', 20, true],
    ]);
    expect(bubbles[1]?.rgb).toEqual(vacancyBands(0.15)[3]?.rgb);
  });
});
