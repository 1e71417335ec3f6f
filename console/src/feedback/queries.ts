import type { paths } from '../api/schema';

export type QueueQuery = NonNullable<paths['/api/v1/feedback/queue']['get']['parameters']['query']>;

export const FEEDBACK_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'rejected',
  'duplicate',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const QUEUE_SORTS = ['-createdAt', 'createdAt', 'dueAt', '-dueAt'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

/** The queue's filters, sort and page as kept in the page URL. */
export interface FeedbackFilters {
  status: FeedbackStatus[];
  category: string;
  department: string;
  /** A commune code (5 digits) or ''. */
  commune: string;
  overdue: boolean;
  /** Calendar days in Vietnam time, yyyy-mm-dd, or ''. */
  from: string;
  to: string;
  q: string;
  sort: QueueSort;
  /** 0-based, as the grid counts. */
  page: number;
  pageSize: number;
}

export const EMPTY_FILTERS: FeedbackFilters = {
  status: [],
  category: '',
  department: '',
  commune: '',
  overdue: false,
  from: '',
  to: '',
  q: '',
  sort: '-createdAt',
  page: 0,
  pageSize: DEFAULT_PAGE_SIZE,
};

const isStatus = (s: string): s is FeedbackStatus => (FEEDBACK_STATUSES as readonly string[]).includes(s);
const isSort = (s: string): s is QueueSort => (QUEUE_SORTS as readonly string[]).includes(s);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z0-9_]{1,40}$/;

function validDay(s: string | null): string {
  if (!s || !DAY.test(s)) return '';
  const d = new Date(`${s}T00:00:00+07:00`);
  return Number.isNaN(d.getTime()) ? '' : s;
}

/** The page URL's search → filters; anything malformed is dropped (a hand-edited URL never breaks the page). */
export function filtersFromSearch(search: URLSearchParams): FeedbackFilters {
  const status = [
    ...new Set(
      search
        .getAll('status')
        .flatMap((s) => s.split(','))
        .filter(isStatus),
    ),
  ];
  const code = (key: string) => {
    const v = search.get(key) ?? '';
    return CODE.test(v) ? v : '';
  };
  const commune = search.get('commune') ?? '';
  const sort = search.get('sort') ?? '';
  const page = Number(search.get('page') ?? '1');
  const size = Number(search.get('pageSize') ?? DEFAULT_PAGE_SIZE);
  return {
    status: FEEDBACK_STATUSES.filter((s) => status.includes(s)),
    category: code('category'),
    department: code('department'),
    commune: /^\d{5}$/.test(commune) ? commune : '',
    overdue: search.get('overdue') === 'true',
    from: validDay(search.get('from')),
    to: validDay(search.get('to')),
    q: (search.get('q') ?? '').slice(0, 100),
    sort: isSort(sort) ? sort : EMPTY_FILTERS.sort,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page - 1 : 0,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** Filters → the page URL's search, leaving defaults out (pages start at 1 in the URL). */
export function filtersToSearch(f: FeedbackFilters): URLSearchParams {
  const s = new URLSearchParams();
  for (const st of f.status) s.append('status', st);
  if (f.category) s.set('category', f.category);
  if (f.department) s.set('department', f.department);
  if (f.commune) s.set('commune', f.commune);
  if (f.overdue) s.set('overdue', 'true');
  if (f.from) s.set('from', f.from);
  if (f.to) s.set('to', f.to);
  if (f.q.trim()) s.set('q', f.q.trim());
  if (f.sort !== EMPTY_FILTERS.sort) s.set('sort', f.sort);
  if (f.page > 0) s.set('page', String(f.page + 1));
  if (f.pageSize !== DEFAULT_PAGE_SIZE) s.set('pageSize', String(f.pageSize));
  return s;
}

/** True when any filter (not sort or paging) is set. */
export function hasFilters(f: FeedbackFilters): boolean {
  return (
    f.status.length > 0 ||
    f.category !== '' ||
    f.department !== '' ||
    f.commune !== '' ||
    f.overdue ||
    f.from !== '' ||
    f.to !== '' ||
    f.q.trim() !== ''
  );
}

/** A Vietnam calendar day → the UTC instant it starts (or, with `end`, its last millisecond). */
export function vnDayToIso(day: string, end = false): string | undefined {
  if (!validDay(day)) return undefined;
  const start = new Date(`${day}T00:00:00+07:00`).getTime();
  return new Date(end ? start + 86_400_000 - 1 : start).toISOString();
}

/** The filter part of the api query, shared by the queue and the map. */
export function filterQuery(f: FeedbackFilters): Omit<QueueQuery, 'sort' | 'page' | 'pageSize'> {
  const query: Omit<QueueQuery, 'sort' | 'page' | 'pageSize'> = {};
  if (f.status.length) query.status = f.status.join(',');
  if (f.category) query.category = f.category;
  if (f.department) query.department = f.department;
  if (f.commune) query.commune = f.commune;
  if (f.overdue) query.overdue = 'true';
  const from = vnDayToIso(f.from);
  if (from) query.from = from;
  const to = vnDayToIso(f.to, true);
  if (to) query.to = to;
  if (f.q.trim()) query.q = f.q.trim();
  return query;
}

/** Filters → query of GET /feedback/queue (pages start at 1 there). */
export function buildQueueQuery(f: FeedbackFilters): QueueQuery {
  return { ...filterQuery(f), sort: f.sort, page: f.page + 1, pageSize: f.pageSize };
}

/** The grid's sort model ↔ the api sort. */
export function sortToModel(sort: QueueSort): { field: 'createdAt' | 'dueAt'; sort: 'asc' | 'desc' }[] {
  return [
    { field: sort.endsWith('dueAt') ? 'dueAt' : 'createdAt', sort: sort.startsWith('-') ? 'desc' : 'asc' },
  ];
}
export function modelToSort(model: readonly { field: string; sort?: 'asc' | 'desc' | null }[]): QueueSort {
  const first = model[0];
  if (!first?.sort) return EMPTY_FILTERS.sort;
  const field = first.field === 'dueAt' ? 'dueAt' : 'createdAt';
  return `${first.sort === 'desc' ? '-' : ''}${field}` as QueueSort;
}
