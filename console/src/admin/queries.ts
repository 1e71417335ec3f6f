import type { paths } from '../api/schema';
import { vnLocalToIso } from '../time';

export type UsersQuery = NonNullable<paths['/api/v1/admin/users']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/v1/admin/audit']['get']['parameters']['query']>;
export type AuditExportQuery = NonNullable<paths['/api/v1/admin/audit.csv']['get']['parameters']['query']>;
export type UserSort = NonNullable<UsersQuery['sort']>;

/** Columns the api can sort users by. */
export const USER_SORT_FIELDS = ['createdAt', 'fullName', 'lastLoginAt'] as const;
type UserSortField = (typeof USER_SORT_FIELDS)[number];
const isSortField = (f: string): f is UserSortField => (USER_SORT_FIELDS as readonly string[]).includes(f);

export interface GridSortItem {
  field: string;
  sort?: 'asc' | 'desc' | null;
}

/** DataGrid sort model → the api's sort parameter ("-field" = descending); unsortable → undefined. */
export function userSortParam(model: readonly GridSortItem[]): UserSort | undefined {
  const first = model[0];
  if (!first?.sort || !isSortField(first.field)) return undefined;
  return (first.sort === 'desc' ? `-${first.field}` : first.field) as UserSort;
}

/** The api's sort parameter → DataGrid sort model. */
export function userSortModel(sort: UserSort | undefined): GridSortItem[] {
  if (!sort) return [];
  const desc = sort.startsWith('-');
  return [{ field: desc ? sort.slice(1) : sort, sort: desc ? 'desc' : 'asc' }];
}

export interface UsersState {
  q: string;
  role: string;
  status: string;
  /** DataGrid page, 0-based. */
  page: number;
  pageSize: number;
  sortModel: readonly GridSortItem[];
}

/** Grid state → query of GET /admin/users (pages start at 1; empty filters are left out). */
export function buildUsersQuery(s: UsersState): UsersQuery {
  const query: Record<string, string | number> = { page: s.page + 1, pageSize: s.pageSize };
  const q = s.q.trim();
  if (q) query.q = q;
  if (s.role) query.role = s.role;
  if (s.status) query.status = s.status;
  const sort = userSortParam(s.sortModel);
  if (sort) query.sort = sort;
  return query as UsersQuery;
}

export interface AuditFilters {
  action: string;
  actorId: string;
  entityType: string;
  entityId: string;
  /** datetime-local values, read as Vietnam time. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  action: '',
  actorId: '',
  entityType: '',
  entityId: '',
  from: '',
  to: '',
};

/** Filters → query of GET /admin/audit.csv (times sent as UTC ISO instants); empty filters are left out. */
export function auditFilterQuery(f: AuditFilters): AuditExportQuery {
  const query: Record<string, string> = {};
  for (const key of ['action', 'actorId', 'entityType', 'entityId'] as const) {
    const v = f[key].trim();
    if (v) query[key] = v;
  }
  const from = vnLocalToIso(f.from);
  const to = vnLocalToIso(f.to);
  if (from) query.from = from;
  if (to) query.to = to;
  return query as AuditExportQuery;
}

/** Filters + 0-based page → query of GET /admin/audit. */
export function buildAuditQuery(f: AuditFilters, page: number, pageSize: number): AuditQuery {
  return { page: page + 1, pageSize, ...auditFilterQuery(f) } as AuditQuery;
}

/** true when both ends are set and the start is not before the end. */
export function invalidRange(f: AuditFilters): boolean {
  const from = vnLocalToIso(f.from);
  const to = vnLocalToIso(f.to);
  return from !== undefined && to !== undefined && from >= to;
}

/** "Chrome 120 · Android 10" for a session's device, or what is known of it, or `unknown`. */
export function deviceName(
  s: { device: { browser: string | null; os: string | null } },
  unknown: string,
): string {
  const parts = [s.device.browser, s.device.os].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : unknown;
}

/**
 * An audit record's details on one readable line for the table: `key: value` pairs joined by ` · `, lists joined by
 * commas, nested objects as compact JSON. The record's dialog still shows the exact JSON.
 */
export function auditDetailsSummary(details: Record<string, unknown>): string {
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (Array.isArray(v)) return v.map(show).join(', ');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join(' · ');
}
