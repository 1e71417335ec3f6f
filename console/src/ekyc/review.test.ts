import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/format';
import type { MessageKey } from '../i18n/vi';
import {
  ageParts,
  compareDeclaredQr,
  foldAccents,
  foldName,
  formatAge,
  formatIsoDate,
  formatSimilarity,
  gaugePercent,
  isOverdue,
  mismatchedFields,
  reasonColor,
  reasonLabel,
  REVIEW_REASONS,
  shortcutFor,
  similarityTone,
  validReason,
  type CaseDetail,
} from './review';

const tVi = (key: MessageKey, params?: Record<string, string | number>) => translate('vi', key, params);
const tEn = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

describe('reason labels', () => {
  it('labels every reason of the filter in both languages', () => {
    for (const r of REVIEW_REASONS) {
      expect(reasonLabel(tVi, r), r).not.toBe(r);
      expect(reasonLabel(tEn, r), r).not.toBe(r);
    }
    expect(reasonLabel(tVi, 'qr_mismatch')).toBe('Khai báo khác mã QR trên thẻ');
    expect(reasonLabel(tEn, 'cccd_taken')).toBe('CCCD number held by another account');
  });
  it('shows unknown codes as they are', () => {
    expect(reasonLabel(tVi, 'brand_new_reason')).toBe('brand_new_reason');
    expect(reasonLabel(tVi, 'constructor')).toBe('constructor');
  });
  it('colours the reasons by weight', () => {
    expect(reasonColor('cccd_taken')).toBe('error');
    expect(reasonColor('qr_mismatch')).toBe('warning');
    expect(reasonColor('similarity_between_thresholds')).toBe('info');
    expect(reasonColor('card_no_face')).toBe('default');
  });
});

describe('waiting time', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it('uses minutes, then hours, then days', () => {
    expect(ageParts('2026-11-28T11:59:30Z', now)).toEqual({ unit: 'justNow', n: 0 });
    expect(ageParts('2026-11-28T11:48:00Z', now)).toEqual({ unit: 'minutes', n: 12 });
    expect(ageParts('2026-11-28T09:00:00Z', now)).toEqual({ unit: 'hours', n: 3 });
    expect(ageParts('2026-11-26T13:00:00Z', now)).toEqual({ unit: 'hours', n: 47 });
    expect(ageParts('2026-11-25T11:00:00Z', now)).toEqual({ unit: 'days', n: 3 });
  });
  it('formats in the current language', () => {
    expect(formatAge(tVi, '2026-11-28T09:00:00Z', now)).toBe('3 giờ');
    expect(formatAge(tEn, '2026-11-28T09:00:00Z', now)).toBe('3 h');
    expect(formatAge(tVi, '2026-11-28T11:48:00Z', now)).toBe('12 phút');
    expect(formatAge(tVi, '2026-11-25T11:00:00Z', now)).toBe('3 ngày');
    expect(formatAge(tVi, 'not a date', now)).toBe('vừa xong');
  });
  it('flags cases waiting for a day or more', () => {
    expect(isOverdue('2026-11-27T12:00:00Z', now)).toBe(true);
    expect(isOverdue('2026-11-27T12:00:01Z', now)).toBe(false);
  });
});

describe('similarity', () => {
  const thresholds = { accept: 0.45, reject: 0.25 };
  it('shows two decimals in the language notation', () => {
    expect(formatSimilarity(0.5234, 'vi')).toBe('0,52');
    expect(formatSimilarity(0.5234, 'en')).toBe('0.52');
    expect(formatSimilarity(-0.05, 'en')).toBe('-0.05');
    expect(formatSimilarity(null, 'vi')).toBeNull();
  });
  it('is coloured against the thresholds', () => {
    expect(similarityTone(0.45, thresholds)).toBe('success');
    expect(similarityTone(0.9, thresholds)).toBe('success');
    expect(similarityTone(0.449, thresholds)).toBe('warning');
    expect(similarityTone(0.25, thresholds)).toBe('warning');
    expect(similarityTone(0.249, thresholds)).toBe('error');
    expect(similarityTone(-0.1, thresholds)).toBe('error');
  });
  it('stays neutral without a score or without thresholds', () => {
    expect(similarityTone(null, thresholds)).toBe('default');
    expect(similarityTone(0.9, null)).toBe('default');
    expect(similarityTone(Number.NaN, thresholds)).toBe('default');
  });
  it('places scores on a 0–1 gauge', () => {
    expect(gaugePercent(0.25)).toBe(25);
    expect(gaugePercent(0.456)).toBe(45.6);
    expect(gaugePercent(-0.2)).toBe(0);
    expect(gaugePercent(1.3)).toBe(100);
  });
});

describe('declared data vs the card QR', () => {
  const declared: CaseDetail['declared'] = {
    cccdNumber: '066204001234',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '2004-05-06',
    sex: 'male',
  };
  const qr: NonNullable<CaseDetail['qr']> = {
    cccdNumber: '066204001234',
    fullName: 'Nguyễn Văn Bình',
    dateOfBirth: '2004-05-06',
    sex: 'male',
    address: 'Thôn 3, Xã Hòa Phú, tỉnh Đắk Lắk',
    issuedOn: '2021-08-15',
  };

  it('marks the differing name and nothing else', () => {
    const rows = compareDeclaredQr(declared, qr);
    expect(rows.map((r) => [r.field, r.match])).toEqual([
      ['cccdNumber', true],
      ['fullName', false],
      ['dateOfBirth', true],
      ['sex', true],
      ['address', null],
      ['issuedOn', null],
    ]);
    expect(rows[1]).toMatchObject({ declared: 'Nguyễn Văn An', qr: 'Nguyễn Văn Bình' });
    expect(mismatchedFields(declared, qr)).toEqual(['fullName']);
  });

  it('compares names as the api does: case, spacing and Unicode form do not count', () => {
    const decomposed = 'NGUYỄN  VĂN   BÌNH'.normalize('NFD');
    expect(mismatchedFields({ ...declared, fullName: decomposed }, qr)).toEqual([]);
    expect(foldName(' Nguyễn\tVăn Bình ')).toBe('nguyễn văn bình');
    // but accents do: "Binh" is another name
    expect(mismatchedFields({ ...declared, fullName: 'Nguyen Van Binh' }, qr)).toEqual(['fullName']);
  });

  it('finds every differing field', () => {
    expect(
      mismatchedFields(
        { cccdNumber: '066204009999', fullName: 'Nguyễn Văn Bình', dateOfBirth: '2004-06-05', sex: 'female' },
        qr,
      ),
    ).toEqual(['cccdNumber', 'dateOfBirth', 'sex']);
  });

  it('compares nothing without a QR', () => {
    const rows = compareDeclaredQr(declared, null);
    expect(rows.every((r) => r.match === null)).toBe(true);
    expect(rows.find((r) => r.field === 'fullName')).toMatchObject({ declared: 'Nguyễn Văn An', qr: null });
    expect(mismatchedFields(declared, null)).toEqual([]);
  });

  it('shows ISO dates the Vietnamese way', () => {
    expect(formatIsoDate('2004-05-06')).toBe('06/05/2004');
    expect(formatIsoDate('06/05/2004')).toBe('06/05/2004');
  });
});

describe('helpers', () => {
  it('folds accents for commune search', () => {
    expect(foldAccents('Xã Hòa Phú')).toBe('xa hoa phu');
    expect(foldAccents('Phường Buôn Ma Thuột')).toBe('phuong buon ma thuot');
    expect(foldAccents('Đắk Lắk')).toBe('dak lak');
  });
  it('requires a decision reason of 3–500 characters', () => {
    expect(validReason('  ok ')).toBe(false);
    expect(validReason('Đúng')).toBe(true);
    expect(validReason('x'.repeat(500))).toBe(true);
    expect(validReason('x'.repeat(501))).toBe(false);
  });
  it('maps shortcuts, never while typing or with modifiers', () => {
    const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      ...mods,
    });
    expect(shortcutFor(key('a'), 'DIV')).toBe('approve');
    expect(shortcutFor(key('R'), 'BUTTON')).toBe('reject');
    expect(shortcutFor(key('n'), undefined)).toBe('next');
    expect(shortcutFor(key('x'), 'DIV')).toBeNull();
    expect(shortcutFor(key('a'), 'TEXTAREA')).toBeNull();
    expect(shortcutFor(key('a'), 'input')).toBeNull();
    expect(shortcutFor(key('a'), 'DIV', true)).toBeNull();
    expect(shortcutFor(key('a', { ctrlKey: true }), 'DIV')).toBeNull();
  });
});
