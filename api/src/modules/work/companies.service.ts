import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Conflict, Forbidden, NotFound, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { ModerationService } from '../moderation/moderation.service.ts';
import type { UsersService } from '../identity/users.service.ts';
import type { CardService } from '../identity/card.service.ts';
import type { ZonesService } from './zones.service.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { CompanyCreateInput, CompanyUpdateInput } from './companies.schemas.ts';
import { createCompanyMembers } from './companies.members.ts';
import { employerLinks } from './employer-links.ts';
import {
  COMPANY_SELECT as SELECT,
  NOT_FOUND,
  NOT_MEMBER,
  NOT_OWNER,
  field,
  toFull,
  toPublic,
  type CompanyRole,
  type Row,
} from './companies.rows.ts';

export type { CompanyRole } from './companies.rows.ts';
export const COMPANY_KIND = 'company';

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
  /** The identity module's level check: registering a company needs a declared CCCD (level 1). */
  cards: Pick<CardService, 'requireLevel'>;
}) {
  const { sequelize, moderation, users, zones, notifications, cards } = deps;
  const q = <T extends object>(sql: string, replacements: Record<string, unknown>, t?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction: t });

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

  /**
   * Self-service registration: any account with a declared CCCD (level 1) may register a company; it becomes
   * its owner and gets the employer role. `refreshSession` tells the client its access token does not carry
   * that role yet (roles are in the token; a refresh re-reads them).
   */
  async function create(input: CompanyCreateInput, auth: AuthContext, actor: AuditActor) {
    await cards.requireLevel(auth.userId, 1);
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
    // The owner posts jobs: the account gets the employer role (granting is audited by the users service).
    await users.grantRole(auth.userId, 'employer', actor);
    return { ...toFull(await load(id, auth.userId)), refreshSession: !auth.roles.includes('employer') };
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

  /** The console's list (moderators and workforce staff): filters, name/tax-code search, paging. */
  async function list(
    f: {
      status?: Row['status'] | undefined;
      zone?: string | undefined;
      commune?: string | undefined;
      q?: string | undefined;
      page: number;
      pageSize: number;
    },
    auth: AuthContext,
  ) {
    if (!auth.permissions.has('moderation:review') && !auth.permissions.has('workforce:read'))
      throw new Forbidden();
    const where: string[] = ['true'];
    if (f.status) where.push('co.status = :status');
    if (f.zone === 'none') where.push('co.zone_code IS NULL');
    else if (f.zone) where.push('co.zone_code = :zone');
    if (f.commune) where.push('co.commune_code = :commune');
    if (f.q)
      where.push(
        `(unaccent(lower(co.name)) LIKE '%' || unaccent(lower(:text)) || '%' OR co.tax_code LIKE :text || '%')`,
      );
    const r = {
      ...f,
      text: f.q?.replace(/[%_\\]/g, '') ?? null,
      me: auth.userId,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    };
    const rows = await q<Row>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY co.name, co.id LIMIT :limit OFFSET :offset`,
      r,
    );
    const [n] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM companies co WHERE ${where.join(' AND ')}`,
      r,
    );
    return { items: rows.map(toFull), total: Number(n?.n ?? 0), page: f.page, pageSize: f.pageSize };
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
        if ('name' in changes) for (const fn of renameListeners) await fn(id, t);
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

  // Modules that copy the company name (the postings' search text) refresh it in the same transaction.
  const renameListeners: Array<(companyId: string, t: Transaction) => Promise<void>> = [];
  const onRenamed = (fn: (companyId: string, t: Transaction) => Promise<void>) => {
    renameListeners.push(fn);
  };

  const staff = createCompanyMembers({ sequelize, users, notifications, membership, requireOwner });

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
    link: employerLinks.company,
  });

  return {
    onRenamed,
    list,
    membership,
    requireMember,
    requireOwner,
    companyIdsOf,
    create,
    mine,
    get,
    update,
    ...staff,
  };
}

export type CompaniesService = ReturnType<typeof createCompanies>;
