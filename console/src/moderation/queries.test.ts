import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { buildModerationQuery, filtersFromParams, filtersToParams, reasonOk, summaryLines } from './queries';

const serialize = createQuerySerializer();

describe('moderation queue filters', () => {
  it('reads kind and status from the address, with defaults for missing or odd values', () => {
    expect(filtersFromParams(new URLSearchParams(''))).toEqual({
      kind: '',
      status: 'pending',
      order: 'oldest',
    });
    expect(filtersFromParams(new URLSearchParams('kind=company&status=rejected&order=newest'))).toEqual({
      kind: 'company',
      status: 'rejected',
      order: 'newest',
    });
    expect(filtersFromParams(new URLSearchParams('kind=<x>&status=done&order=random'))).toEqual({
      kind: '',
      status: 'pending',
      order: 'oldest',
    });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(filtersToParams({ kind: '', status: 'pending', order: 'oldest' }).toString()).toBe('');
    const f = { kind: 'job_posting', status: 'approved', order: 'newest' } as const;
    const p = filtersToParams(f);
    expect(p.toString()).toBe('kind=job_posting&status=approved&order=newest');
    expect(filtersFromParams(p)).toEqual(f);
  });

  it('builds the api query with 1-based pages', () => {
    expect(serialize(buildModerationQuery({ kind: '', status: 'pending', order: 'oldest' }, 0, 25))).toBe(
      'status=pending&order=oldest&page=1&pageSize=25',
    );
    expect(buildModerationQuery({ kind: 'company', status: 'rejected', order: 'newest' }, 2, 50)).toEqual({
      kind: 'company',
      status: 'rejected',
      order: 'newest',
      page: 3,
      pageSize: 50,
    });
  });

  it('requires a reason to reject, not to approve', () => {
    expect(reasonOk('reject', '   ')).toBe(false);
    expect(reasonOk('reject', 'Sai mã số thuế')).toBe(true);
    expect(reasonOk('approve', '')).toBe(true);
    expect(reasonOk('reject', 'x'.repeat(1001))).toBe(false);
  });
});

describe('snapshot lines', () => {
  it('shows a company in a fixed order with names, codes and the contact', () => {
    const lines = summaryLines(
      'company',
      {
        id: 'c1',
        name: 'Công ty TNHH Cà phê Buôn Ma Thuột',
        taxCode: '6000123456',
        address: '12 Lê Duẩn',
        communeCode: '24121',
        communeName: 'Phường Buôn Ma Thuột',
        zoneCode: 'hoa-phu',
        zoneName: 'KCN Hòa Phú',
        industry: 'C',
        industryName: { vi: 'Công nghiệp chế biến, chế tạo', en: 'Manufacturing' },
        size: '50-199',
        status: 'pending',
        contact: { name: 'Nguyễn Văn A', phone: '+84905000005', email: null },
        resubmission: false,
      },
      'vi',
    );
    expect(lines.map((l) => l.field)).toEqual([
      'name',
      'taxCode',
      'address',
      'commune',
      'zone',
      'industry',
      'size',
      'contact',
    ]);
    expect(lines.find((l) => l.field === 'zone')?.value).toBe('KCN Hòa Phú (hoa-phu)');
    expect(lines.find((l) => l.field === 'industry')?.value).toBe('Công nghiệp chế biến, chế tạo (C)');
    expect(lines.find((l) => l.field === 'contact')?.value).toBe('Nguyễn Văn A · +84905000005');
    expect(lines.every((l) => l.known)).toBe(true);
  });

  it('leaves out empty values and shows unknown keys as they are', () => {
    const lines = summaryLines(
      'job_posting',
      {
        companyId: 'x',
        companyName: 'ACME',
        industry: 'C',
        salaryMin: 5000000,
        salaryMax: 8000000,
        shifts: 3,
      },
      'en',
    );
    expect(lines).toEqual([
      { field: 'company', known: true, value: 'ACME' },
      { field: 'industry', known: true, value: 'C' },
      { field: 'salary', known: true, value: '5,000,000 – 8,000,000 VND' },
      { field: 'shifts', known: false, value: '3' },
    ]);
  });
});
