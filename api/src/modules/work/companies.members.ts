import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import type { UsersService } from '../identity/users.service.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { CompanyRole } from './companies.rows.ts';
import { employerLinks } from './employer-links.ts';

/** A company's staff accounts: owners list, add (by phone) and remove them; the last owner stays. */
export function createCompanyMembers(deps: {
  sequelize: Sequelize;
  users: UsersService;
  notifications?: NotificationService | undefined;
  membership(userId: string, companyId: string, t?: Transaction): Promise<CompanyRole | null>;
  requireOwner(auth: AuthContext, companyId: string, t?: Transaction): Promise<void>;
}) {
  const { sequelize, users, notifications, membership, requireOwner } = deps;
  const q = <T extends object>(sql: string, replacements: Record<string, unknown>, t?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction: t });

  async function members(id: string, auth: AuthContext) {
    await requireOwner(auth, id);
    const rows = await q<{
      user_id: string;
      full_name: string;
      phone: string;
      role: CompanyRole;
      created_at: Date;
    }>(
      `SELECT m.user_id, u.full_name, u.phone, m.role, m.created_at FROM company_members m
         JOIN users u ON u.id = m.user_id WHERE m.company_id = :id ORDER BY m.created_at, u.full_name`,
      { id },
    );
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        fullName: r.full_name,
        phone: r.phone,
        role: r.role,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }

  async function addMember(
    id: string,
    input: { phone: string; role: CompanyRole },
    auth: AuthContext,
    actor: AuditActor,
  ) {
    await requireOwner(auth, id);
    const [user] = await q<{ id: string }>('SELECT id FROM users WHERE phone = :phone', {
      phone: input.phone,
    });
    if (!user)
      throw new NotFound('account_not_found', {
        vi: 'Không có tài khoản nào với số điện thoại này. Người đó cần đăng ký ứng dụng trước.',
        en: 'No account has this phone number. The person must sign up first.',
      });
    if (await membership(user.id, id))
      throw new Conflict('already_member', {
        vi: 'Tài khoản này đã thuộc doanh nghiệp.',
        en: 'This account is already on the company’s staff.',
      });
    await sequelize.transaction(async (t) => {
      await sequelize.query(
        'INSERT INTO company_members (company_id, user_id, role) VALUES (:id, :u, :role)',
        {
          replacements: { id, u: user.id, role: input.role },
          transaction: t,
        },
      );
      await audit(
        actor,
        {
          action: 'work.company.member_add',
          entityType: 'company',
          entityId: id,
          details: { userId: user.id, role: input.role },
        },
        t,
      );
      const [co] = await q<{ name: string }>('SELECT name FROM companies WHERE id = :id', { id }, t);
      await notifications?.notify(
        user.id,
        {
          kind: 'work.company.member_added',
          title: {
            vi: `Bạn đã được thêm vào doanh nghiệp ${co?.name ?? ''}`,
            en: `You were added to the company ${co?.name ?? ''}`,
          },
          body: {
            vi: 'Đăng nhập lại để dùng quyền nhà tuyển dụng.',
            en: 'Sign in again to use the employer features.',
          },
          link: employerLinks.company(id),
          entity: { type: 'company', id },
        },
        t,
      );
    });
    // Staff post jobs: the account gets the employer role (granting is audited by the users service).
    await users.grantRole(user.id, 'employer', actor);
    return (await members(id, auth)).items.find((m) => m.userId === user.id);
  }

  async function removeMember(id: string, userId: string, auth: AuthContext, actor: AuditActor) {
    await requireOwner(auth, id);
    await sequelize.transaction(async (t) => {
      await q('SELECT 1 FROM companies WHERE id = :id FOR UPDATE', { id }, t);
      const role = await membership(userId, id, t);
      if (!role)
        throw new NotFound('member_not_found', {
          vi: 'Tài khoản này không thuộc doanh nghiệp.',
          en: 'This account is not on the company’s staff.',
        });
      if (role === 'owner') {
        const [n] = await q<{ n: string }>(
          `SELECT count(*) AS n FROM company_members WHERE company_id = :id AND role = 'owner'`,
          { id },
          t,
        );
        if (Number(n?.n ?? 0) <= 1)
          throw new Conflict('last_owner', {
            vi: 'Không thể xóa chủ tài khoản cuối cùng của doanh nghiệp.',
            en: 'The last owner of a company cannot be removed.',
          });
      }
      await sequelize.query('DELETE FROM company_members WHERE company_id = :id AND user_id = :userId', {
        replacements: { id, userId },
        transaction: t,
      });
      await audit(
        actor,
        {
          action: 'work.company.member_remove',
          entityType: 'company',
          entityId: id,
          details: { userId, role },
        },
        t,
      );
    });
  }

  return { members, addMember, removeMember };
}
