import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import {
  Autocomplete,
  Box,
  Button,
  Chip,
  FormControlLabel,
  MenuItem,
  Paper,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import { MultiSelectField } from '../components/MultiSelectField';
import { SearchField } from '../components/SearchField';
import { useI18n } from '../i18n/context';
import { statusCss } from './deadline';
import {
  EMPTY_FILTERS,
  FEEDBACK_STATUSES,
  hasFilters,
  type FeedbackFilters,
  type FeedbackStatus,
} from './queries';
import { filterCommunes, nameIn, type Commune, type FeedbackReferences } from './references';

interface Props {
  filters: FeedbackFilters;
  refs: FeedbackReferences;
  /** Changes filters (the page goes back to the first). */
  onChange: (patch: Partial<FeedbackFilters>) => void;
}

/** The queue's filter bar: status (several), category, department, commune, overdue, dates, free text. */
export function QueueFilters({ filters, refs, onChange }: Props) {
  const { t, lang } = useI18n();

  const commune = refs.commune(filters.commune) ?? null;
  const small = { size: 'small' as const };
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="fb-filters">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
        <SearchField
          label={t('fb.filter.q')}
          value={filters.q}
          onSearch={(q) => onChange({ q })}
          delayMs={400}
          testId="fb-filter-q"
          sx={{ width: 220 }}
        />
        <MultiSelectField<FeedbackStatus>
          label={t('fb.filter.status')}
          options={FEEDBACK_STATUSES}
          value={filters.status}
          onChange={(status) => onChange({ status })}
          optionLabel={(s) => t(`fb.status.${s}`)}
          renderValue={(chosen) => (
            <Box sx={{ display: 'flex', gap: 0.5, overflow: 'hidden' }}>
              {chosen.map((s) => (
                <Chip
                  key={s}
                  size="small"
                  label={t(`fb.status.${s}`)}
                  sx={{ height: 20, bgcolor: statusCss(s), color: '#fff' }}
                />
              ))}
            </Box>
          )}
          width={230}
          testId="fb-filter-status"
          optionTestId={(s) => `fb-status-option-${s}`}
        />
        <TextField
          {...small}
          select
          label={t('fb.filter.category')}
          value={filters.category}
          onChange={(e) => onChange({ category: e.target.value })}
          sx={{ width: 190 }}
          slotProps={{ htmlInput: { 'data-testid': 'fb-filter-category' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {refs.categories.map((c) => (
            <MenuItem key={c.code} value={c.code}>
              {nameIn(c, lang)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...small}
          select
          label={t('fb.filter.department')}
          value={filters.department}
          onChange={(e) => onChange({ department: e.target.value })}
          sx={{ width: 230 }}
          slotProps={{ htmlInput: { 'data-testid': 'fb-filter-department' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {refs.departments.map((d) => (
            <MenuItem key={d.code} value={d.code}>
              {nameIn(d, lang)}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete<Commune>
          options={refs.communes}
          value={commune}
          onChange={(_e, c) => onChange({ commune: c?.code ?? '' })}
          getOptionLabel={(c) => c.name}
          getOptionKey={(c) => c.code}
          isOptionEqualToValue={(a, b) => a.code === b.code}
          filterOptions={filterCommunes}
          noOptionsText={t('fb.filter.communeNone')}
          size="small"
          sx={{ width: 230 }}
          renderInput={(params) => (
            <TextField
              {...params}
              label={t('fb.filter.commune')}
              inputProps={{ ...params.inputProps, 'data-testid': 'fb-filter-commune' }}
            />
          )}
        />
        <TextField
          {...small}
          type="date"
          label={t('fb.filter.from')}
          value={filters.from}
          onChange={(e) => onChange({ from: e.target.value })}
          sx={{ width: 160 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'fb-filter-from' } }}
        />
        <TextField
          {...small}
          type="date"
          label={t('fb.filter.to')}
          value={filters.to}
          onChange={(e) => onChange({ to: e.target.value })}
          sx={{ width: 160 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'fb-filter-to' } }}
        />
        <FormControlLabel
          control={
            <Switch
              checked={filters.overdue}
              onChange={(e) => onChange({ overdue: e.target.checked })}
              color="error"
              slotProps={{ input: { 'aria-label': t('fb.filter.overdue') } }}
              data-testid="fb-filter-overdue"
            />
          }
          label={t('fb.filter.overdue')}
        />
        <Box sx={{ flex: 1 }} />
        <Button
          onClick={() => {
            onChange({ ...EMPTY_FILTERS, sort: filters.sort, pageSize: filters.pageSize });
          }}
          startIcon={<FilterAltOffIcon />}
          disabled={!hasFilters(filters)}
        >
          {t('common.clear')}
        </Button>
      </Stack>
    </Paper>
  );
}
