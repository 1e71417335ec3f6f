import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import { STATE_LABEL } from '../StateChip';
import { Autocomplete, Button, MenuItem, Paper, Stack, TextField } from '@mui/material';
import { filterCommunes, type Commune } from '../../feedback/references';
import { MultiSelectField } from '../../components/MultiSelectField';
import { SearchField } from '../../components/SearchField';
import { useI18n } from '../../i18n/context';
import { CAMERA_STATES, type CameraState } from './form';
import { EMPTY_REGISTRY_FILTERS, type RegistryFilters as Filters } from './queries';

interface Props {
  filters: Filters;
  tags: string[];
  communes: Commune[];
  /** Changes filters (the page goes back to the first). */
  onChange: (patch: Partial<Filters>) => void;
}

const hasFilters = (f: Filters) =>
  f.q.trim() !== '' || f.states.length > 0 || f.tag !== '' || f.communeCode !== '' || f.enabled !== '';

/** The registry's filter bar: free text, states (several), tag, commune, enabled. */
export function RegistryFilters({ filters, tags, communes, onChange }: Props) {
  const { t } = useI18n();
  const commune = communes.find((c) => c.code === filters.communeCode) ?? null;
  const small = { size: 'small' as const };
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="cam-reg-filters">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
        <SearchField
          label={t('camerasRegistry.search')}
          value={filters.q}
          onSearch={(q) => onChange({ q })}
          testId="cam-reg-search"
          sx={{ flex: 1, minWidth: 200 }}
        />
        <MultiSelectField<CameraState>
          label={t('camerasRegistry.filter.state')}
          options={CAMERA_STATES}
          value={filters.states}
          onChange={(states) => onChange({ states })}
          optionLabel={(s) => t(STATE_LABEL[s])}
          width={180}
          testId="cam-reg-filter-state"
          optionTestId={(s) => `cam-reg-state-option-${s}`}
        />
        <TextField
          {...small}
          select
          label={t('camerasRegistry.filter.tag')}
          value={tags.includes(filters.tag) || !filters.tag ? filters.tag : ''}
          onChange={(e) => onChange({ tag: e.target.value })}
          sx={{ width: 150 }}
          slotProps={{ htmlInput: { 'data-testid': 'cam-reg-filter-tag' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {tags.map((tag) => (
            <MenuItem key={tag} value={tag}>
              {tag}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete<Commune>
          options={communes}
          value={commune}
          onChange={(_e, c) => onChange({ communeCode: c?.code ?? '' })}
          getOptionLabel={(c) => c.name}
          getOptionKey={(c) => c.code}
          isOptionEqualToValue={(a, b) => a.code === b.code}
          filterOptions={filterCommunes}
          noOptionsText={t('camerasRegistry.filter.communeNone')}
          size="small"
          sx={{ width: 200 }}
          renderInput={(params) => (
            <TextField
              {...params}
              label={t('camerasRegistry.filter.commune')}
              inputProps={{ ...params.inputProps, 'data-testid': 'cam-reg-filter-commune' }}
            />
          )}
        />
        <TextField
          {...small}
          select
          label={t('camerasRegistry.filter.enabled')}
          value={filters.enabled}
          onChange={(e) => onChange({ enabled: e.target.value as Filters['enabled'] })}
          sx={{ width: 140 }}
          slotProps={{ htmlInput: { 'data-testid': 'cam-reg-filter-enabled' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          <MenuItem value="true">{t('camerasRegistry.filter.enabledOnly')}</MenuItem>
          <MenuItem value="false">{t('camerasRegistry.filter.disabledOnly')}</MenuItem>
        </TextField>
        <Button
          onClick={() => {
            onChange({ ...EMPTY_REGISTRY_FILTERS, sort: filters.sort, pageSize: filters.pageSize });
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
