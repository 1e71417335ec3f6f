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
