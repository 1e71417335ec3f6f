import type { components } from '../api/schema';
import { getLang, t, type MessageKey } from '../i18n';
import { daysLeft, formatDate, formatSalary, vietnamToday } from './format';
import './jobs.css';

export type JobSummary = components['schemas']['JobSummary'];
export type JobDetail = components['schemas']['JobDetail'];

/** Salary text of a posting in the current language: "8–12 triệu/tháng" or "Thỏa thuận". */
export function salaryText(job: Pick<JobSummary, 'salaryMin' | 'salaryMax' | 'salaryNegotiable'>): string {
  return formatSalary(
    job,
    {
      negotiable: t('jobs.negotiable'),
      perMonth: t('jobs.perMonth'),
      from: t('jobs.from'),
      upTo: t('jobs.upTo'),
    },
    getLang(),
  );
}

/** A translated label for a code the API sends (benefit, shift, type); the code itself when unknown. */
export function label(prefix: 'jobs.benefit.' | 'jobs.shift.' | 'jobs.type.', code: string): string {
  const text = t(`${prefix}${code}` as MessageKey) as string | undefined;
  return text ?? code;
}

const BENEFIT_ICONS: Record<string, string> = {
  housing: 'M3 11l9-7 9 7M5 9.5V20h14V9.5',
  shuttle_bus: 'M5 3h14v14H5zM5 10h14M7 17v3M17 17v3',
  meals: 'M7 3v18M4 3v6a3 3 0 0 0 6 0V3M17 3c-2 2-3 5-3 8h3v10',
  social_insurance: 'M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6z',
  health_insurance: 'M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6zM12 9v6M9 12h6',
  bonus: 'M4 10h16v10H4zM3 7h18v3H3zM12 7v13M12 7c-2-4-6-3-5 0M12 7c2-4 6-3 5 0',
  training: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5',
  overtime_pay: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  childcare: 'M12 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM7 22v-7l-2-3 4-3h6l4 3-2 3v7',
};

/** Benefits as chips with a small icon. */
export function BenefitChips(props: { benefits: readonly string[]; testId?: string }) {
  if (props.benefits.length === 0) return null;
  return (
    <ul class="jb-chips" data-testid={props.testId}>
      {props.benefits.map((b) => (
        <li key={b} class="jb-chip">
          {BENEFIT_ICONS[b] && (
            <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path
                d={BENEFIT_ICONS[b]}
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
          )}
          {label('jobs.benefit.', b)}
        </li>
      ))}
    </ul>
  );
}

/** "Hạn nộp: 31/12/2026", "Còn 3 ngày", "Hạn cuối hôm nay" or "Đã hết hạn nộp". */
export function Deadline(props: { deadline: string | null; class?: string }) {
  if (!props.deadline) return <p class={props.class ?? 'jb-meta'}>{t('jobs.noDeadline')}</p>;
  const left = daysLeft(props.deadline, vietnamToday());
  const date = t('jobs.deadline', { date: formatDate(props.deadline) });
  if (left < 0)
    return <p class={`${props.class ?? 'jb-meta'} jb-deadline-passed`}>{t('jobs.deadlinePassed')}</p>;
  if (left === 0)
    return <p class={`${props.class ?? 'jb-meta'} jb-deadline-soon`}>{t('jobs.deadlineToday')}</p>;
  if (left <= 7)
    return (
      <p class={`${props.class ?? 'jb-meta'} jb-deadline-soon`}>
        {date} · {t('jobs.deadlineDays', { n: left })}
      </p>
    );
  return <p class={props.class ?? 'jb-meta'}>{date}</p>;
}

/** "KCN Hòa Phú · Xã Hòa Phú", the zone first when there is one. */
export function placeText(job: Pick<JobSummary, 'zoneName' | 'communeName'>): string {
  return [job.zoneName, job.communeName].filter(Boolean).join(' · ');
}
