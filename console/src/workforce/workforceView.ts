// The Workforce page's state in the address (month range, zone, compare pair, alert line; the not-filed month),
// so a link can be shared and a reload keeps it. Pure: no React, no fetch.

export interface WorkforceView {
  /** First and last month, YYYY-MM. */
  from: string;
  to: string;
  /** Industrial zone code, 'none' (outside zones) or '' for the whole province. */
  zone: string;
  /** The two zones compared ('' = not chosen). */
  a: string;
  b: string;
  /** Vacancy-rate alert line 0…1; null = the server's default. */
  threshold: number | null;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const ZONE_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const VN_OFFSET_MS = 7 * 3_600_000;
/** Months shown by default, ending last month. */
export const DEFAULT_MONTHS = 12;

/** The Vietnam calendar month (YYYY-MM) of an instant. */
export function vnMonth(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** Last month (the latest month companies have reported) in Vietnam time. */
export const lastMonth = (now: Date) => addMonths(vnMonth(now), -1);

export function defaultRange(now: Date): { from: string; to: string } {
  const to = lastMonth(now);
  return { from: addMonths(to, -(DEFAULT_MONTHS - 1)), to };
}

const month = (s: string | null) => (s && MONTH_RE.test(s) ? s : '');
const zoneCode = (s: string | null) => (s && s.length <= 60 && ZONE_RE.test(s) ? s : '');

/** Alert line in the address as a percentage (alert=20 → 0.2); out of 0–100 or not a number → null. */
function parseThreshold(s: string | null): number | null {
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n * 10) / 1000 : null;
}

/** URL search params → the page's state; missing or malformed values fall back to the defaults. */
export function parseWorkforceParams(params: URLSearchParams, now: Date): WorkforceView {
  const range = defaultRange(now);
  const from = month(params.get('from'));
  const to = month(params.get('to'));
  return {
    from: from || (to ? addMonths(to, -(DEFAULT_MONTHS - 1)) : range.from),
    to: to || range.to,
    zone: zoneCode(params.get('zone')),
    a: zoneCode(params.get('a')),
    b: zoneCode(params.get('b')),
    threshold: parseThreshold(params.get('alert')),
  };
}

/** The state → URL search params; defaults are left out so the plain page has a plain address. */
export function workforceSearchParams(v: WorkforceView, now: Date): URLSearchParams {
  const range = defaultRange(now);
  const p = new URLSearchParams();
  if (v.from !== range.from || v.to !== range.to) {
    p.set('from', v.from);
    p.set('to', v.to);
  }
  if (v.zone) p.set('zone', v.zone);
  if (v.a) p.set('a', v.a);
  if (v.b) p.set('b', v.b);
  if (v.threshold !== null) p.set('alert', String(Math.round(v.threshold * 1000) / 10));
  return p;
}

/** true when the range ends before it starts (nothing is asked of the api then). */
export const invalidRange = (v: WorkforceView) => v.from > v.to;

/** Query of GET /work/workforce/summary (and summary.csv, which ignores the threshold). */
export function summaryQuery(v: WorkforceView, zone = v.zone) {
  return {
    from: v.from,
    to: v.to,
    ...(zone ? { zone } : {}),
    ...(v.threshold !== null ? { threshold: v.threshold } : {}),
  };
}

/** Two different zones chosen for the comparison. */
export const comparing = (v: WorkforceView) => v.a !== '' && v.b !== '' && v.a !== v.b;

/** File name of the CSV export: thong-ke-lao-dong_<from>_<to>[_zone].csv */
export function workforceCsvName(v: WorkforceView): string {
  return `${['thong-ke-lao-dong', v.from, v.to, v.zone].filter(Boolean).join('_')}.csv`;
}

/** The month of the "companies not filed" tab (?month=YYYY-MM, default last month). */
export function parseMissingMonth(params: URLSearchParams, now: Date): string {
  return month(params.get('month')) || lastMonth(now);
}
