import { Chip, Stack } from '@mui/material';
import { useLocation } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { PageTabs } from '../components/PageTabs';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';
import { CamerasMap } from './CamerasMap';
import { OutagesTab } from './registry/OutagesTab';
import { RegistryTab } from './registry/RegistryTab';
import { CameraStatusProvider, useCameraStatus } from './useCameraStatus';
import { WallPage } from './wall/WallPage';

export type CamerasTab = 'map' | 'wall' | 'registry' | 'outages';

export const CAMERAS_TABS: readonly { id: CamerasTab; path: string; label: MessageKey }[] = [
  { id: 'map', path: '/cameras', label: 'cameras.tab.map' },
  { id: 'wall', path: '/cameras/wall', label: 'cameras.tab.wall' },
  { id: 'registry', path: '/cameras/registry', label: 'cameras.tab.registry' },
  { id: 'outages', path: '/cameras/outages', label: 'cameras.tab.outages' },
];

/** The tab a console path belongs to (/cameras/wall → wall; anything else under /cameras → map). */
export function camerasTabOf(pathname: string): CamerasTab {
  const rest = pathname.replace(/\/+$/, '').split('/cameras/')[1]?.split('/')[0];
  return rest === 'wall' || rest === 'registry' || rest === 'outages' ? rest : 'map';
}

/** Whether the live status stream is connected (a small chip in the header). */
function StreamChip() {
  const { t } = useI18n();
  const { connected } = useCameraStatus();
  return (
    <Chip
      size="small"
      color={connected ? 'success' : 'warning'}
      variant="outlined"
      label={t(connected ? 'cameras.stream.connected' : 'cameras.stream.reconnecting')}
      data-testid="camera-stream"
      data-connected={connected}
    />
  );
}

/**
 * Traffic cameras (cameras:view): the map with the live panel, the camera wall, the registry and the outage
 * history, as tabs with their own addresses. One live status stream serves every tab.
 */
export function CamerasPage() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const tab = camerasTabOf(pathname);
  return (
    <CameraStatusProvider>
      <Stack spacing={1.5}>
        <PageTabs
          tabs={CAMERAS_TABS.map((x) => ({ id: x.id, path: x.path, label: t(x.label) }))}
          active={tab}
          label={t('cameras.tabs.label')}
          testIdPrefix="cameras-tab"
        />
        {tab === 'wall' ? null : (
          <PageHeader title={t('cameras.title')} subtitle={t('cameras.subtitle')} action={<StreamChip />} />
        )}
        {tab === 'map' ? <CamerasMap /> : null}
        {tab === 'wall' ? <WallPage /> : null}
        {tab === 'registry' ? <RegistryTab /> : null}
        {tab === 'outages' ? <OutagesTab /> : null}
      </Stack>
    </CameraStatusProvider>
  );
}
