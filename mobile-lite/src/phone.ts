/**
 * Vietnamese mobile numbers as people type them: 0912 345 678, 84912345678, +84 912 345 678.
 * The API is the authority (it stores E.164); this only normalises for sending and display.
 */

/** Nine national digits after the trunk 0: mobile ranges start with 3, 5, 7, 8 or 9. */
const MOBILE_NATIONAL = /^[35789]\d{8}$/;

/** Returns the E.164 form (+84 and 9 digits), or null when the input is not a Vietnamese mobile number. */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (compact.startsWith('+84')) national = compact.slice(3);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else if (compact.startsWith('84') && compact.length === 11) national = compact.slice(2);
  else return null;
  // "+84 0912…" — the trunk 0 kept after the country code is a common slip.
  if (national.length === 10 && national.startsWith('0')) national = national.slice(1);
  return MOBILE_NATIONAL.test(national) ? `+84${national}` : null;
}

/** Shows a number the Vietnamese way: +84912345678 → 0912 345 678. Anything else is returned unchanged. */
export function formatPhone(phone: string): string {
  const e164 = normalizePhone(phone);
  if (!e164) return phone;
  const d = `0${e164.slice(3)}`;
  return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
}
