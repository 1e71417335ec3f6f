/** Pure helpers of the job screens: salary and deadline text, and the search query sent to the API. */

export type JobSort = 'newest' | 'salary' | 'distance' | 'relevance';
export type EmploymentType = 'full_time' | 'part_time' | 'seasonal' | 'contract' | 'internship';

export const EMPLOYMENT_TYPES: readonly EmploymentType[] = [
  'full_time',
  'part_time',
  'seasonal',
  'contract',
  'internship',
];

/** "Lương từ" presets, in million VND a month. */
export const SALARY_PRESETS: readonly number[] = [5, 8, 12];

export interface JobFilters {
  q: string;
  zone: string;
  /** Million VND a month, 0 = any. */
  salaryMillions: number;
  type: EmploymentType | '';
  sort: 'newest' | 'salary' | 'nearby';
}

export const EMPTY_FILTERS: JobFilters = { q: '', zone: '', salaryMillions: 0, type: '', sort: 'newest' };

export interface JobQuery {
  q?: string;
  zone?: string;
  salaryMin?: number;
  type?: EmploymentType;
  sort?: JobSort;
  lat?: number;
  lng?: number;
  cursor?: string;
  limit?: number;
}

/**
 * The query of GET /api/v1/work/jobs for these filters. A text search without an explicit order sorts by
 * relevance; "nearby" needs a position (without one it falls back to the newest first).
 */
export function buildJobQuery(
  f: JobFilters,
  opts: { position?: { lat: number; lng: number } | null; cursor?: string | null; limit?: number } = {},
): JobQuery {
  const query: JobQuery = {};
  const q = f.q.trim().replace(/\s+/g, ' ');
  if (q) query.q = q.slice(0, 200);
  if (f.zone) query.zone = f.zone;
  if (f.salaryMillions > 0) query.salaryMin = Math.round(f.salaryMillions * 1_000_000);
  if (f.type) query.type = f.type;
  if (f.sort === 'nearby' && opts.position) {
    query.sort = 'distance';
    query.lat = Math.round(opts.position.lat * 1e5) / 1e5;
    query.lng = Math.round(opts.position.lng * 1e5) / 1e5;
  } else if (f.sort === 'salary') query.sort = 'salary';
  else query.sort = q ? 'relevance' : 'newest';
  if (opts.cursor) query.cursor = opts.cursor;
  if (opts.limit) query.limit = opts.limit;
  return query;
}

/** Millions with at most one decimal, Vietnamese style: 6.5 → "6,5", 8 → "8". */
export function millions(vnd: number, lang: 'vi' | 'en' = 'vi'): string {
  const m = Math.round(vnd / 100_000) / 10;
  const text = Number.isInteger(m) ? String(m) : m.toFixed(1);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

export interface SalaryWords {
  /** "Thỏa thuận" / "Negotiable" */
  negotiable: string;
  /** "{range} triệu/tháng" / "{range} million VND/month" */
  perMonth: string;
  /** "Từ {min} triệu/tháng" */
  from: string;
  /** "Đến {max} triệu/tháng" */
  upTo: string;
}

/** "8–12 triệu/tháng", "Từ 7 triệu/tháng", "Đến 9 triệu/tháng", or "Thỏa thuận" when there is no figure. */
export function formatSalary(
  job: { salaryMin: number | null; salaryMax: number | null; salaryNegotiable?: boolean },
  words: SalaryWords,
  lang: 'vi' | 'en' = 'vi',
): string {
  const { salaryMin: min, salaryMax: max } = job;
  const fill = (template: string, key: string, value: string) => template.replace(`{${key}}`, value);
  if (min != null && max != null) {
    const range = min === max ? millions(min, lang) : `${millions(min, lang)}–${millions(max, lang)}`;
    return fill(words.perMonth, 'range', range);
  }
  if (min != null) return fill(words.from, 'min', millions(min, lang));
  if (max != null) return fill(words.upTo, 'max', millions(max, lang));
  return words.negotiable;
}

/** Whole days from `today` (YYYY-MM-DD, Vietnam time) to the deadline (YYYY-MM-DD); negative once passed. */
export function daysLeft(deadline: string, today: string): number {
  const a = Date.parse(`${deadline}T00:00:00Z`);
  const b = Date.parse(`${today}T00:00:00Z`);
  return Math.round((a - b) / 86_400_000);
}

/** Today's date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** "2026-12-31" → "31/12/2026". */
export function formatDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** The public page of a posting (server-rendered, with schema.org JobPosting for sharing). */
export function shareUrl(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, '')}/jobs/${encodeURIComponent(id)}`;
}
