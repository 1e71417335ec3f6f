import { QueryTypes, type Sequelize } from 'sequelize';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { loadCategories } from './categories.ts';
import { deadlineState } from './lifecycle.ts';

/** The filters shared by the queue, the map and the statistics. */
export interface FeedbackFilter {
  status?: string[] | undefined;
  category?: string | undefined;
  department?: string | undefined;
  commune?: string | undefined;
  overdue?: boolean | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  q?: string | undefined;
}

export interface QueueQuery extends FeedbackFilter {
  sort: 'createdAt' | '-createdAt' | 'dueAt' | '-dueAt';
  page: number;
  pageSize: number;
}

/**
 * The WHERE clause (on `feedback_reports r`) for a filter and the caller: triage staff see every report; a
 * department's officers see their departments' reports only.
 */
export function feedbackWhere(q: FeedbackFilter, auth: AuthContext) {
  const where: string[] = ['TRUE'];
  const rep: Record<string, unknown> = {};
  if (!auth.permissions.has('feedback:triage')) {
    where.push('r.department IN (SELECT department FROM officer_departments WHERE user_id = :me)');
    rep.me = auth.userId;
  }
  if (q.status?.length) {
    where.push('r.status IN (:status)');
    rep.status = q.status;
  }
  for (const [key, col] of [
    ['category', 'r.category'],
    ['department', 'r.department'],
    ['commune', 'r.commune_code'],
  ] as const)
    if (q[key]) {
      where.push(`${col} = :${key}`);
      rep[key] = q[key];
    }
  // Open = accepted, assigned, in progress (the states with a running deadline): matches feedback_open_due_idx.
  if (q.overdue) where.push(`r.due_at < now() AND r.status IN ('accepted', 'assigned', 'in_progress')`);
  if (q.from) {
    where.push('r.created_at >= :from');
    rep.from = q.from;
  }
  if (q.to) {
    where.push('r.created_at <= :to');
    rep.to = q.to;
  }
  if (q.q) {
    // title_search = f_unaccent(lower(title)), stored (migration 0014).
    where.push(`r.title_search LIKE '%' || f_unaccent(lower(:q)) || '%'`);
    rep.q = q.q;
  }
  return { where: where.join(' AND '), replacements: rep };
}

/** The queue counts matching reports up to these numbers; beyond, `total` is the cap and `totalCapped` true. */
export const QUEUE_COUNT_CAP = 10_000;
export const QUEUE_COUNT_CAP_TEXT = 1_000;

const ORDER = {
  createdAt: 'r.created_at ASC, r.id ASC',
  '-createdAt': 'r.created_at DESC, r.id DESC',
  dueAt: 'r.due_at ASC NULLS LAST, r.id ASC',
  '-dueAt': 'r.due_at DESC NULLS LAST, r.id DESC',
} as const;

/**
 * The staff queue: filters, sorting and paging in SQL. Triage staff see every report; a department's
 * officers see their departments' reports only.
 */
export function createFeedbackQueue(sequelize: Sequelize) {
  const deptNames = new Map(loadCategories().departments.map((d) => [d.code, d.name]));
  return async function queue(q: QueueQuery, auth: AuthContext) {
    const w = feedbackWhere(q, auth);
    const rep = { ...w.replacements, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    // Counting a million rows costs more than the page: count up to a cap (less with text search, where every
    // candidate is a heap read) and say whether there are more (totalCapped).
    const cap = q.q ? QUEUE_COUNT_CAP_TEXT : QUEUE_COUNT_CAP;
    // The page's ids first (from the index alone where one matches the filter and sort), then 50 full rows.
    const [rows, total] = await Promise.all([
      sequelize.query<Record<string, unknown>>(
        `WITH page AS (SELECT r.id FROM feedback_reports r WHERE ${w.where}
                       ORDER BY ${ORDER[q.sort]} LIMIT :limit OFFSET :offset)
         SELECT r.id, r.category, r.title, r.status, r.department, r.commune_code, c.name AS commune_name,
                coalesce(r.lat, c.lat) AS lat, coalesce(r.lng, c.lng) AS lng,
                r.due_at, r.created_at, (r.due_at < now() AND r.status NOT IN ('resolved', 'rejected', 'duplicate')) AS overdue
         FROM page JOIN feedback_reports r ON r.id = page.id LEFT JOIN communes c ON c.code = r.commune_code
         ORDER BY ${ORDER[q.sort]}`,
        { replacements: rep, type: QueryTypes.SELECT },
      ),
      sequelize.query<{ n: string }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM feedback_reports r WHERE ${w.where} LIMIT ${cap + 1}) s`,
        { replacements: rep, type: QueryTypes.SELECT },
      ),
    ]);
    const counted = Number(total[0]?.n ?? 0);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        category: String(r.category),
        title: String(r.title),
        status: String(r.status) as 'submitted',
        department: (r.department as string | null) ?? null,
        departmentName: r.department ? (deptNames.get(r.department as string) ?? null) : null,
        communeCode: (r.commune_code as string | null) ?? null,
        communeName: (r.commune_name as string | null) ?? null,
        lat: (r.lat as number | null) ?? null,
        lng: (r.lng as number | null) ?? null,
        dueAt: r.due_at ? new Date(r.due_at as string).toISOString() : null,
        overdue: Boolean(r.overdue),
        deadline: deadlineState(r.due_at as string | null, String(r.status)),
        createdAt: new Date(r.created_at as string).toISOString(),
      })),
      total: Math.min(counted, cap),
      totalCapped: counted > cap,
      page: q.page,
      pageSize: q.pageSize,
    };
  };
}
