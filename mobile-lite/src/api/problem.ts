import { getLang, t } from '../i18n';

/**
 * Turns what a failed call produced — an RFC 9457 problem body from the API, or an exception
 * from fetch — into text for the screen: one message, plus messages under the named fields.
 */
export interface ShownError {
  message: string;
  fields: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localized(messages: unknown, fallback: unknown): string | undefined {
  if (isRecord(messages)) {
    const text = messages[getLang()] ?? messages.vi;
    if (typeof text === 'string' && text) return text;
  }
  return typeof fallback === 'string' && fallback ? fallback : undefined;
}

/** `phone`, `body.phone`, `/body/phone` and `['body', 'phone']` all name the field `phone`. */
export function fieldName(path: unknown): string | undefined {
  const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split(/[./]/) : [];
  return parts.filter(Boolean).pop();
}

export function describeProblem(problem: unknown, fields: readonly string[] = []): ShownError {
  if (!isRecord(problem)) return { message: t('error.unknown'), fields: {} };
  const shown: ShownError = { message: '', fields: {} };
  const unplaced: string[] = [];
  for (const item of Array.isArray(problem.errors) ? problem.errors : []) {
    if (!isRecord(item)) continue;
    const text = localized(item.messages, item.message);
    if (!text) continue;
    const name = fieldName(item.path);
    if (name && fields.includes(name)) shown.fields[name] ??= text;
    else unplaced.push(text);
  }
  const own = localized(problem.messages, problem.detail ?? problem.title);
  if (Object.keys(shown.fields).length && !unplaced.length) {
    // The API's summary repeats each field error ("body.phone — …"); they already stand under their inputs.
    shown.message = t('error.checkFields');
  } else {
    shown.message = own ?? (unplaced.length ? unplaced.join(' ') : t('error.unknown'));
  }
  return shown;
}

/** The stable machine-readable `code` of a problem body, if it has one. */
export function problemCode(problem: unknown): string | undefined {
  return isRecord(problem) && typeof problem.code === 'string' ? problem.code : undefined;
}

/** A number or string field a problem adds beside the standard ones (`requiredLevel`, `firstVerifiedAt`…). */
export function problemExtra(problem: unknown, key: string): string | number | boolean | undefined {
  const value = isRecord(problem) ? problem[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined;
}

/** For exceptions: fetch rejects only when the network (or the server) cannot be reached. */
export function describeException(_error: unknown): ShownError {
  return { message: t('error.network'), fields: {} };
}
