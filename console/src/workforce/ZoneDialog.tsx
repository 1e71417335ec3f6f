import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, fieldErrors, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import {
  checkZoneForm,
  EMPTY_ZONE_FORM,
  formFromZone,
  zoneBody,
  ZONE_KINDS,
  type Zone,
  type ZoneForm,
} from './zoneForm';

type Commune = components['schemas']['Commune'];

/** Create (zone = null) or edit one zone; the API's problems are shown, its field errors under the fields. */
export function ZoneDialog({
  zone,
  communes,
  onCancel,
  onSaved,
}: {
  zone: Zone | null;
  communes: Commune[];
  onCancel: () => void;
  onSaved: (saved: Zone) => void;
}) {
  const { t, lang } = useI18n();
  const creating = zone === null;
  const [form, setForm] = useState<ZoneForm>(() => (zone ? formFromZone(zone) : EMPTY_ZONE_FORM));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const errors = touched ? checkZoneForm(form, creating) : {};
  const server = problem ? fieldErrors(problem, lang) : {};
  const set = (patch: Partial<ZoneForm>) => setForm((f) => ({ ...f, ...patch }));
  const helper = (k: keyof typeof errors & string) =>
    server[k] ?? (errors[k] ? t('zones.field.invalid') : undefined);

  const save = async () => {
    setTouched(true);
    if (busy || Object.keys(checkZoneForm(form, creating)).length > 0) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const body = zoneBody(form);
      const saved = creating
        ? await unwrap(api.POST('/api/v1/work/zones', { body: { code: form.code, ...body } }))
        : await unwrap(api.PUT('/api/v1/work/zones/{code}', { params: { path: { code: zone.code } }, body }));
      onSaved(saved);
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const commune = communes.find((c) => c.code === form.communeCode) ?? null;
  return (
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth="sm" fullWidth data-testid="zone-dialog">
      <DialogTitle>
        {creating ? t('zones.createTitle') : t('zones.editTitle', { name: zone.name })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {creating ? (
            <TextField
              label={t('zones.field.code')}
              value={form.code}
              onChange={(e) => set({ code: e.target.value.trim() })}
              required
              error={Boolean(helper('code'))}
              helperText={helper('code')}
              slotProps={{ htmlInput: { maxLength: 60, 'data-testid': 'zone-code' } }}
            />
          ) : null}
          <TextField
            label={t('zones.field.name')}
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
            required
            error={Boolean(helper('name'))}
            helperText={helper('name')}
            slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'zone-name' } }}
          />
          <TextField
            select
            label={t('zones.field.kind')}
            value={form.kind}
            onChange={(e) => set({ kind: ZONE_KINDS.find((k) => k === e.target.value) ?? 'zone' })}
          >
            {ZONE_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`zones.kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <Autocomplete<Commune>
            options={communes}
            value={commune}
            onChange={(_e, c) => set({ communeCode: c?.code ?? '' })}
            getOptionLabel={(c) => c.name}
            getOptionKey={(c) => c.code}
            isOptionEqualToValue={(a, b) => a.code === b.code}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('zones.field.commune')}
                required
                error={Boolean(helper('communeCode'))}
                helperText={helper('communeCode')}
                inputProps={{ ...params.inputProps, 'data-testid': 'zone-commune' }}
              />
            )}
          />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr 1fr' }}>
            {(['lat', 'lng', 'areaHa'] as const).map((k) => (
              <TextField
                key={k}
                label={t(`zones.field.${k}`)}
                value={form[k]}
                onChange={(e) => set({ [k]: e.target.value })}
                required={k !== 'areaHa'}
                error={Boolean(helper(k))}
                helperText={helper(k)}
                slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `zone-${k}` } }}
              />
            ))}
          </Box>
          <TextField
            label={t('zones.field.note')}
            value={form.note}
            onChange={(e) => set({ note: e.target.value })}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={form.active}
                onChange={(e) => set({ active: e.target.checked })}
                slotProps={{ input: { 'data-testid': 'zone-active' } as object }}
              />
            }
            label={t('zones.field.active')}
          />
          {problem ? <ProblemAlert problem={problem} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="zone-save">
          {t('zones.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
