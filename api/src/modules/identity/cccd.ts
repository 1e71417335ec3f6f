import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';
import type { Bilingual } from '../../platform/errors.ts';

/**
 * Citizen ID card (CCCD) rules. Number: digits 1–3 province of birth registration (63 legacy codes,
 * all still valid after the 2025 merger), digit 4 century + sex (0/1 = 1900s male/female, 2/3 = 2000s,
 * 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s), digits 5–6 the last two digits of the birth year, 6 random digits.
 */
interface ProvinceCode {
  code: string;
  oldProvince: string;
  newProvince: string;
}

const PROVINCES: Map<string, ProvinceCode> = new Map(
  (
    JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'data', 'cccd-province-codes.json'), 'utf8')) as {
      codes: ProvinceCode[];
    }
  ).codes.map((c) => [c.code, c]),
);

export type Sex = 'male' | 'female';

export interface CccdIssue extends Bilingual {
  code: string;
}

export interface CccdInfo {
  provinceCode: string;
  province: string;
  provinceNow: string;
  sex: Sex;
  centuryStart: number;
  yearSuffix: string;
}

export function decodeCccd(number: string): CccdInfo | null {
  if (!/^\d{12}$/.test(number)) return null;
  const province = PROVINCES.get(number.slice(0, 3));
  if (!province) return null;
  const d = Number(number[3]);
  return {
    provinceCode: province.code,
    province: province.oldProvince,
    provinceNow: province.newProvince,
    sex: d % 2 === 0 ? 'male' : 'female',
    centuryStart: 1900 + Math.floor(d / 2) * 100,
    yearSuffix: number.slice(4, 6),
  };
}

/** Every way a number disagrees with itself or with the declared sex and birth date, each with its own message. */
export function checkCccd(number: string, declared?: { sex: Sex; dateOfBirth: string }): CccdIssue[] {
  if (!/^\d{12}$/.test(number))
    return [
      { code: 'cccd_format', vi: 'Số CCCD gồm đúng 12 chữ số.', en: 'A CCCD number has exactly 12 digits.' },
    ];
  const issues: CccdIssue[] = [];
  if (!PROVINCES.has(number.slice(0, 3)))
    issues.push({
      code: 'cccd_province',
      vi: `Ba số đầu "${number.slice(0, 3)}" không phải mã tỉnh nơi đăng ký khai sinh.`,
      en: `The first three digits "${number.slice(0, 3)}" are not a province-of-birth code.`,
    });
  if (!declared) return issues;
  const d = Number(number[3]);
  const sex: Sex = d % 2 === 0 ? 'male' : 'female';
  const century = 1900 + Math.floor(d / 2) * 100;
  const year = Number(declared.dateOfBirth.slice(0, 4));
  if (sex !== declared.sex)
    issues.push({
      code: 'cccd_sex_mismatch',
      vi: `Chữ số thứ 4 của số CCCD ứng với giới tính ${sex === 'male' ? 'nam' : 'nữ'}, khác với giới tính đã khai.`,
      en: `Digit 4 of the number means ${sex}, which differs from the declared sex.`,
    });
  if (year < century || year >= century + 100)
    issues.push({
      code: 'cccd_century_mismatch',
      vi: `Chữ số thứ 4 của số CCCD ứng với người sinh năm ${century}–${century + 99}, khác với năm sinh ${year}.`,
      en: `Digit 4 of the number means born ${century}–${century + 99}, not ${year}.`,
    });
  if (number.slice(4, 6) !== String(year % 100).padStart(2, '0'))
    issues.push({
      code: 'cccd_year_mismatch',
      vi: `Chữ số thứ 5–6 của số CCCD (${number.slice(4, 6)}) phải là hai số cuối của năm sinh (${String(year % 100).padStart(2, '0')}).`,
      en: `Digits 5–6 (${number.slice(4, 6)}) must be the last two digits of the birth year (${String(year % 100).padStart(2, '0')}).`,
    });
  return issues;
}

/** 066204001234 → 066*******34: enough for a person to recognise their card, not to reuse it. */
export const maskCccd = (n: string) => `${n.slice(0, 3)}${'*'.repeat(7)}${n.slice(-2)}`;

/** DDMMYYYY → YYYY-MM-DD when it is a real date, else null. */
export function parseDdMmYyyy(s: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const iso = `${yyyy}-${mm}-${dd}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return null;
  return iso;
}
