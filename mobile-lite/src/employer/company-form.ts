import type { components } from '../api/schema';
import type { MessageKey } from '../i18n';

/** The company registration / edit form: its values, the checks made on the phone, and the API bodies. */
export type Company = components['schemas']['Company'];
type CompanyCreate = components['schemas']['CompanyCreate'];
type CompanyUpdate = components['schemas']['CompanyUpdate'];
export type CompanySize = CompanyCreate['size'];
export type Industry = CompanyCreate['industry'];

export const COMPANY_SIZES: readonly CompanySize[] = ['1-9', '10-49', '50-199', '200-999', '1000+'];

export interface CompanyValues {
  name: string;
  taxCode: string;
  address: string;
  communeCode: string;
  zoneCode: string;
  industry: string;
  size: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

/** Inputs of the form, by the name API problems point at (`body.contact.phone` → `contactPhone`). */
export const COMPANY_FIELDS = [
  'name',
  'taxCode',
  'address',
  'communeCode',
  'zoneCode',
  'industry',
  'size',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];
export type CompanyErrors = Partial<Record<CompanyField, MessageKey>>;

export const EMPTY_COMPANY: CompanyValues = {
  name: '',
  taxCode: '',
  address: '',
  communeCode: '',
  zoneCode: '',
  industry: '',
  size: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
};

/**
 * What is wrong with the shape of a tax code, as far as the phone can tell: 10 digits, or `NNNNNNNNNN-NNN`
 * for a branch (001–999). The check digit is the API's to judge; its error is shown at the field too.
 */
export function taxCodeProblem(raw: string): 'format' | 'branch' | null {
  const s = raw.trim();
  const m = /^(\d{10})(?:-(\d*))?$/.exec(s);
  if (!m) return /^\d{10}-/.test(s) ? 'branch' : 'format';
  const branch = m[2];
  if (branch !== undefined && (!/^\d{3}$/.test(branch) || branch === '000')) return 'branch';
  return null;
}

const PHONE = /^\+?[0-9 .()-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkCompany(v: CompanyValues): CompanyErrors {
  const e: CompanyErrors = {};
  if (v.name.trim().length < 2) e.name = 'employer.v.name';
  const tax = taxCodeProblem(v.taxCode);
  if (tax) e.taxCode = tax === 'branch' ? 'employer.v.taxBranch' : 'employer.v.taxFormat';
  if (v.address.trim().length < 5) e.address = 'employer.v.address';
  if (!v.communeCode) e.communeCode = 'employer.v.commune';
  if (!v.industry) e.industry = 'employer.v.industry';
  if (!v.size) e.size = 'employer.v.size';
  if (v.contactName.trim().length < 2) e.contactName = 'employer.v.contactName';
  if (!PHONE.test(v.contactPhone.trim())) e.contactPhone = 'employer.v.contactPhone';
  if (v.contactEmail.trim() && !EMAIL.test(v.contactEmail.trim())) e.contactEmail = 'employer.v.contactEmail';
  return e;
}

/** The body of POST /work/companies (call after checkCompany found nothing). */
export function companyBody(v: CompanyValues): CompanyCreate {
  return {
    name: v.name.trim(),
    taxCode: v.taxCode.trim(),
    address: v.address.trim(),
    communeCode: v.communeCode,
    zoneCode: v.zoneCode || null,
    industry: v.industry as Industry,
    size: v.size as CompanySize,
    contact: {
      name: v.contactName.trim(),
      phone: v.contactPhone.trim(),
      email: v.contactEmail.trim() || null,
    },
  };
}

export function companyValues(c: Company): CompanyValues {
  return {
    name: c.name,
    taxCode: c.taxCode,
    address: c.address,
    communeCode: c.communeCode,
    zoneCode: c.zoneCode ?? '',
    industry: c.industry,
    size: c.size,
    contactName: c.contact.name ?? '',
    contactPhone: c.contact.phone ?? '',
    contactEmail: c.contact.email ?? '',
  };
}

/** The PATCH body: only what changed (the contact goes whole when any part of it changed). */
export function companyChanges(before: Company, v: CompanyValues): CompanyUpdate {
  const next = companyBody(v);
  const out: CompanyUpdate = {};
  if (next.name !== before.name) out.name = next.name;
  if (next.taxCode !== before.taxCode) out.taxCode = next.taxCode;
  if (next.address !== before.address) out.address = next.address;
  if (next.communeCode !== before.communeCode) out.communeCode = next.communeCode;
  if ((next.zoneCode ?? null) !== before.zoneCode) out.zoneCode = next.zoneCode ?? null;
  if (next.industry !== before.industry) out.industry = next.industry;
  if (next.size !== before.size) out.size = next.size;
  const c = before.contact;
  if (
    next.contact.name !== c.name ||
    next.contact.phone !== c.phone ||
    (next.contact.email ?? null) !== c.email
  )
    out.contact = next.contact;
  return out;
}

/** A verified company goes back to review when its name, tax code or address changes (as the API does). */
export function changesNeedReview(before: Company, changes: CompanyUpdate): boolean {
  return before.status === 'verified' && ['name', 'taxCode', 'address'].some((k) => k in changes);
}

/** Problem paths of the nested contact (`body.contact.phone`) renamed after the form's inputs. */
export function flattenContactPaths(problem: unknown): unknown {
  if (typeof problem !== 'object' || problem === null) return problem;
  const p = problem as { errors?: unknown };
  if (!Array.isArray(p.errors)) return problem;
  return {
    ...p,
    errors: p.errors.map((e: unknown) => {
      const item = e as { path?: unknown };
      if (typeof item?.path !== 'string') return e;
      const m = /^(?:body\.)?contact\.(name|phone|email)$/.exec(item.path);
      if (!m) return e;
      const name = m[1] as string;
      return { ...item, path: `body.contact${name[0]!.toUpperCase()}${name.slice(1)}` };
    }),
  };
}
