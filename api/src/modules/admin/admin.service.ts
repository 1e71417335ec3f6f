import { listAudit, type AuditQuery } from '../../platform/audit.ts';
import { ROLES, ROLE_PERMISSIONS } from '../../platform/auth/permissions.ts';
import type { UsersService } from '../identity/users.service.ts';

export function createAdminService(deps: {
  users: UsersService;
  lookupUsers: (ids: string[]) => Promise<Map<string, { phone: string; fullName: string }>>;
}) {
  function roles() {
    return { items: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })) };
  }

  async function audit(q: AuditQuery) {
    const { rows, count } = await listAudit(q);
    const actors = await deps.lookupUsers([
      ...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x)),
    ]);
    return {
      items: rows.map((r) => {
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
      }),
      total: count,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  return { roles, audit, users: deps.users };
}

export type AdminService = ReturnType<typeof createAdminService>;
