import { QueryTypes, type Sequelize } from 'sequelize';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Forbidden } from '../../platform/errors.ts';
import { csvDocument, type CsvValue } from '../../platform/csv.ts';
import { loadCategories } from './categories.ts';
import { STATUS_VI, type Status } from './lifecycle.ts';
import { feedbackWhere } from './queue.ts';

export interface StatsQuery {
  from?: Date | undefined;
  to?: Date | undefined;
  category?: string | undefined;
  department?: string | undefined;
  commune?: string | undefined;
}

interface Count {
  key: string;
  label: string;
  count: number;
}

const NO_DEPARTMENT = { key: 'none', label: 'Chưa giao đơn vị' };
const NO_COMMUNE = { key: 'none', label: 'Không rõ xã/phường' };

/**
 * Statistics of reports: counts by status, category, department (with overdue) and commune; resolution time
 * (median, from submission to resolution) and the share resolved on time (resolved_at ≤ due_at among resolved
 * reports that had a due date); citizen ratings. Officers see their departments' reports only.
 */
export function createFeedbackStats(deps: { sequelize: Sequelize }) {
  const { sequelize } = deps;
  const { categories, departments } = loadCategories();

  async function stats(q: StatsQuery, auth: AuthContext) {
    if (!auth.permissions.has('feedback:triage') && !auth.permissions.has('feedback:handle'))
      throw new Forbidden('permission_required', {
        vi: 'Cần quyền điều phối hoặc xử lý phản ánh.',
        en: 'This needs the feedback:triage or feedback:handle permission.',
      });
    const w = feedbackWhere(q, auth);
    const opts = { replacements: w.replacements, type: QueryTypes.SELECT } as const;
    const [groups, [agg]] = await Promise.all([
      sequelize.query<{
        dim: 'status' | 'category' | 'department' | 'commune';
        key: string | null;
        label: string | null;
        n: string;
        overdue: string;
      }>(
        `SELECT CASE WHEN GROUPING(r.status) = 0 THEN 'status' WHEN GROUPING(r.category) = 0 THEN 'category'
                     WHEN GROUPING(r.department) = 0 THEN 'department' ELSE 'commune' END AS dim,
                coalesce(r.status, r.category, r.department, r.commune_code) AS key,
                min(c.name) AS label, count(*) AS n,
                count(*) FILTER (WHERE r.due_at < now() AND r.status IN ('accepted', 'assigned', 'in_progress')) AS overdue
         FROM feedback_reports r LEFT JOIN communes c ON c.code = r.commune_code
         WHERE ${w.where}
         GROUP BY GROUPING SETS ((r.status), (r.category), (r.department), (r.commune_code))`,
        opts,
      ),
      sequelize.query<{
        resolved: string;
        median_hours: number | null;
        with_due: string;
        on_time: string;
        rated: string;
        average: number | null;
        r1: string;
        r2: string;
        r3: string;
        r4: string;
        r5: string;
      }>(
        `SELECT count(*) FILTER (WHERE ok) AS resolved,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at) / 3600)
                  FILTER (WHERE ok) AS median_hours,
                count(*) FILTER (WHERE ok AND r.due_at IS NOT NULL) AS with_due,
                count(*) FILTER (WHERE ok AND r.resolved_at <= r.due_at) AS on_time,
                count(r.rating) AS rated, avg(r.rating)::float8 AS average,
                count(*) FILTER (WHERE r.rating = 1) AS r1, count(*) FILTER (WHERE r.rating = 2) AS r2,
                count(*) FILTER (WHERE r.rating = 3) AS r3, count(*) FILTER (WHERE r.rating = 4) AS r4,
                count(*) FILTER (WHERE r.rating = 5) AS r5
         FROM feedback_reports r, LATERAL (SELECT r.status = 'resolved' AND r.resolved_at IS NOT NULL AS ok) x
         WHERE ${w.where}`,
        opts,
      ),
    ]);
    const of = (dim: string) => new Map(groups.filter((g) => g.dim === dim).map((g) => [g.key ?? 'none', g]));
    const byStatusRows = of('status');
    const byCategoryRows = of('category');
    const byDepartmentRows = of('department');
    const total = [...byStatusRows.values()].reduce((s, g) => s + Number(g.n), 0);

    const byStatus: Count[] = (Object.keys(STATUS_VI) as Status[]).map((s) => ({
      key: s,
      label: STATUS_VI[s],
      count: Number(byStatusRows.get(s)?.n ?? 0),
    }));
    const byCategory: Count[] = categories.map((c) => ({
      key: c.code,
      label: c.name,
      count: Number(byCategoryRows.get(c.code)?.n ?? 0),
    }));
    const byDepartment = [...departments.map((d) => ({ key: d.code, label: d.name })), NO_DEPARTMENT]
      .map((d) => ({
        ...d,
        count: Number(byDepartmentRows.get(d.key)?.n ?? 0),
        overdue: Number(byDepartmentRows.get(d.key)?.overdue ?? 0),
      }))
      .filter((d) => d.key !== 'none' || d.count > 0);
    const byCommune: Count[] = [...of('commune').values()]
      .map((g) => ({
        key: g.key ?? NO_COMMUNE.key,
        label: g.key ? (g.label ?? g.key) : NO_COMMUNE.label,
        count: Number(g.n),
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));

    const a = agg as NonNullable<typeof agg>;
    const withDue = Number(a.with_due);
    const rated = Number(a.rated);
    return {
      total,
      byStatus,
      byCategory,
      byDepartment,
      byCommune,
      resolved: {
        count: Number(a.resolved),
        medianHours: a.median_hours === null ? null : Math.round(Number(a.median_hours) * 10) / 10,
        onTimeShare: withDue ? Number(a.on_time) / withDue : null,
      },
      ratings: {
        count: rated,
        average: rated && a.average !== null ? Math.round(Number(a.average) * 100) / 100 : null,
        histogram: [a.r1, a.r2, a.r3, a.r4, a.r5].map(Number),
      },
    };
  }

  /** The same figures as CSV for spreadsheets: UTF-8 with a BOM (Excel), one section per dimension. */
  async function csv(q: StatsQuery, auth: AuthContext): Promise<string> {
    const s = await stats(q, auth);
    const rows: CsvValue[][] = [['Mục', 'Mã', 'Tên', 'Số lượng', 'Quá hạn']];
    rows.push(['Tổng', 'total', 'Tổng số phản ánh', s.total, null]);
    for (const r of s.byStatus) rows.push(['Trạng thái', r.key, r.label, r.count, null]);
    for (const r of s.byCategory) rows.push(['Lĩnh vực', r.key, r.label, r.count, null]);
    for (const r of s.byDepartment) rows.push(['Đơn vị xử lý', r.key, r.label, r.count, r.overdue]);
    for (const r of s.byCommune) rows.push(['Xã/phường', r.key, r.label, r.count, null]);
    rows.push(['Kết quả xử lý', 'resolved', 'Số phản ánh đã xử lý', s.resolved.count, null]);
    rows.push([
      'Kết quả xử lý',
      'median_hours',
      'Thời gian xử lý trung vị (giờ)',
      s.resolved.medianHours,
      null,
    ]);
    rows.push([
      'Kết quả xử lý',
      'on_time_percent',
      'Tỷ lệ xử lý đúng hạn (%)',
      s.resolved.onTimeShare === null ? null : Math.round(s.resolved.onTimeShare * 1000) / 10,
      null,
    ]);
    rows.push(['Đánh giá', 'count', 'Số lượt đánh giá', s.ratings.count, null]);
    rows.push(['Đánh giá', 'average', 'Điểm trung bình (1–5)', s.ratings.average, null]);
    s.ratings.histogram.forEach((n, i) => rows.push(['Đánh giá', `stars_${i + 1}`, `${i + 1} sao`, n, null]));
    return csvDocument(rows);
  }

  return { stats, csv };
}

export type FeedbackStats = ReturnType<typeof createFeedbackStats>;
