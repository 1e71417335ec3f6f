import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import {
  Box,
  Button,
  Checkbox,
  Divider,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useI18n } from '../../i18n/context';
import type { Camera, CameraForm, CameraProbe } from './form';
import { ProbeResult } from './ProbeResult';

interface Props {
  form: CameraForm;
  set: (patch: Partial<CameraForm>) => void;
  /** The camera being edited (null = new). */
  camera: Camera | null;
  error: (field: keyof CameraForm) => string | undefined;
  busy: 'save' | 'probe' | null;
  probe: { result: CameraProbe; onSave: boolean } | null;
  onProbe: () => void;
}

/** The feed part of the camera form: RTSP address (empty = keep on edit), credentials, the connection test. */
export function FeedFields({ form, set, camera, error, busy, probe, onProbe }: Props) {
  const { t } = useI18n();
  const editing = camera !== null;
  return (
    <>
      <Divider textAlign="left">
        <Typography variant="overline">{t('camerasRegistry.form.feed')}</Typography>
      </Divider>
      <TextField
        label={t('camerasRegistry.form.rtspUrl')}
        value={form.rtspUrl}
        onChange={(e) => set({ rtspUrl: e.target.value })}
        required={!editing}
        size="small"
        fullWidth
        placeholder="rtsp://"
        error={Boolean(error('rtspUrl'))}
        helperText={
          error('rtspUrl') ??
          (camera
            ? t('camerasRegistry.form.rtspKeep', { host: camera.rtspHost })
            : t('camerasRegistry.form.rtspHelp'))
        }
        slotProps={{
          htmlInput: { maxLength: 1000, spellCheck: false, 'data-testid': 'cam-form-rtsp' },
        }}
      />
      <Stack direction="row" spacing={1}>
        <TextField
          label={t('camerasRegistry.form.username')}
          value={form.username}
          onChange={(e) => set({ username: e.target.value })}
          size="small"
          autoComplete="off"
          error={Boolean(error('username'))}
          helperText={error('username')}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'cam-form-username' } }}
        />
        <TextField
          label={t('camerasRegistry.form.password')}
          type="password"
          value={form.password}
          onChange={(e) => set({ password: e.target.value })}
          size="small"
          autoComplete="new-password"
          error={Boolean(error('password'))}
          helperText={error('password')}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'cam-form-password' } }}
        />
      </Stack>
      {camera?.hasCredentials ? (
        <Box>
          <Typography variant="body2" color="text.secondary" data-testid="cam-form-credentials-saved">
            {t('camerasRegistry.form.credentialsSaved')}
          </Typography>
          <FormControlLabel
            control={
              <Checkbox
                size="small"
                checked={form.clearCredentials}
                onChange={(e) => set({ clearCredentials: e.target.checked })}
              />
            }
            label={t('camerasRegistry.form.clearCredentials')}
          />
        </Box>
      ) : null}
      <Box>
        <Button
          variant="outlined"
          startIcon={<NetworkCheckIcon />}
          onClick={onProbe}
          disabled={busy !== null}
          data-testid="cam-form-probe"
        >
          {t(busy === 'probe' ? 'camerasRegistry.form.probing' : 'camerasRegistry.form.probe')}
        </Button>
      </Box>
      {probe ? (
        <ProbeResult
          probe={probe.result}
          title={probe.onSave ? t('camerasRegistry.form.savedProbe') : undefined}
        />
      ) : null}
    </>
  );
}
