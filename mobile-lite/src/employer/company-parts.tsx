import { pick, t, type MessageKey } from '../i18n';
import type { Company } from './company-form';
import { Chip, Facts } from './fields';

export const companyStatusText = (s: Company['status']) => t(`employer.status.${s}` as MessageKey);

/** A company's name, state and, when rejected, the moderator's reason. */
export function CompanyHead(props: { company: Company; withName?: boolean }) {
  const c = props.company;
  return (
    <>
      <div class="em-head">
        {props.withName !== false && <p class="jb-title">{c.name}</p>}
        <Chip kind={c.status} text={companyStatusText(c.status)} testId="company-status" />
      </div>
      {c.status === 'rejected' && c.rejectionReason && (
        <p class="em-reason" data-testid="company-reason">
          {t('employer.reason', { reason: c.rejectionReason })}
        </p>
      )}
    </>
  );
}

/** What the company registered: tax code, address, commune, zone, industry, size, contact. */
export function CompanyFacts(props: { company: Company }) {
  const c = props.company;
  const rows: Array<[MessageKey, string | null]> = [
    ['employer.f.taxCode', c.taxCode],
    ['employer.f.address', c.address],
    ['employer.f.commune', c.communeName],
    ['employer.f.zone', c.zoneName],
    ['employer.f.industry', pick(c.industryName)],
    ['employer.f.size', t('employer.f.sizeValue', { size: c.size })],
    ['employer.f.contact', [c.contact.name, c.contact.phone, c.contact.email].filter(Boolean).join(' · ')],
  ];
  return <Facts rows={rows} testId="company-facts" />;
}
