import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type MessageParams = Record<string, string | number>;

/** Replaces {name} placeholders; unknown placeholders are left as they are. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogues[lang][key] ?? vi[key], params);
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** Placeholder names used in a message, sorted (for the catalogue test). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
