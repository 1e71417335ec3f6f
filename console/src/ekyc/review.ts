import type { components } from '../api/schema';
import type { I18nValue } from '../i18n/context';
import type { Lang } from '../i18n/format';
import type { MessageKey } from '../i18n/vi';
import { vi } from '../i18n/vi';

export type CaseDetail = components['schemas']['EkycCaseDetail'];
export type QueueItem = components['schemas']['EkycQueueItem'];
export type ImageKind = CaseDetail['images'][number];
export type CaseStatus = CaseDetail['status'];
export type Thresholds = CaseDetail['thresholds'];
type T = I18nValue['t'];

/** The reasons the review queue can be filtered by, in the order the filter lists them. */
export const REVIEW_REASONS = [
  'qr_mismatch',
  'cccd_taken',
  'similarity_between_thresholds',
  'card_no_face',
  'card_multiple_faces',
  'card_face_too_small',
  'card_unreadable_image',
  'card_low_detection_score',
  'selfie_low_detection_score',
  'selfie_multiple_faces',
] as const;

/** Label of a reason code from the catalogue; an unknown code shows as it is. */
export function reasonLabel(t: T, code: string): string {
  const key = `ekyc.reason.${code}`;
  return key in vi ? t(key as MessageKey) : code;
}

export type ChipColor = 'default' | 'error' | 'warning' | 'info';

/** Chip colour of a reason: a number owned by someone else stands out, data mismatches next. */
export function reasonColor(code: string): ChipColor {
  if (code === 'cccd_taken') return 'error';
  if (code === 'qr_mismatch') return 'warning';
  if (code.startsWith('similarity_')) return 'info';
  return 'default';
}

export type AgeUnit = 'justNow' | 'minutes' | 'hours' | 'days';

/** How long a case has waited: minutes under an hour, hours under two days, then days (rounded down). */
export function ageParts(createdAt: string, now: number): { unit: AgeUnit; n: number } {
  const ms = now - new Date(createdAt).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return { unit: 'justNow', n: 0 };
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}

/** "3 giờ", "12 phút", "4 ngày" in the current language. */
export function formatAge(t: T, createdAt: string, now: number): string {
  const { unit, n } = ageParts(createdAt, now);
  return t(`ekyc.age.${unit}`, { n });
}

/** Citizens are told "usually within one working day": older cases are flagged. */
export const OVERDUE_HOURS = 24;
export function isOverdue(createdAt: string, now: number): boolean {
  return now - new Date(createdAt).getTime() >= OVERDUE_HOURS * 3600_000;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
/** A similarity with two decimals in the language's notation (0,52 in Vietnamese); null → null. */
export function formatSimilarity(value: number | null | undefined, lang: Lang): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    numberFormats.set(lang, f);
  }
  return f.format(value);
}

export type Tone = 'success' | 'warning' | 'error' | 'default';

/**
 * Where a similarity stands against the thresholds: at or above accept → success, below reject
 * → error, in between → warning; no score or no thresholds known → default.
 */
export function similarityTone(
  value: number | null | undefined,
  thresholds: Thresholds | null | undefined,
): Tone {
  if (value === null || value === undefined || !Number.isFinite(value) || !thresholds) return 'default';
  if (value >= thresholds.accept) return 'success';
  if (value < thresholds.reject) return 'error';
  return 'warning';
}

/** Position on a 0–1 gauge in percent (scores below 0 sit at the left end, above 1 at the right). */
export function gaugePercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 10;
}

/** Names compare as the api compares them: Unicode NFC, Vietnamese lower case, single spaces. */
export function foldName(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

export type CompareField = 'cccdNumber' | 'fullName' | 'dateOfBirth' | 'sex' | 'address' | 'issuedOn';

export interface CompareRow {
  field: CompareField;
  declared: string | null;
  qr: string | null;
  /** true/false when both sides carry the field; null when only one side has it (or no QR). */
  match: boolean | null;
}

/**
 * Declared data vs the card QR, row by row. The number, name, date of birth and sex are on both
 * sides; address and issue date only on the QR. Without a QR nothing can be compared.
 */
export function compareDeclaredQr(declared: CaseDetail['declared'], qr: CaseDetail['qr']): CompareRow[] {
  const both = (
    field: 'cccdNumber' | 'fullName' | 'dateOfBirth' | 'sex',
    same: (a: string, b: string) => boolean,
  ) => ({
    field,
    declared: declared[field],
    qr: qr ? qr[field] : null,
    match: qr ? same(declared[field], qr[field]) : null,
  });
  const exact = (a: string, b: string) => a.trim() === b.trim();
  return [
    both('cccdNumber', (a, b) => a.replace(/\s/g, '') === b.replace(/\s/g, '')),
    both('fullName', (a, b) => foldName(a) === foldName(b)),
    both('dateOfBirth', exact),
    both('sex', exact),
    { field: 'address', declared: null, qr: qr?.address ?? null, match: null },
    { field: 'issuedOn', declared: null, qr: qr?.issuedOn ?? null, match: null },
  ];
}

/** The fields where the declaration and the QR disagree. */
export function mismatchedFields(declared: CaseDetail['declared'], qr: CaseDetail['qr']): CompareField[] {
  return compareDeclaredQr(declared, qr)
    .filter((r) => r.match === false)
    .map((r) => r.field);
}

/** For accent-insensitive matching: "Hòa Phú", "Đắk" → "hoa phu", "dak". */
export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** "2004-05-06" → "06/05/2004"; anything else unchanged. */
export function formatIsoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** A decision reason as the api accepts it: 3–500 characters once trimmed. */
export const REASON_MIN = 3;
export const REASON_MAX = 500;
export function validReason(reason: string): boolean {
  const n = reason.trim().length;
  return n >= REASON_MIN && n <= REASON_MAX;
}

/** Keyboard shortcut of the case view → what it does; typing in a field never triggers one. */
export type Shortcut = 'approve' | 'reject' | 'next';
export function shortcutFor(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  targetTag: string | undefined,
  editable = false,
): Shortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey || editable) return null;
  if (targetTag && ['INPUT', 'TEXTAREA', 'SELECT'].includes(targetTag.toUpperCase())) return null;
  switch (e.key.toLowerCase()) {
    case 'a':
      return 'approve';
    case 'r':
      return 'reject';
    case 'n':
      return 'next';
    default:
      return null;
  }
}
