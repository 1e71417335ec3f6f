// Workforce figures from the api shaped for the page: KPI cards with the change against the previous month,
// chart.js series, the vacancy-rate colour scale and the map's bubbles. Pure: no React, no fetch.
import type { components } from '../api/schema';
import { formatNumber, type ChartData, type ChartDataset } from '../components/charts';

export type WorkforceSummary = components['schemas']['WorkforceSummary'];
export type MonthFigures = WorkforceSummary['series'][number];
export type ZoneFigures = WorkforceSummary['zones'][number];
type Lang = 'vi' | 'en';

export const KPI_KEYS = [
  'headcount',
  'vacancies',
  'vacancyRate',
  'hires',
  'separations',
  'appApplications',
  'appHires',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** Whether a rise is good news (more workers, hires) or bad (more vacancies, separations). */
const RISE_IS_GOOD: Record<KpiKey, boolean> = {
  headcount: true,
  vacancies: false,
  vacancyRate: false,
  hires: true,
  separations: false,
  appApplications: true,
  appHires: true,
};
/** Flows are counted over a month (and summed over the range); the others are month-end stocks. */
export const FLOW_KEYS: readonly KpiKey[] = ['hires', 'separations', 'appApplications', 'appHires'];

export interface Kpi {
  key: KpiKey;
  /** The figure of the range's last month (null: no data, e.g. no vacancy rate without reports). */
  value: number | null;
  month: string | null;
  /** Value minus that of the month before (percentage points as a share for the vacancy rate). */
  change: number | null;
  tone: 'good' | 'bad' | 'neutral';
  /** Flows: the sum over the whole range. */
  rangeTotal: number | null;
}

/** The app's own figures; the others come from the companies' monthly reports. */
const APP_KEYS: readonly KpiKey[] = ['appApplications', 'appHires'];

/**
 * One figure of a month, or null when it comes from the reports and no company has filed that month yet (the
 * current month, usually): "no data", not zero, so cards and charts do not show a collapse.
 */
export function figureOf(m: MonthFigures, key: KpiKey): number | null {
  return m.companiesFiled === 0 && !APP_KEYS.includes(key) ? null : m[key];
}

/** KPI cards from the month-by-month series: the last month, its change against the month before. */
export function workforceKpis(series: readonly MonthFigures[]): Kpi[] {
  const last = series[series.length - 1];
  const before = series[series.length - 2];
  return KPI_KEYS.map((key) => {
    const value = last ? figureOf(last, key) : null;
    const previous = before ? figureOf(before, key) : null;
    const change =
      value === null || previous === null ? null : Math.round((value - previous) * 10_000) / 10_000;
    const tone =
      change === null || change === 0 ? 'neutral' : change > 0 === RISE_IS_GOOD[key] ? 'good' : 'bad';
    const rangeTotal = FLOW_KEYS.includes(key)
      ? series.reduce((s, m) => s + (figureOf(m, key) ?? 0), 0)
      : null;
    return { key, value, month: last?.month ?? null, change, tone, rangeTotal };
  });
}

/** A change with its sign: "+12", "−3", "±0"; the vacancy rate in percentage points ("+1,5"). */
export function formatChange(kpi: Pick<Kpi, 'key' | 'change'>, lang: Lang): string | null {
  if (kpi.change === null) return null;
  const n = kpi.key === 'vacancyRate' ? kpi.change * 100 : kpi.change;
  const text = formatNumber(Math.abs(n), lang, kpi.key === 'vacancyRate' && n % 1 !== 0 ? 1 : 0);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : `±${text}`;
}

/** "03/2026" in Vietnamese, "Mar 2026" in English. */
export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-');
  if (lang === 'vi') return `${m}/${y}`;
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export const SERIES_COLORS = {
  headcount: '#0b4a8b',
  vacancies: '#8d6e63',
  hires: '#2e7d32',
  separations: '#c62828',
  vacancyRate: '#ef6c00',
  threshold: '#d32f2f',
  appApplications: '#6a1b9a',
  appHires: '#00838f',
  a: '#0b4a8b',
  b: '#ef6c00',
} as const;

function line(label: string, data: (number | null)[], color: string): ChartDataset {
  return { label, data, borderColor: color, backgroundColor: color, pointRadius: 2 };
}

/** One line per figure of the series (month labels along the x axis). */
export function seriesChart(
  series: readonly MonthFigures[],
  lines: readonly { key: KpiKey; label: string }[],
  lang: Lang,
): ChartData {
  return {
    labels: series.map((m) => monthLabel(m.month, lang)),
    datasets: lines.map((l) =>
      line(
        l.label,
        series.map((m) => figureOf(m, l.key)),
        SERIES_COLORS[l.key],
      ),
    ),
  };
}

/** The vacancy rate month by month with the alert line (dashed) at the threshold. */
export function vacancyRateChart(
  series: readonly MonthFigures[],
  threshold: number,
  labels: { rate: string; threshold: string },
  lang: Lang,
): ChartData {
  const chart = seriesChart(series, [{ key: 'vacancyRate', label: labels.rate }], lang);
  chart.datasets.push({
    ...line(
      labels.threshold,
      series.map(() => threshold),
      SERIES_COLORS.threshold,
    ),
    borderDash: [6, 4],
    pointRadius: 0,
    reference: true,
  });
  return chart;
}

/** Two zones' series of one figure on the same axes (the compare view). */
export function compareChart(
  a: { name: string; series: readonly MonthFigures[] },
  b: { name: string; series: readonly MonthFigures[] },
  key: KpiKey,
  lang: Lang,
): ChartData {
  return {
    labels: a.series.map((m) => monthLabel(m.month, lang)),
    datasets: [
      line(
        a.name,
        a.series.map((m) => figureOf(m, key)),
        SERIES_COLORS.a,
      ),
      line(
        b.name,
        b.series.map((m) => figureOf(m, key)),
        SERIES_COLORS.b,
      ),
    ],
  };
}

export type Rgb = [number, number, number];
export const NO_RATE_RGB: Rgb = [158, 158, 158];

/** A colour band of the vacancy rate: min < rate ≤ max (the first band from 0, the last open-ended). */
export interface VacancyBand {
  rgb: Rgb;
  min: number;
  max: number | null;
}

/** Four bands around the alert line: well below, below, above, far above (×1.5). */
export function vacancyBands(threshold: number): VacancyBand[] {
  const t = threshold;
  return [
    { rgb: [46, 125, 50], min: 0, max: t / 2 },
    { rgb: [249, 168, 37], min: t / 2, max: t },
    { rgb: [239, 108, 0], min: t, max: t * 1.5 },
    { rgb: [198, 40, 40], min: t * 1.5, max: null },
  ];
}

export function vacancyColor(rate: number | null, threshold: number): Rgb {
  if (rate === null) return NO_RATE_RGB;
  const bands = vacancyBands(threshold);
  return (bands.find((b) => b.max !== null && rate <= b.max) ?? bands[bands.length - 1]!).rgb;
}

/** Bubble radius in pixels: area proportional to the headcount, 6 px for an empty zone, 34 for the largest. */
export function bubbleRadius(headcount: number, largest: number): number {
  if (largest <= 0 || headcount <= 0) return 6;
  return Math.round((6 + 28 * Math.sqrt(Math.min(headcount, largest) / largest)) * 10) / 10;
}

export interface ZoneBubble extends ZoneFigures {
  lat: number;
  lng: number;
  radius: number;
  rgb: Rgb;
  alert: boolean;
}

/** One bubble per zone that has a place (zones outside any industrial zone have none). */
export function zoneBubbles(
  zones: readonly ZoneFigures[],
  places: readonly { code: string; lat: number | null; lng: number | null }[],
  alerts: readonly { code: string }[],
  threshold: number,
): ZoneBubble[] {
  const where = new Map(places.map((p) => [p.code, p]));
  const largest = Math.max(0, ...zones.map((z) => z.headcount));
  const alerted = new Set(alerts.map((a) => a.code));
  return zones.flatMap((z) => {
    const p = where.get(z.code);
    if (!p || p.lat === null || p.lng === null) return [];
    return [
      {
        ...z,
        lat: p.lat,
        lng: p.lng,
        radius: bubbleRadius(z.headcount, largest),
        rgb: vacancyColor(z.vacancyRate, threshold),
        alert: alerted.has(z.code),
      },
    ];
  });
}
