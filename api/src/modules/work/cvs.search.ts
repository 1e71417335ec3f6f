import { QueryTypes, type Sequelize } from 'sequelize';
import type { z } from 'zod';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Forbidden } from '../../platform/errors.ts';
import type { CvSearchQuery } from './cvs.schemas.ts';
import { COLS, FROM, summaryOf, type Row } from './cvs.rows.ts';

/** Employers' search of the CVs made searchable: for staff of a verified company; accents and case ignored. */
export function createCvSearch(deps: { sequelize: Sequelize }) {
  const { sequelize } = deps;

  async function search(auth: AuthContext, q: z.output<typeof CvSearchQuery>, actor: AuditActor) {
    const [member] = await sequelize.query(
      `SELECT 1 FROM company_members m JOIN companies co ON co.id = m.company_id
        WHERE m.user_id = :userId AND co.status = 'verified' LIMIT 1`,
      { replacements: { userId: auth.userId }, type: QueryTypes.SELECT },
    );
    if (!member)
      throw new Forbidden('verified_company_required', {
        vi: 'Chỉ nhân sự của doanh nghiệp đã được xác minh mới tìm được hồ sơ.',
        en: 'Only staff of a verified company can search CVs.',
      });
    const where = ['c.searchable'];
    const rep: Record<string, unknown> = {};
    if (q.q) {
      where.push(
        `f_unaccent(lower(c.title || ' ' || coalesce(c.summary, '') || ' ' || array_to_string(c.skills, ' ')))
           LIKE '%' || f_unaccent(lower(:q)) || '%'`,
      );
      rep.q = q.q.replace(/[%_\\]/g, (m) => `\\${m}`);
    }
    const skills = (q.skills ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 10);
    skills.forEach((s, i) => {
      where.push(
        `EXISTS (SELECT 1 FROM unnest(c.skills) s WHERE f_unaccent(lower(s)) = f_unaccent(lower(:skill${i})))`,
      );
      rep[`skill${i}`] = s;
    });
    const sqlWhere = where.join(' AND ');
    const [rows, [count]] = await Promise.all([
      sequelize.query<Row>(
        `SELECT ${COLS} ${FROM} WHERE ${sqlWhere} ORDER BY c.updated_at DESC, c.id LIMIT :limit OFFSET :offset`,
        {
          replacements: { ...rep, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
          type: QueryTypes.SELECT,
        },
      ),
      sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM cvs c WHERE ${sqlWhere}`, {
        replacements: rep,
        type: QueryTypes.SELECT,
      }),
    ]);
    await audit(actor, {
      action: 'work.cv.search',
      entityType: 'cv',
      details: { q: q.q ?? null, skills, results: rows.length },
    });
    return {
      items: rows.map((r) => ({ ...summaryOf(r), summary: r.summary, ownerName: r.owner_name ?? '' })),
      total: Number(count?.n ?? 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  return search;
}
