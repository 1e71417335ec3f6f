import type { components } from './api/schema';
import { t } from './i18n';
import { formatClock, formatInstantDay } from './time';

export type ActiveSession = components['schemas']['ActiveSession'];

/** "Chrome 120 · Android 10"; what is known of it, or "Thiết bị không rõ". */
export function sessionDeviceName(s: Pick<ActiveSession, 'device'>): string {
  const parts = [s.device.browser, s.device.os].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : t('sessions.unknownDevice');
}

/** "14:05, 29/11/2026" in Vietnam time. */
export function formatMoment(iso: string): string {
  return `${formatClock(iso)}, ${formatInstantDay(iso)}`;
}

/** This device first, then the most recently active. */
export function orderSessions(items: readonly ActiveSession[]): ActiveSession[] {
  return [...items].sort(
    (a, b) =>
      Number(b.current) - Number(a.current) || Date.parse(b.lastActiveAt) - Date.parse(a.lastActiveAt),
  );
}
