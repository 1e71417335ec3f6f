import { formatClock, formatInstantDay } from '../time';

/** "14:05 03/11/2026": a moment in Vietnam time, as the CV and application screens show it. */
export const when = (iso: string): string => `${formatClock(iso)} ${formatInstantDay(iso)}`;
