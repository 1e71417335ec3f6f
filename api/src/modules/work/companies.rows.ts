import { INDUSTRIES } from './companies.schemas.ts';
import type { FieldError } from '../../platform/errors.ts';

export type CompanyRole = 'owner' | 'staff';

export interface Row {
  id: string;
  name: string;
  tax_code: string;
  address: string;
  commune_code: string;
  commune_name: string | null;
  zone_code: string | null;
  zone_name: string | null;
  industry: string;
  size: '1-9' | '10-49' | '50-199' | '200-999' | '1000+';
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  status: 'pending' | 'verified' | 'rejected' | 'suspended';
  rejection_reason: string | null;
  demo: boolean;
  created_at: Date;
  updated_at: Date;
  my_role?: CompanyRole | null;
}

const industryNames = new Map(INDUSTRIES.map((i) => [i.code, { vi: i.name, en: i.nameEn }]));
export const NOT_FOUND = { vi: 'Không tìm thấy doanh nghiệp.', en: 'No such company.' };
export const NOT_MEMBER = {
  vi: 'Bạn không thuộc doanh nghiệp này.',
  en: 'You are not a member of this company.',
};
export const NOT_OWNER = {
  vi: 'Chỉ chủ tài khoản doanh nghiệp mới quản lý được nhân sự.',
  en: 'Only an owner of the company can manage its staff.',
};
export const field = (path: string, code: string, vi: string, en: string): FieldError => ({
  path,
  code,
  message: vi,
  messages: { vi, en },
});

export function toPublic(r: Row) {
  return {
    id: r.id,
    name: r.name,
    taxCode: r.tax_code,
    address: r.address,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    zoneCode: r.zone_code,
    zoneName: r.zone_name,
    industry: r.industry,
    industryName: industryNames.get(r.industry) ?? { vi: r.industry, en: r.industry },
    size: r.size,
    status: r.status,
    demo: r.demo,
  };
}
export const toFull = (r: Row) => ({
  ...toPublic(r),
  contact: { name: r.contact_name, phone: r.contact_phone, email: r.contact_email },
  rejectionReason: r.rejection_reason,
  myRole: r.my_role ?? null,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** A company with commune and zone names and the caller's role (`:me`). */
export const COMPANY_SELECT = `SELECT co.*, cm.name AS commune_name, z.name AS zone_name,
      (SELECT m.role FROM company_members m WHERE m.company_id = co.id AND m.user_id = :me) AS my_role
    FROM companies co LEFT JOIN communes cm ON cm.code = co.commune_code
    LEFT JOIN industrial_zones z ON z.code = co.zone_code`;
