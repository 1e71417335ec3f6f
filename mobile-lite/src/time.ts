import { getLang, type Lang } from './i18n';

/** Times are stored UTC and shown in Vietnam's time, whatever zone the phone is set to. */
const ZONE = 'Asia/Ho_Chi_Minh';
const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** `HH:MM` (or `HH:MM:SS`) of an ISO instant, 24-hour clock, Vietnam time. */
export function formatClock(iso: string, withSeconds = false, lang: Lang = getLang()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(date);
}

/** `DD/MM/YYYY` of an ISO instant, Vietnam time. */
export function formatInstantDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDay(todayInVietnam(date));
}

/** `DD/MM/YYYY` of a calendar date `YYYY-MM-DD` (a birth date has no time zone: no conversion). */
export function formatDay(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** The calendar date `YYYY-MM-DD` in Vietnam at the instant `now`. */
export function todayInVietnam(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
