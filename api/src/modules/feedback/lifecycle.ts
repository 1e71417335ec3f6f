/**
 * The feedback lifecycle: submitted → accepted → assigned (department) → in progress → resolved | rejected |
 * duplicate; a resolved report can be reopened by its author within 7 days.
 */
export type Status =
  'submitted' | 'accepted' | 'assigned' | 'in_progress' | 'resolved' | 'rejected' | 'duplicate';
export type StaffAction = 'accept' | 'assign' | 'start' | 'resolve' | 'reject' | 'duplicate';

export const NEXT: Record<StaffAction, { from: Status[]; to: Status; triage: boolean }> = {
  accept: { from: ['submitted'], to: 'accepted', triage: true },
  assign: { from: ['accepted', 'assigned', 'in_progress'], to: 'assigned', triage: true },
  start: { from: ['assigned'], to: 'in_progress', triage: false },
  resolve: { from: ['assigned', 'in_progress'], to: 'resolved', triage: false },
  reject: { from: ['submitted', 'accepted', 'assigned'], to: 'rejected', triage: true },
  duplicate: { from: ['submitted', 'accepted'], to: 'duplicate', triage: true },
};

export const REOPEN_DAYS = 7;

export const STATUS_VI: Record<Status, string> = {
  submitted: 'Đã gửi',
  accepted: 'Đã tiếp nhận',
  assigned: 'Đã chuyển đơn vị xử lý',
  in_progress: 'Đang xử lý',
  resolved: 'Đã xử lý',
  rejected: 'Không tiếp nhận',
  duplicate: 'Trùng với phản ánh khác',
};

export const STATUS_EN: Record<Status, string> = {
  submitted: 'Submitted',
  accepted: 'Accepted',
  assigned: 'Assigned to a department',
  in_progress: 'In progress',
  resolved: 'Resolved',
  rejected: 'Not accepted',
  duplicate: 'Duplicate of another report',
};

/** Statuses in which a report is being handled against its due date (submitted has no due date yet). */
export const OPEN_STATUSES: Status[] = ['accepted', 'assigned', 'in_progress'];
export const DUE_SOON_HOURS = 48;
export type DeadlineState = 'none' | 'ok' | 'due_soon' | 'overdue';

/** Where a report stands against its deadline: no clock (none), ok, due within 48 h, or overdue. */
export function deadlineState(
  dueAt: Date | string | null | undefined,
  status: string,
  now: Date = new Date(),
): DeadlineState {
  if (!dueAt || !OPEN_STATUSES.includes(status as Status)) return 'none';
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_HOURS * 3600_000 ? 'due_soon' : 'ok';
}
