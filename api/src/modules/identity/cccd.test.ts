import { describe, it, expect } from 'vitest';
import { checkCccd, decodeCccd, maskCccd, parseDdMmYyyy } from './cccd.ts';
import { parseCccdQr } from './cccd-qr.ts';

const codes = (n: string, d?: { sex: 'male' | 'female'; dateOfBirth: string }) =>
  checkCccd(n, d).map((i) => i.code);

describe('CCCD number', () => {
  it('accepts consistent numbers from Đắk Lắk, Phú Yên and elsewhere', () => {
    expect(codes('066204001234', { sex: 'male', dateOfBirth: '2004-05-06' })).toEqual([]);
    expect(codes('054195123456', { sex: 'female', dateOfBirth: '1995-12-31' })).toEqual([]);
    expect(codes('001099000001', { sex: 'male', dateOfBirth: '1999-01-01' })).toEqual([]);
    expect(decodeCccd('054195123456')).toMatchObject({
      province: 'Tỉnh Phú Yên',
      provinceNow: 'Tỉnh Đắk Lắk',
      sex: 'female',
    });
  });
  it('names each mismatch on its own', () => {
    expect(codes('06620400123')).toEqual(['cccd_format']);
    expect(codes('06620400123a')).toEqual(['cccd_format']);
    expect(codes('099204001234')).toEqual(['cccd_province']);
    expect(codes('066304001234', { sex: 'male', dateOfBirth: '2004-05-06' })).toEqual(['cccd_sex_mismatch']);
    expect(codes('066004001234', { sex: 'male', dateOfBirth: '2004-05-06' })).toEqual([
      'cccd_century_mismatch',
    ]);
    expect(codes('066205001234', { sex: 'male', dateOfBirth: '2004-05-06' })).toEqual(['cccd_year_mismatch']);
    const all = checkCccd('099105001234', { sex: 'male', dateOfBirth: '2004-05-06' });
    expect(all.map((i) => i.code)).toEqual([
      'cccd_province',
      'cccd_sex_mismatch',
      'cccd_century_mismatch',
      'cccd_year_mismatch',
    ]);
    expect(all.every((i) => i.vi && i.en)).toBe(true);
  });
  it('masks and parses dates strictly', () => {
    expect(maskCccd('066204001234')).toBe('066*******34');
    expect(parseDdMmYyyy('29022024')).toBe('2024-02-29');
    expect(parseDdMmYyyy('29022023')).toBeNull();
    expect(parseDdMmYyyy('31042020')).toBeNull();
  });
});

describe('CCCD QR', () => {
  const good = '066204001234|241234567|Nguyễn Văn An|06052004|Nam|Thôn 3, Xã Hòa Phú, Đắk Lắk|15082021';
  it('parses the standard 7 fields, with or without the old CMND', () => {
    const r = parseCccdQr(good);
    expect(r).toEqual({
      ok: true,
      data: {
        cccdNumber: '066204001234',
        oldIdNumber: '241234567',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '2004-05-06',
        sex: 'male',
        address: 'Thôn 3, Xã Hòa Phú, Đắk Lắk',
        issuedOn: '2021-08-15',
        extra: [],
      },
    });
    const noCmnd = parseCccdQr('054195123456||Trần Thị Bình|31121995|Nữ|Phường Tuy Hòa, Đắk Lắk|01072024');
    expect(noCmnd.ok && noCmnd.data.oldIdNumber).toBeNull();
    expect(noCmnd.ok && noCmnd.data.sex).toBe('female');
  });
  it('keeps the extra fields of newer cards', () => {
    const r = parseCccdQr(`${good}|Nguyễn Văn Bố|Trần Thị Mẹ|`);
    expect(r.ok && r.data.extra).toEqual(['Nguyễn Văn Bố', 'Trần Thị Mẹ', '']);
  });
  it('refuses missing fields, a stray pipe, bad dates and odd characters, naming the field', () => {
    const missing = parseCccdQr('066204001234|241234567|Nguyễn Văn An');
    expect(!missing.ok && missing.problem.code).toBe('qr_fields_missing');
    const stray = parseCccdQr('066204001234|241234567|Nguyễn|Văn An|06052004|Nam|Đắk Lắk|15082021');
    expect(!stray.ok && stray.problem).toMatchObject({ code: 'qr_field_invalid', field: 'dateOfBirth' });
    const date = parseCccdQr(good.replace('06052004', '31022004'));
    expect(!date.ok && date.problem.field).toBe('dateOfBirth');
    const future = parseCccdQr(good.replace('15082021', '15082099'));
    expect(!future.ok && future.problem.field).toBe('issuedOn');
    expect(parseCccdQr('a\u0000b|||||||').ok).toBe(false);
    expect(parseCccdQr('x'.repeat(700)).ok).toBe(false);
    expect(parseCccdQr('||||||').ok).toBe(false);
    expect(parseCccdQr('').ok).toBe(false);
  });
  it('never throws on arbitrary input', () => {
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: Math.floor(Math.random() * 120) }, () =>
        String.fromCharCode(Math.random() < 0.2 ? 124 : 32 + Math.floor(Math.random() * 8000)),
      ).join('');
      expect(() => parseCccdQr(s)).not.toThrow();
    }
  });
});
