import type { Bilingual } from '../../platform/errors.ts';

export type AppStatus =
  'submitted' | 'viewed' | 'shortlisted' | 'interview' | 'hired' | 'rejected' | 'withdrawn';

/** Allowed next states; `interview → interview` reschedules. withdrawn, hired and rejected are final. */
export const NEXT: Record<AppStatus, readonly AppStatus[]> = {
  submitted: ['viewed', 'rejected', 'withdrawn'],
  viewed: ['shortlisted', 'rejected', 'withdrawn'],
  shortlisted: ['interview', 'rejected', 'withdrawn'],
  interview: ['interview', 'hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export const OPEN: readonly AppStatus[] = ['submitted', 'viewed', 'shortlisted', 'interview'];

/** "14:30 05/12/2026" in Vietnam's time. */
export function vnTime(d: Date): string {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (t: string) => f.find((x) => x.type === t)?.value ?? '';
  return `${p('hour')}:${p('minute')} ${p('day')}/${p('month')}/${p('year')}`;
}

/** What the applicant is told at each step. */
export function applicantNotice(
  status: AppStatus,
  job: { title: string; company: string },
  extra: { interviewAt?: Date | null; interviewPlace?: string | null; reason?: string | null },
): { title: Bilingual; body: Bilingual } {
  const at = `${job.title} — ${job.company}`;
  switch (status) {
    case 'viewed':
      return {
        title: { vi: 'Nhà tuyển dụng đã xem hồ sơ của bạn', en: 'The employer viewed your application' },
        body: { vi: at, en: at },
      };
    case 'shortlisted':
      return {
        title: { vi: 'Bạn đã vào danh sách chọn', en: 'You are on the shortlist' },
        body: { vi: at, en: at },
      };
    case 'interview': {
      const when = extra.interviewAt ? vnTime(extra.interviewAt) : '';
      return {
        title: { vi: 'Mời phỏng vấn', en: 'Interview invitation' },
        body: {
          vi: `${at}. Thời gian: ${when} (giờ Việt Nam). Địa điểm: ${extra.interviewPlace ?? ''}.`,
          en: `${at}. When: ${when} (Vietnam time). Where: ${extra.interviewPlace ?? ''}.`,
        },
      };
    }
    case 'hired':
      return {
        title: { vi: 'Chúc mừng! Bạn đã trúng tuyển', en: 'Congratulations! You are hired' },
        body: { vi: at, en: at },
      };
    case 'rejected':
      return {
        title: { vi: 'Hồ sơ chưa phù hợp', en: 'Your application was not selected' },
        body: {
          vi: extra.reason ? `${at}. Lý do: ${extra.reason}` : at,
          en: extra.reason ? `${at}. Reason: ${extra.reason}` : at,
        },
      };
    default:
      return {
        title: { vi: 'Cập nhật hồ sơ ứng tuyển', en: 'Application update' },
        body: { vi: at, en: at },
      };
  }
}

export const STATUS_VI: Record<AppStatus, string> = {
  submitted: 'Đã nộp',
  viewed: 'Đã xem',
  shortlisted: 'Vào danh sách chọn',
  interview: 'Mời phỏng vấn',
  hired: 'Trúng tuyển',
  rejected: 'Không phù hợp',
  withdrawn: 'Đã rút',
};
