import type { Lang } from './i18n/format';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has had no daylight saving time since 1975: a fixed UTC+7. */
const OFFSET = '+07:00';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang): Intl.DateTimeFormat {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    formatters.set(lang, f);
  }
  return f;
}

/** ISO instant → "dd/mm/yyyy hh:mm:ss" (or "dd/mm/yyyy hh:mm" without seconds) in Asia/Ho_Chi_Minh; null/invalid → null. */
export function formatDateTime(
  iso: string | null | undefined,
  lang: Lang,
  opts: { seconds?: boolean } = {},
): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts = Object.fromEntries(
    formatter(lang)
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const time = `${parts.hour}:${parts.minute}`;
  return `${parts.day}/${parts.month}/${parts.year} ${opts.seconds === false ? time : `${time}:${parts.second}`}`;
}

/**
 * A datetime-local value ("2026-11-27T08:30", read as Vietnam time) → UTC ISO instant.
 * Empty or malformed → undefined.
 */
export function vnLocalToIso(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${OFFSET}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** +84905123456 → 0905123456; anything else unchanged. */
export function nationalPhone(phone: string): string {
  return /^\+84\d{9}$/.test(phone) ? `0${phone.slice(3)}` : phone;
}

/** A file name with the Vietnam date: "danh-muc-camera-2026-11-28.csv". */
export function datedFileName(stem: string, now = new Date()): string {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `${stem}-${day}.csv`;
}
