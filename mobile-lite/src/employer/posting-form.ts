import type { components } from '../api/schema';
import type { MessageKey } from '../i18n';

/** The job posting form: values as typed, the checks made before sending (the API checks again), bodies. */
export type Posting = components['schemas']['JobPosting'];
type PostingCreate = components['schemas']['JobPostingCreate'];
type PostingUpdate = components['schemas']['JobPostingUpdate'];
export type Shift = PostingCreate['shifts'][number];
export type Benefit = PostingCreate['benefits'][number];
export type PostingStatus = Posting['status'];

export const POSTING_STATUSES: readonly PostingStatus[] = [
  'draft',
  'pending_review',
  'published',
  'closed',
  'expired',
  'rejected',
];
export const SHIFTS: readonly Shift[] = ['day', 'night', 'rotating', 'office_hours', 'weekend', 'flexible'];
/** The benefits a worker near an industrial zone asks about first, then the others. */
export const BENEFITS: readonly Benefit[] = [
  'housing',
  'shuttle_bus',
  'meals',
  'social_insurance',
  'health_insurance',
  'bonus',
  'training',
  'overtime_pay',
  'childcare',
];

export interface PostingValues {
  companyId: string;
  title: string;
  description: string;
  requirements: string;
  openings: string;
  /** Million VND a month, as typed ("6,5" or "6.5"). */
  salaryMin: string;
  salaryMax: string;
  salaryNegotiable: boolean;
  employmentType: string;
  shifts: Shift[];
  communeCode: string;
  zoneCode: string;
  benefits: Benefit[];
  /** YYYY-MM-DD or empty. */
  deadline: string;
}

export const POSTING_FIELDS = [
  'companyId',
  'title',
  'description',
  'requirements',
  'openings',
  'salaryMin',
  'salaryMax',
  'employmentType',
  'communeCode',
  'zoneCode',
  'deadline',
] as const;
export type PostingErrors = Partial<Record<(typeof POSTING_FIELDS)[number], MessageKey>>;

/** "6,5" → 6 500 000 VND; '' → null; anything that is not a number → NaN. */
export function millionsToVnd(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Math.round(Number(s) * 1_000_000);
}

/** 6 500 000 → "6,5" (vi) or "6.5"; null → ''. */
export function vndToMillions(vnd: number | null, lang: 'vi' | 'en' = 'vi'): string {
  if (vnd === null) return '';
  const text = String(Math.round(vnd / 1000) / 1000);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

const MAX_VND = 10_000_000_000;

/**
 * The salary range, as the API rules it: numbers ≥ 0, max ≥ min, both given unless "negotiable"
 * (then no figure is sent). Each mistake is shown at its own input.
 */
export function checkSalary(v: Pick<PostingValues, 'salaryMin' | 'salaryMax' | 'salaryNegotiable'>) {
  const e: Pick<PostingErrors, 'salaryMin' | 'salaryMax'> = {};
  if (v.salaryNegotiable) return e;
  const min = millionsToVnd(v.salaryMin);
  const max = millionsToVnd(v.salaryMax);
  for (const [key, value] of [
    ['salaryMin', min],
    ['salaryMax', max],
  ] as const) {
    if (value === null) e[key] = 'employer.v.salaryRequired';
    else if (Number.isNaN(value) || value > MAX_VND) e[key] = 'employer.v.salaryNumber';
    else if (value < 0) e[key] = 'employer.v.salaryNegative';
  }
  if (!e.salaryMin && !e.salaryMax && min !== null && max !== null && max < min)
    e.salaryMax = 'employer.v.salaryInverted';
  return e;
}

export function checkPosting(v: PostingValues, today: string): PostingErrors {
  const e: PostingErrors = { ...checkSalary(v) };
  if (!v.companyId) e.companyId = 'employer.v.company';
  const title = v.title.trim().length;
  if (title < 5 || title > 150) e.title = 'employer.v.title';
  const description = v.description.trim().length;
  if (description < 20 || description > 8000) e.description = 'employer.v.description';
  if (v.requirements.trim().length > 4000) e.requirements = 'employer.v.requirements';
  const openings = Number(v.openings.trim());
  if (!/^\d+$/.test(v.openings.trim()) || openings < 1 || openings > 100_000)
    e.openings = 'employer.v.openings';
  if (!v.employmentType) e.employmentType = 'employer.v.employmentType';
  if (!v.communeCode) e.communeCode = 'employer.v.commune';
  if (v.deadline && v.deadline < today) e.deadline = 'employer.v.deadlinePast';
  return e;
}

/** The body of POST /work/postings (after checkPosting found nothing). */
export function postingBody(v: PostingValues, industry: string): PostingCreate {
  return {
    companyId: v.companyId,
    title: v.title.trim(),
    description: v.description.trim(),
    requirements: v.requirements.trim(),
    openings: Number(v.openings.trim()),
    salaryMin: v.salaryNegotiable ? null : millionsToVnd(v.salaryMin),
    salaryMax: v.salaryNegotiable ? null : millionsToVnd(v.salaryMax),
    salaryNegotiable: v.salaryNegotiable,
    employmentType: v.employmentType as PostingCreate['employmentType'],
    shifts: [...v.shifts],
    industry,
    communeCode: v.communeCode,
    zoneCode: v.zoneCode || null,
    benefits: [...v.benefits],
    deadline: v.deadline || null,
  };
}

export function postingValues(p: Posting, lang: 'vi' | 'en' = 'vi'): PostingValues {
  return {
    companyId: p.companyId,
    title: p.title,
    description: p.description,
    requirements: p.requirements,
    openings: String(p.openings),
    salaryMin: vndToMillions(p.salaryMin, lang),
    salaryMax: vndToMillions(p.salaryMax, lang),
    salaryNegotiable: p.salaryNegotiable,
    employmentType: p.employmentType,
    shifts: p.shifts as Shift[],
    communeCode: p.communeCode,
    zoneCode: p.zoneCode ?? '',
    benefits: p.benefits as Benefit[],
    deadline: p.deadline ?? '',
  };
}

/** The PATCH body: the fields that differ from the posting as stored. */
export function postingChanges(before: Posting, v: PostingValues): PostingUpdate {
  const next = postingBody(v, before.industry);
  const out: Record<string, unknown> = {};
  const keys = [
    'title',
    'description',
    'requirements',
    'openings',
    'salaryMin',
    'salaryMax',
    'salaryNegotiable',
    'employmentType',
    'shifts',
    'communeCode',
    'zoneCode',
    'benefits',
    'deadline',
  ] as const;
  for (const k of keys)
    if (JSON.stringify(next[k] ?? null) !== JSON.stringify(before[k] ?? null)) out[k] = next[k];
  return out as PostingUpdate;
}

/** What a worker relies on: changing it on a published posting sends it back to review (as the API does). */
const REVIEW_FIELDS = [
  'salaryMin',
  'salaryMax',
  'salaryNegotiable',
  'communeCode',
  'zoneCode',
  'requirements',
];

export function editNeedsReview(before: Posting, changes: PostingUpdate): boolean {
  return before.status === 'published' && Object.keys(changes).some((k) => REVIEW_FIELDS.includes(k));
}

/** Which actions the API allows in a state (delete: a closed/expired posting only without applications). */
export function postingActions(p: Pick<Posting, 'status' | 'applications'>) {
  return {
    submit: ['draft', 'rejected', 'closed', 'expired'].includes(p.status),
    close: p.status === 'published' || p.status === 'pending_review',
    remove:
      p.status === 'draft' ||
      p.status === 'rejected' ||
      ((p.status === 'closed' || p.status === 'expired') && p.applications === 0),
  };
}
