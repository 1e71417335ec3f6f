import { normalizePhone } from './phone';
import type { MessageKey } from './i18n';

/** Client-side checks that spare a round trip; the API checks again and its messages win. */

export function checkPhone(value: string): MessageKey | null {
  return normalizePhone(value) ? null : 'validation.phone';
}

export function checkOtp(value: string): MessageKey | null {
  return /^\d{6}$/.test(value.trim()) ? null : 'validation.otp';
}

/** At least 8 characters with a letter (any script, so Vietnamese letters count) and a digit. */
export function checkNewPassword(value: string): MessageKey | null {
  return value.length >= 8 && /\p{L}/u.test(value) && /\d/.test(value) ? null : 'validation.password';
}

export function checkFullName(value: string): MessageKey | null {
  return value.trim().length > 0 ? null : 'validation.fullName';
}

/** The card number without the spaces, dots and dashes people type between its groups. */
export function compactCccd(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

/** Only the shape (12 digits); the province code, sex and birth year are the API's to judge. */
export function checkCccdNumber(value: string): MessageKey | null {
  return /^\d{12}$/.test(compactCccd(value)) ? null : 'validation.cccd';
}

/** A real calendar date `YYYY-MM-DD` between 1900 and today (`today` in the same form). */
export function checkDateOfBirth(value: string, today: string): MessageKey | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'validation.dateOfBirth';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && value >= '1900-01-01' && value <= today ? null : 'validation.dateOfBirth';
}

export function checkSex(value: string): MessageKey | null {
  return value === 'male' || value === 'female' ? null : 'validation.sex';
}
