import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import { Box, Button, InputAdornment, MenuItem, Paper, Stack, TextField } from '@mui/material';
import { formatShare } from '../components/charts';
import { useI18n } from '../i18n/context';
import { MonthField } from './MonthField';
import type { WorkforceView } from './workforceView';

export interface ZoneOption {
  code: string;
  name: string;
}

interface Props {
  view: WorkforceView;
  invalid: boolean;
  /** The line the api uses when none is asked for (WORKFORCE_VACANCY_ALERT). */
  defaultThreshold: number | null;
  zones: readonly ZoneOption[];
  /** Latest month that can be chosen (YYYY-MM). */
  maxMonth: string;
  filtered: boolean;
  onChange: (patch: Partial<WorkforceView>) => void;
  onClear: () => void;
}

/** Month range, zone (all = the province) and the vacancy-rate alert line. */
export function WorkforceFilters({
  view,
  invalid,
  defaultThreshold,
  zones,
  maxMonth,
  filtered,
  onChange,
  onClear,
}: Props) {
  const { t, lang } = useI18n();
  const percent = view.threshold === null ? '' : String(Math.round(view.threshold * 1000) / 10);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
        <MonthField
          label={t('wf.from')}
          value={view.from}
          max={maxMonth}
          onChange={(from) => onChange({ from })}
          error={invalid}
          helperText={invalid ? t('wf.invalidRange') : undefined}
          testId="wf-from"
        />
        <MonthField
          label={t('wf.to')}
          value={view.to}
          max={maxMonth}
          onChange={(to) => onChange({ to })}
          error={invalid}
          testId="wf-to"
        />
        <TextField
          select
          size="small"
          label={t('wf.zone')}
          value={view.zone}
          onChange={(e) => onChange({ zone: e.target.value })}
          sx={{ minWidth: 260 }}
          slotProps={{
            select: { displayEmpty: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'wf-zone' },
          }}
        >
          <MenuItem value="">{t('wf.province')}</MenuItem>
          {zones.map((z) => (
            <MenuItem key={z.code} value={z.code}>
              {z.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="number"
          size="small"
          label={t('wf.threshold')}
          value={percent}
          placeholder={defaultThreshold === null ? '' : String(Math.round(defaultThreshold * 1000) / 10)}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (e.target.value === '') onChange({ threshold: null });
            else if (Number.isFinite(n) && n >= 0 && n <= 100) onChange({ threshold: n / 100 });
          }}
          helperText={
            defaultThreshold === null
              ? undefined
              : t('wf.thresholdDefault', { value: formatShare(defaultThreshold, lang) ?? '' })
          }
          sx={{ width: 190 }}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { min: 0, max: 100, step: 1, 'data-testid': 'wf-threshold' },
            input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
          }}
        />
        <Box sx={{ flex: 1 }} />
        <Button onClick={onClear} startIcon={<FilterAltOffIcon />} disabled={!filtered}>
          {t('common.clear')}
        </Button>
      </Stack>
    </Paper>
  );
}
