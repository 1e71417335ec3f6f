import type { Ref } from 'preact';
import type { components } from '../api/schema';
import { caseTone, type CaseStatus } from '../ekyc';
import { pick, t, type MessageKey } from '../i18n';
import { formatClock, formatInstantDay } from '../time';
import { Icon } from './ui';

export type EkycCase = components['schemas']['EkycCase'];

const STATUS_TITLE: Record<CaseStatus, MessageKey> = {
  approved: 'ekyc.status.approved',
  rejected: 'ekyc.status.rejected',
  review: 'ekyc.status.review',
};

/** A tick, a clock, a cross: the status reads without colour too. */
export const STATUS_ICON: Record<CaseStatus, string> = {
  approved: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 12.5l2.8 2.8L16.5 9',
  review: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3.2 2',
  rejected: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9 9l6 6M15 9l-6 6',
};

export function statusTitle(status: CaseStatus): string {
  return t(STATUS_TITLE[status]);
}

const when = (iso: string) => `${formatClock(iso)} ${formatInstantDay(iso)}`;

interface CaseCardProps {
  item: EkycCase;
  testId: string;
  boxRef?: Ref<HTMLDivElement>;
  /** In a list: smaller, and a link to the case. */
  href?: string;
}

/** One verification case: its status with an icon, and in plain words what happens next. */
export function CaseCard({ item, testId, boxRef, href }: CaseCardProps) {
  const tone = caseTone(item.status);
  const head = (
    <div class="verdict-head">
      <Icon d={STATUS_ICON[item.status]} size={href ? 30 : 40} />
      <p class={`verdict-title${href ? ' verdict-title-long' : ''}`}>{statusTitle(item.status)}</p>
    </div>
  );
  return (
    <div
      class={`card verdict verdict-${tone} ekyc-case`}
      data-testid={testId}
      data-status={item.status}
      data-id={item.id}
      role={href ? undefined : tone === 'bad' ? 'alert' : 'status'}
      tabIndex={href ? undefined : -1}
      ref={boxRef}
    >
      {href ? (
        <a class="verdict-link" href={href} data-testid="ekyc-case-open">
          {head}
          <span class="chevron">
            <Icon d="M9 6l6 6-6 6" size={24} />
          </span>
        </a>
      ) : (
        head
      )}
      <div class="verdict-body">
        <p class="next-step" data-testid="ekyc-next-step">
          {pick(item.nextStep)}
        </p>
        {item.decisionReason && (
          <p class="officer-note" data-testid="ekyc-decision-reason">
            <strong>{t('ekyc.officerNote')}</strong> {item.decisionReason}
          </p>
        )}
        <dl class="facts">
          <div>
            <dt>{t('ekyc.sentAt')}</dt>
            <dd>{when(item.createdAt)}</dd>
          </div>
          {item.decidedAt && (
            <div>
              <dt>{t('ekyc.decidedAt')}</dt>
              <dd>{when(item.decidedAt)}</dd>
            </div>
          )}
        </dl>
      </div>
    </div>
  );
}
