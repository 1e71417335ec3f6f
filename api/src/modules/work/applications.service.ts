import { QueryTypes, UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { CvService } from './cvs.service.ts';
import type { ApplyBody, MineQuery, StageBody } from './applications.schemas.ts';
import { createPostingApplications } from './applications.list.ts';
import { employerLinks } from './employer-links.ts';
import { applicantNotice, NEXT, OPEN, STATUS_VI, type AppStatus } from './applications.texts.ts';

export interface AppRow {
  id: string;
  posting_id: string;
  user_id: string;
  cv_id: string | null;
  message: string | null;
  status: AppStatus;
  interview_at: Date | null;
  interview_place: string | null;
  rejection_reason: string | null;
  created_at: Date;
  updated_at: Date;
  posting_title: string;
  posting_status: string;
  deadline: string | null;
  company_id: string;
  company_name: string;
  applicant_name: string;
}

const NOT_FOUND = { vi: 'Không tìm thấy hồ sơ ứng tuyển.', en: 'No such application.' };
const notFound = () => new NotFound('application_not_found', NOT_FOUND);
const SELECT = `SELECT a.*, p.title AS posting_title, p.status AS posting_status, p.deadline::text AS deadline,
    co.id AS company_id, co.name AS company_name, u.full_name AS applicant_name
  FROM job_applications a
  JOIN job_postings p ON p.id = a.posting_id
  JOIN companies co ON co.id = p.company_id
  JOIN users u ON u.id = a.user_id`;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Applications: a citizen applies with a CV, follows and withdraws; the company's members move it through stages. */
export function createApplicationService(deps: {
  sequelize: Sequelize;
  notifications: NotificationService;
  cvs: CvService;
  /** The companies service (membership is the company staff rule). */
  companies: { membership(userId: string, companyId: string, t?: Transaction): Promise<string | null> };
}) {
  const { sequelize, notifications, cvs, companies } = deps;

  async function load(id: string, t?: Transaction, lock = false): Promise<AppRow | undefined> {
    const [r] = await sequelize.query<AppRow>(`${SELECT} WHERE a.id = :id${lock ? ' FOR UPDATE OF a' : ''}`, {
      replacements: { id },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    return r;
  }

  const isMember = async (userId: string, companyId: string, t?: Transaction) =>
    (await companies.membership(userId, companyId, t)) !== null;

  async function memberIds(companyId: string, except: string, t?: Transaction): Promise<string[]> {
    const rows = await sequelize.query<{ user_id: string }>(
      'SELECT user_id FROM company_members WHERE company_id = :companyId AND user_id <> :except',
      { replacements: { companyId, except }, type: QueryTypes.SELECT, transaction: t },
    );
    return rows.map((r) => r.user_id);
  }

  /** Which side the caller is on; an outsider gets 404 as if it did not exist. */
  async function side(auth: AuthContext, id: string, t?: Transaction, lock = false) {
    const r = await load(id, t, lock);
    if (!r) throw notFound();
    if (r.user_id === auth.userId) return { row: r, as: 'applicant' as const };
    if (auth.permissions.has('jobs:post') && (await isMember(auth.userId, r.company_id, t)))
      return { row: r, as: 'employer' as const };
    throw notFound();
  }

  async function timeline(ids: string[], t?: Transaction) {
    const map = new Map<string, Array<{ at: string; status: AppStatus; note: string | null }>>();
    if (!ids.length) return map;
    const rows = await sequelize.query<{
      application_id: string;
      at: Date;
      status: AppStatus;
      note: string | null;
    }>(
      'SELECT application_id, at, status, note FROM application_events WHERE application_id IN (:ids) ORDER BY id',
      { replacements: { ids }, type: QueryTypes.SELECT, transaction: t },
    );
    for (const e of rows) {
      const list = map.get(e.application_id) ?? [];
      list.push({ at: new Date(e.at).toISOString(), status: e.status, note: e.note });
      map.set(e.application_id, list);
    }
    return map;
  }

  const base = (r: AppRow) => ({
    id: r.id,
    status: r.status,
    message: r.message,
    interviewAt: iso(r.interview_at),
    interviewPlace: r.interview_place,
    rejectionReason: r.rejection_reason,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    posting: {
      id: r.posting_id,
      title: r.posting_title,
      status: r.posting_status,
      deadline: r.deadline,
      company: { id: r.company_id, name: r.company_name },
    },
  });

  async function event(t: Transaction, id: string, status: AppStatus, actorId: string, note: string | null) {
    await sequelize.query(
      'INSERT INTO application_events (application_id, status, actor_id, note) VALUES (:id, :status, :actorId, :note)',
      { replacements: { id, status, actorId, note }, transaction: t },
    );
  }

  async function tellApplicant(t: Transaction, r: AppRow, status: AppStatus) {
    const n = applicantNotice(
      status,
      { title: r.posting_title, company: r.company_name },
      { interviewAt: r.interview_at, interviewPlace: r.interview_place, reason: r.rejection_reason },
    );
    await notifications.notify(
      r.user_id,
      {
        kind: `work.application.${status}`,
        ...n,
        link: `#/jobs/applications/${r.id}`,
        entity: { type: 'job_application', id: r.id },
      },
      t,
    );
  }

  async function tellCompany(
    t: Transaction,
    r: AppRow,
    kind: string,
    title: { vi: string; en: string },
    except: string,
  ) {
    const body = {
      vi: `${r.applicant_name} — ${r.posting_title}`,
      en: `${r.applicant_name} — ${r.posting_title}`,
    };
    for (const userId of await memberIds(r.company_id, except, t))
      await notifications.notify(
        userId,
        {
          kind,
          title,
          body,
          link: employerLinks.application(r.id),
          entity: { type: 'job_application', id: r.id },
        },
        t,
      );
  }

  async function apply(
    auth: AuthContext,
    postingId: string,
    input: z.output<typeof ApplyBody>,
    actor: AuditActor,
  ) {
    const id = await sequelize
      .transaction(async (t) => {
        const [p] = await sequelize.query<{ status: string; open: boolean; company_status: string }>(
          `SELECT p.status, co.status AS company_status,
                  (p.deadline IS NULL OR p.deadline >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS open
             FROM job_postings p JOIN companies co ON co.id = p.company_id WHERE p.id = :postingId`,
          { replacements: { postingId }, type: QueryTypes.SELECT, transaction: t },
        );
        if (!p)
          throw new NotFound('posting_not_found', {
            vi: 'Không tìm thấy tin tuyển dụng.',
            en: 'No such job posting.',
          });
        if (p.status !== 'published' || p.company_status !== 'verified')
          throw new Conflict('posting_not_open', {
            vi: 'Tin tuyển dụng này không nhận hồ sơ.',
            en: 'This job posting does not take applications.',
          });
        if (!p.open)
          throw new Conflict('posting_expired', {
            vi: 'Tin tuyển dụng đã hết hạn nộp hồ sơ.',
            en: 'The application deadline of this posting has passed.',
          });
        const cv = await cvs.forApplication(auth.userId, input.cvId, t);
        const [existing] = await sequelize.query<{ id: string; status: string }>(
          'SELECT id, status FROM job_applications WHERE posting_id = :postingId AND user_id = :userId',
          { replacements: { postingId, userId: auth.userId }, type: QueryTypes.SELECT, transaction: t },
        );
        if (existing) throw alreadyApplied(existing);
        const [row] = await sequelize.query<{ id: string }>(
          `INSERT INTO job_applications (posting_id, user_id, cv_id, message)
           VALUES (:postingId, :userId, :cvId, :message) RETURNING id`,
          {
            replacements: { postingId, userId: auth.userId, cvId: cv.id, message: input.message || null },
            type: QueryTypes.SELECT,
            transaction: t,
          },
        );
        const appId = row!.id;
        await event(t, appId, 'submitted', auth.userId, null);
        const r = (await load(appId, t))!;
        await tellCompany(
          t,
          r,
          'work.application.new',
          { vi: 'Có hồ sơ ứng tuyển mới', en: 'New application' },
          auth.userId,
        );
        await audit(
          actor,
          {
            action: 'work.application.submit',
            entityType: 'job_application',
            entityId: appId,
            details: { postingId },
          },
          t,
        );
        return appId;
      })
      .catch(async (err: unknown) => {
        // Two submissions at once: the unique (posting, user) constraint decides.
        if (err instanceof UniqueConstraintError) {
          const [e] = await sequelize.query<{ id: string; status: string }>(
            'SELECT id, status FROM job_applications WHERE posting_id = :postingId AND user_id = :userId',
            { replacements: { postingId, userId: auth.userId }, type: QueryTypes.SELECT },
          );
          if (e) throw alreadyApplied(e);
        }
        throw err;
      });
    return get(auth, id, actor);
  }

  const alreadyApplied = (e: { id: string; status: string }) =>
    new Conflict(
      'already_applied',
      {
        vi: `Bạn đã ứng tuyển vị trí này (trạng thái: ${STATUS_VI[e.status as AppStatus] ?? e.status}).`,
        en: `You have already applied to this posting (status: ${e.status}).`,
      },
      { extra: { applicationId: e.id, status: e.status } },
    );

  async function mine(userId: string, q: z.output<typeof MineQuery>) {
    const where = `a.user_id = :userId${q.status ? ' AND a.status = :status' : ''}`;
    const rep = { userId, status: q.status ?? null };
    const [rows, [count]] = await Promise.all([
      sequelize.query<AppRow>(
        `${SELECT} WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT :limit OFFSET :offset`,
        {
          replacements: { ...rep, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
          type: QueryTypes.SELECT,
        },
      ),
      sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM job_applications a WHERE ${where}`, {
        replacements: rep,
        type: QueryTypes.SELECT,
      }),
    ]);
    const events = await timeline(rows.map((r) => r.id));
    return {
      items: rows.map((r) => ({ ...base(r), timeline: events.get(r.id) ?? [] })),
      total: Number(count?.n ?? 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** One application. An employer's first opening marks it viewed and tells the applicant. */
  async function get(auth: AuthContext, id: string, actor: AuditActor) {
    const found = await side(auth, id);
    let r = found.row;
    if (found.as === 'employer') {
      r = await sequelize.transaction(async (t) => {
        const cur = (await load(id, t, true))!;
        if (cur.status !== 'submitted') return cur;
        await sequelize.query(
          `UPDATE job_applications SET status = 'viewed', updated_at = now() WHERE id = :id`,
          {
            replacements: { id },
            transaction: t,
          },
        );
        await event(t, id, 'viewed', auth.userId, null);
        await tellApplicant(t, cur, 'viewed');
        return (await load(id, t))!;
      });
      await audit(actor, { action: 'work.application.view', entityType: 'job_application', entityId: id });
    }
    const cvRow = r.cv_id ? await cvs.load(r.cv_id) : undefined;
    return {
      ...base(r),
      as: found.as,
      applicant: { id: r.user_id, fullName: r.applicant_name },
      cv: cvRow ? cvs.viewOf(cvRow, found.as === 'employer') : null,
      timeline: (await timeline([id])).get(id) ?? [],
    };
  }

  async function withdraw(auth: AuthContext, id: string, actor: AuditActor) {
    await sequelize.transaction(async (t) => {
      const r = await load(id, t, true);
      if (!r || r.user_id !== auth.userId) throw notFound();
      if (!OPEN.includes(r.status)) throw invalid(r.status, 'withdrawn');
      await sequelize.query(
        `UPDATE job_applications SET status = 'withdrawn', updated_at = now() WHERE id = :id`,
        {
          replacements: { id },
          transaction: t,
        },
      );
      await event(t, id, 'withdrawn', auth.userId, null);
      await tellCompany(
        t,
        r,
        'work.application.withdrawn',
        { vi: 'Ứng viên đã rút hồ sơ', en: 'An applicant withdrew' },
        auth.userId,
      );
      await audit(
        actor,
        { action: 'work.application.withdraw', entityType: 'job_application', entityId: id },
        t,
      );
    });
    return get(auth, id, actor);
  }

  const invalid = (from: AppStatus, to: AppStatus) =>
    new Conflict(
      'invalid_transition',
      {
        vi: `Không thể chuyển từ "${STATUS_VI[from]}" sang "${STATUS_VI[to]}".`,
        en: `Cannot move from ${from} to ${to}.`,
      },
      { extra: { from, to, allowed: NEXT[from].filter((s) => s !== 'withdrawn' && s !== 'viewed') } },
    );

  async function stage(auth: AuthContext, id: string, input: z.output<typeof StageBody>, actor: AuditActor) {
    await sequelize.transaction(async (t) => {
      const { row: r, as } = await side(auth, id, t, true);
      if (as !== 'employer') throw notFound();
      if (!NEXT[r.status].includes(input.status)) throw invalid(r.status, input.status);
      const interviewAt = input.status === 'interview' ? new Date(input.interviewAt!) : r.interview_at;
      const interviewPlace = input.status === 'interview' ? input.interviewPlace! : r.interview_place;
      const reason = input.status === 'rejected' ? input.reason || null : r.rejection_reason;
      await sequelize.query(
        `UPDATE job_applications SET status = :status, interview_at = :interviewAt, interview_place = :interviewPlace,
           rejection_reason = :reason, updated_at = now() WHERE id = :id`,
        { replacements: { id, status: input.status, interviewAt, interviewPlace, reason }, transaction: t },
      );
      const note =
        input.status === 'interview'
          ? `${interviewAt!.toISOString()} — ${interviewPlace}`
          : input.status === 'rejected'
            ? reason
            : null;
      await event(t, id, input.status, auth.userId, note);
      const updated = (await load(id, t))!;
      await tellApplicant(t, updated, input.status);
      await audit(
        actor,
        {
          action: 'work.application.stage',
          entityType: 'job_application',
          entityId: id,
          details: { from: r.status, to: input.status, ...(note ? { note } : {}) },
        },
        t,
      );
    });
    return get(auth, id, actor);
  }

  const forPosting = createPostingApplications({ sequelize, isMember });

  return { apply, mine, get, withdraw, stage, forPosting, side, memberIds };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
