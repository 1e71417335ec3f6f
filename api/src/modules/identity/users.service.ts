import { Op, QueryTypes, type Sequelize, type Transaction, type WhereOptions, type Order } from 'sequelize';
import { User, UserRole } from './identity.models.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { AppError, Conflict, Forbidden, NotFound } from '../../platform/errors.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import type { IdentityService } from './identity.service.ts';

export interface AdminUserDto {
  id: string;
  phone: string;
  fullName: string;
  roles: Role[];
  status: 'active' | 'disabled';
  identityLevel: number;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UserQuery {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
  sort: string;
}

const SORTS: Record<string, Order> = {
  createdAt: [['createdAt', 'ASC']],
  '-createdAt': [['createdAt', 'DESC']],
  fullName: [['fullName', 'ASC']],
  '-fullName': [['fullName', 'DESC']],
  lastLoginAt: [['lastLoginAt', 'ASC NULLS FIRST']],
  '-lastLoginAt': [['lastLoginAt', 'DESC NULLS LAST']],
};
export const USER_SORTS = Object.keys(SORTS) as [string, ...string[]];

function toDto(u: User): AdminUserDto {
  return {
    id: u.id,
    phone: u.phone,
    fullName: u.fullName,
    roles: (u.roles ?? []).map((r) => r.role as Role).sort(),
    status: u.status,
    identityLevel: u.identityLevel,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
  };
}

const NOT_FOUND = { vi: 'Không tìm thấy người dùng.', en: 'User not found.' };

export function createUsersService(deps: { sequelize: Sequelize; identity: IdentityService }) {
  const { sequelize, identity } = deps;

  async function load(id: string): Promise<AdminUserDto> {
    const u = await User.findByPk(id, { include: [{ model: UserRole, as: 'roles', attributes: ['role'] }] });
    if (!u) throw new NotFound('user_not_found', NOT_FOUND);
    return toDto(u);
  }

  async function list(q: UserQuery, actor: AuditActor) {
    const where: Record<string | symbol, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.q) {
      const term = q.q.trim();
      const digits = term.replace(/\D/g, '');
      const or: WhereOptions[] = [
        sequelize.where(sequelize.fn('f_unaccent', sequelize.fn('lower', sequelize.col('full_name'))), {
          [Op.like]: sequelize.fn('concat', '%', sequelize.fn('f_unaccent', term.toLowerCase()), '%'),
        }),
      ];
      if (digits.length >= 3) or.push({ phone: { [Op.like]: `%${digits.replace(/^0/, '')}%` } });
      where[Op.or] = or;
    }
    if (q.role)
      where.id = {
        [Op.in]: sequelize.literal(
          `(SELECT user_id FROM user_roles WHERE role = ${sequelize.escape(q.role)})`,
        ),
      };
    const { rows, count } = await User.findAndCountAll({
      where,
      order: SORTS[q.sort] ?? SORTS['-createdAt'],
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
      distinct: true,
    });
    const roles = await UserRole.findAll({
      where: { userId: rows.map((r) => r.id) },
      attributes: ['userId', 'role'],
    });
    for (const r of rows) r.roles = roles.filter((x) => x.userId === r.id);
    // Looking someone up is an access to personal data: audited. Plain paging through the list is not.
    if (q.q)
      await audit(actor, {
        action: 'user.search',
        entityType: 'user',
        details: {
          q: q.q ?? null,
          role: q.role ?? null,
          status: q.status ?? null,
          page: q.page,
          results: rows.length,
        },
      });
    return { items: rows.map(toDto), total: count, page: q.page, pageSize: q.pageSize };
  }

  async function view(id: string, actor: AuditActor) {
    const dto = await load(id);
    await audit(actor, { action: 'user.view', entityType: 'user', entityId: id });
    return dto;
  }

  /**
   * Active administrators, counted inside `t` after taking the lock every change that can shrink that set takes:
   * two administrators revoking each other at the same moment must not both see "one other admin left".
   */
  async function activeAdminCount(t: Transaction): Promise<number> {
    await sequelize.query(`SELECT pg_advisory_xact_lock(hashtext('daklak-id:active-admins'))`, {
      transaction: t,
    });
    const [row] = await sequelize.query<{ n: string }>(
      `SELECT count(*) AS n FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.status = 'active'`,
      { type: QueryTypes.SELECT, transaction: t },
    );
    return Number(row?.n ?? 0);
  }

  /** Give the role unless held (audited when it changes anything); true when it was not held. */
  async function addRole(id: string, role: Role, actor: AuditActor): Promise<boolean> {
    await load(id);
    return sequelize.transaction(async (t) => {
      const [, created] = await UserRole.findOrCreate({
        where: { userId: id, role },
        defaults: { userId: id, role, grantedBy: actor.userId },
        transaction: t,
      });
      if (created)
        await audit(
          actor,
          { action: 'user.role_grant', entityType: 'user', entityId: id, details: { role } },
          t,
        );
      return created;
    });
  }

  /** Take the role away if held (audited, sessions ended); true when it was held. */
  async function removeRole(id: string, role: Role, actor: AuditActor): Promise<boolean> {
    const user = await load(id);
    if (role === 'citizen')
      throw new Conflict('role_required', {
        vi: 'Vai trò công dân là mặc định, không thể thu hồi. Hãy khoá tài khoản nếu cần.',
        en: 'The citizen role is the default and cannot be revoked. Disable the account instead.',
      });
    return sequelize.transaction(async (t) => {
      if (
        role === 'admin' &&
        user.roles.includes('admin') &&
        user.status === 'active' &&
        (await activeAdminCount(t)) <= 1
      )
        throw new Conflict('last_admin', {
          vi: 'Không thể thu hồi quyền của quản trị viên cuối cùng.',
          en: 'The last administrator cannot lose the role.',
        });
      const n = await UserRole.destroy({ where: { userId: id, role }, transaction: t });
      if (n) {
        await audit(
          actor,
          { action: 'user.role_revoke', entityType: 'user', entityId: id, details: { role } },
          t,
        );
        // Sessions carry roles: end them so the change applies at once.
        await identity.revokeAllSessions(id, t);
      }
      return n > 0;
    });
  }

  async function grantRole(id: string, role: Role, actor: AuditActor) {
    await addRole(id, role, actor);
    return load(id);
  }

  async function revokeRole(id: string, role: Role, actor: AuditActor) {
    await removeRole(id, role, actor);
    return load(id);
  }

  async function setStatus(id: string, status: 'active' | 'disabled', reason: string, actor: AuditActor) {
    const user = await load(id);
    if (id === actor.userId)
      throw new Forbidden('self_status', {
        vi: 'Bạn không thể tự khoá tài khoản của mình.',
        en: 'You cannot change the status of your own account.',
      });
    await sequelize.transaction(async (t) => {
      if (status === 'disabled' && user.roles.includes('admin') && (await activeAdminCount(t)) <= 1)
        throw new Conflict('last_admin', {
          vi: 'Không thể khoá quản trị viên cuối cùng.',
          en: 'The last administrator cannot be disabled.',
        });
      await User.update({ status }, { where: { id }, transaction: t });
      if (status === 'disabled') await identity.revokeAllSessions(id, t);
      await audit(
        actor,
        { action: 'user.status', entityType: 'user', entityId: id, details: { status, reason } },
        t,
      );
    });
    return load(id);
  }

  /**
   * Grant or revoke one role for several accounts, each in its own transaction with its own audit record, so one
   * refusal (the last administrator, the default role, an unknown id) leaves the others done. A failure that is
   * not a refusal (the database gone) stops the batch and answers 500; what was done before it stays done.
   */
  async function bulkRoles(
    input: { ids: string[]; role: Role; action: 'grant' | 'revoke' },
    actor: AuditActor,
  ): Promise<{ items: Array<{ id: string; ok: boolean; changed: boolean; code: string | null }> }> {
    const items = [];
    for (const id of new Set(input.ids)) {
      try {
        const changed = await (input.action === 'grant' ? addRole : removeRole)(id, input.role, actor);
        items.push({ id, ok: true, changed, code: null });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        items.push({ id, ok: false, changed: false, code: err.code });
      }
    }
    return { items };
  }

  /** Create an account with a password and roles if the phone is not yet taken (seeding, first admin). */
  async function ensureUser(input: { phone: string; fullName: string; password: string; roles: Role[] }) {
    const existing = await User.findOne({ where: { phone: input.phone } });
    if (existing) return { user: existing, created: false };
    const passwordHash = await hashPassword(input.password);
    const user = await sequelize.transaction(async (t) => {
      const u = await User.create(
        { phone: input.phone, fullName: input.fullName, passwordHash },
        { transaction: t },
      );
      await UserRole.bulkCreate(
        [...new Set<Role>(['citizen', ...input.roles])].map((role) => ({ userId: u.id, role })),
        { transaction: t },
      );
      return u;
    });
    return { user, created: true };
  }

  return { list, view, grantRole, revokeRole, bulkRoles, setStatus, ensureUser, load };
}

export type UsersService = ReturnType<typeof createUsersService>;
