import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import RefreshIcon from '@mui/icons-material/Refresh';
import ScheduleIcon from '@mui/icons-material/Schedule';
import {
  Autocomplete,
  Box,
  Button,
  Chip,
  createFilterOptions,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';
import { useGridLocaleText } from '../gridLocale';
import { useI18n } from '../i18n/context';
import { formatDateTime, nationalPhone } from '../time';
import { useApiQuery, useDebouncedCallback } from '../useApiQuery';
import { CaseDrawer } from './CaseDrawer';
import { buildQueueQuery, EMPTY_QUEUE_FILTERS, parseMinAgeHours, type QueueFilters } from './queries';
import {
  foldAccents,
  formatAge,
  formatSimilarity,
  isOverdue,
  reasonColor,
  reasonLabel,
  REVIEW_REASONS,
  similarityTone,
  type QueueItem,
  type Thresholds,
} from './review';

type Commune = components['schemas']['Commune'];

const PAGE_SIZES = [10, 25, 50, 100];
const filterCommunes = createFilterOptions<Commune>({ stringify: (c) => foldAccents(c.name) });

// The queue items carry no thresholds: the last ones seen in a case are kept for this tab.
const THRESHOLDS_KEY = 'dlid.console.ekycThresholds';
function loadThresholds(): Thresholds | null {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(THRESHOLDS_KEY) ?? 'null');
    if (typeof v === 'object' && v !== null && 'accept' in v && 'reject' in v) {
      const { accept, reject } = v;
      if (typeof accept === 'number' && typeof reject === 'number') return { accept, reject };
    }
  } catch {
    // storage unavailable or garbled: no colours until a case is opened
  }
  return null;
}
function saveThresholds(t: Thresholds): void {
  try {
    sessionStorage.setItem(THRESHOLDS_KEY, JSON.stringify({ accept: t.accept, reject: t.reject }));
  } catch {
    // ignore
  }
}

/** Date.now(), renewed every `every` ms so waiting times move on. */
function useNow(every: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(id);
  }, [every]);
  return now;
}

export function EkycPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { caseId } = useParams();
  const now = useNow(60_000);

  const [filters, setFilters] = useState<QueueFilters>(EMPTY_QUEUE_FILTERS);
  const [ageText, setAgeText] = useState('');
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [thresholds, setThresholdsState] = useState<Thresholds | null>(loadThresholds);
  const setThresholds = useCallback((next: Thresholds) => {
    saveThresholds(next);
    setThresholdsState((prev) =>
      prev && prev.accept === next.accept && prev.reject === next.reject ? prev : next,
    );
  }, []);

  const setFilter = (patch: Partial<QueueFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPagination((p) => ({ ...p, page: 0 }));
  };
  const applyAge = useDebouncedCallback((value: string) => setFilter({ minAgeHours: value }), 400);
  const ageInvalid = parseMinAgeHours(ageText) === 'invalid';

  const query = useMemo(
    () => buildQueueQuery(filters, pagination.page, pagination.pageSize),
    [filters, pagination],
  );
  const queue = useApiQuery(JSON.stringify(query), (signal) =>
    unwrap(api.GET('/api/v1/ekyc/review', { params: { query }, signal })),
  );
  const communes = useApiQuery('communes', (signal) => unwrap(api.GET('/api/v1/communes', { signal })));
  const communeOptions = useMemo(
    () => [...(communes.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [communes.data],
  );
  const communeByCode = useMemo(
    () => new Map((communes.data?.items ?? []).map((c) => [c.code, c])),
    [communes.data],
  );
  const selectedCommune = communeByCode.get(filters.commune) ?? null;

  const rows = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const nextCaseId = useMemo(() => {
    if (!caseId) return null;
    const i = rows.findIndex((r) => r.id === caseId);
    const next = i >= 0 ? rows[i + 1] : rows.find((r) => r.id !== caseId);
    return next?.id ?? null;
  }, [rows, caseId]);

  const columns = useMemo<GridColDef<QueueItem>[]>(
    () => [
      {
        field: 'createdAt',
        headerName: t('ekyc.col.age'),
        width: 110,
        renderCell: ({ row }) => {
          const overdue = isOverdue(row.createdAt, now);
          return (
            <Tooltip
              title={`${t('ekyc.waitingSince', { time: formatDateTime(row.createdAt, lang) ?? '' })}${overdue ? ` · ${t('ekyc.overdue')}` : ''}`}
            >
              <Stack
                direction="row"
                spacing={0.5}
                sx={{
                  alignItems: 'center',
                  height: '100%',
                  color: overdue ? 'error.main' : undefined,
                  fontWeight: overdue ? 600 : undefined,
                }}
                data-testid="case-age"
              >
                {overdue ? <ScheduleIcon fontSize="small" /> : null}
                <span>{formatAge(t, row.createdAt, now)}</span>
              </Stack>
            </Tooltip>
          );
        },
      },
      { field: 'fullName', headerName: t('ekyc.col.fullName'), flex: 1, minWidth: 170 },
      {
        field: 'phone',
        headerName: t('ekyc.col.phone'),
        width: 130,
        renderCell: ({ row }) => (
          <Box
            sx={{
              lineHeight: 1.25,
              height: '100%',
              display: 'flex',
              flexDirection: 'column',
              justifyContent: 'center',
            }}
          >
            <div>{nationalPhone(row.phone)}</div>
            {row.phone !== nationalPhone(row.phone) ? (
              <Typography variant="caption" color="text.secondary">
                {row.phone}
              </Typography>
            ) : null}
          </Box>
        ),
      },
      {
        field: 'cccdMasked',
        headerName: t('ekyc.col.cccd'),
        width: 140,
        renderCell: ({ value }) => (
          <Box component="span" sx={{ fontFamily: 'monospace', fontSize: 14 }}>
            {String(value)}
          </Box>
        ),
      },
      {
        field: 'communeName',
        headerName: t('ekyc.col.commune'),
        width: 160,
        valueGetter: (_v, row) => row.communeName ?? t('common.none'),
      },
      {
        field: 'reasons',
        headerName: t('ekyc.col.reasons'),
        flex: 1.6,
        minWidth: 220,
        renderCell: ({ row }) => (
          <Stack
            direction="row"
            sx={{ alignItems: 'center', minHeight: '100%', flexWrap: 'wrap', gap: 0.5, py: 0.75 }}
          >
            {row.reasons.map((r) => (
              <Chip
                key={r}
                size="small"
                label={reasonLabel(t, r)}
                color={reasonColor(r)}
                variant={reasonColor(r) === 'default' ? 'outlined' : 'filled'}
                data-reason={r}
              />
            ))}
          </Stack>
        ),
      },
      {
        field: 'similarity',
        headerName: t('ekyc.col.similarity'),
        width: 130,
        align: 'right',
        headerAlign: 'right',
        renderCell: ({ row }) => {
          const text = formatSimilarity(row.similarity, lang);
          if (text === null) return t('common.none');
          const tone = similarityTone(row.similarity, thresholds);
          return (
            <Box
              component="span"
              data-tone={tone}
              sx={{
                fontFamily: 'monospace',
                fontSize: 14,
                fontWeight: 600,
                px: 1,
                py: 0.25,
                borderRadius: 1,
                color: tone === 'default' ? 'text.primary' : `${tone}.dark`,
                bgcolor: (th) => (tone === 'default' ? 'transparent' : alpha(th.palette[tone].main, 0.14)),
              }}
            >
              {text}
            </Box>
          );
        },
      },
    ],
    [t, lang, now, thresholds],
  );

  const localeText = useGridLocaleText(t('ekyc.empty'));
  const open = (id: string) => navigate(`/ekyc/${id}`);
  const clear = () => {
    setAgeText('');
    setFilters(EMPTY_QUEUE_FILTERS);
    setPagination((p) => ({ ...p, page: 0 }));
  };
  const filtered = filters.reason !== '' || filters.commune !== '' || ageText !== '';

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" component="h1">
            {t('ekyc.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('ekyc.subtitle')} {t('common.timezoneNote')}
          </Typography>
        </Box>
        <Button
          startIcon={<RefreshIcon />}
          onClick={queue.reload}
          disabled={queue.loading}
          data-testid="ekyc-refresh"
        >
          {t('ekyc.refresh')}
        </Button>
      </Stack>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
          <TextField
            select
            label={t('ekyc.filter.reason')}
            size="small"
            value={filters.reason}
            onChange={(e) => setFilter({ reason: e.target.value })}
            sx={{ minWidth: 280 }}
            slotProps={{ htmlInput: { 'data-testid': 'ekyc-reason-filter' } }}
          >
            <MenuItem value="">{t('common.all')}</MenuItem>
            {REVIEW_REASONS.map((r) => (
              <MenuItem key={r} value={r}>
                {reasonLabel(t, r)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('ekyc.filter.minAge')}
            size="small"
            type="number"
            value={ageText}
            onChange={(e) => {
              setAgeText(e.target.value);
              applyAge(e.target.value);
            }}
            error={ageInvalid}
            helperText={ageInvalid ? t('ekyc.filter.minAgeInvalid') : undefined}
            sx={{ width: 200 }}
            slotProps={{ htmlInput: { min: 0, max: 8760, step: 1, 'data-testid': 'ekyc-min-age' } }}
          />
          <Autocomplete<Commune>
            options={communeOptions}
            value={selectedCommune}
            onChange={(_e, c) => setFilter({ commune: c?.code ?? '' })}
            getOptionLabel={(c) => c.name}
            getOptionKey={(c) => c.code}
            isOptionEqualToValue={(a, b) => a.code === b.code}
            filterOptions={filterCommunes}
            loading={communes.loading}
            noOptionsText={t('ekyc.filter.communeNone')}
            size="small"
            sx={{ minWidth: 260, flex: { md: 1 }, maxWidth: { md: 360 } }}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('ekyc.filter.commune')}
                inputProps={{ ...params.inputProps, 'data-testid': 'ekyc-commune-filter' }}
              />
            )}
          />
          <Box sx={{ flex: 1 }} />
          <Button onClick={clear} startIcon={<FilterAltOffIcon />} disabled={!filtered}>
            {t('common.clear')}
          </Button>
        </Stack>
        {thresholds ? (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {t('ekyc.thresholdsHint', {
              reject: formatSimilarity(thresholds.reject, lang) ?? '',
              accept: formatSimilarity(thresholds.accept, lang) ?? '',
            })}
          </Typography>
        ) : null}
      </Paper>

      {queue.problem ? <ProblemAlert problem={queue.problem} onRetry={queue.reload} /> : null}
      {communes.problem ? <ProblemAlert problem={communes.problem} onRetry={communes.reload} /> : null}

      <Box sx={{ height: 'calc(100vh - 300px)', minHeight: 420 }}>
        <DataGrid<QueueItem>
          rows={rows}
          rowCount={queue.data?.total ?? 0}
          columns={columns}
          loading={queue.loading}
          paginationMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          disableColumnSorting
          disableColumnFilter
          getRowHeight={() => 'auto'}
          onRowClick={(p) => open(p.row.id)}
          onCellKeyDown={(p, e) => {
            if (e.key === 'Enter') open(String(p.id));
          }}
          rowSelectionModel={{ type: 'include', ids: new Set(caseId ? [caseId] : []) }}
          localeText={localeText}
          hideFooterSelectedRowCount
          sx={{
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .MuiDataGrid-cell': { minHeight: 52, display: 'flex', alignItems: 'center' },
          }}
          aria-label={t('ekyc.title')}
          data-testid="ekyc-queue"
        />
      </Box>

      <CaseDrawer
        caseId={caseId ?? null}
        communeName={(code) => (code ? communeByCode.get(code)?.name : undefined)}
        onClose={() => navigate('/ekyc')}
        onOpen={open}
        nextCaseId={nextCaseId}
        onChanged={queue.reload}
        onThresholds={setThresholds}
      />
    </Stack>
  );
}
