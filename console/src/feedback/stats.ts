// Pure helpers of the feedback statistics, deadlines and forwarding pages: URL filters ↔ api
// query, api figures → chart.js data, CSV file names, queue links. No React, no fetch.
import type { ChartData } from '../components/charts';

export { formatNumber, formatShare, type ChartData } from '../components/charts';

/** GET /feedback/stats (contract between the api and the console). */
export interface StatBucket {
  key: string;
  label: string;
  count: number;
}
export interface DepartmentBucket extends StatBucket {
  overdue: number;
}
export interface FeedbackStats {
  total: number;
  byStatus: StatBucket[];
  byCategory: StatBucket[];
  byDepartment: DepartmentBucket[];
  byCommune: StatBucket[];
  resolved: { count: number; medianHours: number | null; onTimeShare: number | null };
  ratings: { count: number; average: number | null; histogram: number[] };
}

/** One row of GET /feedback/deadlines. */
export interface DeadlineRow {
  department: string;
  departmentName: string;
  open: number;
  dueSoon: number;
  overdue: number;
}

export const RANGE_PRESETS = ['7', '30', '90'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type StatsRange = RangePreset | 'custom';
export const DEFAULT_RANGE: RangePreset = '30';

export interface StatsFilters {
  range: StatsRange;
  /** yyyy-mm-dd (Vietnam calendar days), used when range is 'custom'; `to` is inclusive. */
  from: string;
  to: string;
  category: string;
  department: string;
  /** 5-digit commune code or ''. */
  commune: string;
}

export interface StatsQuery {
  from: string;
  to: string;
  category?: string;
  department?: string;
  commune?: string;
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string | null): string {
  if (!s || !DATE_RE.test(s)) return '';
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? '' : s;
}

/** The Vietnam calendar day (yyyy-mm-dd) of an instant. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight in Vietnam of yyyy-mm-dd plus `days`, as a UTC ISO instant. */
function vnMidnight(day: string, days = 0): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS + days * DAY_MS).toISOString();
}

/** URL search params → filters (unknown or malformed values fall back to the defaults). */
export function parseStatsParams(params: URLSearchParams): StatsFilters {
  const r = params.get('range');
  const from = validDate(params.get('from'));
  const to = validDate(params.get('to'));
  const range: StatsRange =
    r === 'custom'
      ? 'custom'
      : (RANGE_PRESETS as readonly string[]).includes(r ?? '')
        ? (r as RangePreset)
        : DEFAULT_RANGE;
  const commune = params.get('commune') ?? '';
  return {
    range,
    from: range === 'custom' ? from : '',
    to: range === 'custom' ? to : '',
    category: params.get('category')?.trim() ?? '',
    department: params.get('department')?.trim() ?? '',
    commune: /^\d{5}$/.test(commune) ? commune : '',
  };
}

/** Filters → URL search params; defaults are left out so the plain page has a plain URL. */
export function statsSearchParams(f: StatsFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.range !== DEFAULT_RANGE) p.set('range', f.range);
  if (f.range === 'custom') {
    if (f.from) p.set('from', f.from);
    if (f.to) p.set('to', f.to);
  }
  if (f.category) p.set('category', f.category);
  if (f.department) p.set('department', f.department);
  if (f.commune) p.set('commune', f.commune);
  return p;
}

/** The Vietnam calendar days covered: a preset ends today; a custom range may be open on either side. */
export function statsDays(f: StatsFilters, now: Date): { from: string; to: string } {
  const today = vnDay(now);
  if (f.range !== 'custom') {
    return {
      from: vnDay(new Date(Date.parse(`${today}T12:00:00Z`) - (Number(f.range) - 1) * DAY_MS)),
      to: today,
    };
  }
  return { from: f.from || '', to: f.to || today };
}

/** true when a custom range ends before it starts. */
export function invalidStatsRange(f: StatsFilters): boolean {
  return f.range === 'custom' && f.from !== '' && f.to !== '' && f.from > f.to;
}

/**
 * Filters → query of GET /feedback/stats (and stats.csv): whole Vietnam days, the end day included
 * (to = midnight after it). A custom range without a start begins at 2000-01-01.
 */
export function buildStatsQuery(f: StatsFilters, now: Date): StatsQuery {
  const days = statsDays(f, now);
  const query: StatsQuery = { from: vnMidnight(days.from || '2000-01-01'), to: vnMidnight(days.to, 1) };
  if (f.category) query.category = f.category;
  if (f.department) query.department = f.department;
  if (f.commune) query.commune = f.commune;
  return query;
}

/** File name of the CSV export: thong-ke-phan-anh_<from>_<to>[_category][_department][_commune].csv */
export function csvFilename(f: StatsFilters, now: Date): string {
  const days = statsDays(f, now);
  const parts = ['thong-ke-phan-anh', days.from || 'dau-ky', days.to, f.category, f.department, f.commune];
  return `${parts
    .filter(Boolean)
    .map((p) => p.replace(/[^A-Za-z0-9-]+/g, '-'))
    .join('_')}.csv`;
}

/** Buckets with labels in the console's language where `labelOf` knows the key (else the api's label). */
export function relabel<B extends StatBucket>(
  buckets: readonly B[],
  labelOf: (key: string) => string | undefined,
): B[] {
  return buckets.map((b) => ({ ...b, label: labelOf(b.key) ?? b.label }));
}

/** Colours of the statuses (the same in every chart and legend). */
export const STATUS_COLORS: Record<string, string> = {
  submitted: '#78909c',
  accepted: '#1e88e5',
  assigned: '#8e24aa',
  in_progress: '#fb8c00',
  resolved: '#43a047',
  rejected: '#e53935',
  duplicate: '#bdbdbd',
};
const PALETTE = [
  '#0b5394',
  '#2e7d32',
  '#c62828',
  '#ef6c00',
  '#6a1b9a',
  '#00838f',
  '#ad1457',
  '#5d4037',
  '#455a64',
];
export const OVERDUE_COLOR = '#d32f2f';
export const ON_TRACK_COLOR = '#1976d2';
const RATING_COLORS = ['#d32f2f', '#f57c00', '#fbc02d', '#7cb342', '#2e7d32'];

/** Doughnut by status: only the statuses that occur, each in its own colour. */
export function statusChart(buckets: readonly StatBucket[], seriesLabel: string): ChartData {
  const used = buckets.filter((b) => b.count > 0);
  return {
    labels: used.map((b) => b.label),
    datasets: [
      {
        label: seriesLabel,
        data: used.map((b) => b.count),
        backgroundColor: used.map((b, i) => STATUS_COLORS[b.key] ?? PALETTE[i % PALETTE.length] ?? '#999'),
      },
    ],
  };
}

/** Bar chart of buckets, largest first; `limit` keeps the top ones. */
export function barChart(buckets: readonly StatBucket[], seriesLabel: string, limit?: number): ChartData {
  const sorted = [...buckets].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
  const top = limit === undefined ? sorted : sorted.slice(0, limit);
  return {
    labels: top.map((b) => b.label),
    datasets: [
      { label: seriesLabel, data: top.map((b) => b.count), backgroundColor: PALETTE[0] ?? '#0b5394' },
    ],
  };
}

/** Stacked bars per department: reports not overdue + overdue (the two add up to the count). */
export function departmentChart(
  buckets: readonly DepartmentBucket[],
  labels: { notOverdue: string; overdue: string },
): ChartData {
  const sorted = [...buckets].sort((a, b) => b.count - a.count || b.overdue - a.overdue);
  return {
    labels: sorted.map((b) => b.label),
    datasets: [
      {
        label: labels.notOverdue,
        data: sorted.map((b) => Math.max(0, b.count - b.overdue)),
        backgroundColor: ON_TRACK_COLOR,
        stack: 'reports',
      },
      {
        label: labels.overdue,
        data: sorted.map((b) => Math.min(b.overdue, b.count)),
        backgroundColor: OVERDUE_COLOR,
        stack: 'reports',
      },
    ],
  };
}

/** Ratings histogram (counts of 1…5 stars); missing entries count as 0. */
export function ratingsChart(
  histogram: readonly number[],
  starLabel: (n: number) => string,
  seriesLabel: string,
): ChartData {
  const stars = [1, 2, 3, 4, 5];
  return {
    labels: stars.map(starLabel),
    datasets: [
      { label: seriesLabel, data: stars.map((n) => histogram[n - 1] ?? 0), backgroundColor: RATING_COLORS },
    ],
  };
}

/** Median hours → what the KPI card says: under an hour in minutes, under 48 h in hours, else in days (one decimal). */
export function durationParts(
  hours: number | null,
): { unit: 'minutes' | 'hours' | 'days'; n: number } | null {
  if (hours === null || !Number.isFinite(hours)) return null;
  if (hours < 1) return { unit: 'minutes', n: Math.round(hours * 60) };
  if (hours < 48) return { unit: 'hours', n: Math.round(hours * 10) / 10 };
  return { unit: 'days', n: Math.round((hours / 24) * 10) / 10 };
}

/** Departments with the most overdue reports first, then due soon, then open, then by name. */
export function sortDeadlines(rows: readonly DeadlineRow[]): DeadlineRow[] {
  return [...rows].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.dueSoon - a.dueSoon ||
      b.open - a.open ||
      a.departmentName.localeCompare(b.departmentName, 'vi'),
  );
}

export function deadlineTotals(rows: readonly DeadlineRow[]): {
  open: number;
  dueSoon: number;
  overdue: number;
} {
  return rows.reduce(
    (t, r) => ({ open: t.open + r.open, dueSoon: t.dueSoon + r.dueSoon, overdue: t.overdue + r.overdue }),
    { open: 0, dueSoon: 0, overdue: 0 },
  );
}

/** The open statuses (those with a due date). */
export const OPEN_STATUSES = ['accepted', 'assigned', 'in_progress'] as const;

/**
 * Link to the console queue filtered for one department (or all with ''): overdue ones, the open
 * ones soonest due first (due soon), or all open ones.
 */
export function queueLink(department: string, what: 'open' | 'dueSoon' | 'overdue'): string {
  const p = new URLSearchParams();
  if (department) p.set('department', department);
  if (what === 'overdue') p.set('overdue', 'true');
  else for (const st of OPEN_STATUSES) p.append('status', st);
  if (what === 'dueSoon') p.set('sort', 'dueAt');
  return `/feedback?${p.toString()}`;
}
