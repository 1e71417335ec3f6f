import { Box, Tab, Tabs } from '@mui/material';
import { Link as RouterLink, useLocation } from 'react-router';
import { useAuth } from '../auth/context';
import { hasPermission } from '../auth/permissions';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';

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

/** Tabs above every feedback page: queue, deadlines, statistics, forwarding (triage staff only). */
export function FeedbackTabs() {
  const { t } = useI18n();
  const { permissions } = useAuth();
  const { pathname } = useLocation();
  const tabs = visibleFeedbackTabs(permissions);
  const active = feedbackTabOf(pathname);
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
      <Tabs
        value={tabs.some((tab) => tab.id === active) ? active : false}
        aria-label={t('fbTabs.label')}
        variant="scrollable"
        scrollButtons="auto"
      >
        {tabs.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            label={t(tab.label)}
            component={RouterLink}
            to={tab.path}
            data-testid={`feedback-tab-${tab.id}`}
          />
        ))}
      </Tabs>
    </Box>
  );
}
