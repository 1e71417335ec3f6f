import { route, type RouteSpec } from '../../platform/route.ts';
import { sendCsv } from '../../platform/csv.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import {
  CompanyParams,
  CompareQuery,
  MonthQuery,
  SummaryQuery,
  WorkforceCompare,
  WorkforceMissing,
  WorkforceReportBody,
  WorkforceReportList,
  WorkforceReportView,
  WorkforceSummary,
  ZoneCompanies,
  ZoneCompaniesParams,
} from './workforce.schemas.ts';
import type { WorkforceReports } from './workforce.service.ts';
import type { WorkforceStats } from './workforce.stats.ts';

const tags = ['Việc làm (work)'];
const problem = (description: string) => ({ description, schema: Problem });
const forbidden = problem('Needs workforce:read');

export function workforceRoutes(reports: WorkforceReports, stats: WorkforceStats): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/work/companies/{id}/workforce-reports',
      tags,
      summary: 'File (or re-file) the monthly workforce report of a verified company',
      description:
        'Members of the company only. The month may not be in the future. Filing a month again replaces the report ' +
        '(audited with the previous figures) until the end of the 10th of the next month (Vietnam time); after that ' +
        '409 `report_locked`. A first report for an older month is accepted (late filing).',
      access: 'user',
      params: CompanyParams,
      body: WorkforceReportBody,
      responses: {
        201: { description: 'The stored report', schema: WorkforceReportView },
        400: problem('Invalid figures (women/local/other above headcount, month in the future)'),
        403: problem('Not a member of the company'),
        404: problem('No such company'),
        409: problem('Company not verified, or the month is locked'),
      },
      handler: ({ auth, actor, params, body }) => reports.file(auth, actor, params.id, body),
    }),
    route({
      method: 'get',
      path: '/work/companies/{id}/workforce-reports',
      tags,
      summary: "A company's workforce reports, newest month first",
      description: 'Members of the company, and staff with workforce:read.',
      access: 'user',
      params: CompanyParams,
      responses: {
        200: { description: 'Reports', schema: WorkforceReportList },
        403: problem('Neither a member nor workforce:read'),
        404: problem('No such company'),
      },
      handler: ({ auth, params }) => reports.list(auth, params.id),
    }),
    route({
      method: 'get',
      path: '/work/workforce/summary',
      tags,
      summary: 'Workforce statistics: province totals, per zone, month by month, vacancy alerts',
      description:
        'Verified companies only. Stock figures (headcount, women, vacancies, companies filed) are those of the last ' +
        'month of the range; flows (hires, separations, applications and hires through the app) are summed. ' +
        '`alerts`: zones whose latest reported vacancy rate in the range is above `threshold` (the line asked for, ' +
        'else WORKFORCE_VACANCY_ALERT).',
      access: 'workforce:read',
      query: SummaryQuery,
      responses: {
        200: { description: 'Figures', schema: WorkforceSummary },
        400: problem('Bad range'),
        403: forbidden,
        404: problem('Unknown zone'),
      },
      handler: ({ query }) => stats.summary(query),
    }),
    route({
      method: 'get',
      path: '/work/workforce/summary.csv',
      tags,
      summary: 'The statistics as CSV (UTF-8 with BOM): one row per month and zone, then the province row',
      access: 'workforce:read',
      query: SummaryQuery,
      responses: {
        200: { description: 'CSV', contentType: 'text/csv', schema: z.string() },
        403: forbidden,
      },
      handler: async ({ query, res }) => {
        const text = await stats.csv(query);
        sendCsv(res, 'thong-ke-lao-dong.csv', text);
      },
    }),
    route({
      method: 'get',
      path: '/work/workforce/zones/{code}/companies',
      tags,
      summary: 'Drill-down: the verified companies of a zone with their report of the month',
      description:
        "Zone code 'none' = companies outside industrial zones. Companies that did not file have filed=false.",
      access: 'workforce:read',
      params: ZoneCompaniesParams,
      query: MonthQuery,
      responses: {
        200: { description: 'Companies', schema: ZoneCompanies },
        403: forbidden,
        404: problem('Unknown zone'),
      },
      handler: ({ params, query }) => stats.zoneCompanies(params.code, query.month),
    }),
    route({
      method: 'get',
      path: '/work/workforce/compare',
      tags,
      summary: 'Two zones side by side: totals and month-by-month series',
      access: 'workforce:read',
      query: CompareQuery,
      responses: {
        200: { description: 'Both zones', schema: WorkforceCompare },
        403: forbidden,
        404: problem('Unknown zone'),
      },
      handler: ({ query }) => stats.compare(query),
    }),
    route({
      method: 'get',
      path: '/work/workforce/missing',
      tags,
      summary: 'Verified companies that have not filed the month, with their contact (access is audited)',
      access: 'workforce:read',
      query: MonthQuery,
      responses: { 200: { description: 'Companies', schema: WorkforceMissing }, 403: forbidden },
      handler: ({ query, actor }) => stats.missing(actor, query.month),
    }),
  ];
}
