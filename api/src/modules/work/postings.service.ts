import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../platform/errors.ts';
import type { ModerationHandler, ModerationService } from '../moderation/moderation.service.ts';
import { loadIndustries } from './postings.industries.ts';
import { employerLinks } from './employer-links.ts';
import type { PostingCreateInput, PostingDto, PostingUpdateInput } from './postings.schemas.ts';
import {
  POSTING_SELECT,
  REVIEW_FIELDS,
  checkDeadline,
  checkSalary,
  toPostingDto,
  todayVn,
  type PostingRow,
} from './postings.rules.ts';

/** The moderation queue as postings use it (api/src/modules/moderation). */
export type ModerationPort = Pick<ModerationService, 'register' | 'submit' | 'withdraw'>;

export interface PostingsDeps {
  sequelize: Sequelize;
  moderation?: ModerationPort;
}

const NOT_FOUND = { vi: 'Không tìm thấy tin tuyển dụng.', en: 'No such job posting.' };
const NOT_MEMBER = {
  vi: 'Bạn không thuộc doanh nghiệp đăng tin này.',
  en: 'You are not a member of this posting’s company.',
};

export const KIND = 'job_posting';

/**
 * Job postings of verified companies: draft → pending_review → published → closed | expired, with rejection
 * by a moderator. Employers act only on their own company's postings; every action is audited.
 */
export function createPostingsService(deps: PostingsDeps) {
  const { sequelize, moderation } = deps;
  const industries = loadIndustries();
  const q = <T extends object>(sql: string, replacements: Record<string, unknown>, t?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction: t });

  async function load(id: string, t?: Transaction, lock = false): Promise<PostingRow> {
    if (lock) await q('SELECT id FROM job_postings WHERE id = :id FOR UPDATE', { id }, t);
    const [r] = await q<PostingRow>(`${POSTING_SELECT} WHERE p.id = :id`, { id }, t);
    if (!r) throw new NotFound('posting_not_found', NOT_FOUND);
    return r;
  }

  async function requireMember(auth: AuthContext, companyId: string, t?: Transaction) {
    const [m] = await q<{ role: string }>(
      'SELECT role FROM company_members WHERE company_id = :companyId AND user_id = :userId',
      { companyId, userId: auth.userId },
      t,
    );
    if (!m) throw new Forbidden('not_company_member', NOT_MEMBER);
  }

  async function memberIds(companyId: string, t?: Transaction): Promise<string[]> {
    const rows = await q<{ user_id: string }>(
      'SELECT user_id FROM company_members WHERE company_id = :companyId',
      { companyId },
      t,
    );
    return rows.map((r) => r.user_id);
  }

  /** Validate industry, commune and zone; coordinates come from the zone, else the commune centroid. */
  async function place(
    v: { industry: string; communeCode: string; zoneCode: string | null },
    t: Transaction,
  ): Promise<{ lat: number | null; lng: number | null }> {
    const bad = (code: string, path: string, vi: string, en: string) =>
      new ValidationError(code, { vi, en }, { fields: [{ path, code, message: vi, messages: { vi, en } }] });
    if (!industries.has(v.industry))
      throw bad('unknown_industry', 'body.industry', 'Ngành nghề không hợp lệ.', 'Unknown industry.');
    const [commune] = await q<{ lat: number; lng: number }>(
      'SELECT lat, lng FROM communes WHERE code = :c',
      { c: v.communeCode },
      t,
    );
    if (!commune)
      throw bad('unknown_commune', 'body.communeCode', 'Xã/phường không hợp lệ.', 'Unknown commune or ward.');
    if (!v.zoneCode) return commune;
    const [zone] = await q<{ lat: number | null; lng: number | null }>(
      'SELECT lat, lng FROM industrial_zones WHERE code = :z',
      { z: v.zoneCode },
      t,
    );
    if (!zone)
      throw bad(
        'unknown_zone',
        'body.zoneCode',
        'Khu/cụm công nghiệp không hợp lệ.',
        'Unknown industrial zone.',
      );
    return zone.lat !== null && zone.lng !== null ? zone : commune;
  }

  /** search_text = accent-free lower(title, company name, industry name, start of the description). */
  const industryNames = JSON.stringify(
    Object.fromEntries([...industries].map(([code, i]) => [code, i.name])),
  );
  async function refreshSearchText(id: string, t?: Transaction) {
    await refreshWhere('p.id = :id', { id }, t);
  }
  /** After a company is renamed (its name is part of every posting's search text). */
  async function refreshCompanySearchText(companyId: string, t?: Transaction) {
    await refreshWhere('p.company_id = :companyId', { companyId }, t);
  }
  async function refreshWhere(where: string, replacements: Record<string, unknown>, t?: Transaction) {
    await sequelize.query(
      `UPDATE job_postings p SET search_text = f_unaccent(lower(concat_ws(' ', p.title, c.name,
         CAST(:names AS jsonb) ->> p.industry, left(p.description, 300))))
       FROM companies c WHERE c.id = p.company_id AND ${where}`,
      { replacements: { ...replacements, names: industryNames }, transaction: t },
    );
  }

  async function create(
    auth: AuthContext,
    input: PostingCreateInput,
    actor: AuditActor,
  ): Promise<PostingDto> {
    return sequelize.transaction(async (t) => {
      await requireMember(auth, input.companyId, t);
      const v = {
        ...input,
        salaryMin: input.salaryMin ?? null,
        salaryMax: input.salaryMax ?? null,
        zoneCode: input.zoneCode ?? null,
        deadline: input.deadline ?? null,
      };
      checkSalary(v);
      checkDeadline(v.deadline, await todayVn(sequelize, t));
      const at = await place(v, t);
      const [row] = await q<{ id: string }>(
        `INSERT INTO job_postings (company_id, title, description, requirements, openings, salary_min, salary_max,
           salary_negotiable, employment_type, shifts, industry, commune_code, zone_code, lat, lng, benefits,
           deadline, created_by)
         VALUES (:companyId, :title, :description, :requirements, :openings, :salaryMin, :salaryMax,
           :salaryNegotiable, :employmentType, string_to_array(:shifts, '|'), :industry, :communeCode, :zoneCode,
           :lat, :lng, string_to_array(:benefits, '|'), :deadline, :userId)
         RETURNING id`,
        { ...v, ...at, shifts: v.shifts.join('|'), benefits: v.benefits.join('|'), userId: auth.userId },
        t,
      );
      const id = row!.id;
      await refreshSearchText(id, t);
      await audit(actor, { action: 'work.posting.create', entityType: 'job_posting', entityId: id }, t);
      return toPostingDto(await load(id, t));
    });
  }

  async function get(auth: AuthContext, id: string): Promise<PostingDto> {
    const r = await load(id);
    await requireMember(auth, r.company_id);
    return toPostingDto(r);
  }

  async function list(
    auth: AuthContext,
    query: { companyId?: string | undefined; status?: string | undefined; page: number; pageSize: number },
  ) {
    if (query.companyId) await requireMember(auth, query.companyId);
    const where = [
      query.companyId
        ? 'p.company_id = :companyId'
        : 'p.company_id IN (SELECT company_id FROM company_members WHERE user_id = :userId)',
    ];
    if (query.status) where.push('p.status = :status');
    const r = {
      ...query,
      userId: auth.userId,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    };
    const rows = await q<PostingRow>(
      `${POSTING_SELECT} WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id DESC
       LIMIT :limit OFFSET :offset`,
      r,
    );
    const [c] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM job_postings p WHERE ${where.join(' AND ')}`,
      r,
    );
    return { items: rows.map(toPostingDto), total: Number(c!.n), page: query.page, pageSize: query.pageSize };
  }

  async function sendToReview(r: PostingRow, userId: string, t: Transaction) {
    await sequelize.query(
      `UPDATE job_postings SET status = 'pending_review', rejection_reason = NULL, updated_at = now() WHERE id = :id`,
      { replacements: { id: r.id }, transaction: t },
    );
    // The moderator judges what was submitted: the row as it now stands (after this edit).
    const now = await load(r.id, t);
    await moderation?.submit(t, {
      kind: KIND,
      entityId: r.id,
      title: now.title,
      summary: {
        companyId: now.company_id,
        companyName: now.company_name,
        industry: now.industry,
        salaryMin: now.salary_min === null ? null : Number(now.salary_min),
        salaryMax: now.salary_max === null ? null : Number(now.salary_max),
        ...(now.salary_negotiable ? { salary: 'Thỏa thuận' } : {}),
        type: now.employment_type,
        openings: now.openings,
        communeCode: now.commune_code,
        zoneCode: now.zone_code,
        deadline: now.deadline,
        description: now.description,
        requirements: now.requirements,
      },
      submittedBy: userId,
    });
  }

  async function update(auth: AuthContext, id: string, input: PostingUpdateInput, actor: AuditActor) {
    return sequelize.transaction(async (t) => {
      const cur = await load(id, t, true);
      await requireMember(auth, cur.company_id, t);
      const before = toPostingDto(cur);
      const next = { ...before, ...stripUndefined(input) };
      checkSalary(next);
      if (input.deadline !== undefined && input.deadline !== before.deadline)
        checkDeadline(next.deadline, await todayVn(sequelize, t));
      const changed = Object.keys(stripUndefined(input)).filter(
        (k) =>
          JSON.stringify(input[k as keyof PostingUpdateInput]) !==
          JSON.stringify(before[k as keyof PostingDto]),
      );
      const at =
        changed.includes('communeCode') || changed.includes('zoneCode') || changed.includes('industry')
          ? await place(next, t)
          : { lat: before.lat, lng: before.lng };
      await sequelize.query(
        `UPDATE job_postings SET title = :title, description = :description, requirements = :requirements,
           openings = :openings, salary_min = :salaryMin, salary_max = :salaryMax,
           salary_negotiable = :salaryNegotiable, employment_type = :employmentType,
           shifts = string_to_array(:shifts, '|'), industry = :industry, commune_code = :communeCode,
           zone_code = :zoneCode, lat = :lat, lng = :lng, benefits = string_to_array(:benefits, '|'),
           deadline = :deadline, updated_at = now()
         WHERE id = :id`,
        {
          replacements: {
            ...next,
            ...at,
            id,
            shifts: next.shifts.join('|'),
            benefits: next.benefits.join('|'),
          },
          transaction: t,
        },
      );
      await refreshSearchText(id, t);
      const reviewRequired = cur.status === 'published' && changed.some((k) => REVIEW_FIELDS.includes(k));
      // A posting already waiting for review is re-queued so the moderator sees what it now says.
      if (reviewRequired || (cur.status === 'pending_review' && changed.length))
        await sendToReview({ ...cur, title: next.title }, auth.userId, t);
      await audit(
        actor,
        {
          action: 'work.posting.update',
          entityType: 'job_posting',
          entityId: id,
          details: { changed, reviewRequired },
        },
        t,
      );
      return { ...toPostingDto(await load(id, t)), reviewRequired };
    });
  }

  async function submit(auth: AuthContext, id: string, actor: AuditActor) {
    return sequelize.transaction(async (t) => {
      const cur = await load(id, t, true);
      await requireMember(auth, cur.company_id, t);
      if (!['draft', 'rejected', 'closed', 'expired'].includes(cur.status))
        throw new Conflict('posting_not_submittable', {
          vi: 'Tin này đang chờ duyệt hoặc đã đăng.',
          en: 'This posting is already under review or published.',
        });
      const [c] = await q<{ status: string }>(
        'SELECT status FROM companies WHERE id = :id',
        { id: cur.company_id },
        t,
      );
      if (c?.status !== 'verified')
        throw new Conflict('company_not_verified', {
          vi: 'Doanh nghiệp chưa được xác minh nên chưa thể đăng tin.',
          en: 'The company is not verified yet, so its postings cannot go live.',
        });
      checkDeadline(cur.deadline, await todayVn(sequelize, t));
      await sendToReview(cur, auth.userId, t);
      await audit(actor, { action: 'work.posting.submit', entityType: 'job_posting', entityId: id }, t);
      return toPostingDto(await load(id, t));
    });
  }

  async function close(auth: AuthContext, id: string, actor: AuditActor) {
    return sequelize.transaction(async (t) => {
      const cur = await load(id, t, true);
      await requireMember(auth, cur.company_id, t);
      if (cur.status !== 'published' && cur.status !== 'pending_review')
        throw new Conflict('posting_not_open', {
          vi: 'Chỉ đóng được tin đang đăng hoặc đang chờ duyệt.',
          en: 'Only a published posting or one under review can be closed.',
        });
      await sequelize.query(`UPDATE job_postings SET status = 'closed', updated_at = now() WHERE id = :id`, {
        replacements: { id },
        transaction: t,
      });
      await moderation?.withdraw(t, KIND, id);
      await audit(actor, { action: 'work.posting.close', entityType: 'job_posting', entityId: id }, t);
      return toPostingDto(await load(id, t));
    });
  }

  /** Delete: never-published drafts and rejected postings; closed or expired ones only without applications. */
  async function remove(auth: AuthContext, id: string, actor: AuditActor): Promise<void> {
    await sequelize.transaction(async (t) => {
      const cur = await load(id, t, true);
      await requireMember(auth, cur.company_id, t);
      const ok =
        cur.status === 'draft' ||
        cur.status === 'rejected' ||
        ((cur.status === 'closed' || cur.status === 'expired') && Number(cur.applications) === 0);
      if (!ok)
        throw new Conflict('posting_not_deletable', {
          vi: 'Chỉ xóa được tin nháp, tin bị từ chối, hoặc tin đã đóng/hết hạn chưa có hồ sơ ứng tuyển. Hãy đóng tin.',
          en: 'Only drafts, rejected postings, or closed/expired ones without applications can be deleted. Close it instead.',
        });
      await moderation?.withdraw(t, KIND, id);
      await sequelize.query('DELETE FROM job_postings WHERE id = :id', {
        replacements: { id },
        transaction: t,
      });
      await audit(
        actor,
        {
          action: 'work.posting.delete',
          entityType: 'job_posting',
          entityId: id,
          details: { title: cur.title },
        },
        t,
      );
    });
  }

  // The moderation queue notifies the submitter and ownerIds() (every staff member of the company) itself.
  const handler: ModerationHandler = {
    label: { vi: 'Tin tuyển dụng', en: 'Job posting' },
    async approve(t, entityId) {
      const r = await load(entityId, t, true);
      if (r.status !== 'pending_review') return;
      const expired = r.deadline !== null && r.deadline < (await todayVn(sequelize, t));
      await sequelize.query(
        `UPDATE job_postings SET status = :status, published_at = now(), rejection_reason = NULL, updated_at = now()
         WHERE id = :id`,
        { replacements: { id: entityId, status: expired ? 'expired' : 'published' }, transaction: t },
      );
    },
    async reject(t, entityId, reason) {
      const r = await load(entityId, t, true);
      if (r.status !== 'pending_review') return;
      await sequelize.query(
        `UPDATE job_postings SET status = 'rejected', rejection_reason = :reason, updated_at = now() WHERE id = :id`,
        { replacements: { id: entityId, reason }, transaction: t },
      );
    },
    async ownerIds(entityId, t) {
      const [r] = await q<{ company_id: string }>(
        'SELECT company_id FROM job_postings WHERE id = :id',
        { id: entityId },
        t,
      );
      return r ? memberIds(r.company_id, t) : [];
    },
    link: employerLinks.posting,
  };
  moderation?.register(KIND, handler);

  /** Published postings past their deadline (Viet Nam date) become 'expired'; answers how many. */
  async function expireDue(): Promise<number> {
    const [, n] = await sequelize.query(
      `UPDATE job_postings SET status = 'expired', updated_at = now()
       WHERE status = 'published' AND deadline < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
    );
    return typeof n === 'number' ? n : ((n as { rowCount?: number } | undefined)?.rowCount ?? 0);
  }

  /** For applications: the posting exists, is published and its deadline has not passed. */
  async function getForApply(id: string, t?: Transaction) {
    const [r] = await q<PostingRow>(
      `${POSTING_SELECT} WHERE p.id = :id AND p.status = 'published'
         AND (p.deadline IS NULL OR p.deadline >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`,
      { id },
      t,
    );
    if (!r) throw new NotFound('posting_not_found', NOT_FOUND);
    return toPostingDto(r);
  }

  return {
    create,
    get,
    list,
    update,
    submit,
    close,
    remove,
    expireDue,
    getForApply,
    refreshSearchText,
    refreshCompanySearchText,
    moderationHandler: handler,
    industries,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type PostingsService = ReturnType<typeof createPostingsService>;
