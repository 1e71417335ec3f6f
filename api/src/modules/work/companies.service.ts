import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Conflict, Forbidden, NotFound, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { ModerationService } from '../moderation/moderation.service.ts';
import type { UsersService } from '../identity/users.service.ts';
import type { ZonesService } from './zones.service.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { INDUSTRIES, type CompanyCreateInput, type CompanyUpdateInput } from './companies.schemas.ts';

export type CompanyRole = 'owner' | 'staff';
export const COMPANY_KIND = 'company';

interface Row {
  id: string;
  name: string;
  tax_code: string;
  address: string;
  commune_code: string;
  commune_name: string | null;
  zone_code: string | null;
  zone_name: string | null;
  industry: string;
  size: '1-9' | '10-49' | '50-199' | '200-999' | '1000+';
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  status: 'pending' | 'verified' | 'rejected' | 'suspended';
  rejection_reason: string | null;
  demo: boolean;
  created_at: Date;
  updated_at: Date;
  my_role?: CompanyRole | null;
}

const industryNames = new Map(INDUSTRIES.map((i) => [i.code, { vi: i.name, en: i.nameEn }]));
const NOT_FOUND = { vi: 'Không tìm thấy doanh nghiệp.', en: 'No such company.' };
const NOT_MEMBER = {
  vi: 'Bạn không thuộc doanh nghiệp này.',
  en: 'You are not a member of this company.',
};
const NOT_OWNER = {
  vi: 'Chỉ chủ tài khoản doanh nghiệp mới quản lý được nhân sự.',
  en: 'Only an owner of the company can manage its staff.',
};
const field = (path: string, code: string, vi: string, en: string): FieldError => ({
  path,
  code,
  message: vi,
  messages: { vi, en },
});

function toPublic(r: Row) {
  return {
    id: r.id,
    name: r.name,
    taxCode: r.tax_code,
    address: r.address,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    zoneCode: r.zone_code,
    zoneName: r.zone_name,
    industry: r.industry,
    industryName: industryNames.get(r.industry) ?? { vi: r.industry, en: r.industry },
    size: r.size,
    status: r.status,
    demo: r.demo,
  };
}
const toFull = (r: Row) => ({
  ...toPublic(r),
  contact: { name: r.contact_name, phone: r.contact_phone, email: r.contact_email },
  rejectionReason: r.rejection_reason,
  myRole: r.my_role ?? null,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * Companies and their staff. A company registered by an employer waits in the moderation queue (kind
 * 'company') until a moderator verifies it; only verified companies publish postings. Other modules check
 * membership through `membership` / `requireMember`.
 */
export function createCompanies(deps: {
  sequelize: Sequelize;
  moderation: ModerationService;
  users: UsersService;
  zones: ZonesService;
  notifications?: NotificationService;
}) {
  const { sequelize, moderation, users, zones, notifications } = deps;
  const q = <T extends object>(sql: string, replacements: Record<string, unknown>, t?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction: t });

  const SELECT = `SELECT co.*, cm.name AS commune_name, z.name AS zone_name,
      (SELECT m.role FROM company_members m WHERE m.company_id = co.id AND m.user_id = :me) AS my_role
    FROM companies co LEFT JOIN communes cm ON cm.code = co.commune_code
    LEFT JOIN industrial_zones z ON z.code = co.zone_code`;

  async function load(id: string, me: string | null, t?: Transaction): Promise<Row> {
    const [row] = await q<Row>(`${SELECT} WHERE co.id = :id`, { id, me }, t);
    if (!row) throw new NotFound('company_not_found', NOT_FOUND);
    return row;
  }

  /** The caller's role in the company, or null. */
  async function membership(userId: string, companyId: string, t?: Transaction): Promise<CompanyRole | null> {
    const [m] = await q<{ role: CompanyRole }>(
      'SELECT role FROM company_members WHERE company_id = :companyId AND user_id = :userId',
      { companyId, userId },
      t,
    );
    return m?.role ?? null;
  }

  /** 404 when the company does not exist, 403 `not_company_member` when the caller is not on its staff. */
  async function requireMember(auth: AuthContext, companyId: string, t?: Transaction): Promise<CompanyRole> {
    const role = await membership(auth.userId, companyId, t);
    if (role) return role;
    const exists = await q('SELECT 1 FROM companies WHERE id = :companyId', { companyId }, t);
    if (!exists.length) throw new NotFound('company_not_found', NOT_FOUND);
    throw new Forbidden('not_company_member', NOT_MEMBER);
  }

  async function requireOwner(auth: AuthContext, companyId: string, t?: Transaction) {
    if ((await requireMember(auth, companyId, t)) !== 'owner')
      throw new Forbidden('not_company_owner', NOT_OWNER);
  }

  /** Company ids the account works for (any role). */
  async function companyIdsOf(userId: string): Promise<string[]> {
    const rows = await q<{ company_id: string }>(
      'SELECT company_id FROM company_members WHERE user_id = :userId',
      {
        userId,
      },
    );
    return rows.map((r) => r.company_id);
  }

  async function checkRefs(v: { communeCode?: string | undefined; zoneCode?: string | null | undefined }) {
    const fields: FieldError[] = [];
    if (v.communeCode && !(await q('SELECT 1 FROM communes WHERE code = :c', { c: v.communeCode })).length)
      fields.push(
        field(
          'body.communeCode',
          'commune_unknown',
          'Mã xã/phường không thuộc tỉnh Đắk Lắk.',
          'This commune code is not a unit of Đắk Lắk province.',
        ),
      );
    if (v.zoneCode && !(await zones.exists(v.zoneCode)))
      fields.push(
        field(
          'body.zoneCode',
          'zone_unknown',
          'Không có khu/cụm công nghiệp này.',
          'There is no such industrial zone.',
        ),
      );
    if (fields.length) throw new ValidationError('validation_failed', undefined, { fields });
  }

  const TAX_TAKEN = new Conflict('tax_code_taken', {
    vi: 'Mã số thuế này đã được đăng ký cho một doanh nghiệp khác.',
    en: 'This tax code is already registered for another company.',
  });
  const isUnique = (e: unknown) =>
    (e as { name?: string }).name === 'SequelizeUniqueConstraintError' ||
    (e as { parent?: { code?: string } }).parent?.code === '23505';

  async function submitForReview(t: Transaction, id: string, submittedBy: string, resubmission: boolean) {
    const r = await load(id, null, t);
    await moderation.submit(t, {
      kind: COMPANY_KIND,
      entityId: id,
      title: r.name,
      submittedBy,
      summary: {
        ...toPublic(r),
        contact: { name: r.contact_name, phone: r.contact_phone, email: r.contact_email },
        resubmission,
      },
    });
  }

  async function create(input: CompanyCreateInput, auth: AuthContext, actor: AuditActor) {
    await checkRefs(input);
    if ((await q('SELECT 1 FROM companies WHERE tax_code = :tc', { tc: input.taxCode })).length)
      throw TAX_TAKEN;
    let id = '';
    try {
      await sequelize.transaction(async (t) => {
        const [row] = await q<{ id: string }>(
          `INSERT INTO companies (name, tax_code, address, commune_code, zone_code, industry, size,
             contact_name, contact_phone, contact_email, created_by)
           VALUES (:name, :taxCode, :address, :communeCode, :zoneCode, :industry, :size,
             :contactName, :contactPhone, :contactEmail, :me) RETURNING id`,
          {
            ...input,
            zoneCode: input.zoneCode ?? null,
            contactName: input.contact.name,
            contactPhone: input.contact.phone,
            contactEmail: input.contact.email ?? null,
            me: auth.userId,
          },
          t,
        );
        id = (row as { id: string }).id;
        await sequelize.query(
          `INSERT INTO company_members (company_id, user_id, role) VALUES (:id, :me, 'owner')`,
          { replacements: { id, me: auth.userId }, transaction: t },
        );
        await submitForReview(t, id, auth.userId, false);
        await audit(
          actor,
          {
            action: 'work.company.create',
            entityType: 'company',
            entityId: id,
            details: { taxCode: input.taxCode, name: input.name },
          },
          t,
        );
      });
    } catch (e) {
      if (isUnique(e)) throw TAX_TAKEN;
      throw e;
    }
    return toFull(await load(id, auth.userId));
  }

  async function mine(userId: string) {
    const rows = await q<Row>(
      `${SELECT} WHERE co.id IN (SELECT company_id FROM company_members WHERE user_id = :me) ORDER BY co.created_at`,
      { me: userId },
    );
    return { items: rows.map(toFull) };
  }

  /** Members and reviewing staff see everything; anyone else only a verified company's public fields. */
  async function get(id: string, auth: AuthContext | undefined) {
    const row = await load(id, auth?.userId ?? null);
    const staff = auth?.permissions.has('moderation:review') || auth?.permissions.has('workforce:read');
    if (row.my_role || staff) return toFull(row);
    if (row.status !== 'verified') throw new NotFound('company_not_found', NOT_FOUND);
    return toPublic(row);
  }

  async function update(id: string, input: CompanyUpdateInput, auth: AuthContext, actor: AuditActor) {
    await requireMember(auth, id);
    await checkRefs(input);
    const cur = await load(id, auth.userId);
    if (cur.status === 'suspended')
      throw new Conflict('company_suspended', {
        vi: 'Doanh nghiệp đang bị tạm khóa, không thể sửa thông tin.',
        en: 'The company is suspended and cannot be edited.',
      });
    const cols: Record<string, [string, unknown]> = {
      name: ['name', input.name],
      taxCode: ['tax_code', input.taxCode],
      address: ['address', input.address],
      communeCode: ['commune_code', input.communeCode],
      zoneCode: ['zone_code', input.zoneCode],
      industry: ['industry', input.industry],
      size: ['size', input.size],
      contactName: ['contact_name', input.contact?.name],
      contactPhone: ['contact_phone', input.contact?.phone],
      contactEmail: ['contact_email', input.contact ? (input.contact.email ?? null) : undefined],
    };
    const before: Record<string, unknown> = {
      name: cur.name,
      taxCode: cur.tax_code,
      address: cur.address,
      communeCode: cur.commune_code,
      zoneCode: cur.zone_code,
      industry: cur.industry,
      size: cur.size,
      contactName: cur.contact_name,
      contactPhone: cur.contact_phone,
      contactEmail: cur.contact_email,
    };
    const sets: string[] = [];
    const replacements: Record<string, unknown> = { id };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, [col, v]] of Object.entries(cols)) {
      if (v === undefined || v === before[key]) continue;
      sets.push(`${col} = :${key}`);
      replacements[key] = v;
      changes[key] = { from: before[key], to: v };
    }
    if (!sets.length) return toFull(cur);
    // Identity fields of a verified company go back to review; a rejected or pending one is resubmitted.
    const identityChanged = ['name', 'taxCode', 'address'].some((k) => k in changes);
    const review =
      cur.status === 'rejected' || cur.status === 'pending' || (cur.status === 'verified' && identityChanged);
    if (review) sets.push(`status = 'pending', rejection_reason = NULL`);
    if (input.taxCode && input.taxCode !== cur.tax_code) {
      const taken = await q('SELECT 1 FROM companies WHERE tax_code = :tc AND id <> :id', {
        tc: input.taxCode,
        id,
      });
      if (taken.length) throw TAX_TAKEN;
    }
    try {
      await sequelize.transaction(async (t) => {
        await sequelize.query(`UPDATE companies SET ${sets.join(', ')}, updated_at = now() WHERE id = :id`, {
          replacements,
          transaction: t,
        });
        if (review) await submitForReview(t, id, auth.userId, true);
        await audit(
          actor,
          {
            action: 'work.company.update',
            entityType: 'company',
            entityId: id,
            details: { changes, review },
          },
          t,
        );
      });
    } catch (e) {
      if (isUnique(e)) throw TAX_TAKEN;
      throw e;
    }
    return toFull(await load(id, auth.userId));
  }

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
          link: `/work/companies/${id}`,
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

  moderation.register(COMPANY_KIND, {
    label: { vi: 'Doanh nghiệp', en: 'Company' },
    async approve(t, entityId) {
      await sequelize.query(
        `UPDATE companies SET status = 'verified', rejection_reason = NULL, updated_at = now() WHERE id = :entityId`,
        { replacements: { entityId }, transaction: t },
      );
    },
    async reject(t, entityId, reason) {
      await sequelize.query(
        `UPDATE companies SET status = 'rejected', rejection_reason = :reason, updated_at = now() WHERE id = :entityId`,
        { replacements: { entityId, reason }, transaction: t },
      );
    },
    async ownerIds(entityId, t) {
      const rows = await q<{ user_id: string }>(
        'SELECT user_id FROM company_members WHERE company_id = :entityId',
        { entityId },
        t,
      );
      return rows.map((r) => r.user_id);
    },
    link: (entityId) => `/work/companies/${entityId}`,
  });

  return {
    membership,
    requireMember,
    requireOwner,
    companyIdsOf,
    create,
    mine,
    get,
    update,
    members,
    addMember,
    removeMember,
  };
}

export type CompaniesService = ReturnType<typeof createCompanies>;
