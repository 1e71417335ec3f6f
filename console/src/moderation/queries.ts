import type { components, paths } from '../api/schema';

export type ModerationQuery = NonNullable<paths['/api/v1/moderation/queue']['get']['parameters']['query']>;
export type ModerationItem = components['schemas']['ModerationItem'];
export type ModerationRow = components['schemas']['ModerationItemSummary'];
export type ModerationStatus = ModerationRow['status'];

export const MODERATION_STATUSES: readonly ModerationStatus[] = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
];
export const REASON_MAX = 1000;

export interface ModerationFilters {
  /** A kind ('company', 'job_posting', …) or '' for every kind. */
  kind: string;
  status: ModerationStatus;
  /** Oldest first (the default: first come, first served) or newest first. */
  order: 'oldest' | 'newest';
}

const isStatus = (v: string | null): v is ModerationStatus =>
  v !== null && (MODERATION_STATUSES as readonly string[]).includes(v);

/** The filters kept in the page's address (?kind=&status=); unknown values fall back to the defaults. */
export function filtersFromParams(params: URLSearchParams): ModerationFilters {
  const kind = params.get('kind') ?? '';
  const status = params.get('status');
  return {
    kind: /^[a-z_]{1,40}$/.test(kind) ? kind : '',
    status: isStatus(status) ? status : 'pending',
    order: params.get('order') === 'newest' ? 'newest' : 'oldest',
  };
}

/** Filters → the address's search part; defaults are left out so the plain page has a plain address. */
export function filtersToParams(f: ModerationFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.kind) p.set('kind', f.kind);
  if (f.status !== 'pending') p.set('status', f.status);
  if (f.order !== 'oldest') p.set('order', f.order);
  return p;
}

/** Filters + 0-based grid page → query of GET /moderation/queue (pages start at 1). */
export function buildModerationQuery(f: ModerationFilters, page: number, pageSize: number): ModerationQuery {
  const query: ModerationQuery = { status: f.status, order: f.order, page: page + 1, pageSize };
  if (f.kind) query.kind = f.kind;
  return query;
}

/** A reject needs a reason (the submitter is told what to fix); an approval's note is optional. */
export function reasonOk(decision: 'approve' | 'reject', reason: string): boolean {
  const r = reason.trim();
  if (r.length > REASON_MAX) return false;
  return decision === 'approve' || r.length > 0;
}

export type SummaryField =
  | 'name'
  | 'taxCode'
  | 'address'
  | 'commune'
  | 'zone'
  | 'industry'
  | 'size'
  | 'contact'
  | 'title'
  | 'company'
  | 'salary'
  | 'type'
  | 'place'
  | 'deadline'
  | 'description'
  | 'requirements';

export interface SummaryLine {
  field: SummaryField | string;
  /** true: `field` is one of SummaryField (has a translated label); false: an unknown key shown as is. */
  known: boolean;
  value: string;
}

type Lang = 'vi' | 'en';
const rec = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function text(v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v))
    return v
      .map((x) => text(x, lang))
      .filter(Boolean)
      .join(', ');
  const r = rec(v);
  if (r && (typeof r.vi === 'string' || typeof r.en === 'string')) return String(r[lang] ?? r.vi ?? r.en);
  if (r && typeof r.name === 'string') return r.name;
  return JSON.stringify(v);
}

function named(s: Record<string, unknown>, nameKey: string, codeKey: string, lang: Lang): string {
  const name = text(s[nameKey], lang);
  const code = text(s[codeKey], lang);
  return name && code && name !== code ? `${name} (${code})` : name || code;
}

function salary(s: Record<string, unknown>, lang: Lang): string {
  const fmt = (n: unknown) =>
    typeof n === 'number' ? n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US') : text(n, lang);
  const min = fmt(s.salaryMin);
  const max = fmt(s.salaryMax);
  const range = min && max ? `${min} – ${max}` : min || max;
  if (!range) return text(s.salary, lang);
  const unit = text(s.salaryUnit ?? s.currency, lang) || 'VND';
  return `${range} ${unit}`;
}

function contact(v: unknown): string {
  const c = rec(v);
  if (!c) return text(v, 'vi');
  return [c.name, c.phone, c.email].filter((x) => typeof x === 'string' && x).join(' · ');
}

const CONSUMED = new Set([
  'id',
  'status',
  'demo',
  'resubmission',
  'name',
  'taxCode',
  'address',
  'communeCode',
  'communeName',
  'zoneCode',
  'zoneName',
  'industry',
  'industryName',
  'size',
  'contact',
  'title',
  'companyId',
  'companyName',
  'salary',
  'salaryMin',
  'salaryMax',
  'salaryUnit',
  'currency',
  'type',
  'typeName',
  'place',
  'deadline',
  'description',
  'requirements',
  'company',
]);

/**
 * The snapshot a listing was submitted with, as labelled lines in a fixed order per kind
 * (company: name, tax code, address, commune, zone, industry, size, contact; job posting: title,
 * company, salary, type, place, deadline, description, requirements). Empty values are left out;
 * keys this console does not know are appended as they are, so nothing the API sends is hidden.
 */
export function summaryLines(kind: string, summary: Record<string, unknown>, lang: Lang): SummaryLine[] {
  const s = summary;
  const place = [
    text(s.address ?? s.place, lang),
    named(s, 'communeName', 'communeCode', lang),
    named(s, 'zoneName', 'zoneCode', lang),
  ]
    .filter(Boolean)
    .join(', ');
  const candidates: [SummaryField, string][] =
    kind === 'job_posting'
      ? [
          ['title', text(s.title, lang)],
          ['company', text(s.companyName ?? s.company, lang)],
          ['industry', named(s, 'industryName', 'industry', lang)],
          ['salary', salary(s, lang)],
          ['type', text(s.typeName ?? s.type, lang)],
          ['place', place],
          ['deadline', text(s.deadline, lang)],
          ['description', text(s.description, lang)],
          ['requirements', text(s.requirements, lang)],
        ]
      : [
          ['name', text(s.name, lang)],
          ['taxCode', text(s.taxCode, lang)],
          ['address', text(s.address, lang)],
          ['commune', named(s, 'communeName', 'communeCode', lang)],
          ['zone', named(s, 'zoneName', 'zoneCode', lang)],
          ['industry', named(s, 'industryName', 'industry', lang)],
          ['size', text(s.size, lang)],
          ['contact', contact(s.contact)],
        ];
  const lines: SummaryLine[] = candidates
    .filter(([, v]) => v !== '')
    .map(([field, value]) => ({ field, known: true, value }));
  for (const [k, v] of Object.entries(s)) {
    if (CONSUMED.has(k)) continue;
    const value = text(v, lang);
    if (value) lines.push({ field: k, known: false, value });
  }
  return lines;
}
