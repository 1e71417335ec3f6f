import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';

/** Public holidays (data/vn-public-holidays.json) as YYYY-MM-DD in Asia/Ho_Chi_Minh. */
export function loadHolidays(file = path.join(ROOT_DIR, 'data', 'vn-public-holidays.json')): Set<string> {
  return new Set((JSON.parse(fs.readFileSync(file, 'utf8')) as { days: string[] }).days);
}

const VN_OFFSET_MS = 7 * 3600_000;

/** The calendar day in Viet Nam (UTC+7, no daylight saving) of an instant. */
export const vnDay = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

export function isWorkingDay(day: string, holidays: Set<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/**
 * The deadline `days` working days after `from`: counting starts the next working day, and the
 * deadline is the end of that day (23:59:59 in Viet Nam), returned as a UTC instant.
 */
export function addWorkingDays(from: Date, days: number, holidays: Set<string>): Date {
  let day = vnDay(from);
  let left = days;
  while (left > 0) {
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
    if (isWorkingDay(day, holidays)) left--;
  }
  return new Date(new Date(`${day}T23:59:59.999Z`).getTime() - VN_OFFSET_MS);
}
