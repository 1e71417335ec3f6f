import { z } from '../../platform/zod.ts';
import { RoleName } from '../identity/identity.schemas.ts';
import { USER_SORTS } from '../identity/users.service.ts';

const page = z.coerce.number().int().min(1).max(100000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(25);

export const UserListQuery = z
  .strictObject({
    q: z.string().trim().min(1).max(100).optional(),
    role: RoleName.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    page,
    pageSize,
    sort: z.enum(USER_SORTS).default('-createdAt'),
  })
  .openapi('UserListQuery');

export const AdminUser = z
  .object({
    id: z.string().uuid(),
    phone: z.string(),
    fullName: z.string(),
    roles: z.array(RoleName),
    status: z.enum(['active', 'disabled']),
    identityLevel: z.number().int(),
    createdAt: z.string().datetime(),
    lastLoginAt: z.string().datetime().nullable(),
  })
  .openapi('AdminUser');

export const UserPage = z
  .object({
    items: z.array(AdminUser),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('UserPage');

export const UserIdParams = z.strictObject({ id: z.string().uuid() });
export const UserRoleParams = z.strictObject({ id: z.string().uuid(), role: RoleName });

export const StatusChange = z
  .strictObject({ status: z.enum(['active', 'disabled']), reason: z.string().trim().min(3).max(500) })
  .openapi('StatusChange');

export const RoleList = z
  .object({ items: z.array(z.object({ role: RoleName, permissions: z.array(z.string()) })) })
  .openapi('RoleList');

const auditFilter = {
  actorId: z.string().uuid().optional(),
  action: z.string().max(100).optional().describe('Exact action, or a prefix ending with *'),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
};

export const AuditQuery = z.strictObject({ ...auditFilter, page, pageSize }).openapi('AuditQuery');

export const AuditExportQuery = z.strictObject(auditFilter).openapi('AuditExportQuery');

export const AuditItem = z
  .object({
    id: z.string(),
    at: z.string().datetime(),
    actorId: z.string().nullable(),
    actorPhone: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditItem');

export const AuditPage = z
  .object({
    items: z.array(AuditItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('AuditPage');

export const UserBulkRoles = z
  .strictObject({
    ids: z.array(z.string().uuid()).min(1).max(100).describe('Accounts to change (duplicates count once)'),
    role: RoleName,
    action: z.enum(['grant', 'revoke']),
  })
  .openapi('UserBulkRoles');

export const UserBulkResult = z
  .object({
    items: z.array(
      z.object({
        id: z.string().uuid(),
        ok: z.boolean(),
        changed: z
          .boolean()
          .describe('false when the account already held (grant) or did not hold (revoke) the role'),
        code: z
          .string()
          .nullable()
          .describe('Why this account was refused: user_not_found, last_admin, role_required'),
      }),
    ),
  })
  .openapi('UserBulkResult');
