import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';

/** Mobile prefixes per carrier (facts from data/vn-mobile-prefixes.json), as 3-digit national prefixes "0xx". */
function loadPrefixes(): Map<string, string> {
  const raw = JSON.parse(
    fs.readFileSync(path.join(ROOT_DIR, 'data', 'vn-mobile-prefixes.json'), 'utf8'),
  ) as Record<string, unknown>;
  const map = new Map<string, string>();
  for (const [carrier, prefixes] of Object.entries(raw)) {
    if (carrier.startsWith('_') || !Array.isArray(prefixes)) continue;
    for (const p of prefixes) map.set(String(p), carrier.replace(/\(.*\)/, '').trim());
  }
  return map;
}

const PREFIXES = loadPrefixes();

export type PhoneCheck =
  { ok: true; e164: string; carrier: string } | { ok: false; reason: 'format' | 'prefix' };

/**
 * Accept 0xxxxxxxxx, 84xxxxxxxxx, +84xxxxxxxxx (spaces, dots and dashes ignored);
 * the number must start with a Vietnamese carrier's mobile prefix. Returns E.164.
 */
export function checkPhone(input: string): PhoneCheck {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (/^\+84\d{9}$/.test(compact)) national = `0${compact.slice(3)}`;
  else if (/^84\d{9}$/.test(compact)) national = `0${compact.slice(2)}`;
  else if (/^0\d{9}$/.test(compact)) national = compact;
  else return { ok: false, reason: 'format' };
  const carrier = PREFIXES.get(national.slice(0, 3));
  if (!carrier) return { ok: false, reason: 'prefix' };
  return { ok: true, e164: `+84${national.slice(1)}`, carrier };
}

/** +84905123456 → 0905 *** 456 for messages that must not reveal the whole number. */
export function maskPhone(e164: string): string {
  const national = `0${e164.slice(3)}`;
  return `${national.slice(0, 4)} *** ${national.slice(-3)}`;
}

/** +84905123456 → 0905123456 */
export const nationalPhone = (e164: string) => `0${e164.slice(3)}`;
