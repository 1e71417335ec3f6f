import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';
import { z } from '../../platform/zod.ts';
import { bilingualIssue } from '../../platform/validation.ts';
import { PhoneInput } from '../identity/identity.schemas.ts';
import { checkTaxCode, TAX_CODE_MESSAGES } from './companies.taxcode.ts';

export interface IndustryEntry {
  code: string;
  name: string;
  nameEn: string;
}
export const INDUSTRIES: IndustryEntry[] = (
  JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'data', 'industries.json'), 'utf8')) as {
    industries: IndustryEntry[];
  }
).industries;
const industryCodes = INDUSTRIES.map((i) => i.code) as [string, ...string[]];

export const CompanySize = z.enum(['1-9', '10-49', '50-199', '200-999', '1000+']);
export const CompanyStatus = z.enum(['pending', 'verified', 'rejected', 'suspended']);

export const TaxCode = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const problem = checkTaxCode(value);
    if (!problem) return value.trim();
    const m = TAX_CODE_MESSAGES[problem];
    ctx.addIssue({ code: 'custom', ...bilingualIssue(`tax_code_${problem}`, m.vi, m.en) });
    return z.NEVER;
  })
  .openapi({
    type: 'string',
    example: '0100109106',
    description: '10 digits, or NNNNNNNNNN-NNN for a branch',
  });

const Contact = z.strictObject({
  name: z.string().trim().min(2).max(120),
  phone: z
    .string()
    .trim()
    .refine(
      (s) => /^\+?[0-9 .()-]{8,20}$/.test(s),
      bilingualIssue(
        'contact_phone_format',
        'Số điện thoại liên hệ không hợp lệ.',
        'The contact phone is not valid.',
      ),
    ),
  email: z.email().max(200).nullable().optional(),
});

const Fields = {
  name: z.string().trim().min(2).max(200),
  taxCode: TaxCode,
  address: z.string().trim().min(5).max(300),
  communeCode: z.string().regex(/^\d{5}$/),
  zoneCode: z
    .string()
    .max(60)
    .nullable()
    .optional()
    .describe('Industrial zone code, if the company is in one'),
  industry: z.enum(industryCodes).describe('VSIC 2018 section (data/industries.json)'),
  size: CompanySize,
  contact: Contact,
};

export const CompanyCreate = z.strictObject(Fields).openapi('CompanyCreate');
export const CompanyUpdate = z
  .strictObject({
    name: Fields.name.optional(),
    taxCode: TaxCode.optional(),
    address: Fields.address.optional(),
    communeCode: Fields.communeCode.optional(),
    zoneCode: Fields.zoneCode,
    industry: Fields.industry.optional(),
    size: CompanySize.optional(),
    contact: Contact.optional(),
  })
  .openapi('CompanyUpdate');

export const CompanyParams = z.strictObject({ id: z.uuid() });
export const MemberParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
export const MemberAdd = z
  .strictObject({
    phone: PhoneInput.describe('Phone number of an existing account'),
    role: z.enum(['owner', 'staff']).default('staff'),
  })
  .openapi('CompanyMemberAdd');

const Bilingual = z.object({ vi: z.string(), en: z.string() });

export const CompanyPublic = z
  .object({
    id: z.string(),
    name: z.string(),
    taxCode: z.string(),
    address: z.string(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    zoneCode: z.string().nullable(),
    zoneName: z.string().nullable(),
    industry: z.string(),
    industryName: Bilingual,
    size: CompanySize,
    status: CompanyStatus,
    demo: z.boolean(),
  })
  .openapi('CompanyPublic');

export const Company = CompanyPublic.extend({
  contact: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  rejectionReason: z.string().nullable(),
  myRole: z.enum(['owner', 'staff']).nullable().describe('The caller’s role in the company'),
  createdAt: z.string(),
  updatedAt: z.string(),
})
  .describe('Members and staff with moderation or workforce rights see this; others see CompanyPublic')
  .openapi('Company');

export const CompanyCreated = Company.extend({
  refreshSession: z
    .boolean()
    .describe(
      'True when the caller was just given the employer role: its access token does not carry it yet, so the ' +
        'client refreshes its session (POST /auth/refresh re-reads the roles) before using the employer routes',
    ),
}).openapi('CompanyCreated');

export const CompanyView = z.union([Company, CompanyPublic]);
export const CompanyList = z.object({ items: z.array(Company) }).openapi('CompanyList');

export const CompanyMember = z
  .object({
    userId: z.string(),
    fullName: z.string(),
    phone: z.string(),
    role: z.enum(['owner', 'staff']),
    createdAt: z.string(),
  })
  .openapi('CompanyMember');
export const CompanyMemberList = z.object({ items: z.array(CompanyMember) }).openapi('CompanyMemberList');

export const CompanyStaffQuery = z
  .strictObject({
    status: CompanyStatus.optional(),
    zone: z.string().max(60).optional().describe("Zone code, or 'none' for companies outside any zone"),
    commune: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    q: z.string().trim().max(100).optional().describe('Name or tax code (accents ignored)'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .openapi('CompanyStaffQuery');
export const CompanyPage = z
  .object({
    items: z.array(Company),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('CompanyPage');

export const IndustryList = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })) })
  .openapi('IndustryList');

export type CompanyCreateInput = z.output<typeof CompanyCreate>;
export type CompanyUpdateInput = z.output<typeof CompanyUpdate>;
