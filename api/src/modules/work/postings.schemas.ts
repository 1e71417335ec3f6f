import { z } from '../../platform/zod.ts';
import { bilingualIssue } from '../../platform/validation.ts';

export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'seasonal', 'contract', 'internship'] as const;
export const SHIFTS = ['day', 'night', 'rotating', 'office_hours', 'weekend', 'flexible'] as const;
export const BENEFITS = [
  'housing',
  'shuttle_bus',
  'meals',
  'social_insurance',
  'health_insurance',
  'bonus',
  'training',
  'overtime_pay',
  'childcare',
] as const;
export const POSTING_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'rejected',
  'closed',
  'expired',
] as const;

/** A calendar date YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(
    (v) => {
      const t = Date.parse(`${v}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
    },
    bilingualIssue('invalid_date', 'Ngày không hợp lệ (YYYY-MM-DD).', 'Not a valid date (YYYY-MM-DD).'),
  );
const money = z.number().int().max(10_000_000_000).describe('VND, integer');

const fields = {
  title: z.string().trim().min(5).max(150),
  description: z.string().trim().min(20).max(8000),
  requirements: z.string().trim().max(4000),
  openings: z.number().int().min(1).max(100_000),
  salaryMin: money.nullable(),
  salaryMax: money.nullable(),
  salaryNegotiable: z.boolean(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  shifts: z.array(z.enum(SHIFTS)).max(SHIFTS.length),
  industry: z.string().min(1).max(40).describe('Industry code (data/industries.json: VSIC sections A–U)'),
  communeCode: z.string().min(1).max(10),
  zoneCode: z.string().min(1).max(40).nullable(),
  benefits: z.array(z.enum(BENEFITS)).max(BENEFITS.length),
  deadline: isoDate.nullable().describe('Last day to apply (Asia/Ho_Chi_Minh); not in the past'),
};

export const PostingCreate = z
  .strictObject({
    companyId: z.string().uuid(),
    title: fields.title,
    description: fields.description,
    requirements: fields.requirements.default(''),
    openings: fields.openings,
    salaryMin: fields.salaryMin.optional(),
    salaryMax: fields.salaryMax.optional(),
    salaryNegotiable: fields.salaryNegotiable.default(false),
    employmentType: fields.employmentType,
    shifts: fields.shifts.default([]),
    industry: fields.industry,
    communeCode: fields.communeCode,
    zoneCode: fields.zoneCode.optional(),
    benefits: fields.benefits.default([]),
    deadline: fields.deadline.optional(),
  })
  .openapi('JobPostingCreate');

export const PostingUpdate = z
  .strictObject({
    title: fields.title.optional(),
    description: fields.description.optional(),
    requirements: fields.requirements.optional(),
    openings: fields.openings.optional(),
    salaryMin: fields.salaryMin.optional(),
    salaryMax: fields.salaryMax.optional(),
    salaryNegotiable: fields.salaryNegotiable.optional(),
    employmentType: fields.employmentType.optional(),
    shifts: fields.shifts.optional(),
    industry: fields.industry.optional(),
    communeCode: fields.communeCode.optional(),
    zoneCode: fields.zoneCode.optional(),
    benefits: fields.benefits.optional(),
    deadline: fields.deadline.optional(),
  })
  .openapi('JobPostingUpdate');

export const Posting = z
  .object({
    id: z.string().uuid(),
    companyId: z.string().uuid(),
    companyName: z.string(),
    title: z.string(),
    description: z.string(),
    requirements: z.string(),
    openings: z.number().int(),
    salaryMin: z.number().int().nullable(),
    salaryMax: z.number().int().nullable(),
    salaryNegotiable: z.boolean(),
    employmentType: z.enum(EMPLOYMENT_TYPES),
    shifts: z.array(z.string()),
    industry: z.string(),
    communeCode: z.string(),
    zoneCode: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    benefits: z.array(z.string()),
    deadline: z.string().nullable(),
    status: z.enum(POSTING_STATUSES),
    rejectionReason: z.string().nullable(),
    publishedAt: z.string().datetime().nullable(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
    applications: z.number().int().describe('Applications received'),
  })
  .openapi('JobPosting');

export const PostingUpdated = Posting.extend({
  reviewRequired: z
    .boolean()
    .describe(
      'True when the edit changed salary, place or requirements of a published posting: back to review',
    ),
}).openapi('JobPostingUpdated');

export const PostingListQuery = z.object({
  companyId: z.string().uuid().optional(),
  status: z.enum(POSTING_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const PostingList = z
  .object({
    items: z.array(Posting),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('JobPostingList');

export const PostingParams = z.object({ id: z.string().uuid() });

export type PostingCreateInput = z.output<typeof PostingCreate>;
export type PostingUpdateInput = z.output<typeof PostingUpdate>;
export type PostingDto = z.output<typeof Posting>;
