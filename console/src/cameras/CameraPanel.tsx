import CloseIcon from '@mui/icons-material/Close';
import {
  Box,
  Chip,
  Divider,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { formatNumber } from '../components/charts';
import { useI18n } from '../i18n/context';
import { formatDateTime } from '../time';
import { LivePlayer } from './LivePlayer';
import { useCameraEvents, type Camera } from './queries';
import { StateChip, STATE_LABEL } from './StateChip';
import { displayState, formatDuration, type CameraStatus, type StatusMap } from './status';

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 600, textAlign: 'right' }} data-testid={testId}>
        {value}
      </Typography>
    </Stack>
  );
}

function Stats({ status }: { status: CameraStatus }) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  return (
    <Stack spacing={0.5} data-testid="camera-stats">
      <Row
        label={t('cameras.panel.since')}
        value={formatDateTime(status.since, lang) ?? none}
        testId="camera-since"
      />
      <Row
        label={t('cameras.panel.lastFrame')}
        value={formatDateTime(status.lastFrameAt, lang) ?? t('common.never')}
        testId="camera-last-frame"
      />
      <Row
        label={t('cameras.panel.bitrate')}
        value={status.bitrateKbps === null ? none : `${formatNumber(status.bitrateKbps, lang)} kbit/s`}
      />
      <Row
        label={t('cameras.panel.fps')}
        value={status.fps === null ? none : formatNumber(status.fps, lang, 1)}
      />
      <Row
        label={t('cameras.panel.viewers')}
        value={formatNumber(status.viewers, lang)}
        testId="camera-viewers"
      />
      {status.message ? (
        <Row label={t('cameras.panel.message')} value={status.message} testId="camera-message" />
      ) : null}
    </Stack>
  );
}

function History({ cameraId, bump }: { cameraId: string; bump: string }) {
  const { t, lang } = useI18n();
  const events = useCameraEvents(cameraId, bump, 15);
  const items = events.data?.items ?? [];
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 0.5 }}>
        {t('cameras.panel.history')}
      </Typography>
      {events.problem ? (
        <Typography variant="body2" color="error">
          {t('cameras.panel.historyFailed')}
        </Typography>
      ) : items.length === 0 && !events.loading ? (
        <Typography variant="body2" color="text.secondary">
          {t('cameras.panel.historyEmpty')}
        </Typography>
      ) : (
        <List dense disablePadding data-testid="camera-history">
          {items.map((e) => (
            <ListItem key={e.id} disableGutters data-state={e.state}>
              <ListItemText
                primary={`${t(STATE_LABEL[e.state])} · ${formatDateTime(e.at, lang) ?? ''}`}
                secondary={[
                  e.durationMs === null ? t('cameras.panel.ongoing') : formatDuration(e.durationMs, lang),
                  e.message,
                ]
                  .filter(Boolean)
                  .join(' — ')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

/** The side panel of the map page: the camera's live video, details, stats and its recent outages. */
export function CameraPanel({
  camera,
  statuses,
  onClose,
  onChanged,
}: {
  camera: Camera;
  statuses: StatusMap;
  onClose: () => void;
  /** The live player found the camera changed (disabled, deleted, readdressed): reload it. */
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const status = statuses.get(camera.id) ?? camera.status;
  const state = displayState(statuses, camera);
  return (
    <Paper
      variant="outlined"
      sx={{ height: '100%', display: 'flex', flexDirection: 'column', overflow: 'hidden' }}
      data-testid="camera-panel"
      data-camera={camera.id}
      aria-label={camera.name}
      role="region"
    >
      <Stack
        direction="row"
        sx={{ alignItems: 'center', px: 1.5, py: 1, bgcolor: 'primary.main', color: '#fff' }}
      >
        <Typography
          variant="subtitle1"
          component="h2"
          sx={{ flex: 1, fontWeight: 700 }}
          noWrap
          title={camera.name}
        >
          {camera.name}
        </Typography>
        <IconButton size="small" onClick={onClose} aria-label={t('common.close')} sx={{ color: 'inherit' }}>
          <CloseIcon fontSize="small" />
        </IconButton>
      </Stack>
      <Box sx={{ aspectRatio: '16 / 9', width: '100%', flexShrink: 0 }}>
        {camera.enabled ? (
          <LivePlayer cameraId={camera.id} onFinal={onChanged} />
        ) : (
          <Stack
            sx={{
              height: '100%',
              bgcolor: '#222',
              color: '#fff',
              alignItems: 'center',
              justifyContent: 'center',
            }}
          >
            <Typography variant="body2">{t('cameras.player.disabled')}</Typography>
          </Stack>
        )}
      </Box>
      <Stack spacing={1.5} sx={{ p: 1.5, overflow: 'auto' }}>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <StateChip state={state} testId="camera-panel-state" />
          <Typography variant="caption" color="text.secondary">
            {camera.code}
          </Typography>
          {camera.private ? <Chip size="small" label={t('cameras.panel.private')} /> : null}
          {camera.demo ? <Chip size="small" label={t('cameras.panel.demo')} /> : null}
        </Stack>
        <Stack spacing={0.5}>
          <Row label={t('cameras.panel.address')} value={camera.address ?? t('common.none')} />
          <Row label={t('cameras.panel.commune')} value={camera.communeName ?? t('common.none')} />
          <Row label={t('cameras.panel.direction')} value={camera.direction ?? t('common.none')} />
          {camera.tags.length > 0 ? (
            <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
              {camera.tags.map((tag) => (
                <Chip key={tag} size="small" variant="outlined" label={tag} />
              ))}
            </Stack>
          ) : null}
        </Stack>
        <Divider />
        <Stats status={status} />
        <Divider />
        <History cameraId={camera.id} bump={`${status.state}:${status.since}`} />
      </Stack>
    </Paper>
  );
}
