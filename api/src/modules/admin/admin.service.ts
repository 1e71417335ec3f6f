import {
  audit as writeAudit,
  auditBatches,
  countAudit,
  listAudit,
  type AuditActor,
  type AuditFilter,
  type AuditQuery,
  type AuditRecord,
} from '../../platform/audit.ts';
import { csvDocument, type CsvValue } from '../../platform/csv.ts';
import { ValidationError } from '../../platform/errors.ts';
import { ROLES, ROLE_PERMISSIONS } from '../../platform/auth/permissions.ts';
import type { UsersService } from '../identity/users.service.ts';
import type { SessionService } from '../identity/sessions.service.ts';

/** The most records one CSV export of the audit log may hold; a wider export must be narrowed first. */
export const AUDIT_EXPORT_MAX = 50_000;

const AUDIT_CSV_HEADER = [
  'Mã bản ghi',
  'Thời điểm (giờ Việt Nam UTC+7)',
  'Người thực hiện (mã)',
  'Số điện thoại',
  'Họ tên',
  'Hành động',
  'Loại đối tượng',
  'Mã đối tượng',
  'Địa chỉ IP',
  'Mã yêu cầu',
  'Chi tiết (JSON)',
];

/** "2026-11-29 10:27:36": Vietnam has one offset all year. */
export const vietnamTime = (d: Date) =>
  new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export function createAdminService(deps: {
  users: UsersService;
  sessions: SessionService;
  lookupUsers: (ids: string[]) => Promise<Map<string, { phone: string; fullName: string }>>;
}) {
  function roles() {
    return { items: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })) };
  }

  /** Audit records with the name and phone of whoever acted, as the API shows them. */
  async function withActors(rows: AuditRecord[]) {
    const actors = await deps.lookupUsers([
      ...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x)),
    ]);
    return rows.map((r) => {
      const a = r.actorId ? actors.get(r.actorId) : undefined;
      return {
        id: String(r.id),
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorPhone: a?.phone ?? null,
        actorName: a?.fullName ?? null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        ip: r.ip,
        requestId: r.requestId,
        details: r.details,
      };
    });
  }

  async function audit(q: AuditQuery) {
    const { rows, count } = await listAudit(q);
    return { items: await withActors(rows), total: count, page: q.page, pageSize: q.pageSize };
  }

  /**
   * The filtered audit log as CSV, newest first, for auditors' spreadsheets. Exporting is itself recorded (who,
   * which filters, how many records); more than AUDIT_EXPORT_MAX records is refused with the count, so the
   * operator narrows the period instead of waiting for a file nobody can open.
   */
  async function auditCsv(filter: AuditFilter, actor: AuditActor): Promise<string> {
    const total = await countAudit(filter);
    if (total > AUDIT_EXPORT_MAX)
      throw new ValidationError('audit_export_too_large', {
        vi: `Bộ lọc khớp ${total.toLocaleString('vi-VN')} bản ghi, quá ${AUDIT_EXPORT_MAX.toLocaleString('vi-VN')} bản ghi của một lần xuất. Hãy thu hẹp khoảng thời gian hoặc thêm bộ lọc.`,
        en: `The filters match ${total} records, more than the ${AUDIT_EXPORT_MAX} one export may hold. Narrow the period or add filters.`,
      });
    const rows: CsvValue[][] = [AUDIT_CSV_HEADER];
    for await (const batch of auditBatches(filter))
      for (const r of await withActors(batch))
        rows.push([
          r.id,
          vietnamTime(new Date(r.at)),
          r.actorId,
          r.actorPhone,
          r.actorName,
          r.action,
          r.entityType,
          r.entityId,
          r.ip,
          r.requestId,
          Object.keys(r.details ?? {}).length ? JSON.stringify(r.details) : null,
        ]);
    await writeAudit(actor, {
      action: 'audit.export',
      entityType: 'audit_log',
      details: {
        filters: Object.fromEntries(
          Object.entries(filter)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
        ),
        records: rows.length - 1,
      },
    });
    return csvDocument(rows);
  }

  /** An account's live sessions, for an administrator (devices and addresses: the view is audited). */
  async function userSessions(id: string, actor: AuditActor) {
    await deps.users.load(id);
    const list = await deps.sessions.list(id);
    await writeAudit(actor, {
      action: 'user.sessions_view',
      entityType: 'user',
      entityId: id,
      details: { sessions: list.items.length },
    });
    return list;
  }

  /** Sign an account out everywhere; its access stops at once (audited). */
  async function endUserSessions(id: string, actor: AuditActor) {
    await deps.users.load(id);
    return deps.sessions.endAll(id, actor);
  }

  return { roles, audit, auditCsv, userSessions, endUserSessions, users: deps.users };
}

export type AdminService = ReturnType<typeof createAdminService>;
