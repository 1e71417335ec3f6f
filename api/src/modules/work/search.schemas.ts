import { z } from '../../platform/zod.ts';
import { EMPLOYMENT_TYPES, isoDate } from './postings.schemas.ts';

export const JobSearchQuery = z
  .object({
    q: z.string().trim().max(100).optional().describe('Free text; accents and small typos are ignored'),
    zone: z.string().max(40).optional(),
    commune: z.string().max(10).optional(),
    salaryMin: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'Postings whose maximum salary reaches this (VND/month); negotiable postings without a maximum are left out',
      ),
    type: z.enum(EMPLOYMENT_TYPES).optional(),
    industry: z.string().max(40).optional(),
    since: isoDate.optional().describe('Published on or after this date (Asia/Ho_Chi_Minh)'),
    sort: z
      .enum(['relevance', 'newest', 'salary', 'distance'])
      .optional()
      .describe('Default: relevance with q, else newest. distance needs lat and lng'),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    cursor: z.string().max(400).optional().describe('nextCursor of the previous page (same query and sort)'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .openapi('JobSearchQuery');

const Company = z.object({ id: z.string().uuid(), name: z.string() });

export const JobSummary = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    company: Company,
    salaryMin: z.number().int().nullable(),
    salaryMax: z.number().int().nullable(),
    salaryNegotiable: z.boolean(),
    employmentType: z.enum(EMPLOYMENT_TYPES),
    shifts: z.array(z.string()),
    industry: z.string(),
    communeCode: z.string(),
    communeName: z.string(),
    zoneCode: z.string().nullable(),
    zoneName: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    benefits: z.array(z.string()),
    openings: z.number().int(),
    deadline: z.string().nullable(),
    publishedAt: z.string().datetime(),
    distanceKm: z.number().nullable().describe('From lat,lng when given'),
  })
  .openapi('JobSummary');

export const JobSearchResult = z
  .object({
    items: z.array(JobSummary),
    nextCursor: z.string().nullable(),
    searchedFor: z
      .string()
      .nullable()
      .describe('The accent-free words searched for when a misspelt word of `q` was corrected, else null'),
  })
  .openapi('JobSearchResult');

export const JobDetail = JobSummary.extend({
  description: z.string(),
  requirements: z.string(),
  company: Company.extend({
    industry: z.string(),
    size: z.string(),
    address: z.string(),
    communeCode: z.string(),
    zoneCode: z.string().nullable(),
  }),
  zone: z
    .object({ code: z.string(), name: z.string(), lat: z.number().nullable(), lng: z.number().nullable() })
    .nullable(),
  industryName: z.string(),
  jsonLd: z.record(z.string(), z.unknown()).describe('schema.org JobPosting'),
}).openapi('JobDetail');

export type JobSearchInput = z.output<typeof JobSearchQuery>;
export type JobSummaryDto = z.output<typeof JobSummary>;
export type JobDetailDto = z.output<typeof JobDetail>;
