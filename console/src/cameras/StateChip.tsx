import { Box, Chip } from '@mui/material';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';
import { stateCss, type DisplayState } from './status';

export const STATE_LABEL: Record<DisplayState, MessageKey> = {
  live: 'cameras.state.live',
  connecting: 'cameras.state.connecting',
  offline: 'cameras.state.offline',
  error: 'cameras.state.error',
  unknown: 'cameras.state.unknown',
  disabled: 'cameras.state.disabled',
};

/** A coloured dot (hollow for a disabled camera). */
export function StateDot({ state, size = 10 }: { state: DisplayState; size?: number }) {
  const hollow = state === 'disabled';
  return (
    <Box
      component="span"
      sx={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: '50%',
        flexShrink: 0,
        bgcolor: hollow ? 'transparent' : stateCss(state),
        border: hollow ? `2px solid ${stateCss(state)}` : 'none',
      }}
    />
  );
}

/** The state of a camera as a small chip with its colour. */
export function StateChip({
  state,
  testId,
  title,
}: {
  state: DisplayState;
  testId?: string;
  /** Shown on hover, e.g. ffmpeg's message of an offline camera. */
  title?: string | null;
}) {
  const { t } = useI18n();
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<StateDot state={state} />}
      label={t(STATE_LABEL[state])}
      data-testid={testId}
      data-state={state}
      title={title ?? undefined}
      sx={{ '& .MuiChip-icon': { ml: 1 } }}
    />
  );
}
