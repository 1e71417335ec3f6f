import type { paths } from '../api/schema';

export type QueueQuery = NonNullable<paths['/api/v1/ekyc/review']['get']['parameters']['query']>;

/** The api's limit for minAgeHours (one year). */
export const MAX_AGE_HOURS = 24 * 365;

export interface QueueFilters {
  /** A reason code, or '' for all. */
  reason: string;
  /** What the operator typed in the "at least … hours" field. */
  minAgeHours: string;
  /** A commune code (5 digits), or '' for all. */
  commune: string;
}

export const EMPTY_QUEUE_FILTERS: QueueFilters = { reason: '', minAgeHours: '', commune: '' };

/**
 * The "minimum age in hours" field → a number for the api; '' → undefined (no filter);
 * anything that is not a number between 0 and one year → 'invalid'.
 */
export function parseMinAgeHours(value: string): number | undefined | 'invalid' {
  const v = value.trim().replace(',', '.');
  if (v === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(v)) return 'invalid';
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 && n <= MAX_AGE_HOURS ? n : 'invalid';
}

/** Filters + 0-based grid page → query of GET /ekyc/review (pages start at 1; empty or invalid filters left out). */
export function buildQueueQuery(f: QueueFilters, page: number, pageSize: number): QueueQuery {
  const query: QueueQuery = { page: page + 1, pageSize };
  const reason = f.reason.trim();
  if (reason) query.reason = reason;
  const age = parseMinAgeHours(f.minAgeHours);
  if (typeof age === 'number') query.minAgeHours = age;
  if (/^\d{5}$/.test(f.commune)) query.commune = f.commune;
  return query;
}
