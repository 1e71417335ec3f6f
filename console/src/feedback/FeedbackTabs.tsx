import { Chip, Stack, Tooltip } from '@mui/material';
import { useLocation } from 'react-router';
import { api, unwrap } from '../api/client';
import { useAuth } from '../auth/context';
import { hasPermission } from '../auth/permissions';
import { PageTabs } from '../components/PageTabs';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';
import { useApiQuery } from '../useApiQuery';

export type FeedbackTab = 'queue' | 'deadlines' | 'stats' | 'forwarding';

interface TabInfo {
  id: FeedbackTab;
  path: string;
  label: MessageKey;
  /** Shown only with this permission (else to everyone who sees the feedback pages). */
  permission?: string;
}

export const FEEDBACK_TABS: readonly TabInfo[] = [
  { id: 'queue', path: '/feedback', label: 'fbTabs.queue' },
  { id: 'deadlines', path: '/feedback/deadlines', label: 'fbTabs.deadlines' },
  { id: 'stats', path: '/feedback/stats', label: 'fbTabs.stats' },
  {
    id: 'forwarding',
    path: '/feedback/forwarding',
    label: 'fbTabs.forwarding',
    permission: 'feedback:triage',
  },
];

/** The tab a console path belongs to: the three fixed pages, else the queue (/feedback, /feedback/{id}). */
export function feedbackTabOf(pathname: string): FeedbackTab {
  const rest = pathname.replace(/\/+$/, '').split('/feedback/')[1]?.split('/')[0];
  if (rest === 'deadlines' || rest === 'stats' || rest === 'forwarding') return rest;
  return 'queue';
}

/** The tabs this user may see, in order. */
export function visibleFeedbackTabs(permissions: readonly string[]): TabInfo[] {
  return FEEDBACK_TABS.filter((tab) => !tab.permission || hasPermission(permissions, tab.permission));
}

/**
 * Tabs above every feedback page: queue, deadlines, statistics, forwarding (triage staff only, with the
 * number of dead letters when there are any). `deadLetters` is passed by the forwarding page, which loads it
 * itself (null while loading).
 */
export function FeedbackTabs({ deadLetters }: { deadLetters?: number | null } = {}) {
  const { t } = useI18n();
  const { permissions } = useAuth();
  const { pathname } = useLocation();
  const tabs = visibleFeedbackTabs(permissions);
  const active = feedbackTabOf(pathname);
  const triage = hasPermission(permissions, 'feedback:triage');
  const dead = useApiQuery(triage && deadLetters === undefined ? 'feedback-dead-letters' : null, (signal) =>
    unwrap(
      api.GET('/api/v1/feedback/forwarding', { params: { query: { state: 'dead', pageSize: 1 } }, signal }),
    ),
  );
  const deadCount = (deadLetters === undefined ? dead.data?.counts.dead : deadLetters) ?? 0;
  const label = (tab: TabInfo) =>
    tab.id === 'forwarding' && deadCount > 0 ? (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <span>{t(tab.label)}</span>
        <Tooltip title={t('fbTabs.deadLetters', { count: deadCount })}>
          <Chip
            size="small"
            color="error"
            label={deadCount}
            aria-label={t('fbTabs.deadLetters', { count: deadCount })}
            data-testid="feedback-tab-dead-letters"
          />
        </Tooltip>
      </Stack>
    ) : (
      t(tab.label)
    );
  return (
    <PageTabs
      tabs={tabs.map((tab) => ({ id: tab.id, path: tab.path, label: label(tab) }))}
      active={active}
      label={t('fbTabs.label')}
      testIdPrefix="feedback-tab"
    />
  );
}
