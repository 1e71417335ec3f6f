import type { components } from '../api/schema';
import { STATUSES, type AppStatus } from '../cvs/applications';
import type { MessageKey } from '../i18n';

/** An application's stages as the employer moves it on (the API's transitions). */
export type { AppStatus };
export type Stage = components['schemas']['JobApplicationStage']['status'];

/**
 * What the employer may do next: viewed → shortlisted → interview → hired; rejected from any open state;
 * interview again reschedules. Opening a submitted application marks it viewed (the API does it).
 */
const NEXT: Record<AppStatus, readonly Stage[]> = {
  submitted: ['rejected'],
  viewed: ['shortlisted', 'rejected'],
  shortlisted: ['interview', 'rejected'],
  interview: ['interview', 'hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export function nextStages(status: AppStatus): readonly Stage[] {
  return NEXT[status];
}

/** "2026-12-05T14:30" typed on the phone (Vietnam time) → the instant the API wants. */
export function interviewInstant(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const iso = `${local}:00+07:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** The inverse, to prefill a reschedule: an instant → "YYYY-MM-DDTHH:mm" in Vietnam time. */
export function vietnamLocal(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16);
}

export interface InterviewErrors {
  interviewAt?: MessageKey;
  interviewPlace?: MessageKey;
}

/** An interview needs a time still ahead and a place (3–300 characters), as the API rules. */
export function checkInterview(local: string, place: string, now: Date = new Date()): InterviewErrors {
  const e: InterviewErrors = {};
  const at = interviewInstant(local);
  if (!at) e.interviewAt = 'employer.v.interviewAt';
  else if (Date.parse(at) < now.getTime()) e.interviewAt = 'employer.v.interviewPast';
  const p = place.trim().length;
  if (p < 3 || p > 300) e.interviewPlace = 'employer.v.interviewPlace';
  return e;
}

/** The filter of the applicants list: every state with its count, "all" first (states with none hidden). */
export function applicantTabs(
  counts: Record<string, number>,
  chosen: AppStatus | '',
): Array<{ value: AppStatus | ''; n: number }> {
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return [
    { value: '' as const, n: all },
    ...STATUSES.filter((s) => (counts[s] ?? 0) > 0 || s === chosen).map((s) => ({
      value: s,
      n: counts[s] ?? 0,
    })),
  ];
}
