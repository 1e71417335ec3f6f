import { z } from '../../platform/zod.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthMsg = {
  code: 'month_format',
  vi: 'Tháng có dạng YYYY-MM, ví dụ 2026-10.',
  en: 'Month is YYYY-MM, e.g. 2026-10.',
};
export const Month = z
  .string()
  .refine((s) => MONTH.test(s), { params: monthMsg })
  .describe('YYYY-MM');
const count = z.number().int().min(0).max(1_000_000);

export const WAGE_BANDS = ['lt5', '5to8', '8to12', '12to20', 'gt20'] as const;

export const CompanyParams = z.strictObject({ id: z.uuid() });

export const WorkforceReportBody = z
  .strictObject({
    month: Month,
    headcount: count.describe('Workers on the last day of the month'),
    women: count,
    localResidents: count.describe('Workers living in Đắk Lắk'),
    otherProvinces: count.describe('Workers from other provinces'),
    hires: count.describe('Hired during the month'),
    separations: count.describe('Left during the month'),
    openPositions: count.describe('Unfilled positions at month end'),
    wageBand: z.enum(WAGE_BANDS).describe('Median monthly wage, million VND: <5, 5–8, 8–12, 12–20, >20'),
  })
  .superRefine((b, ctx) => {
    const over = (key: 'women' | 'localResidents' | 'otherProvinces', vi: string, en: string) => {
      if (b[key] > b.headcount)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: en,
          params: { code: `${key}_over_headcount`, vi, en },
        });
    };
    over(
      'women',
      'Số lao động nữ không được lớn hơn tổng số lao động.',
      'Women cannot exceed the headcount.',
    );
    over(
      'localResidents',
      'Số lao động là người địa phương không được lớn hơn tổng số lao động.',
      'Local residents cannot exceed the headcount.',
    );
    over(
      'otherProvinces',
      'Số lao động đến từ tỉnh khác không được lớn hơn tổng số lao động.',
      'Workers from other provinces cannot exceed the headcount.',
    );
  })
  .openapi('WorkforceReportInput');

export const WorkforceReportView = z
  .object({
    companyId: z.uuid(),
    month: z.string(),
    headcount: z.number().int(),
    women: z.number().int(),
    localResidents: z.number().int(),
    otherProvinces: z.number().int(),
    hires: z.number().int(),
    separations: z.number().int(),
    openPositions: z.number().int(),
    wageBand: z.enum(WAGE_BANDS),
    filedAt: z.string(),
    editableUntil: z
      .string()
      .describe(
        'Re-filing this month replaces the report until this instant (the 10th of the next month, end of day, Vietnam time)',
      ),
    demo: z.boolean(),
  })
  .openapi('WorkforceReport');

export const WorkforceReportList = z
  .object({ items: z.array(WorkforceReportView) })
  .openapi('WorkforceReportList');

export const SummaryQuery = z
  .strictObject({
    from: Month.optional().describe('First month (default: 11 months before `to`)'),
    to: Month.optional().describe('Last month (default: last month, Vietnam time)'),
    zone: z.string().max(40).optional().describe("Industrial zone code; 'none' = companies outside zones"),
    threshold: z.coerce
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Vacancy-rate alert line, 0–1 (default: WORKFORCE_VACANCY_ALERT); ignored by the CSV'),
  })
  .openapi('WorkforceSummaryQuery');

const Figures = z.object({
  headcount: z.number().int().describe('At the last month of the range'),
  women: z.number().int().describe('At the last month of the range'),
  vacancies: z.number().int().describe('Open positions at the last month of the range'),
  vacancyRate: z.number().nullable().describe('vacancies / (headcount + vacancies) at the last month'),
  hires: z.number().int().describe('Sum over the range (reported by companies)'),
  separations: z.number().int().describe('Sum over the range'),
  appApplications: z.number().int().describe('Applications sent through the app in the range'),
  appHires: z.number().int().describe('Applications marked hired in the range (month of the hired event)'),
  companiesFiled: z.number().int().describe('Verified companies that filed the last month'),
  companiesExpected: z.number().int().describe('Verified companies'),
});
export type FiguresT = z.infer<typeof Figures>;

const MonthFigures = Figures.omit({ companiesExpected: true }).extend({ month: z.string() });

export const ZoneFigures = Figures.extend({
  code: z.string().describe("'none' = companies outside industrial zones"),
  name: z.string(),
});

export const WorkforceSummary = z
  .object({
    from: z.string(),
    to: z.string(),
    zone: z.string().nullable(),
    threshold: z
      .number()
      .describe('The alert line used: `threshold` of the query, else WORKFORCE_VACANCY_ALERT'),
    totals: Figures,
    zones: z.array(ZoneFigures),
    series: z
      .array(MonthFigures)
      .describe('Month by month (stock figures of that month, flows of that month)'),
    alerts: z
      .array(z.object({ code: z.string(), name: z.string(), month: z.string(), vacancyRate: z.number() }))
      .describe('Zones whose latest vacancy rate in the range is above the threshold'),
  })
  .openapi('WorkforceSummary');

export const ZoneCompaniesParams = z.strictObject({ code: z.string().max(40) });
export const MonthQuery = z.strictObject({
  month: Month.optional().describe('Default: last month, Vietnam time'),
});

export const ZoneCompanies = z
  .object({
    zone: z.object({ code: z.string(), name: z.string() }),
    month: z.string(),
    items: z.array(
      z.object({
        companyId: z.uuid(),
        name: z.string(),
        taxCode: z.string(),
        filed: z.boolean(),
        headcount: z.number().int().nullable(),
        women: z.number().int().nullable(),
        vacancies: z.number().int().nullable(),
        vacancyRate: z.number().nullable(),
        hires: z.number().int().nullable(),
        separations: z.number().int().nullable(),
        wageBand: z.enum(WAGE_BANDS).nullable(),
        appApplications: z.number().int(),
        appHires: z.number().int(),
        demo: z.boolean(),
      }),
    ),
  })
  .openapi('WorkforceZoneCompanies');

export const CompareQuery = z
  .strictObject({
    a: z.string().max(40),
    b: z.string().max(40),
    from: Month.optional(),
    to: Month.optional(),
  })
  .openapi('WorkforceCompareQuery');

const ZoneSide = z.object({
  code: z.string(),
  name: z.string(),
  totals: Figures,
  series: z.array(MonthFigures),
});
export const WorkforceCompare = z
  .object({ from: z.string(), to: z.string(), a: ZoneSide, b: ZoneSide })
  .openapi('WorkforceCompare');

export const WorkforceMissing = z
  .object({
    month: z.string(),
    count: z.number().int(),
    items: z.array(
      z.object({
        companyId: z.uuid(),
        name: z.string(),
        taxCode: z.string(),
        zoneCode: z.string().nullable(),
        zoneName: z.string().nullable(),
        contactName: z.string().nullable(),
        contactPhone: z.string().nullable(),
        contactEmail: z.string().nullable(),
        demo: z.boolean(),
      }),
    ),
  })
  .openapi('WorkforceMissing');
