import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import {
  Autocomplete,
  Box,
  Button,
  createFilterOptions,
  MenuItem,
  Paper,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo } from 'react';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/context';
import { DEFAULT_RANGE, RANGE_PRESETS, type StatsFilters, type StatsRange } from './stats';

type Commune = components['schemas']['Commune'];
interface Named {
  code: string;
  name: string;
  nameEn: string;
}

const foldAccents = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
const filterCommunes = createFilterOptions<Commune>({ stringify: (c) => foldAccents(c.name) });

interface Props {
  filters: StatsFilters;
  /** A custom range that ends before it starts. */
  invalid: boolean;
  onChange: (patch: Partial<StatsFilters>) => void;
  onClear: () => void;
  categories: readonly Named[];
  departments: readonly Named[];
  communes: readonly Commune[];
  communesLoading: boolean;
}

/** The statistics filters: period (presets or custom days), category, department, commune. */
export function StatsFilterBar({
  filters,
  invalid,
  onChange: setFilters,
  onClear,
  categories,
  departments,
  communes,
  communesLoading,
}: Props) {
  const { t, lang } = useI18n();
  const communeOptions = useMemo(
    () => [...communes].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [communes],
  );
  const selectedCommune = communeOptions.find((c) => c.code === filters.commune) ?? null;
  const filtered =
    filters.range !== DEFAULT_RANGE ||
    filters.category !== '' ||
    filters.department !== '' ||
    filters.commune !== '';
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        sx={{ gap: 2, flexWrap: 'wrap', alignItems: { md: 'flex-start' } }}
      >
        <TextField
          select
          size="small"
          label={t('fbStats.range')}
          value={filters.range}
          onChange={(e) => setFilters({ range: e.target.value as StatsRange })}
          sx={{ minWidth: 170 }}
          slotProps={{ htmlInput: { 'data-testid': 'stats-range' } }}
        >
          {RANGE_PRESETS.map((r) => (
            <MenuItem key={r} value={r}>
              {t(`fbStats.range.${r}`)}
            </MenuItem>
          ))}
          <MenuItem value="custom">{t('fbStats.range.custom')}</MenuItem>
        </TextField>
        {filters.range === 'custom' ? (
          <>
            <TextField
              type="date"
              size="small"
              label={t('fbStats.from')}
              value={filters.from}
              onChange={(e) => setFilters({ from: e.target.value })}
              error={invalid}
              helperText={invalid ? t('fbStats.invalidRange') : undefined}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'stats-from' } }}
            />
            <TextField
              type="date"
              size="small"
              label={t('fbStats.to')}
              value={filters.to}
              onChange={(e) => setFilters({ to: e.target.value })}
              error={invalid}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'stats-to' } }}
            />
          </>
        ) : null}
        <TextField
          select
          size="small"
          label={t('fbStats.category')}
          value={filters.category}
          onChange={(e) => setFilters({ category: e.target.value })}
          sx={{ minWidth: 190 }}
          slotProps={{ htmlInput: { 'data-testid': 'stats-category' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {categories.map((c) => (
            <MenuItem key={c.code} value={c.code}>
              {lang === 'vi' ? c.name : c.nameEn}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('fbStats.department')}
          value={filters.department}
          onChange={(e) => setFilters({ department: e.target.value })}
          sx={{ minWidth: 230 }}
          slotProps={{ htmlInput: { 'data-testid': 'stats-department' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {departments.map((d) => (
            <MenuItem key={d.code} value={d.code}>
              {lang === 'vi' ? d.name : d.nameEn}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete<Commune>
          options={communeOptions}
          value={selectedCommune}
          onChange={(_e, c) => setFilters({ commune: c?.code ?? '' })}
          getOptionLabel={(c) => c.name}
          getOptionKey={(c) => c.code}
          isOptionEqualToValue={(a, b) => a.code === b.code}
          filterOptions={filterCommunes}
          loading={communesLoading}
          noOptionsText={t('fbStats.communeNone')}
          size="small"
          sx={{ minWidth: 240 }}
          renderInput={(p) => (
            <TextField
              {...p}
              label={t('fbStats.commune')}
              inputProps={{ ...p.inputProps, 'data-testid': 'stats-commune' }}
            />
          )}
        />
        <Box sx={{ flex: 1 }} />
        <Button onClick={onClear} startIcon={<FilterAltOffIcon />} disabled={!filtered}>
          {t('common.clear')}
        </Button>
      </Stack>
    </Paper>
  );
}
