import {
  Alert,
  Autocomplete,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { asProblem, fieldErrors, type Problem } from '../../api/problem';
import { DialogProblem } from '../../components/ProblemAlert';
import { filterCommunes, type Commune } from '../../feedback/references';
import { useI18n } from '../../i18n/context';
import { useNotify } from '../../notify';
import {
  EMPTY_FORM,
  formFromCamera,
  formToCreate,
  formToUpdate,
  localErrors,
  normaliseTags,
  parseCoordinate,
  probeBody,
  type Camera,
  type CameraForm,
  type CameraProbe,
} from './form';
import { BulkConfirmDialog } from './BulkConfirmDialog';
import { FeedFields } from './FeedFields';
import { LocationPicker } from './LocationPicker';
import { createCamera, probeCamera, updateCamera } from './queries';

interface Props {
  /** null = a new camera. */
  camera: Camera | null;
  communes: Commune[];
  onClose: () => void;
  onSaved: () => void;
}

/** Add or edit a camera; test its feed before saving; the test made on save is shown afterwards. */
export function CameraFormDialog({ camera: initial, communes, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const [camera, setCamera] = useState<Camera | null>(initial);
  const [deleting, setDeleting] = useState(false);
  const [form, setForm] = useState<CameraForm>(initial ? formFromCamera(initial) : EMPTY_FORM);
  const [tagText, setTagText] = useState('');
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState<'save' | 'probe' | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const [probe, setProbe] = useState<{ result: CameraProbe; onSave: boolean } | null>(null);
  const editing = camera !== null;
  const set = (patch: Partial<CameraForm>) => setForm((f) => ({ ...f, ...patch }));

  const local = localErrors(form, editing);
  const server = problem ? fieldErrors(problem, lang) : {};
  // A refusal whose every field error shows under its field needs no other text than "correct the fields".
  const underFields =
    problem?.status === 400 &&
    (problem.errors?.length ?? 0) > 0 &&
    Object.keys(server).every((k) => k in EMPTY_FORM);
  const error = (field: keyof CameraForm): string | undefined => {
    const key = shown ? local[field] : undefined;
    return key ? t(key) : server[field];
  };

  const runProbe = async () => {
    const body = probeBody(form, camera?.id ?? null);
    if (!body) {
      setShown(true);
      return;
    }
    setBusy('probe');
    setProbe(null);
    setProblem(undefined);
    try {
      setProbe({ result: await probeCamera(body), onSave: false });
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setShown(true);
    if (Object.keys(local).length > 0) return;
    setBusy('save');
    setProblem(undefined);
    setProbe(null);
    try {
      const tags = normaliseTags([...form.tags, tagText]);
      const saved = camera
        ? await updateCamera(camera.id, formToUpdate({ ...form, tags }))
        : await createCamera(formToCreate({ ...form, tags }));
      notify(t('camerasRegistry.form.saved', { code: saved.code }), 'success');
      onSaved();
      if (!saved.probe) {
        onClose();
        return;
      }
      // Stay open on the saved camera to show how its feed answered.
      const { probe: result, ...rest } = saved;
      setCamera(rest);
      setForm(formFromCamera(rest));
      setTagText('');
      setShown(false);
      setProbe({ result, onSave: true });
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(null);
    }
  };

  const commune = communes.find((c) => c.code === form.communeCode) ?? null;
  const text = (field: 'code' | 'name' | 'address' | 'direction', max: number, extra: object = {}) => ({
    label: t(`camerasRegistry.form.${field}`),
    value: form[field],
    onChange: (e: { target: { value: string } }) => set({ [field]: e.target.value }),
    error: Boolean(error(field)),
    fullWidth: true,
    size: 'small' as const,
    slotProps: { htmlInput: { maxLength: max, 'data-testid': `cam-form-${field}` } },
    ...extra,
  });

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="cam-form-title"
      data-testid="cam-form-dialog"
    >
      <DialogTitle id="cam-form-title">
        {camera
          ? t('camerasRegistry.form.editTitle', { code: camera.code })
          : t('camerasRegistry.form.addTitle')}
      </DialogTitle>
      <DialogContent dividers>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
            <TextField
              {...text('code', 40)}
              required
              helperText={error('code') ?? t('camerasRegistry.form.codeHelp')}
            />
            <TextField {...text('name', 200)} required helperText={error('name')} />
            <Stack direction="row" spacing={1}>
              {(['lat', 'lng'] as const).map((f) => (
                <TextField
                  key={f}
                  label={t(`camerasRegistry.form.${f}`)}
                  value={form[f]}
                  onChange={(e) => set({ [f]: e.target.value })}
                  required
                  size="small"
                  error={Boolean(error(f))}
                  helperText={error(f)}
                  slotProps={{
                    htmlInput: { inputMode: 'decimal', maxLength: 20, 'data-testid': `cam-form-${f}` },
                  }}
                />
              ))}
            </Stack>
            <LocationPicker
              lat={parseCoordinate(form.lat, 90)}
              lng={parseCoordinate(form.lng, 180)}
              onPick={(lat, lng) => set({ lat: String(lat), lng: String(lng) })}
            />
            <Stack spacing={0}>
              <FormControlLabel
                control={
                  <Switch
                    checked={form.enabled}
                    onChange={(e) => set({ enabled: e.target.checked })}
                    data-testid="cam-form-enabled"
                  />
                }
                label={t('camerasRegistry.form.enabled')}
              />
              <FormControlLabel
                control={
                  <Switch
                    checked={form.private}
                    onChange={(e) => set({ private: e.target.checked })}
                    data-testid="cam-form-private"
                  />
                }
                label={t('camerasRegistry.form.private')}
              />
            </Stack>
          </Stack>
          <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
            <Autocomplete<Commune>
              options={communes}
              value={commune}
              onChange={(_e, c) => set({ communeCode: c?.code ?? '' })}
              getOptionLabel={(c) => c.name}
              getOptionKey={(c) => c.code}
              isOptionEqualToValue={(a, b) => a.code === b.code}
              filterOptions={filterCommunes}
              noOptionsText={t('camerasRegistry.filter.communeNone')}
              size="small"
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={t('camerasRegistry.form.commune')}
                  error={Boolean(error('communeCode'))}
                  helperText={error('communeCode')}
                  inputProps={{ ...params.inputProps, 'data-testid': 'cam-form-commune' }}
                />
              )}
            />
            <TextField {...text('address', 300)} helperText={error('address')} />
            <TextField
              {...text('direction', 120)}
              helperText={error('direction') ?? t('camerasRegistry.form.directionHelp')}
            />
            <Autocomplete<string, true, false, true>
              multiple
              freeSolo
              options={[]}
              value={form.tags}
              inputValue={tagText}
              onInputChange={(_e, v) => setTagText(v)}
              onChange={(_e, v) => set({ tags: normaliseTags(v) })}
              renderValue={(value, getItemProps) =>
                value.map((tag, index) => {
                  const { key, ...itemProps } = getItemProps({ index });
                  return <Chip key={key} size="small" label={tag} {...itemProps} />;
                })
              }
              renderInput={(params) => (
                <TextField
                  {...params}
                  size="small"
                  label={t('camerasRegistry.form.tags')}
                  error={Boolean(error('tags'))}
                  helperText={error('tags') ?? t('camerasRegistry.form.tagsHelp')}
                  inputProps={{ ...params.inputProps, maxLength: 40, 'data-testid': 'cam-form-tags' }}
                />
              )}
            />
            <FeedFields
              form={form}
              set={set}
              camera={camera}
              error={error}
              busy={busy}
              probe={probe}
              onProbe={() => void runProbe()}
            />
          </Stack>
        </Stack>
        {(shown && Object.keys(local).length > 0) || underFields ? (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="cam-form-fix">
            {t('camerasRegistry.form.fixErrors')}
          </Alert>
        ) : null}
        <DialogProblem problem={underFields ? null : problem} />
      </DialogContent>
      <DialogActions>
        {camera ? (
          <Button
            color="error"
            onClick={() => setDeleting(true)}
            disabled={busy !== null}
            sx={{ mr: 'auto' }}
            data-testid="cam-form-delete"
          >
            {t('camerasRegistry.form.delete')}
          </Button>
        ) : null}
        <Button onClick={onClose} disabled={busy !== null} data-testid="cam-form-close">
          {t(probe?.onSave ? 'common.close' : 'common.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void save()}
          disabled={busy !== null}
          data-testid="cam-form-save"
        >
          {t('common.save')}
        </Button>
      </DialogActions>
      {deleting && camera ? (
        <BulkConfirmDialog
          action="delete"
          ids={[camera.id]}
          onCancel={() => setDeleting(false)}
          onDone={() => {
            onSaved();
            onClose();
          }}
        />
      ) : null}
    </Dialog>
  );
}
