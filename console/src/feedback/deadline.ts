import type { I18nValue } from '../i18n/context';
import type { FeedbackStatus } from './queries';

type T = I18nValue['t'];

export type DeadlineState = 'none' | 'ok' | 'due_soon' | 'overdue';

const OPEN: readonly FeedbackStatus[] = ['accepted', 'assigned', 'in_progress'];
export const DUE_SOON_MS = 48 * 3600_000;

/** Same rule as the api's deadlineState: closed or undated → none; due within 48 h → due_soon. */
export function deadlineState(dueAt: string | null, status: FeedbackStatus, now: number): DeadlineState {
  if (!dueAt || !OPEN.includes(status)) return 'none';
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return 'none';
  if (due < now) return 'overdue';
  return due - now <= DUE_SOON_MS ? 'due_soon' : 'ok';
}

/** Left (or overdue) time in the largest unit that fits: minutes under an hour, hours under 2 days, days. */
export function durationParts(ms: number): { unit: 'minutes' | 'hours' | 'days'; n: number } {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  if (minutes < 60) return { unit: 'minutes', n: Math.max(1, minutes) };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}

/** "còn 3 ngày", "quá hạn 5 giờ", or '' when there is no running deadline. */
export function formatDeadline(t: T, dueAt: string | null, state: DeadlineState, now: number): string {
  if (!dueAt || state === 'none') return '';
  const ms = Date.parse(dueAt) - now;
  const { unit, n } = durationParts(ms);
  const span = t(`fb.span.${unit}`, { n });
  return t(state === 'overdue' ? 'fb.deadline.overdueBy' : 'fb.deadline.left', { span });
}

/** For a resolved report with a due date: was it resolved on time? null when not applicable. */
export function resolvedOnTime(dueAt: string | null, resolvedAt: string | null): boolean | null {
  if (!dueAt || !resolvedAt) return null;
  const due = Date.parse(dueAt);
  const done = Date.parse(resolvedAt);
  if (Number.isNaN(due) || Number.isNaN(done)) return null;
  return done <= due;
}

/** MUI palette colour of a deadline: amber when due soon, red when overdue. */
export function deadlineColor(state: DeadlineState): 'default' | 'success' | 'warning' | 'error' {
  if (state === 'overdue') return 'error';
  if (state === 'due_soon') return 'warning';
  if (state === 'ok') return 'success';
  return 'default';
}

/** Status colours, shared by the chips and the map points (RGB). */
export const STATUS_RGB: Record<FeedbackStatus, [number, number, number]> = {
  submitted: [25, 118, 210],
  accepted: [0, 151, 167],
  assigned: [123, 31, 162],
  in_progress: [237, 108, 2],
  resolved: [46, 125, 50],
  rejected: [117, 117, 117],
  duplicate: [158, 158, 158],
};

export function statusCss(status: FeedbackStatus): string {
  const [r, g, b] = STATUS_RGB[status];
  return `rgb(${r}, ${g}, ${b})`;
}

/** Which actions a status allows (mirrors the api lifecycle); the api still decides. */
export const ACTIONS_FROM: Record<
  'accept' | 'assign' | 'reject' | 'duplicate' | 'start' | 'resolve',
  readonly FeedbackStatus[]
> = {
  accept: ['submitted'],
  assign: ['accepted', 'assigned', 'in_progress'],
  start: ['assigned'],
  resolve: ['assigned', 'in_progress'],
  reject: ['submitted', 'accepted', 'assigned'],
  duplicate: ['submitted', 'accepted'],
};
export type StaffAction = keyof typeof ACTIONS_FROM;
export const TRIAGE_ACTIONS: readonly StaffAction[] = ['accept', 'assign', 'reject', 'duplicate'];

export function allowedActions(status: FeedbackStatus, permissions: readonly string[]): StaffAction[] {
  const triage = permissions.includes('feedback:triage');
  const handle = permissions.includes('feedback:handle');
  return (Object.keys(ACTIONS_FROM) as StaffAction[]).filter(
    (a) => ACTIONS_FROM[a].includes(status) && (TRIAGE_ACTIONS.includes(a) ? triage : handle),
  );
}
