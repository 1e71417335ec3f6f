import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { Conflict, NotFound, type Bilingual } from '../../platform/errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';

/** What a kind of listing does when a moderator decides on it (runs inside the decision's transaction). */
export interface ModerationHandler {
  label: Bilingual;
  approve(t: Transaction, entityId: string, actor: AuditActor): Promise<void>;
  reject(t: Transaction, entityId: string, reason: string, actor: AuditActor): Promise<void>;
  /** Accounts told about the decision besides the submitter (e.g. every staff member of a company). */
  ownerIds?(entityId: string, t?: Transaction): Promise<string[]>;
  /** Where the notification points (a console path or a mobile-lite hash route). */
  link?(entityId: string): string;
}

export interface ModerationSubmission {
  kind: string;
  entityId: string;
  title: string;
  summary: Record<string, unknown>;
  submittedBy: string | null;
}

interface Row {
  id: string;
  kind: string;
  entity_id: string;
  title: string;
  summary: Record<string, unknown>;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  submitted_by: string | null;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  sb_name?: string | null;
  sb_phone?: string | null;
  db_name?: string | null;
  db_phone?: string | null;
}

const person = (id: string | null, name?: string | null, phone?: string | null) =>
  id ? { id, fullName: name ?? '', phone: phone ?? '' } : null;

/**
 * One moderation queue for every kind of listing (companies, job postings, and the next issues' rooms and
 * classifieds). Each kind registers a handler; the queue stores a snapshot, and a decision runs the handler,
 * audits and notifies the submitter in one transaction.
 */
export function createModeration(deps: { sequelize: Sequelize; notifications: NotificationService }) {
  const { sequelize, notifications } = deps;
  const handlers = new Map<string, ModerationHandler>();

  const labelOf = (kind: string): Bilingual => handlers.get(kind)?.label ?? { vi: kind, en: kind };

  function register(kind: string, handler: ModerationHandler): void {
    if (handlers.has(kind)) throw new Error(`moderation kind registered twice: ${kind}`);
    handlers.set(kind, handler);
  }

  /** Withdraw the entity's pending item, if any (the listing was deleted, closed or is being resubmitted). */
  async function withdraw(t: Transaction, kind: string, entityId: string): Promise<void> {
    await sequelize.query(
      `UPDATE moderation_items SET status = 'withdrawn', decided_at = now()
        WHERE kind = :kind AND entity_id = :entityId AND status = 'pending'`,
      { replacements: { kind, entityId }, transaction: t },
    );
  }

  /** Put a listing in the queue; an earlier pending item for the same entity is withdrawn. Returns the item id. */
  async function submit(t: Transaction, s: ModerationSubmission): Promise<string> {
    if (!handlers.has(s.kind)) throw new Error(`moderation kind not registered: ${s.kind}`);
    await withdraw(t, s.kind, s.entityId);
    const [row] = await sequelize.query<{ id: string }>(
      `INSERT INTO moderation_items (kind, entity_id, title, summary, submitted_by)
       VALUES (:kind, :entityId, :title, CAST(:summary AS jsonb), :submittedBy) RETURNING id`,
      {
        replacements: { ...s, summary: JSON.stringify(s.summary) },
        type: QueryTypes.SELECT,
        transaction: t,
      },
    );
    return (row as { id: string }).id;
  }

  const SELECT = `SELECT m.*, sb.full_name AS sb_name, sb.phone AS sb_phone, db.full_name AS db_name, db.phone AS db_phone
    FROM moderation_items m
    LEFT JOIN users sb ON sb.id = m.submitted_by
    LEFT JOIN users db ON db.id = m.decided_by`;

  function toSummary(r: Row) {
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: labelOf(r.kind),
      entityId: r.entity_id,
      title: r.title,
      status: r.status,
      submittedAt: new Date(r.submitted_at).toISOString(),
      submittedBy: person(r.submitted_by, r.sb_name, r.sb_phone),
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      reason: r.reason,
    };
  }
  const toItem = (r: Row) => ({
    ...toSummary(r),
    summary: r.summary ?? {},
    decidedBy: person(r.decided_by, r.db_name, r.db_phone),
  });

  async function queue(q: {
    kind?: string | undefined;
    status: Row['status'];
    order: 'oldest' | 'newest';
    page: number;
    pageSize: number;
  }) {
    const where = ['m.status = :status'];
    if (q.kind) where.push('m.kind = :kind');
    const replacements = {
      status: q.status,
      kind: q.kind ?? null,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    };
    const dir = q.order === 'oldest' ? 'ASC' : 'DESC';
    const rows = await sequelize.query<Row>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY m.submitted_at ${dir}, m.id ${dir} LIMIT :limit OFFSET :offset`,
      { replacements, type: QueryTypes.SELECT },
    );
    const [count] = await sequelize.query<{ n: string }>(
      `SELECT count(*) AS n FROM moderation_items m WHERE ${where.join(' AND ')}`,
      { replacements, type: QueryTypes.SELECT },
    );
    const kinds = await sequelize.query<{ kind: string; n: string }>(
      `SELECT kind, count(*) AS n FROM moderation_items WHERE status = 'pending' GROUP BY kind ORDER BY kind`,
      { type: QueryTypes.SELECT },
    );
    return {
      items: rows.map(toSummary),
      total: Number(count?.n ?? 0),
      page: q.page,
      pageSize: q.pageSize,
      pendingByKind: kinds.map((k) => ({ kind: k.kind, kindLabel: labelOf(k.kind), count: Number(k.n) })),
    };
  }

  async function load(id: string, t?: Transaction) {
    const [row] = await sequelize.query<Row>(`${SELECT} WHERE m.id = :id`, {
      replacements: { id },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    if (!row)
      throw new NotFound('moderation_item_not_found', {
        vi: 'Không tìm thấy mục kiểm duyệt.',
        en: 'Moderation item not found.',
      });
    return row;
  }

  const item = async (id: string) => toItem(await load(id));

  async function decide(
    id: string,
    d: { decision: 'approve' | 'reject'; reason?: string | undefined },
    actor: AuditActor,
  ) {
    await sequelize.transaction(async (t) => {
      const before = await load(id, t);
      const status = d.decision === 'approve' ? 'approved' : 'rejected';
      // Optimistic: only a pending item can be decided; a second moderator's click finds it decided.
      const changed = await sequelize.query(
        `UPDATE moderation_items SET status = :status, decided_by = :by, decided_at = now(), reason = :reason
          WHERE id = :id AND status = 'pending' RETURNING id`,
        {
          replacements: { id, status, by: actor.userId, reason: d.reason ?? null },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      );
      if (!changed.length)
        throw new Conflict('already_decided', {
          vi: 'Mục này đã được xử lý hoặc đã được rút lại.',
          en: 'This item has already been decided or was withdrawn.',
        });
      const handler = handlers.get(before.kind);
      if (!handler)
        throw new Conflict('unknown_kind', {
          vi: 'Loại nội dung này chưa được hỗ trợ kiểm duyệt.',
          en: 'This kind of listing cannot be moderated here.',
        });
      if (d.decision === 'approve') await handler.approve(t, before.entity_id, actor);
      else await handler.reject(t, before.entity_id, d.reason ?? '', actor);
      await audit(
        actor,
        {
          action: `moderation.${d.decision}`,
          entityType: 'moderation_item',
          entityId: id,
          details: { kind: before.kind, entityId: before.entity_id, reason: d.reason ?? null },
        },
        t,
      );
      const owners = handler.ownerIds ? await handler.ownerIds(before.entity_id, t) : [];
      const recipients = new Set([...(before.submitted_by ? [before.submitted_by] : []), ...owners]);
      const label = handler.label;
      const link = handler.link?.(before.entity_id);
      for (const userId of recipients)
        await notifications.notify(
          userId,
          d.decision === 'approve'
            ? {
                kind: 'moderation.approved',
                title: {
                  vi: `${label.vi} đã được duyệt: ${before.title}`,
                  en: `${label.en} approved: ${before.title}`,
                },
                body: {
                  vi: 'Nội dung của bạn đã được kiểm duyệt và chấp thuận.',
                  en: 'Your listing was reviewed and approved.',
                },
                ...(link ? { link } : {}),
                entity: { type: before.kind, id: before.entity_id },
              }
            : {
                kind: 'moderation.rejected',
                title: {
                  vi: `${label.vi} bị từ chối: ${before.title}`,
                  en: `${label.en} rejected: ${before.title}`,
                },
                body: { vi: `Lý do: ${d.reason}`, en: `Reason: ${d.reason}` },
                ...(link ? { link } : {}),
                entity: { type: before.kind, id: before.entity_id },
              },
          t,
        );
    });
    return item(id);
  }

  return { register, submit, withdraw, queue, item, decide, kinds: () => [...handlers.keys()] };
}

export type ModerationService = ReturnType<typeof createModeration>;
