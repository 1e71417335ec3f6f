import { useLocation } from 'react-router';
import { useAuth } from '../auth/context';
import { hasPermission } from '../auth/permissions';
import { PageTabs } from '../components/PageTabs';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';

export type WorkforceTab = 'overview' | 'missing' | 'zones';

interface TabInfo {
  id: WorkforceTab;
  path: string;
  label: MessageKey;
  permission: string;
}

export const WORKFORCE_TABS: readonly TabInfo[] = [
  { id: 'overview', path: '/workforce', label: 'wf.tab.overview', permission: 'workforce:read' },
  { id: 'missing', path: '/workforce/missing', label: 'wf.tab.missing', permission: 'workforce:read' },
  { id: 'zones', path: '/workforce/zones', label: 'wf.tab.zones', permission: 'workforce:manage' },
];

/** The tab a console path belongs to. */
export function workforceTabOf(pathname: string): WorkforceTab {
  const rest = pathname.replace(/\/+$/, '').split('/workforce/')[1]?.split('/')[0];
  return rest === 'missing' || rest === 'zones' ? rest : 'overview';
}

export function visibleWorkforceTabs(permissions: readonly string[]): TabInfo[] {
  return WORKFORCE_TABS.filter((tab) => hasPermission(permissions, tab.permission));
}

/** Tabs above every workforce page: overview, companies that have not filed, industrial zones (managers). */
export function WorkforceTabs() {
  const { t } = useI18n();
  const { permissions } = useAuth();
  const { pathname } = useLocation();
  const tabs = visibleWorkforceTabs(permissions);
  const active = workforceTabOf(pathname);
  if (tabs.length < 2) return null;
  return (
    <PageTabs
      tabs={tabs.map((tab) => ({ id: tab.id, path: tab.path, label: t(tab.label) }))}
      active={active}
      label={t('wf.tabs.label')}
      testIdPrefix="workforce-tab"
    />
  );
}
