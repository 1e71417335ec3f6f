import { QueryTypes, type Sequelize } from 'sequelize';
import type { z } from 'zod';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import type { MineQuery } from './applications.schemas.ts';
import type { AppStatus } from './applications.texts.ts';

interface ListRow {
  id: string;
  user_id: string;
  cv_id: string | null;
  message: string | null;
  status: AppStatus;
  interview_at: Date | null;
  interview_place: string | null;
  created_at: Date;
  updated_at: Date;
  applicant_name: string;
  cv_title: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Employers: the applications to one posting of their company, by status, paged, with counts per status. */
export function createPostingApplications(deps: {
  sequelize: Sequelize;
  isMember(userId: string, companyId: string): Promise<boolean>;
}) {
  const { sequelize, isMember } = deps;

  async function forPosting(auth: AuthContext, postingId: string, q: z.output<typeof MineQuery>) {
    const [p] = await sequelize.query<{ company_id: string }>(
      'SELECT company_id FROM job_postings WHERE id = :postingId',
      {
        replacements: { postingId },
        type: QueryTypes.SELECT,
      },
    );
    if (!p)
      throw new NotFound('posting_not_found', {
        vi: 'Không tìm thấy tin tuyển dụng.',
        en: 'No such job posting.',
      });
    if (!(await isMember(auth.userId, p.company_id)))
      throw new Forbidden('not_company_member', {
        vi: 'Bạn không thuộc doanh nghiệp đăng tin này.',
        en: 'You are not a member of the company of this posting.',
      });
    const where = `a.posting_id = :postingId${q.status ? ' AND a.status = :status' : ''}`;
    const rep = { postingId, status: q.status ?? null };
    const [rows, counts] = await Promise.all([
      sequelize.query<ListRow>(
        `SELECT a.*, u.full_name AS applicant_name, c.title AS cv_title
           FROM job_applications a JOIN users u ON u.id = a.user_id LEFT JOIN cvs c ON c.id = a.cv_id
          WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT :limit OFFSET :offset`,
        {
          replacements: { ...rep, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
          type: QueryTypes.SELECT,
        },
      ),
      sequelize.query<{ status: string; n: string }>(
        'SELECT status, count(*) AS n FROM job_applications WHERE posting_id = :postingId GROUP BY status',
        { replacements: { postingId }, type: QueryTypes.SELECT },
      ),
    ]);
    const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        message: r.message,
        interviewAt: iso(r.interview_at),
        interviewPlace: r.interview_place,
        createdAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
        applicant: { id: r.user_id, fullName: r.applicant_name },
        cv: r.cv_id && r.cv_title !== null ? { id: r.cv_id, title: r.cv_title } : null,
      })),
      counts: byStatus,
      total: q.status ? (byStatus[q.status] ?? 0) : Object.values(byStatus).reduce((a, b) => a + b, 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  return forPosting;
}
