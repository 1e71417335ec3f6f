import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../platform/errors.ts';
import { normaliseImage, thumbnail } from '../../platform/images.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { loadCategories } from './categories.ts';
import { NEXT, REOPEN_DAYS, STATUS_EN, STATUS_VI, type StaffAction, type Status } from './lifecycle.ts';
import { addWorkingDays, loadHolidays } from './working-days.ts';
import { notifyDepartment } from './staff-notify.ts';

export interface ActionInput {
  department?: string | undefined;
  reason?: string | undefined;
  answer?: string | undefined;
  originalId?: string | undefined;
}

interface Report {
  id: string;
  user_id: string;
  category: string;
  status: Status;
  department: string | null;
  resolved_at: Date | null;
  title: string;
}

const NOT_FOUND = { vi: 'Không tìm thấy phản ánh.', en: 'No such report.' };
const bad = (path: string, code: string, vi: string, en: string) =>
  new ValidationError(code, { vi, en }, { fields: [{ path, code, message: vi, messages: { vi, en } }] });

/** Staff actions on a report, the author's reopen and rating; every change is timed, audited and notified. */
export function createFeedbackHandling(deps: {
  sequelize: Sequelize;
  notifications: NotificationService;
  /** Forwarding to the province system: the outbox row is written in the acceptance's transaction. */
  forwarding?: { enqueue(t: Transaction, reportId: string): Promise<void> };
}) {
  const { sequelize, notifications } = deps;
  const { byCode, departments } = loadCategories();
  const deptCodes = new Set(departments.map((d) => d.code));
  const holidays = loadHolidays();

  async function lock(id: string, t: Transaction): Promise<Report> {
    const [r] = await sequelize.query<Report>('SELECT * FROM feedback_reports WHERE id = :id FOR UPDATE', {
      replacements: { id },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    if (!r) throw new NotFound('feedback_not_found', NOT_FOUND);
    return r;
  }

  async function inDepartment(userId: string, department: string | null): Promise<boolean> {
    if (!department) return false;
    const rows = await sequelize.query(
      'SELECT 1 FROM officer_departments WHERE user_id = :userId AND department = :department',
      {
        replacements: { userId, department },
        type: QueryTypes.SELECT,
      },
    );
    return rows.length > 0;
  }

  async function event(
    t: Transaction,
    reportId: string,
    status: Status,
    actorId: string | null,
    department: string | null,
    note: string | null,
    internal = false,
  ) {
    await sequelize.query(
      `INSERT INTO feedback_events (report_id, status, actor_id, department, public_note, internal)
       VALUES (:reportId, :status, :actorId, :department, :note, :internal)`,
      { replacements: { reportId, status, actorId, department, note, internal }, transaction: t },
    );
  }

  async function tell(t: Transaction, r: Report, status: Status, note: string | null) {
    await notifications.notify(
      r.user_id,
      {
        kind: `feedback.${status}`,
        title: { vi: `Phản ánh: ${STATUS_VI[status]}`, en: `Report: ${STATUS_EN[status]}` },
        body: { vi: note ? `${r.title} — ${note}` : r.title, en: note ? `${r.title} — ${note}` : r.title },
        link: `#/feedback/${r.id}`,
        entity: { type: 'feedback', id: r.id },
      },
      t,
    );
  }

  async function act(
    id: string,
    action: StaffAction,
    input: ActionInput,
    resultPhoto: Buffer | undefined,
    auth: AuthContext,
    actor: AuditActor,
  ) {
    const rule = NEXT[action];
    if (rule.triage && !auth.permissions.has('feedback:triage'))
      throw new Forbidden('permission_required', {
        vi: 'Cần quyền điều phối phản ánh.',
        en: 'This needs the feedback:triage permission.',
      });
    if (input.department !== undefined && !deptCodes.has(input.department))
      throw bad('body.department', 'unknown_department', 'Đơn vị không tồn tại.', 'Unknown department.');
    const photo = resultPhoto ? await normaliseImage('photo', resultPhoto) : null;
    await sequelize.transaction(async (t) => {
      const r = await lock(id, t);
      if (!rule.triage) {
        const admin = auth.permissions.has('users:manage');
        if (
          !auth.permissions.has('feedback:handle') ||
          (!admin && !(await inDepartment(auth.userId, r.department)))
        )
          throw new Forbidden('not_your_department', {
            vi: 'Phản ánh này thuộc đơn vị khác; bạn không thể xử lý.',
            en: 'This report belongs to another department; you cannot act on it.',
          });
      }
      if (!rule.from.includes(r.status))
        throw new Conflict('feedback_status', {
          vi: `Không thể chuyển từ "${STATUS_VI[r.status]}" sang "${STATUS_VI[rule.to]}".`,
          en: `Cannot go from "${STATUS_EN[r.status]}" to "${STATUS_EN[rule.to]}".`,
        });
      const category = byCode.get(r.category);
      const set: Record<string, unknown> = { status: rule.to };
      let note: string | null = null;
      switch (action) {
        case 'accept':
          set.accepted_at = new Date();
          set.due_at = addWorkingDays(new Date(), category?.deadlineDays ?? 10, holidays);
          set.department = r.department ?? category?.department ?? null;
          break;
        case 'assign':
          if (!input.department)
            throw bad('body.department', 'required', 'Hãy chọn đơn vị xử lý.', 'Choose a department.');
          set.department = input.department;
          break;
        case 'resolve':
          if (!input.answer || input.answer.trim().length < 10)
            throw bad(
              'body.answer',
              'answer_required',
              'Cần trả lời người dân (ít nhất 10 ký tự).',
              'An answer of at least 10 characters is required.',
            );
          if (category?.onSite && !photo)
            throw bad(
              'files.photo',
              'result_photo_required',
              'Lĩnh vực này cần ảnh kết quả xử lý tại hiện trường.',
              'This category needs a photo of the result on site.',
            );
          set.answer = input.answer.trim();
          set.resolved_at = new Date();
          note = input.answer.trim();
          break;
        case 'reject':
          if (!input.reason || input.reason.trim().length < 5)
            throw bad(
              'body.reason',
              'reason_required',
              'Cần nêu lý do không tiếp nhận.',
              'A reason is required.',
            );
          set.rejection_reason = input.reason.trim();
          note = input.reason.trim();
          break;
        case 'duplicate': {
          if (!input.originalId || input.originalId === id)
            throw bad('body.originalId', 'required', 'Hãy chọn phản ánh gốc.', 'Choose the original report.');
          const [orig] = await sequelize.query('SELECT 1 FROM feedback_reports WHERE id = :o', {
            replacements: { o: input.originalId },
            type: QueryTypes.SELECT,
            transaction: t,
          });
          if (!orig)
            throw bad(
              'body.originalId',
              'not_found',
              'Không tìm thấy phản ánh gốc.',
              'The original report does not exist.',
            );
          set.duplicate_of = input.originalId;
          break;
        }
        default:
          break;
      }
      const cols = Object.keys(set);
      await sequelize.query(
        `UPDATE feedback_reports SET ${cols.map((c) => `${c} = :${c}`).join(', ')}, updated_at = now() WHERE id = :id`,
        {
          replacements: { ...set, id },
          transaction: t,
        },
      );
      if (action === 'accept') await deps.forwarding?.enqueue(t, id);
      if (photo) {
        const [{ n }] = (await sequelize.query<{ n: number }>(
          'SELECT coalesce(max(idx), 0) + 1 AS n FROM feedback_photos WHERE report_id = :id',
          {
            replacements: { id },
            type: QueryTypes.SELECT,
            transaction: t,
          },
        )) as [{ n: number }];
        await sequelize.query(
          `INSERT INTO feedback_photos (report_id, idx, image, thumb, width, height, kind) VALUES (:id, :n, :image, :thumb, :w, :h, 'result')`,
          {
            replacements: {
              id,
              n,
              image: photo.jpeg,
              thumb: await thumbnail(photo.jpeg),
              w: photo.width,
              h: photo.height,
            },
            transaction: t,
          },
        );
      }
      await event(
        t,
        id,
        rule.to,
        auth.userId,
        (set.department as string | null | undefined) ?? r.department,
        note,
      );
      await audit(
        actor,
        {
          action: `feedback.${action}`,
          entityType: 'feedback',
          entityId: id,
          details: { from: r.status, to: rule.to, ...input },
        },
        t,
      );
      await tell(t, r, rule.to, note);
      // The department's officers learn that a report is now theirs (accept, assign, bulk assign).
      const given = set.department as string | null | undefined;
      if (given && given !== r.department)
        await notifyDepartment({ sequelize, notifications }, t, r, given, auth.userId);
    });
  }

  async function reopen(userId: string, id: string, reason: string) {
    await sequelize.transaction(async (t) => {
      const r = await lock(id, t);
      if (r.user_id !== userId) throw new NotFound('feedback_not_found', NOT_FOUND);
      if (
        r.status !== 'resolved' ||
        !r.resolved_at ||
        Date.now() - new Date(r.resolved_at).getTime() > REOPEN_DAYS * 86400_000
      )
        throw new Conflict('reopen_closed', {
          vi: `Chỉ mở lại được phản ánh đã xử lý trong vòng ${REOPEN_DAYS} ngày.`,
          en: `A report can be reopened only within ${REOPEN_DAYS} days of its resolution.`,
        });
      await sequelize.query(
        `UPDATE feedback_reports SET status = 'in_progress', reopen_count = reopen_count + 1, rating = NULL, updated_at = now() WHERE id = :id`,
        {
          replacements: { id },
          transaction: t,
        },
      );
      await event(t, id, 'in_progress', userId, r.department, `Người dân mở lại: ${reason}`);
    });
  }

  async function rate(userId: string, id: string, stars: number, comment: string | undefined) {
    await sequelize.transaction(async (t) => {
      const r = await lock(id, t);
      if (r.user_id !== userId) throw new NotFound('feedback_not_found', NOT_FOUND);
      if (r.status !== 'resolved')
        throw new Conflict('rate_not_resolved', {
          vi: 'Chỉ đánh giá được phản ánh đã xử lý.',
          en: 'Only a resolved report can be rated.',
        });
      await sequelize.query(
        'UPDATE feedback_reports SET rating = :stars, rating_comment = :comment WHERE id = :id',
        {
          replacements: { id, stars, comment: comment ?? null },
          transaction: t,
        },
      );
    });
  }

  /** Internal notes: part of the record for staff, never shown to the citizen. */
  async function note(id: string, text: string, actor: AuditActor) {
    await sequelize.transaction(async (t) => {
      const r = await lock(id, t);
      await event(t, id, r.status, actor.userId, r.department, text, true);
      await audit(actor, { action: 'feedback.note', entityType: 'feedback', entityId: id }, t);
    });
  }

  return { act, reopen, rate, note };
}

export type FeedbackHandling = ReturnType<typeof createFeedbackHandling>;
