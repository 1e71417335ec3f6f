import type { components } from '../api/schema';

/** Pure rules of "my applications": the states, which are still open, what comes next, interview notes. */
export type Application = components['schemas']['JobApplicationView'];
export type ApplicationSummary = components['schemas']['JobApplicationSummary'];
export type AppStatus = Application['status'];

export const STATUSES: readonly AppStatus[] = [
  'submitted',
  'viewed',
  'shortlisted',
  'interview',
  'hired',
  'rejected',
  'withdrawn',
];

/** The usual way forward; rejected and withdrawn can end it at any open step. */
const PATH: readonly AppStatus[] = ['submitted', 'viewed', 'shortlisted', 'interview', 'hired'];

/** Still open: the employer can move it on, the applicant can withdraw and write. */
export const isOpen = (s: AppStatus): boolean =>
  s === 'submitted' || s === 'viewed' || s === 'shortlisted' || s === 'interview';

/** The steps still ahead of an open application (shown greyed under its timeline). */
export function stepsAhead(s: AppStatus): AppStatus[] {
  if (!isOpen(s)) return [];
  return PATH.slice(PATH.indexOf(s) + 1);
}

/** An interview step's note, `2026-12-05T07:30:00.000Z — Phòng nhân sự, KCN Hòa Phú`, split; else null. */
export function interviewNote(note: string | null): { at: string; place: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z) — ([\s\S]+)$/.exec(note ?? '');
  return m ? { at: m[1]!, place: m[2]! } : null;
}

/** The query of GET /work/applications/mine for a status filter ('' = all) and a page. */
export function mineQuery(status: AppStatus | '', page: number, pageSize = 20) {
  return { ...(status ? { status } : {}), page, pageSize };
}

/** How many pages a total makes (at least one). */
export const pageCount = (total: number, pageSize: number): number =>
  Math.max(1, Math.ceil(total / pageSize));
