import { Autocomplete, Button, Chip, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/context';
import { useDebouncedCallback } from '../useApiQuery';
import { StateDot, STATE_LABEL } from './StateChip';
import type { DisplayState } from './status';

export const FILTER_STATES: readonly DisplayState[] = [
  'live',
  'connecting',
  'offline',
  'error',
  'unknown',
  'disabled',
];

export interface MapFilterValue {
  q: string;
  tag: string;
  communeCode: string;
  states: readonly DisplayState[];
}

interface Props {
  value: MapFilterValue;
  tags: readonly string[];
  communes: readonly { code: string; name: string }[];
  /** Cameras per state among those the other filters keep. */
  counts: Partial<Record<DisplayState, number>>;
  onChange: (patch: Partial<MapFilterValue>) => void;
  onClear: () => void;
}

/** Search (accents ignored by the api), tag and commune, and state chips with their counts. */
export function MapFilters({ value, tags, communes, counts, onChange, onClear }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState(value.q);
  useEffect(() => setQ(value.q), [value.q]);
  const pushQ = useDebouncedCallback((next: string) => onChange({ q: next }), 300);
  const commune = communes.find((c) => c.code === value.communeCode) ?? null;
  const toggle = (s: DisplayState) =>
    onChange({
      states: value.states.includes(s) ? value.states.filter((x) => x !== s) : [...value.states, s],
    });
  const filtered = value.q || value.tag || value.communeCode || value.states.length > 0;
  return (
    <Stack spacing={1} data-testid="camera-filters">
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 1 }}>
        <TextField
          size="small"
          label={t('cameras.filter.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            pushQ(e.target.value);
          }}
          sx={{ minWidth: 260, flex: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'camera-search' } }}
        />
        <TextField
          select
          size="small"
          label={t('cameras.filter.tag')}
          value={value.tag}
          onChange={(e) => onChange({ tag: e.target.value })}
          sx={{ minWidth: 180 }}
          slotProps={{ htmlInput: { 'data-testid': 'camera-tag' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {tags.map((tag) => (
            <MenuItem key={tag} value={tag}>
              {tag}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          size="small"
          options={communes as { code: string; name: string }[]}
          value={commune}
          getOptionLabel={(c) => c.name}
          isOptionEqualToValue={(a, b) => a.code === b.code}
          onChange={(_, c) => onChange({ communeCode: c?.code ?? '' })}
          renderInput={(params) => <TextField {...params} label={t('cameras.filter.commune')} />}
          sx={{ minWidth: 240 }}
          noOptionsText={t('cameras.filter.noCommune')}
        />
        {filtered ? (
          <Button onClick={onClear} data-testid="camera-filters-clear">
            {t('common.clear')}
          </Button>
        ) : null}
      </Stack>
      <Stack
        direction="row"
        sx={{ gap: 0.75, flexWrap: 'wrap' }}
        role="group"
        aria-label={t('cameras.filter.state')}
      >
        {FILTER_STATES.map((s) => {
          const on = value.states.includes(s);
          return (
            <Chip
              key={s}
              size="small"
              clickable
              icon={<StateDot state={s} />}
              label={`${t(STATE_LABEL[s])} (${counts[s] ?? 0})`}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              aria-pressed={on}
              onClick={() => toggle(s)}
              data-testid={`camera-state-filter-${s}`}
              sx={{ '& .MuiChip-icon': { ml: 1 } }}
            />
          );
        })}
      </Stack>
    </Stack>
  );
}
