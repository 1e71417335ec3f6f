import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { sendCsv } from '../../platform/csv.ts';
import { z } from '../../platform/zod.ts';
import {
  UserListQuery,
  UserPage,
  AdminUser,
  UserIdParams,
  UserRoleParams,
  StatusChange,
  RoleList,
  AuditQuery,
  AuditExportQuery,
  AuditPage,
  UserBulkRoles,
  UserBulkResult,
} from './admin.schemas.ts';
import { ActiveSessionList, SessionsEnded } from '../identity/sessions.schemas.ts';
import { AUDIT_EXPORT_MAX, vietnamTime, type AdminService } from './admin.service.ts';

const tags = ['Quản trị (admin)'];

export function adminRoutes(s: AdminService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/admin/users',
      tags,
      summary: 'Search users (name without accents, phone digits), filter by role and status, sort, page',
      access: 'users:read',
      query: UserListQuery,
      responses: { 200: { description: 'A page of users', schema: UserPage } },
      handler: ({ query, actor }) => s.users.list(query, actor),
    }),
    route({
      method: 'get',
      path: '/admin/users/{id}',
      tags,
      summary: 'One user (the view is audited)',
      access: 'users:read',
      params: UserIdParams,
      responses: {
        200: { description: 'User', schema: AdminUser },
        404: { description: 'Unknown', schema: Problem },
      },
      handler: ({ params, actor }) => s.users.view(params.id, actor),
    }),
    route({
      method: 'put',
      path: '/admin/users/{id}/roles/{role}',
      tags,
      summary: 'Grant a role (idempotent, audited)',
      access: 'users:manage',
      params: UserRoleParams,
      responses: {
        200: { description: 'Updated user', schema: AdminUser },
        404: { description: 'Unknown', schema: Problem },
      },
      handler: ({ params, actor }) => s.users.grantRole(params.id, params.role, actor),
    }),
    route({
      method: 'delete',
      path: '/admin/users/{id}/roles/{role}',
      tags,
      summary: "Revoke a role (audited; ends the user's sessions; the last admin keeps the role)",
      access: 'users:manage',
      params: UserRoleParams,
      responses: {
        200: { description: 'Updated user', schema: AdminUser },
        404: { description: 'Unknown', schema: Problem },
        409: { description: 'Last admin or default role', schema: Problem },
      },
      handler: ({ params, actor }) => s.users.revokeRole(params.id, params.role, actor),
    }),
    route({
      method: 'post',
      path: '/admin/users/bulk-roles',
      tags,
      summary: 'Grant or revoke one role for several accounts (each audited; one result per account)',
      description:
        'Each account is changed on its own: a refusal (last administrator, the default citizen role, an unknown id) ' +
        'is reported in its result and the others go ahead. Revoking ends the sessions of the accounts it changes.',
      access: 'users:manage',
      body: UserBulkRoles,
      responses: {
        200: { description: 'One result per account', schema: UserBulkResult },
        400: { description: 'Invalid', schema: Problem },
      },
      handler: ({ body, actor }) => s.users.bulkRoles(body, actor),
    }),
    route({
      method: 'patch',
      path: '/admin/users/{id}/status',
      tags,
      summary: 'Disable or re-enable an account with a reason (audited; disabling ends its sessions)',
      access: 'users:manage',
      params: UserIdParams,
      body: StatusChange,
      responses: {
        200: { description: 'Updated user', schema: AdminUser },
        403: { description: 'Own account', schema: Problem },
        409: { description: 'Last admin', schema: Problem },
      },
      handler: ({ params, body, actor }) => s.users.setStatus(params.id, body.status, body.reason, actor),
    }),
    route({
      method: 'get',
      path: '/admin/users/{id}/sessions',
      tags,
      summary: "An account's live sessions: device, address, last activity (the view is audited)",
      access: 'users:manage',
      params: UserIdParams,
      responses: {
        200: { description: 'Live sessions', schema: ActiveSessionList },
        404: { description: 'No such user', schema: Problem },
      },
      handler: ({ params, actor }) => s.userSessions(params.id, actor),
    }),
    route({
      method: 'post',
      path: '/admin/users/{id}/sessions/end',
      tags,
      summary: 'Sign an account out everywhere; its access tokens stop at once (audited)',
      access: 'users:manage',
      params: UserIdParams,
      responses: {
        200: { description: 'How many sessions were signed out', schema: SessionsEnded },
        404: { description: 'No such user', schema: Problem },
      },
      handler: ({ params, actor }) => s.endUserSessions(params.id, actor),
    }),
    route({
      method: 'get',
      path: '/admin/roles',
      tags,
      summary: 'Roles and their permissions',
      access: 'users:read',
      responses: { 200: { description: 'Roles', schema: RoleList } },
      handler: () => s.roles(),
    }),
    route({
      method: 'get',
      path: '/admin/audit',
      tags,
      summary: 'The audit log, newest first, with filters',
      access: 'audit:read',
      query: AuditQuery,
      responses: { 200: { description: 'A page of audit records', schema: AuditPage } },
      handler: ({ query }) => s.audit(query),
    }),
    route({
      method: 'get',
      path: '/admin/audit.csv',
      tags,
      summary:
        'The filtered audit log as CSV (UTF-8 with BOM, newest first, Vietnam time); the export is audited',
      description: `At most ${AUDIT_EXPORT_MAX} records per export: more answers 400 audit_export_too_large with the count.`,
      access: 'audit:read',
      query: AuditExportQuery,
      responses: {
        200: { description: 'CSV', contentType: 'text/csv', schema: z.string() },
        400: { description: 'Invalid filters, or too many records', schema: Problem },
      },
      handler: async ({ query, actor, res }) => {
        const text = await s.auditCsv(query, actor);
        sendCsv(res, `nhat-ky-kiem-toan-${vietnamTime(new Date()).slice(0, 10)}.csv`, text);
      },
    }),
  ];
}
