import type { Bilingual } from '../../platform/errors.ts';
import { parseDdMmYyyy, type Sex } from './cccd.ts';

/**
 * The QR printed on chip cards: `CCCD|CMND|Họ tên|DDMMYYYY|Giới tính|Địa chỉ|DDMMYYYY(cấp)`.
 * The old CMND may be empty; newer cards append fields (kept as `extra`). It is not signed: it
 * prefills a form, it proves nothing. Every field is checked where it stands, so a stray pipe shows
 * up as the field it displaced.
 */
export interface CccdQr {
  cccdNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  address: string;
  issuedOn: string;
  extra: string[];
}

export interface QrProblem extends Bilingual {
  code: string;
  field?: string;
}

const FIELD_VI: Record<string, string> = {
  cccdNumber: 'số CCCD',
  oldIdNumber: 'số CMND cũ',
  fullName: 'họ tên',
  dateOfBirth: 'ngày sinh',
  sex: 'giới tính',
  address: 'địa chỉ',
  issuedOn: 'ngày cấp',
};

function sexOf(s: string): Sex | null {
  const v = s.normalize('NFC').trim().toLowerCase();
  if (v === 'nam' || v === 'male') return 'male';
  if (v === 'nữ' || v === 'nu' || v === 'female') return 'female';
  return null;
}

export function parseCccdQr(
  text: string,
  today = new Date(),
): { ok: true; data: CccdQr } | { ok: false; problem: QrProblem } {
  const bad = (code: string, vi: string, en: string, field?: string) => ({
    ok: false as const,
    problem: { code, vi, en, ...(field ? { field } : {}) },
  });
  const raw = text.normalize('NFC').replace(/\r?\n$/, '');
  if (raw.length > 600) return bad('qr_too_long', 'Chuỗi QR quá dài.', 'The QR text is too long.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw))
    return bad(
      'qr_control_chars',
      'Chuỗi QR chứa ký tự điều khiển.',
      'The QR text contains control characters.',
    );
  const parts = raw.split('|').map((p) => p.trim());
  if (parts.length < 7)
    return bad(
      'qr_fields_missing',
      `Chuỗi QR thiếu trường: cần ít nhất 7 trường ngăn bởi "|", nhận được ${parts.length}.`,
      `The QR text lacks fields: at least 7 separated by "|" are needed, got ${parts.length}.`,
    );
  const [cccd, cmnd, name, dob, sexText, address, issued, ...extra] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    ...string[],
  ];
  const field = (f: string, what: string) =>
    bad(
      'qr_field_invalid',
      `Trường ${FIELD_VI[f]} trong QR không hợp lệ (${what}).`,
      `The ${f} field of the QR is not valid (${what}).`,
      f,
    );
  if (!/^\d{12}$/.test(cccd)) return field('cccdNumber', 'cần 12 chữ số');
  if (cmnd && !/^\d{9}(\d{3})?$/.test(cmnd)) return field('oldIdNumber', 'cần 9 hoặc 12 chữ số');
  if (!/^[\p{L}\p{M}' .-]{2,100}$/u.test(name)) return field('fullName', 'chỉ gồm chữ cái');
  const dateOfBirth = parseDdMmYyyy(dob);
  if (!dateOfBirth || new Date(dateOfBirth) > today) return field('dateOfBirth', 'DDMMYYYY');
  const sex = sexOf(sexText);
  if (!sex) return field('sex', 'Nam hoặc Nữ');
  if (address.length < 3) return field('address', 'quá ngắn');
  const issuedOn = parseDdMmYyyy(issued);
  if (!issuedOn || new Date(issuedOn) > today || issuedOn < dateOfBirth) return field('issuedOn', 'DDMMYYYY');
  if (extra.length > 8)
    return bad('qr_extra_fields', 'Chuỗi QR có quá nhiều trường.', 'The QR text has too many fields.');
  return {
    ok: true,
    data: {
      cccdNumber: cccd,
      oldIdNumber: cmnd || null,
      fullName: name.replace(/\s+/g, ' '),
      dateOfBirth,
      sex,
      address,
      issuedOn,
      extra,
    },
  };
}
