/**
 * Automatic redaction of a report's text before it is published: personal data a citizen often writes into a
 * report is masked. A suggestion for the operator, who reviews it; also applied to staff answers shown through
 * Open311. Pure functions, no I/O.
 */
export type RedactionKind = 'email' | 'phone' | 'id_number' | 'plate' | 'house_number' | 'name';

export const MASKS: Record<RedactionKind, string> = {
  email: '[email đã ẩn]',
  phone: '[số điện thoại đã ẩn]',
  id_number: '[số giấy tờ đã ẩn]',
  plate: '[biển số đã ẩn]',
  house_number: '[số nhà đã ẩn]',
  name: '[tên đã ẩn]',
};

// Not part of a longer run of letters or digits (Unicode-aware, unlike \b, so "số" and "đường" work).
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const SEP = '\\)?[\\s.\\-]?';

const RULES: Array<{ kind: RedactionKind; re: RegExp; keep?: number }> = [
  {
    kind: 'email',
    re: new RegExp(`${L}[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+`, 'giu'),
  },
  // Vietnamese numbers: mobile 0[35789]x and landline 02xx, written 0…, 84… or +84…, grouped with spaces/dots/dashes.
  {
    kind: 'phone',
    re: new RegExp(
      `(?<![\\p{L}\\p{N}+(])\\(?(?:\\+84|84|0)${SEP}\\(?(?:[35789]|2\\d)(?:${SEP}\\d){7,9}${R}`,
      'gu',
    ),
  },
  // Citizen ID (CCCD, 12 digits) and old identity card (CMND, 9 digits), possibly grouped by 3 or 4.
  { kind: 'id_number', re: new RegExp(`${L}\\d{3}(?:[\\s.]?\\d{3}){3}${R}`, 'gu') },
  { kind: 'id_number', re: new RegExp(`${L}\\d{4}[\\s.]?\\d{4}[\\s.]?\\d{4}${R}`, 'gu') },
  { kind: 'id_number', re: new RegExp(`${L}\\d{3}[\\s.]?\\d{3}[\\s.]?\\d{3}${R}`, 'gu') },
  // Licence plates: 47A-123.45, 47A1-234.56, 47A 12345, 29LD-123.45, 47-A1 234.56, 51F12345.
  {
    kind: 'plate',
    re: new RegExp(`${L}\\d{2}\\s?-?\\s?[A-Z]{1,2}\\d?\\s?[-.]?\\s?(?:\\d{3}\\.?\\d{2}|\\d{4})${R}`, 'gu'),
  },
  // House numbers: "số nhà 12", "nhà số 45/3", and a number before a street word: "12/3 đường …", "số 8 hẻm …".
  {
    kind: 'house_number',
    re: new RegExp(`${L}((?:số nhà|nhà số)\\s*)\\d+[a-zA-Z]?(?:\\/\\d+[a-zA-Z]?)*${R}`, 'giu'),
    keep: 1,
  },
  {
    kind: 'house_number',
    re: new RegExp(
      `${L}\\d+[a-zA-Z]?(?:\\/\\d+[a-zA-Z]?)*(?=\\s+(?:đường|phố|hẻm|kiệt|ngõ|ngách|đ\\.)${R})`,
      'giu',
    ),
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Redaction {
  text: string;
  /** What was masked, in the order found (one entry per occurrence). */
  found: RedactionKind[];
}

/**
 * Mask e-mails, phone numbers (incl. +84 forms), 9/12-digit ID numbers, licence plates, house numbers and the
 * given personal names (the reporter's full name, case-insensitive).
 */
export function redact(input: string, opts: { names?: string[]; houseNumbers?: boolean } = {}): Redaction {
  const found: RedactionKind[] = [];
  let text = input;
  for (const name of opts.names ?? []) {
    const n = name.trim();
    if (n.length < 3) continue;
    text = text.replace(new RegExp(`${L}${escape(n).replace(/\s+/g, '\\s+')}${R}`, 'giu'), () => {
      found.push('name');
      return MASKS.name;
    });
  }
  for (const rule of RULES) {
    if (rule.kind === 'house_number' && opts.houseNumbers === false) continue;
    text = text.replace(rule.re, (...m: string[]) => {
      found.push(rule.kind);
      return (rule.keep ? (m[rule.keep] ?? '') : '') + MASKS[rule.kind];
    });
  }
  return { text, found };
}

/** The kinds of personal data still present in a text meant for the public (house numbers not counted). */
export function personalDataIn(text: string): RedactionKind[] {
  return [...new Set(redact(text, { houseNumbers: false }).found)];
}
