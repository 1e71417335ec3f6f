import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../platform/errors.ts';
import type { z } from '../../platform/zod.ts';
import type { WorkforceReportBody, WorkforceReportView } from './workforce.schemas.ts';

type Body = z.infer<typeof WorkforceReportBody>;
type View = z.infer<typeof WorkforceReportView>;

const VN_OFFSET_MS = 7 * 3600_000;

/** 'YYYY-MM' of an instant in Vietnam time. */
export const monthOf = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 7);
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
/** First instant of a month in Vietnam time (UTC Date). */
export const monthStart = (month: string) => new Date(Date.parse(`${month}-01T00:00:00Z`) - VN_OFFSET_MS);
/** A month's report can be replaced until the end of the 10th of the next month, Vietnam time. */
export const editableUntil = (month: string) =>
  new Date(Date.parse(`${addMonths(month, 1)}-11T00:00:00Z`) - VN_OFFSET_MS);

interface Row {
  company_id: string;
  month: string;
  headcount: number;
  women: number;
  local_residents: number;
  other_provinces: number;
  hires: number;
  separations: number;
  open_positions: number;
  wage_band: View['wageBand'];
  filed_at: Date;
  demo: boolean;
}

const SELECT = `company_id, to_char(month, 'YYYY-MM') AS month, headcount, women, local_residents, other_provinces,
  hires, separations, open_positions, wage_band, filed_at, demo`;

function view(r: Row): View {
  return {
    companyId: r.company_id,
    month: r.month,
    headcount: r.headcount,
    women: r.women,
    localResidents: r.local_residents,
    otherProvinces: r.other_provinces,
    hires: r.hires,
    separations: r.separations,
    openPositions: r.open_positions,
    wageBand: r.wage_band,
    filedAt: new Date(r.filed_at).toISOString(),
    editableUntil: editableUntil(r.month).toISOString(),
    demo: r.demo,
  };
}

/**
 * Monthly workforce reports filed by company members. Rules: the company must be verified; the month may not be
 * in the future (Vietnam time); filing a month again replaces the report (audited with the previous figures)
 * until the end of the 10th of the next month, then 409 `report_locked`. A first report for an older month is
 * accepted at any time (late filing).
 */
export function createWorkforceReports(deps: { sequelize: Sequelize; now?: () => Date }) {
  const { sequelize } = deps;
  const now = deps.now ?? (() => new Date());

  async function company(companyId: string, t?: Transaction) {
    const [c] = await sequelize.query<{ id: string; status: string }>(
      'SELECT id, status FROM companies WHERE id = :companyId',
      { replacements: { companyId }, type: QueryTypes.SELECT, transaction: t },
    );
    if (!c)
      throw new NotFound('company_not_found', {
        vi: 'Không tìm thấy doanh nghiệp.',
        en: 'Company not found.',
      });
    return c;
  }

  async function isMember(userId: string, companyId: string, t?: Transaction) {
    const rows = await sequelize.query(
      'SELECT 1 FROM company_members WHERE company_id = :companyId AND user_id = :userId',
      { replacements: { companyId, userId }, type: QueryTypes.SELECT, transaction: t },
    );
    return rows.length > 0;
  }

  const notMember = () =>
    new Forbidden('not_company_member', {
      vi: 'Bạn không phải thành viên của doanh nghiệp này.',
      en: 'You are not a member of this company.',
    });

  async function file(auth: AuthContext, actor: AuditActor, companyId: string, body: Body): Promise<View> {
    return sequelize.transaction(async (t) => {
      const c = await company(companyId, t);
      if (!(await isMember(auth.userId, companyId, t))) throw notMember();
      if (c.status !== 'verified')
        throw new Conflict('company_not_verified', {
          vi: 'Doanh nghiệp chưa được xác minh nên chưa thể nộp báo cáo lao động.',
          en: 'The company is not verified yet, so it cannot file workforce reports.',
        });
      const current = monthOf(now());
      if (body.month > current)
        throw new ValidationError('month_in_future', undefined, {
          fields: [
            {
              path: 'body.month',
              code: 'month_in_future',
              message: 'Không thể báo cáo cho tháng chưa tới.',
              messages: {
                vi: 'Không thể báo cáo cho tháng chưa tới.',
                en: 'You cannot report a month that has not started.',
              },
            },
          ],
        });
      const [previous] = await sequelize.query<Row>(
        `SELECT ${SELECT} FROM workforce_reports WHERE company_id = :companyId AND month = :m::date FOR UPDATE`,
        { replacements: { companyId, m: `${body.month}-01` }, type: QueryTypes.SELECT, transaction: t },
      );
      if (previous && now() >= editableUntil(body.month))
        throw new Conflict('report_locked', {
          vi: `Báo cáo tháng ${body.month} đã khóa (chỉ sửa được đến hết ngày 10 tháng sau).`,
          en: `The ${body.month} report is locked (it can be changed until the 10th of the next month).`,
        });
      const [row] = await sequelize.query<Row>(
        `INSERT INTO workforce_reports (company_id, month, headcount, women, local_residents, other_provinces,
           hires, separations, open_positions, wage_band, filed_by, filed_at)
         VALUES (:companyId, :m::date, :headcount, :women, :localResidents, :otherProvinces, :hires, :separations,
           :openPositions, :wageBand, :userId, :now)
         ON CONFLICT (company_id, month) DO UPDATE SET headcount = EXCLUDED.headcount, women = EXCLUDED.women,
           local_residents = EXCLUDED.local_residents, other_provinces = EXCLUDED.other_provinces,
           hires = EXCLUDED.hires, separations = EXCLUDED.separations, open_positions = EXCLUDED.open_positions,
           wage_band = EXCLUDED.wage_band, filed_by = EXCLUDED.filed_by, filed_at = EXCLUDED.filed_at,
           demo = false
         RETURNING ${SELECT}`,
        {
          replacements: { ...body, companyId, m: `${body.month}-01`, userId: auth.userId, now: now() },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      );
      await audit(
        actor,
        {
          action: previous ? 'work.workforce_report.replace' : 'work.workforce_report.file',
          entityType: 'company',
          entityId: companyId,
          details: { month: body.month, ...(previous ? { previous: view(previous) } : {}) },
        },
        t,
      );
      return view(row!);
    });
  }

  async function list(auth: AuthContext, companyId: string): Promise<{ items: View[] }> {
    await company(companyId);
    if (!auth.permissions.has('workforce:read') && !(await isMember(auth.userId, companyId)))
      throw notMember();
    const rows = await sequelize.query<Row>(
      `SELECT ${SELECT} FROM workforce_reports WHERE company_id = :companyId ORDER BY month DESC`,
      { replacements: { companyId }, type: QueryTypes.SELECT },
    );
    return { items: rows.map(view) };
  }

  return { file, list };
}

export type WorkforceReports = ReturnType<typeof createWorkforceReports>;
