import type { components } from '../api/schema';
import type { MessageKey } from '../i18n';

/** The monthly workforce report form: figures as typed, the API's rules checked first, the body. */
export type WorkforceReport = components['schemas']['WorkforceReport'];
type ReportInput = components['schemas']['WorkforceReportInput'];
export type WageBand = ReportInput['wageBand'];

export const WAGE_BANDS: readonly WageBand[] = ['lt5', '5to8', '8to12', '12to20', 'gt20'];

/** The figures, in the order the form asks for them. */
export const REPORT_COUNTS = [
  'headcount',
  'women',
  'localResidents',
  'otherProvinces',
  'hires',
  'separations',
  'openPositions',
] as const;
export type ReportCount = (typeof REPORT_COUNTS)[number];
/** Parts of the headcount: none may exceed it. */
export const HEADCOUNT_PARTS: readonly ReportCount[] = ['women', 'localResidents', 'otherProvinces'];

export type ReportValues = Record<ReportCount, string> & { month: string; wageBand: string };
export type ReportErrors = Partial<Record<ReportCount | 'month' | 'wageBand', MessageKey>>;
export const REPORT_FIELDS: readonly string[] = ['month', 'wageBand', ...REPORT_COUNTS];

const MAX_COUNT = 1_000_000;

/** "2026-01" → "2025-12". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month a company files by default: the last one that has ended (today is YYYY-MM-DD, Vietnam time). */
export function defaultReportMonth(today: string): string {
  return previousMonth(today.slice(0, 7));
}

export function emptyReport(month: string): ReportValues {
  return {
    month,
    wageBand: '',
    ...(Object.fromEntries(REPORT_COUNTS.map((k) => [k, ''])) as Record<ReportCount, string>),
  };
}

export function reportValues(r: WorkforceReport): ReportValues {
  return {
    month: r.month,
    wageBand: r.wageBand,
    ...(Object.fromEntries(REPORT_COUNTS.map((k) => [k, String(r[k])])) as Record<ReportCount, string>),
  };
}

/**
 * Whole numbers from 0; women, local residents and workers from other provinces each at most the
 * headcount; a month that has begun (not in the future); a wage band.
 */
export function checkReport(v: ReportValues, today: string): ReportErrors {
  const e: ReportErrors = {};
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v.month)) e.month = 'employer.v.month';
  else if (v.month > today.slice(0, 7)) e.month = 'employer.v.monthFuture';
  const n: Partial<Record<ReportCount, number>> = {};
  for (const k of REPORT_COUNTS) {
    const s = v[k].trim();
    if (!/^\d+$/.test(s) || Number(s) > MAX_COUNT) e[k] = 'employer.v.count';
    else n[k] = Number(s);
  }
  const headcount = n.headcount;
  if (headcount !== undefined)
    for (const k of HEADCOUNT_PARTS) {
      const part = n[k];
      if (part !== undefined && part > headcount) e[k] = 'employer.v.overHeadcount';
    }
  if (!WAGE_BANDS.includes(v.wageBand as WageBand)) e.wageBand = 'employer.v.wageBand';
  return e;
}

/** The body of POST /work/companies/{id}/workforce-reports (after checkReport found nothing). */
export function reportBody(v: ReportValues): ReportInput {
  const counts = Object.fromEntries(REPORT_COUNTS.map((k) => [k, Number(v[k].trim())])) as Record<
    ReportCount,
    number
  >;
  return { month: v.month, wageBand: v.wageBand as WageBand, ...counts };
}

/** "2026-10" → "10/2026". */
export function monthText(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}
