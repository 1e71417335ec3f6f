import { describe, expect, it } from 'vitest';
import {
  changesNeedReview,
  checkCompany,
  companyBody,
  companyChanges,
  companyValues,
  flattenContactPaths,
  taxCodeProblem,
  type Company,
  type CompanyValues,
} from './company-form';

const valid: CompanyValues = {
  name: 'Công ty TNHH May Hòa Phú',
  taxCode: '0100109106',
  address: 'Lô A5, KCN Hòa Phú',
  communeCode: '24175',
  zoneCode: 'kcn-hoa-phu',
  industry: 'C',
  size: '200-999',
  contactName: 'Nguyễn Văn Tuấn',
  contactPhone: '0262 3812 345',
  contactEmail: '',
};

const company: Company = {
  id: 'c1',
  name: valid.name,
  taxCode: valid.taxCode,
  address: valid.address,
  communeCode: '24175',
  communeName: 'Xã Hòa Phú',
  zoneCode: 'kcn-hoa-phu',
  zoneName: 'KCN Hòa Phú',
  industry: 'C',
  industryName: { vi: 'Công nghiệp chế biến, chế tạo', en: 'Manufacturing' },
  size: '200-999',
  status: 'verified',
  demo: false,
  contact: { name: 'Nguyễn Văn Tuấn', phone: '0262 3812 345', email: null },
  rejectionReason: null,
  myRole: 'owner',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('tax code format hints', () => {
  it('accepts 10 digits and a branch NNNNNNNNNN-NNN', () => {
    expect(taxCodeProblem('0100109106')).toBeNull();
    expect(taxCodeProblem(' 0100109106-001 ')).toBeNull();
  });
  it('names a wrong shape "format" and a wrong branch part "branch", as the API does', () => {
    expect(taxCodeProblem('')).toBe('format');
    expect(taxCodeProblem('010010910')).toBe('format');
    expect(taxCodeProblem('01001091a6')).toBe('format');
    expect(taxCodeProblem('01001091067')).toBe('format');
    expect(taxCodeProblem('0100109106-')).toBe('branch');
    expect(taxCodeProblem('0100109106-01')).toBe('branch');
    expect(taxCodeProblem('0100109106-000')).toBe('branch');
    expect(taxCodeProblem('0100109106-0a1')).toBe('branch');
  });
  it('leaves the check digit to the API (its error is shown at the field)', () => {
    expect(taxCodeProblem('0100109107')).toBeNull();
  });
});

describe('the company form', () => {
  it('accepts a complete form and builds the API body (no zone → null, no email → null)', () => {
    expect(checkCompany(valid)).toEqual({});
    expect(companyBody({ ...valid, zoneCode: '' })).toMatchObject({
      zoneCode: null,
      contact: { name: 'Nguyễn Văn Tuấn', phone: '0262 3812 345', email: null },
    });
  });
  it('marks every missing or malformed field', () => {
    const e = checkCompany({
      ...valid,
      name: 'A',
      taxCode: '0100109106-01',
      address: 'Lô',
      communeCode: '',
      industry: '',
      size: '',
      contactName: '',
      contactPhone: 'abc',
      contactEmail: 'not-an-email',
    });
    expect(e).toEqual({
      name: 'employer.v.name',
      taxCode: 'employer.v.taxBranch',
      address: 'employer.v.address',
      communeCode: 'employer.v.commune',
      industry: 'employer.v.industry',
      size: 'employer.v.size',
      contactName: 'employer.v.contactName',
      contactPhone: 'employer.v.contactPhone',
      contactEmail: 'employer.v.contactEmail',
    });
  });
  it('sends only what changed, and knows when a verified company goes back to review', () => {
    const same = companyValues(company);
    expect(companyChanges(company, same)).toEqual({});
    const sized = companyChanges(company, { ...same, size: '1000+' });
    expect(sized).toEqual({ size: '1000+' });
    expect(changesNeedReview(company, sized)).toBe(false);
    const renamed = companyChanges(company, {
      ...same,
      name: 'Công ty CP May Hòa Phú',
      contactEmail: 'a@b.vn',
    });
    expect(renamed).toEqual({
      name: 'Công ty CP May Hòa Phú',
      contact: { name: 'Nguyễn Văn Tuấn', phone: '0262 3812 345', email: 'a@b.vn' },
    });
    expect(changesNeedReview(company, renamed)).toBe(true);
    expect(changesNeedReview({ ...company, status: 'rejected' }, renamed)).toBe(false);
    expect(companyChanges(company, { ...same, zoneCode: '' })).toEqual({ zoneCode: null });
  });
  it('renames the contact paths of API problems after the form inputs', () => {
    const problem = {
      code: 'validation_failed',
      errors: [
        { path: 'body.contact.phone', code: 'contact_phone_format' },
        { path: 'body.taxCode', code: 'tax_code_check_digit' },
      ],
    };
    expect(flattenContactPaths(problem)).toEqual({
      code: 'validation_failed',
      errors: [
        { path: 'body.contactPhone', code: 'contact_phone_format' },
        { path: 'body.taxCode', code: 'tax_code_check_digit' },
      ],
    });
    expect(flattenContactPaths(null)).toBeNull();
  });
});
