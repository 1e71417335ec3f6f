import { Chip } from '@mui/material';
import { useI18n } from '../../i18n/context';
import { currentStatus } from '../status';
import { useCameraStatus } from '../useCameraStatus';
import type { Camera, CameraState } from './form';

const COLOR: Record<CameraState, 'success' | 'info' | 'error' | 'warning' | 'default'> = {
  live: 'success',
  connecting: 'info',
  offline: 'error',
  error: 'warning',
  unknown: 'default',
};

/** A camera state as a small coloured chip. */
export function StateChip({ state, title }: { state: CameraState; title?: string | null }) {
  const { t } = useI18n();
  return (
    <Chip
      size="small"
      label={t(`camerasRegistry.state.${state}`)}
      color={COLOR[state]}
      variant={state === 'unknown' ? 'outlined' : 'filled'}
      title={title ?? undefined}
      data-state={state}
    />
  );
}

/** The state of a camera in a table: the live status stream's when it has one, else the list's. */
export function LiveStateChip({ camera }: { camera: Camera }) {
  const { statuses } = useCameraStatus();
  const status = currentStatus(statuses, camera);
  return <StateChip state={status.state} title={status.message} />;
}
