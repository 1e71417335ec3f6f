import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { csvDocument, type CsvValue } from '../../platform/csv.ts';
import type { FiguresT } from './workforce.schemas.ts';
import { addMonths, monthOf } from './workforce.service.ts';

const NONE = { code: 'none', name: 'Ngoài khu/cụm công nghiệp' };
const ZONE_KEY = `coalesce(c.zone_code, 'none')`;

interface Cell {
  headcount: number;
  women: number;
  vacancies: number;
  hires: number;
  separations: number;
  filed: number;
  appApplications: number;
  appHires: number;
}
const emptyCell = (): Cell => ({
  headcount: 0,
  women: 0,
  vacancies: 0,
  hires: 0,
  separations: 0,
  filed: 0,
  appApplications: 0,
  appHires: 0,
});
const rate = (open: number, headcount: number) =>
  open + headcount > 0 ? Math.round((open / (open + headcount)) * 10_000) / 10_000 : null;

export interface Range {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Workforce statistics for the console, from verified companies only: reported figures (workforce_reports) and
 * applications/hires through the app (work_app_monthly, kept by triggers from job_applications and the 'hired'
 * application_events, by the month of that event), per industrial zone and month, Vietnam time. Stock figures (headcount, women, vacancies,
 * companies filed) are those of the range's last month; flows (hires, separations, app figures) are summed.
 */
export function createWorkforceStats(deps: { sequelize: Sequelize; vacancyAlert: number; now?: () => Date }) {
  const { sequelize } = deps;
  const now = deps.now ?? (() => new Date());

  function range(q: Range) {
    const to = q.to ?? addMonths(monthOf(now()), -1);
    const from = q.from ?? addMonths(to, -11);
    if (from > to)
      throw new ValidationError('range_reversed', {
        vi: 'Tháng bắt đầu phải trước hoặc bằng tháng kết thúc.',
        en: '`from` must not be after `to`.',
      });
    if (addMonths(from, 120) <= to)
      throw new ValidationError('range_too_long', {
        vi: 'Khoảng thời gian tối đa 10 năm.',
        en: 'The range can span at most 10 years.',
      });
    const months: string[] = [];
    for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
    return { from, to, months };
  }

  async function zoneNames() {
    const rows = await sequelize.query<{ code: string; name: string }>(
      'SELECT code, name FROM industrial_zones ORDER BY name',
      { type: QueryTypes.SELECT },
    );
    return new Map([...rows.map((r) => [r.code, r.name] as const), [NONE.code, NONE.name]]);
  }

  /** Cells keyed zone → month, and verified companies per zone. */
  async function cells(from: string, to: string, zone?: string) {
    const zoneWhere = zone ? `AND ${ZONE_KEY} = :zone` : '';
    const opts = {
      replacements: { from: `${from}-01`, to: `${to}-01`, zone: zone ?? null },
      type: QueryTypes.SELECT,
    } as const;
    const [reports, apps, expected] = await Promise.all([
      sequelize.query<Record<string, string | number>>(
        `SELECT ${ZONE_KEY} AS zone, to_char(r.month, 'YYYY-MM') AS month, sum(r.headcount)::int AS headcount,
                sum(r.women)::int AS women, sum(r.open_positions)::int AS vacancies, sum(r.hires)::int AS hires,
                sum(r.separations)::int AS separations, count(*)::int AS filed
         FROM workforce_reports r JOIN companies c ON c.id = r.company_id
         WHERE r.month BETWEEN :from::date AND :to::date AND c.status = 'verified' ${zoneWhere}
         GROUP BY 1, 2`,
        opts,
      ),
      // work_app_monthly: kept by triggers on job_applications and application_events (migration 0019).
      sequelize.query<Record<string, string | number>>(
        `SELECT ${ZONE_KEY} AS zone, to_char(w.month, 'YYYY-MM') AS month, sum(w.applications)::int AS apps,
                sum(w.hires)::int AS hires
         FROM work_app_monthly w JOIN companies c ON c.id = w.company_id
         WHERE w.month BETWEEN :from::date AND :to::date AND c.status = 'verified' ${zoneWhere}
         GROUP BY 1, 2`,
        opts,
      ),
      sequelize.query<{ zone: string; n: number }>(
        `SELECT ${ZONE_KEY} AS zone, count(*)::int AS n FROM companies c
         WHERE c.status = 'verified' ${zoneWhere} GROUP BY 1`,
        opts,
      ),
    ]);
    const byZone = new Map<string, Map<string, Cell>>();
    const cell = (z: string, m: string) => {
      let months = byZone.get(z);
      if (!months) byZone.set(z, (months = new Map()));
      let c = months.get(m);
      if (!c) months.set(m, (c = emptyCell()));
      return c;
    };
    for (const r of reports) {
      const c = cell(String(r.zone), String(r.month));
      for (const k of ['headcount', 'women', 'vacancies', 'hires', 'separations', 'filed'] as const)
        c[k] = Number(r[k]);
    }
    for (const r of apps) {
      const c = cell(String(r.zone), String(r.month));
      c.appApplications = Number(r.apps);
      c.appHires = Number(r.hires);
    }
    return { byZone, expected: new Map(expected.map((e) => [e.zone, e.n])) };
  }

  function figures(months: string[], data: Map<string, Cell>[], expected: number): FiguresT {
    const at = (m: string) => {
      const c = emptyCell();
      for (const d of data) {
        const x = d.get(m);
        if (x) for (const k of Object.keys(c) as (keyof Cell)[]) c[k] += x[k];
      }
      return c;
    };
    const series = months.map(at);
    const last = series[series.length - 1] ?? emptyCell();
    const sum = (k: keyof Cell) => series.reduce((s, c) => s + c[k], 0);
    return {
      headcount: last.headcount,
      women: last.women,
      vacancies: last.vacancies,
      vacancyRate: rate(last.vacancies, last.headcount),
      hires: sum('hires'),
      separations: sum('separations'),
      appApplications: sum('appApplications'),
      appHires: sum('appHires'),
      companiesFiled: last.filed,
      companiesExpected: expected,
    };
  }

  function series(months: string[], data: Map<string, Cell>[]) {
    return months.map((m) => {
      const { companiesExpected: _, ...f } = figures([m], data, 0);
      return { month: m, ...f };
    });
  }

  async function summary(q: Range & { zone?: string | undefined; threshold?: number | undefined }) {
    const threshold = q.threshold ?? deps.vacancyAlert;
    const { from, to, months } = range(q);
    const names = await zoneNames();
    if (q.zone && !names.has(q.zone)) throw unknownZone(q.zone);
    const { byZone, expected } = await cells(from, to, q.zone);
    const codes = [...new Set([...expected.keys(), ...byZone.keys()])].sort((a, b) =>
      (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'vi'),
    );
    const zones = codes.map((code) => ({
      code,
      name: names.get(code) ?? code,
      ...figures(months, [byZone.get(code) ?? new Map()], expected.get(code) ?? 0),
    }));
    const alerts = [];
    for (const code of codes) {
      const data = byZone.get(code);
      const latest = [...months].reverse().find((m) => (data?.get(m)?.filed ?? 0) > 0);
      if (!latest) continue;
      const c = data!.get(latest)!;
      const r = rate(c.vacancies, c.headcount);
      if (r !== null && r > threshold)
        alerts.push({ code, name: names.get(code) ?? code, month: latest, vacancyRate: r });
    }
    const all = [...byZone.values()];
    const totalExpected = [...expected.values()].reduce((s, n) => s + n, 0);
    return {
      from,
      to,
      zone: q.zone ?? null,
      threshold,
      totals: figures(months, all, totalExpected),
      zones,
      series: series(months, all),
      alerts,
    };
  }

  const unknownZone = (code: string) =>
    new NotFound('zone_not_found', {
      vi: `Không có khu/cụm công nghiệp mã "${code}".`,
      en: `No industrial zone with code "${code}".`,
    });

  async function compare(q: Range & { a: string; b: string }) {
    const { from, to, months } = range(q);
    const names = await zoneNames();
    for (const z of [q.a, q.b]) if (!names.has(z)) throw unknownZone(z);
    const { byZone, expected } = await cells(from, to);
    const side = (code: string) => {
      const data = [byZone.get(code) ?? new Map<string, Cell>()];
      return {
        code,
        name: names.get(code)!,
        totals: figures(months, data, expected.get(code) ?? 0),
        series: series(months, data),
      };
    };
    return { from, to, a: side(q.a), b: side(q.b) };
  }

  async function zoneCompanies(code: string, month?: string) {
    const names = await zoneNames();
    if (!names.has(code)) throw unknownZone(code);
    const m = month ?? addMonths(monthOf(now()), -1);
    const rows = await sequelize.query<Record<string, unknown>>(
      `SELECT c.id, c.name, c.tax_code, c.demo, r.headcount, r.women, r.open_positions, r.hires, r.separations,
              r.wage_band,
              coalesce(w.applications, 0) AS apps, coalesce(w.hires, 0) AS app_hires
       FROM companies c LEFT JOIN workforce_reports r ON r.company_id = c.id AND r.month = :m::date
         LEFT JOIN work_app_monthly w ON w.company_id = c.id AND w.month = :m::date
       WHERE c.status = 'verified' AND ${ZONE_KEY} = :code
       ORDER BY c.name`,
      {
        replacements: { code, m: `${m}-01` },
        type: QueryTypes.SELECT,
      },
    );
    const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      zone: { code, name: names.get(code)! },
      month: m,
      items: rows.map((r) => ({
        companyId: String(r.id),
        name: String(r.name),
        taxCode: String(r.tax_code),
        filed: r.headcount !== null,
        headcount: n(r.headcount),
        women: n(r.women),
        vacancies: n(r.open_positions),
        vacancyRate: r.headcount === null ? null : rate(Number(r.open_positions), Number(r.headcount)),
        hires: n(r.hires),
        separations: n(r.separations),
        wageBand: (r.wage_band ?? null) as 'lt5' | null,
        appApplications: Number(r.apps),
        appHires: Number(r.app_hires),
        demo: Boolean(r.demo),
      })),
    };
  }

  async function missing(actor: AuditActor, month?: string) {
    const m = month ?? addMonths(monthOf(now()), -1);
    const rows = await sequelize.query<Record<string, string | boolean | null>>(
      `SELECT c.id, c.name, c.tax_code, c.zone_code, z.name AS zone_name, c.contact_name, c.contact_phone,
              c.contact_email, c.demo
       FROM companies c LEFT JOIN industrial_zones z ON z.code = c.zone_code
       WHERE c.status = 'verified'
         AND NOT EXISTS (SELECT 1 FROM workforce_reports r WHERE r.company_id = c.id AND r.month = :m::date)
       ORDER BY z.name NULLS LAST, c.name`,
      { replacements: { m: `${m}-01` }, type: QueryTypes.SELECT },
    );
    // The list carries contact data: record who looked.
    await audit(actor, {
      action: 'work.workforce.missing.view',
      entityType: 'workforce',
      details: { month: m },
    });
    return {
      month: m,
      count: rows.length,
      items: rows.map((r) => ({
        companyId: String(r.id),
        name: String(r.name),
        taxCode: String(r.tax_code),
        zoneCode: (r.zone_code as string | null) ?? null,
        zoneName: (r.zone_name as string | null) ?? null,
        contactName: (r.contact_name as string | null) ?? null,
        contactPhone: (r.contact_phone as string | null) ?? null,
        contactEmail: (r.contact_email as string | null) ?? null,
        demo: Boolean(r.demo),
      })),
    };
  }

  /** CSV (UTF-8 with BOM for Excel): one row per month and zone, then the province row of that month. */
  async function csv(q: Range & { zone?: string | undefined }) {
    const { from, to, months } = range(q);
    const names = await zoneNames();
    if (q.zone && !names.has(q.zone)) throw unknownZone(q.zone);
    const { byZone } = await cells(from, to, q.zone);
    const codes = [...byZone.keys()].sort((a, b) =>
      (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'vi'),
    );
    const lines: CsvValue[][] = [
      [
        'Tháng',
        'Mã khu',
        'Khu/cụm công nghiệp',
        'Lao động',
        'Lao động nữ',
        'Vị trí còn trống',
        'Tỷ lệ trống',
        'Tuyển mới',
        'Nghỉ việc',
        'Hồ sơ ứng tuyển qua ứng dụng',
        'Tuyển được qua ứng dụng',
        'Doanh nghiệp đã báo cáo',
      ],
    ];
    const line = (m: string, code: string, name: string, data: Map<string, Cell>[]) => {
      const f = figures([m], data, 0);
      lines.push(
        [m, code, name, f.headcount, f.women, f.vacancies, f.vacancyRate, f.hires, f.separations].concat([
          f.appApplications,
          f.appHires,
          f.companiesFiled,
        ]),
      );
    };
    for (const m of months) {
      for (const code of codes) line(m, code, names.get(code) ?? code, [byZone.get(code)!]);
      if (!q.zone) line(m, '', 'Toàn tỉnh', [...byZone.values()]);
    }
    return csvDocument(lines);
  }

  return { summary, compare, zoneCompanies, missing, csv };
}

export type WorkforceStats = ReturnType<typeof createWorkforceStats>;
