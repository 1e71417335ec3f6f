import { Chip } from '@mui/material';
import { useI18n } from '../../i18n/context';
import type { CameraState } from './form';

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
