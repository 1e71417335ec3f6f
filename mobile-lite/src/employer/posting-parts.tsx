import { useCommunes } from '../feedback/parts';
import { t, type MessageKey } from '../i18n';
import { BenefitChips, Deadline, label, salaryText } from '../jobs/parts';
import { Chip, Facts } from './fields';
import type { Posting, PostingStatus } from './posting-form';
import { useZones } from './refs';

export const postingStatusText = (s: PostingStatus) => t(`employer.p.${s}` as MessageKey);

export function PostingChip(props: { status: PostingStatus }) {
  return <Chip kind={props.status} text={postingStatusText(props.status)} testId="posting-status" />;
}

/** A posting as the employer wrote it: pay, type, openings, place, shifts, deadline, text and benefits. */
export function PostingSummary(props: { posting: Posting }) {
  const p = props.posting;
  const communes = useCommunes();
  const zones = useZones();
  const place = [
    zones?.find((z) => z.code === p.zoneCode)?.name,
    communes?.find((c) => c.code === p.communeCode)?.name,
  ]
    .filter(Boolean)
    .join(' · ');
  const rows: Array<[MessageKey, string]> = [
    ['jobs.salaryLabel', salaryText(p)],
    ['employer.f.type', label('jobs.type.', p.employmentType)],
    ['employer.f.openings', String(p.openings)],
    ['jobs.place', place],
    ['employer.f.shifts', p.shifts.map((s) => label('jobs.shift.', s)).join(', ')],
  ];
  return (
    <>
      <Facts rows={rows} testId="posting-facts" />
      <Deadline deadline={p.deadline} />
      <h3>{t('employer.f.description')}</h3>
      <p class="em-text-block">{p.description}</p>
      {p.requirements && (
        <>
          <h3>{t('jobs.requirements')}</h3>
          <p class="em-text-block">{p.requirements}</p>
        </>
      )}
      <BenefitChips benefits={p.benefits} />
    </>
  );
}
