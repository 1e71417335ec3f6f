import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../../platform/audit.ts';
import {
  Conflict,
  NotFound,
  ServiceUnavailable,
  Unauthenticated,
  ValidationError,
} from '../../../platform/errors.ts';
import type { NotificationService } from '../../notifications/notifications.service.ts';
import { loadCategories } from '../categories.ts';
import { STATUS_EN, STATUS_VI, type Status } from '../lifecycle.ts';
import { verify } from './signature.ts';

export type ProvinceStatus = 'in_progress' | 'resolved' | 'rejected';

export interface ProvinceUpdate {
  eventId: string;
  externalId: string;
  status: ProvinceStatus;
  answer?: string | undefined;
  reason?: string | undefined;
  note?: string | undefined;
  department?: string | undefined;
}

/**
 * What the province may do to a report it holds. The province's officers act for the department, so a report we
 * accepted (and forwarded) may go to in progress, resolved or rejected without our separate "assigned" step;
 * closed reports (resolved, rejected, duplicate) stay closed.
 */
export const PROVINCE_NEXT: Record<ProvinceStatus, Status[]> = {
  in_progress: ['accepted', 'assigned'],
  resolved: ['accepted', 'assigned', 'in_progress'],
  rejected: ['accepted', 'assigned'],
};

const bad = (path: string, code: string, vi: string, en: string) =>
  new ValidationError(code, { vi, en }, { fields: [{ path, code, message: vi, messages: { vi, en } }] });

/** Status updates pushed back by the province, signed with HMAC; each event id is applied at most once. */
export function createProvinceWebhook(deps: {
  sequelize: Sequelize;
  notifications: NotificationService;
  secret: string | null;
}) {
  const { sequelize, notifications } = deps;
  const deptCodes = new Set(loadCategories().departments.map((d) => d.code));

  /** Refuse unsigned, wrongly signed and stale requests (401) before anything is read. */
  function authenticate(
    timestamp: string | undefined,
    signature: string | undefined,
    raw: Buffer | undefined,
  ) {
    if (!deps.secret)
      throw new ServiceUnavailable('integration_disabled', {
        vi: 'Kết nối với hệ thống phản ánh của tỉnh chưa được cấu hình.',
        en: 'The province feedback integration is not configured.',
      });
    const check = verify(deps.secret, timestamp, signature, raw ?? Buffer.alloc(0));
    if (check === 'ok') return;
    const messages = {
      missing: { vi: 'Thiếu chữ ký hoặc thời điểm ký.', en: 'The signature or its timestamp is missing.' },
      bad_signature: { vi: 'Chữ ký không hợp lệ.', en: 'The signature is not valid.' },
      stale: {
        vi: 'Yêu cầu đã quá hạn (thời điểm ký lệch quá 5 phút).',
        en: 'The request is stale (signed more than 5 minutes away from now).',
      },
    }[check];
    throw new Unauthenticated(check === 'stale' ? 'stale_signature' : 'bad_signature', messages);
  }

  async function apply(u: ProvinceUpdate, actor: AuditActor) {
    if (u.department !== undefined && !deptCodes.has(u.department))
      throw bad('body.department', 'unknown_department', 'Đơn vị không tồn tại.', 'Unknown department.');
    const answer = u.answer?.trim();
    const reason = u.reason?.trim();
    if (u.status === 'resolved' && (!answer || answer.length < 10))
      throw bad(
        'body.answer',
        'answer_required',
        'Cần trả lời người dân (ít nhất 10 ký tự).',
        'An answer of at least 10 characters is required.',
      );
    if (u.status === 'rejected' && (!reason || reason.length < 5))
      throw bad('body.reason', 'reason_required', 'Cần nêu lý do không tiếp nhận.', 'A reason is required.');
    return sequelize.transaction(async (t) => {
      const [r] = await sequelize.query<{
        id: string;
        user_id: string;
        title: string;
        status: Status;
        department: string | null;
      }>(
        'SELECT id, user_id, title, status, department FROM feedback_reports WHERE external_id = :x FOR UPDATE',
        { replacements: { x: u.externalId }, type: QueryTypes.SELECT, transaction: t },
      );
      if (!r)
        throw new NotFound('external_id_unknown', {
          vi: `Không có phản ánh nào mang mã ${u.externalId} của tỉnh.`,
          en: `No report carries the province id ${u.externalId}.`,
        });
      // Replays: the event id is recorded with the change, so the same event is applied once; a repeat answers
      // 200 "duplicate" (the sender may retry when our answer was lost) and changes nothing.
      const [first] = await sequelize.query(
        `INSERT INTO province_webhook_events (event_id, report_id, status) VALUES (:e, :r, :s)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        { replacements: { e: u.eventId, r: r.id, s: u.status }, type: QueryTypes.SELECT, transaction: t },
      );
      if (!first) return { result: 'duplicate' as const, reportId: r.id, status: r.status };
      if (r.status === u.status) return { result: 'unchanged' as const, reportId: r.id, status: r.status };
      if (!PROVINCE_NEXT[u.status].includes(r.status))
        throw new Conflict('feedback_status', {
          vi: `Không thể chuyển từ "${STATUS_VI[r.status]}" sang "${STATUS_VI[u.status]}".`,
          en: `Cannot go from "${STATUS_EN[r.status]}" to "${STATUS_EN[u.status]}".`,
        });
      const department = u.department ?? r.department;
      const set: Record<string, unknown> = { status: u.status, department };
      if (u.status === 'resolved') Object.assign(set, { answer, resolved_at: new Date() });
      if (u.status === 'rejected') set.rejection_reason = reason;
      const cols = Object.keys(set);
      await sequelize.query(
        `UPDATE feedback_reports SET ${cols.map((c) => `${c} = :${c}`).join(', ')}, updated_at = now() WHERE id = :id`,
        { replacements: { ...set, id: r.id }, transaction: t },
      );
      const note =
        answer && u.status === 'resolved'
          ? answer
          : u.status === 'rejected'
            ? reason!
            : u.note?.trim() || null;
      await sequelize.query(
        `INSERT INTO feedback_events (report_id, status, actor_id, department, public_note, internal)
         VALUES (:id, :status, NULL, :department, :note, false)`,
        { replacements: { id: r.id, status: u.status, department, note }, transaction: t },
      );
      await audit(
        actor,
        {
          action: `feedback.province.${u.status}`,
          entityType: 'feedback',
          entityId: r.id,
          details: {
            source: 'province',
            eventId: u.eventId,
            externalId: u.externalId,
            from: r.status,
            to: u.status,
          },
        },
        t,
      );
      await notifications.notify(
        r.user_id,
        {
          kind: `feedback.${u.status}`,
          title: { vi: `Phản ánh: ${STATUS_VI[u.status]}`, en: `Report: ${STATUS_EN[u.status]}` },
          body: { vi: note ? `${r.title} — ${note}` : r.title, en: note ? `${r.title} — ${note}` : r.title },
          link: `#/feedback/${r.id}`,
          entity: { type: 'feedback', id: r.id },
        },
        t,
      );
      return { result: 'applied' as const, reportId: r.id, status: u.status as Status };
    });
  }

  return { authenticate, apply };
}

export type ProvinceWebhook = ReturnType<typeof createProvinceWebhook>;
