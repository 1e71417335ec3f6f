import { en } from './en';
import { vi, type CoreKey, type Messages } from './vi';
import type { DomainKey } from './domains';

export type Lang = 'vi' | 'en';
export type MessageKey = CoreKey | DomainKey;

export const catalogues: Record<Lang, Messages> = { vi, en };
let domainTexts: Record<Lang, Record<DomainKey, string>> | undefined;
let domainLoad: Promise<void> | undefined;

/**
 * Fetches the service domains' texts (their own chunk) once; every lazily loaded screen waits for it.
 * A failed fetch is retried by the next call.
 */
export function loadDomainTexts(): Promise<void> {
  return (domainLoad ??= import('./domains').then(
    (m) => {
      domainTexts = { vi: m.domainVi, en: m.domainEn };
    },
    (error: unknown) => {
      domainLoad = undefined;
      throw error;
    },
  ));
}

/** The text of `key` in `lang`: the first screens' catalogue, else the domains' once loaded. */
function lookup(lang: Lang, key: MessageKey): string | undefined {
  return (catalogues[lang] as Record<string, string>)[key] ?? domainTexts?.[lang][key as DomainKey];
}
const STORAGE_KEY = 'dlid.lang';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (private mode, policy)
  }
}

function initialLang(): Lang {
  const stored = storage()?.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'vi' ? stored : 'vi';
}

let current: Lang = initialLang();
const listeners = new Set<(lang: Lang) => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  storage()?.setItem(STORAGE_KEY, lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The message `key` in the current language. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(lookup(current, key) ?? key, params);
}

/** Picks the current language from a `{vi, en}` pair (service names, API problem messages). */
export function pick(texts: { vi: string; en: string }): string {
  return texts[current] || texts.vi;
}
