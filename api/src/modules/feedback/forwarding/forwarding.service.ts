import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { audit, type AuditActor } from '../../../platform/audit.ts';
import type { AuthContext } from '../../../platform/auth/permissions.ts';
import { Conflict, NotFound } from '../../../platform/errors.ts';
import { loadCategories } from '../categories.ts';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'dead';

interface OutboxRow {
  report_id: string;
  title: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  external_id: string | null;
  updated_at: Date;
  department: string | null;
}

const NOT_FORWARDED = {
  vi: 'Phản ánh này chưa được chuyển sang hệ thống của tỉnh.',
  en: 'This report has not been forwarded to the province system.',
};

const toState = (r: OutboxRow) => ({
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  nextAttemptAt: r.state === 'pending' || r.state === 'sending' ? r.next_attempt_at.toISOString() : null,
  externalId: r.external_id,
  updatedAt: r.updated_at.toISOString(),
});

/**
 * Forwarding accepted reports to the province's handling system: the outbox row is written in the transaction
 * that accepts the report, so an acceptance is never lost and never forwarded without being committed.
 */
export function createForwarding(deps: { sequelize: Sequelize }) {
  const { sequelize } = deps;
  const { byCode, departments } = loadCategories();
  const deptNames = new Map(departments.map((d) => [d.code, d.name]));
  const listeners = new Set<() => void>();
  const wake = () => listeners.forEach((l) => l());

  /** Queue the report for the province inside the caller's transaction (the report row is already updated). */
  async function enqueue(t: Transaction, reportId: string): Promise<void> {
    const [r] = await sequelize.query<{
      id: string;
      category: string;
      title: string;
      description: string;
      lat: number | null;
      lng: number | null;
      commune_code: string | null;
      commune_name: string | null;
      address: string | null;
      department: string | null;
      created_at: Date;
      accepted_at: Date | null;
      due_at: Date | null;
      photos: number;
    }>(
      `SELECT r.id, r.category, r.title, r.description, r.lat, r.lng, r.commune_code, c.name AS commune_name,
              r.address, r.department, r.created_at, r.accepted_at, r.due_at,
              (SELECT count(*)::int FROM feedback_photos p WHERE p.report_id = r.id AND p.kind = 'report') AS photos
         FROM feedback_reports r LEFT JOIN communes c ON c.code = r.commune_code
        WHERE r.id = :reportId`,
      { replacements: { reportId }, type: QueryTypes.SELECT, transaction: t },
    );
    if (!r)
      throw new NotFound('feedback_not_found', { vi: 'Không tìm thấy phản ánh.', en: 'No such report.' });
    // The payload is fixed now: every retry sends the same body under the same idempotency key.
    // No personal data of the reporter leaves the platform; the province answers through the webhook.
    const payload = {
      reportId: r.id,
      category: r.category,
      categoryName: byCode.get(r.category)?.name ?? r.category,
      title: r.title,
      description: r.description,
      location: {
        lat: r.lat,
        lng: r.lng,
        communeCode: r.commune_code,
        communeName: r.commune_name,
        address: r.address,
      },
      department: r.department,
      departmentName: r.department ? (deptNames.get(r.department) ?? r.department) : null,
      photoCount: r.photos,
      createdAt: new Date(r.created_at).toISOString(),
      acceptedAt: r.accepted_at ? new Date(r.accepted_at).toISOString() : null,
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
    };
    await sequelize.query(
      `INSERT INTO feedback_outbox (report_id, kind, payload) VALUES (:reportId, 'create', :payload)
       ON CONFLICT (report_id, kind) DO NOTHING`,
      { replacements: { reportId, payload: JSON.stringify(payload) }, transaction: t },
    );
    t.afterCommit(wake);
  }

  async function list(q: {
    state?: 'pending' | 'sent' | 'dead' | undefined;
    page: number;
    pageSize: number;
  }) {
    const states = q.state === 'pending' ? ['pending', 'sending'] : q.state ? [q.state] : null;
    const where = states ? 'WHERE o.state IN (:states)' : '';
    const rows = await sequelize.query<OutboxRow>(
      `SELECT o.report_id, r.title, o.state, o.attempts, o.last_error, o.next_attempt_at, o.external_id,
              o.updated_at, r.department
         FROM feedback_outbox o JOIN feedback_reports r ON r.id = o.report_id
         ${where}
        ORDER BY o.updated_at DESC, o.id DESC
        LIMIT :limit OFFSET :offset`,
      {
        replacements: { states, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
        type: QueryTypes.SELECT,
      },
    );
    const counts = { pending: 0, sent: 0, dead: 0 };
    const byState = await sequelize.query<{ state: OutboxState; n: number }>(
      'SELECT state, count(*)::int AS n FROM feedback_outbox GROUP BY state',
      { type: QueryTypes.SELECT },
    );
    for (const { state, n } of byState) counts[state === 'sending' ? 'pending' : state] += n;
    const total = q.state ? counts[q.state] : counts.pending + counts.sent + counts.dead;
    return {
      items: rows.map((r) => ({ reportId: r.report_id, title: r.title, ...toState(r) })),
      total,
      counts,
    };
  }

  async function row(reportId: string, t?: Transaction): Promise<OutboxRow | undefined> {
    const [r] = await sequelize.query<OutboxRow>(
      `SELECT o.report_id, r.title, o.state, o.attempts, o.last_error, o.next_attempt_at, o.external_id,
              o.updated_at, r.department
         FROM feedback_outbox o JOIN feedback_reports r ON r.id = o.report_id
        WHERE o.report_id = :reportId AND o.kind = 'create'
        ${t ? 'FOR UPDATE OF o' : ''}`,
      { replacements: { reportId }, type: QueryTypes.SELECT, transaction: t },
    );
    return r;
  }

  /** The forwarding state of one report; officers see only their departments' reports (else 404). */
  async function stateOf(reportId: string, auth: AuthContext) {
    const r = await row(reportId);
    if (!r) throw new NotFound('forwarding_not_found', NOT_FORWARDED);
    if (!auth.permissions.has('feedback:triage') && !auth.permissions.has('users:manage')) {
      const [member] = await sequelize.query(
        'SELECT 1 FROM officer_departments WHERE user_id = :u AND department = :d',
        { replacements: { u: auth.userId, d: r.department ?? '' }, type: QueryTypes.SELECT },
      );
      if (!member) throw new NotFound('forwarding_not_found', NOT_FORWARDED);
    }
    return toState(r);
  }

  /** Send again now: a dead letter goes back to pending with a fresh attempt budget (same idempotency key). */
  async function retry(reportId: string, actor: AuditActor): Promise<void> {
    await sequelize.transaction(async (t) => {
      const r = await row(reportId, t);
      if (!r) throw new NotFound('forwarding_not_found', NOT_FORWARDED);
      if (r.state === 'sent' || r.state === 'sending')
        throw new Conflict('forwarding_state', {
          vi: r.state === 'sent' ? 'Phản ánh đã được chuyển thành công.' : 'Phản ánh đang được gửi.',
          en:
            r.state === 'sent'
              ? 'The report has already been delivered.'
              : 'The report is being sent right now.',
        });
      await sequelize.query(
        `UPDATE feedback_outbox SET state = 'pending', next_attempt_at = now(), locked_until = NULL,
                attempts = CASE WHEN state = 'dead' THEN 0 ELSE attempts END, updated_at = now()
          WHERE report_id = :reportId AND kind = 'create'`,
        { replacements: { reportId }, transaction: t },
      );
      await audit(
        actor,
        {
          action: 'feedback.forwarding.retry',
          entityType: 'feedback',
          entityId: reportId,
          details: { from: r.state, attempts: r.attempts, lastError: r.last_error },
        },
        t,
      );
      t.afterCommit(wake);
    });
  }

  return {
    enqueue,
    list,
    stateOf,
    retry,
    /** The worker subscribes to be woken right after an enqueue or a retry commits. */
    onWake(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Forwarding = ReturnType<typeof createForwarding>;
