import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { NotFound } from '../../platform/errors.ts';
import { loadCategories } from './categories.ts';
import { deadlineState, OPEN_STATUSES, DUE_SOON_HOURS, type Status } from './lifecycle.ts';
import { feedbackWhere, type FeedbackFilter } from './queue.ts';

const NOT_FOUND = { vi: 'Không tìm thấy phản ánh.', en: 'No such report.' };
export const MAP_LIMIT = 5000;

interface DetailRow {
  id: string;
  user_id: string;
  category: string;
  title: string;
  description: string;
  status: Status;
  department: string | null;
  commune_code: string | null;
  commune_name: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  created_at: Date;
  accepted_at: Date | null;
  due_at: Date | null;
  resolved_at: Date | null;
  answer: string | null;
  rejection_reason: string | null;
  duplicate_of: string | null;
  rating: number | null;
  rating_comment: string | null;
  reopen_count: number;
  reporter_name: string;
  reporter_phone: string;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * The console's view of reports: one report in full (internal notes included), its photos, map points,
 * deadline counts per department. Triage staff see every report; officers their departments' only; anyone
 * else gets 404, exactly as for a missing report.
 */
export function createFeedbackStaff(deps: { sequelize: Sequelize }) {
  const { sequelize } = deps;
  const { categories, departments } = loadCategories();
  const catNames = new Map(categories.map((c) => [c.code, c.name]));
  const deptNames = new Map(departments.map((d) => [d.code, d.name]));
  const deptName = (code: string | null) => (code ? (deptNames.get(code) ?? code) : null);

  async function visibleRow(id: string, auth: AuthContext): Promise<DetailRow> {
    const w = feedbackWhere({}, auth);
    const [r] = await sequelize.query<DetailRow>(
      `SELECT r.id, r.user_id, r.category, r.title, r.description, r.status, r.department, r.commune_code,
              c.name AS commune_name, r.address, coalesce(r.lat, c.lat) AS lat, coalesce(r.lng, c.lng) AS lng,
              r.created_at, r.accepted_at, r.due_at, r.resolved_at, r.answer, r.rejection_reason, r.duplicate_of,
              r.rating, r.rating_comment, r.reopen_count, u.full_name AS reporter_name, u.phone AS reporter_phone
       FROM feedback_reports r LEFT JOIN communes c ON c.code = r.commune_code JOIN users u ON u.id = r.user_id
       WHERE r.id = :id AND ${w.where}`,
      { replacements: { ...w.replacements, id }, type: QueryTypes.SELECT },
    );
    if (!r) throw new NotFound('feedback_not_found', NOT_FOUND);
    return r;
  }

  async function detail(id: string, auth: AuthContext, actor: AuditActor) {
    const r = await visibleRow(id, auth);
    const [photos, events, duplicates] = await Promise.all([
      sequelize.query<{
        idx: number;
        kind: 'report' | 'result';
        width: number;
        height: number;
        lat: number | null;
        lng: number | null;
      }>(
        'SELECT idx, kind, width, height, lat, lng FROM feedback_photos WHERE report_id = :id ORDER BY idx',
        { replacements: { id }, type: QueryTypes.SELECT },
      ),
      sequelize.query<{
        id: string;
        at: Date;
        status: Status;
        department: string | null;
        public_note: string | null;
        internal: boolean;
        actor_name: string | null;
      }>(
        `SELECT e.id, e.at, e.status, e.department, e.public_note, e.internal, u.full_name AS actor_name
         FROM feedback_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.report_id = :id ORDER BY e.id`,
        { replacements: { id }, type: QueryTypes.SELECT },
      ),
      sequelize.query<{ id: string; title: string; status: Status }>(
        'SELECT id, title, status FROM feedback_reports WHERE duplicate_of = :id ORDER BY created_at',
        { replacements: { id }, type: QueryTypes.SELECT },
      ),
    ]);
    // The reporter's name and phone number are personal data: every staff view is recorded.
    await audit(actor, { action: 'feedback.staff_view', entityType: 'feedback', entityId: id });
    return {
      id: r.id,
      category: r.category,
      categoryName: catNames.get(r.category) ?? r.category,
      title: r.title,
      description: r.description,
      status: r.status,
      department: r.department,
      departmentName: deptName(r.department),
      communeCode: r.commune_code,
      communeName: r.commune_name,
      address: r.address,
      lat: r.lat,
      lng: r.lng,
      createdAt: new Date(r.created_at).toISOString(),
      acceptedAt: iso(r.accepted_at),
      dueAt: iso(r.due_at),
      resolvedAt: iso(r.resolved_at),
      deadline: deadlineState(r.due_at, r.status),
      answer: r.answer,
      rejectionReason: r.rejection_reason,
      duplicateOf: r.duplicate_of,
      duplicates,
      rating: r.rating,
      ratingComment: r.rating_comment,
      reopenCount: Number(r.reopen_count),
      reporter: { id: r.user_id, fullName: r.reporter_name, phone: r.reporter_phone },
      photos: photos.map((p) => ({
        n: Number(p.idx),
        kind: p.kind,
        width: p.width,
        height: p.height,
        lat: p.lat,
        lng: p.lng,
      })),
      timeline: events.map((e) => ({
        id: String(e.id),
        at: new Date(e.at).toISOString(),
        status: e.status,
        department: e.department,
        departmentName: deptName(e.department),
        note: e.public_note,
        internal: e.internal,
        actorName: e.actor_name,
      })),
    };
  }

  async function photo(id: string, n: number, size: 'full' | 'thumb', auth: AuthContext) {
    await visibleRow(id, auth);
    const [p] = await sequelize.query<{ image: Buffer; thumb: Buffer }>(
      'SELECT image, thumb FROM feedback_photos WHERE report_id = :id AND idx = :n',
      { replacements: { id, n }, type: QueryTypes.SELECT },
    );
    if (!p) throw new NotFound('photo_not_found', { vi: 'Không tìm thấy ảnh.', en: 'No such photo.' });
    return size === 'thumb' ? p.thumb : p.image;
  }

  /** Points for the map (the commune centroid when only a commune was given), newest first, at most 5000. */
  async function map(f: FeedbackFilter, auth: AuthContext) {
    const w = feedbackWhere(f, auth);
    const rows = await sequelize.query<{
      id: string;
      lat: number;
      lng: number;
      status: Status;
      due_at: Date | null;
    }>(
      `SELECT r.id, coalesce(r.lat, c.lat) AS lat, coalesce(r.lng, c.lng) AS lng, r.status, r.due_at
       FROM feedback_reports r LEFT JOIN communes c ON c.code = r.commune_code
       WHERE ${w.where} AND coalesce(r.lat, c.lat) IS NOT NULL
       ORDER BY r.created_at DESC, r.id DESC LIMIT ${MAP_LIMIT + 1}`,
      { replacements: w.replacements, type: QueryTypes.SELECT },
    );
    const now = new Date();
    return {
      points: rows.slice(0, MAP_LIMIT).map((r) => ({
        id: r.id,
        lat: r.lat,
        lng: r.lng,
        status: r.status,
        deadline: deadlineState(r.due_at, r.status, now),
      })),
      truncated: rows.length > MAP_LIMIT,
    };
  }

  /** Open reports per department: how many, how many due within 48 h, how many overdue. */
  async function deadlines(auth: AuthContext) {
    const w = feedbackWhere({ status: OPEN_STATUSES }, auth);
    const rows = await sequelize.query<{
      department: string;
      open: string;
      due_soon: string;
      overdue: string;
    }>(
      `SELECT r.department, count(*) AS open,
              count(*) FILTER (WHERE r.due_at >= now() AND r.due_at <= now() + make_interval(hours => ${DUE_SOON_HOURS})) AS due_soon,
              count(*) FILTER (WHERE r.due_at < now()) AS overdue
       FROM feedback_reports r WHERE ${w.where} AND r.department IS NOT NULL GROUP BY r.department`,
      { replacements: w.replacements, type: QueryTypes.SELECT },
    );
    const byDept = new Map(rows.map((r) => [r.department, r]));
    let mine: Set<string> | null = null;
    if (!auth.permissions.has('feedback:triage')) {
      const own = await sequelize.query<{ department: string }>(
        'SELECT department FROM officer_departments WHERE user_id = :me',
        { replacements: { me: auth.userId }, type: QueryTypes.SELECT },
      );
      mine = new Set(own.map((o) => o.department));
    }
    return {
      departments: departments
        .filter((d) => !mine || mine.has(d.code))
        .map((d) => {
          const r = byDept.get(d.code);
          return {
            department: d.code,
            departmentName: d.name,
            open: Number(r?.open ?? 0),
            dueSoon: Number(r?.due_soon ?? 0),
            overdue: Number(r?.overdue ?? 0),
          };
        }),
    };
  }

  const listDepartments = () => ({
    items: departments.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
  });

  return { detail, photo, map, deadlines, departments: listDepartments };
}

export type FeedbackStaff = ReturnType<typeof createFeedbackStaff>;
