import { z } from '../../platform/zod.ts';
import { bilingualIssue } from '../../platform/validation.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('YYYY-MM');
const ordered = (v: { from?: string | null | undefined; to?: string | null | undefined }) =>
  !v.from || !v.to || v.from <= v.to;
const orderIssue = {
  path: ['to'],
  ...bilingualIssue(
    'period_inverted',
    'Thời gian kết thúc trước thời gian bắt đầu.',
    'Ends before it starts.',
  ),
};

export const Education = z
  .strictObject({
    school: text(200),
    degree: text(100).optional(),
    field: text(100).optional(),
    from: month.optional(),
    to: month.optional(),
  })
  .refine(ordered, orderIssue)
  .openapi('CvEducation');

export const Experience = z
  .strictObject({
    company: text(200),
    position: text(150),
    from: month,
    to: month.nullable().optional().describe('Absent or null: still there'),
    description: z.string().trim().max(1000).optional(),
  })
  .refine(ordered, orderIssue)
  .openapi('CvExperience');

export const Certificate = z
  .strictObject({
    name: text(200),
    issuer: text(200).optional(),
    year: z.number().int().min(1950).max(2100).optional(),
  })
  .openapi('CvCertificate');

export const Language = z
  .strictObject({
    language: text(60),
    level: z.enum(['basic', 'intermediate', 'advanced', 'native']),
  })
  .openapi('CvLanguage');

const fields = {
  title: text(150).describe('Desired position'),
  desiredSalary: z.number().int().min(0).max(10_000_000_000).nullable().describe('VND per month'),
  summary: z.string().trim().max(2000).nullable(),
  education: z.array(Education).max(20),
  experience: z.array(Experience).max(30),
  skills: z.array(text(60)).max(30),
  certificates: z.array(Certificate).max(30),
  languages: z.array(Language).max(10),
  isDefault: z.boolean().describe('Setting it unsets the others; the first CV is the default'),
  searchable: z.boolean().describe('Employers of verified companies may find and read it'),
};

export const CvCreate = z
  .strictObject({
    title: fields.title,
    desiredSalary: fields.desiredSalary.optional(),
    summary: fields.summary.optional(),
    education: fields.education.default([]),
    experience: fields.experience.default([]),
    skills: fields.skills.default([]),
    certificates: fields.certificates.default([]),
    languages: fields.languages.default([]),
    isDefault: fields.isDefault.optional(),
    searchable: fields.searchable.default(false),
  })
  .openapi('CvCreate');

export const CvPatch = z
  .strictObject({
    title: fields.title.optional(),
    desiredSalary: fields.desiredSalary.optional(),
    summary: fields.summary.optional(),
    education: fields.education.optional(),
    experience: fields.experience.optional(),
    skills: fields.skills.optional(),
    certificates: fields.certificates.optional(),
    languages: fields.languages.optional(),
    isDefault: fields.isDefault.optional(),
    searchable: fields.searchable.optional(),
  })
  .openapi('CvPatch');

export const CvSummary = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    desiredSalary: z.number().int().nullable(),
    skills: z.array(z.string()),
    isDefault: z.boolean(),
    searchable: z.boolean(),
    hasPdf: z.boolean(),
    updatedAt: z.string().datetime(),
  })
  .openapi('CvSummary');

export const CvView = CvSummary.extend({
  summary: z.string().nullable(),
  education: z.array(Education),
  experience: z.array(Experience),
  certificates: z.array(Certificate),
  languages: z.array(Language),
  pdfName: z.string().nullable(),
  createdAt: z.string().datetime(),
  owner: z
    .object({ id: z.string().uuid(), fullName: z.string() })
    .nullable()
    .describe('Shown to employers; null for the owner'),
}).openapi('CvView');

export const CvList = z.object({ items: z.array(CvSummary) }).openapi('CvList');

export const CvParams = z.object({ id: z.string().uuid() });

export const CvSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Free text, accents ignored (title, summary, skills)'),
  skills: z
    .string()
    .max(300)
    .optional()
    .describe('Comma-separated; every one must be among the CV’s skills (accents ignored)'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const CvSearchPage = z
  .object({
    items: z.array(CvSummary.extend({ summary: z.string().nullable(), ownerName: z.string() })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('CvSearchPage');
