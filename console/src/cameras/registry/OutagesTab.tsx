import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { asProblem, type Problem } from '../../api/problem';
import { CsvExportButton } from '../../components/CsvExportButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useGridLocaleText } from '../../gridLocale';
import { useI18n } from '../../i18n/context';
import { formatDateTime } from '../../time';
import { useApiQuery } from '../../useApiQuery';
import { eventsToCsv, formatDuration, type CameraEvent } from './csv';
import { datedFileName } from '../../time';
import { CAMERA_STATES } from './form';
import { buildEventQuery, listAllCameras, listEvents, type OutageFilters } from './queries';
import { StateChip, STATE_LABEL } from '../StateChip';

const EMPTY: OutageFilters = { cameraId: '', state: '', since: '' };

/** The outage history: every change of state of the cameras, newest first, by camera/state/time; "xem thêm" pages on. */
export function OutagesTab() {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<OutageFilters>(EMPTY);
  const [more, setMore] = useState<{ key: string; items: CameraEvent[]; next: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem>();

  const query = useMemo(() => buildEventQuery(filters, null), [filters]);
  const key = JSON.stringify(query);
  const first = useApiQuery(key, (signal) => listEvents(query, signal));
  const cameras = useApiQuery('cam-outage-cameras', (signal) => listAllCameras({ sort: 'name' }, signal));

  // Pages loaded with "xem thêm" belong to the filters they were loaded for.
  const extra = more?.key === key ? more : null;
  const rows = useMemo(() => [...(first.data?.items ?? []), ...(extra?.items ?? [])], [first.data, extra]);
  const next = extra ? extra.next : (first.data?.nextBefore ?? null);

  const loadMore = async () => {
    if (next === null) return;
    setLoadingMore(true);
    setMoreProblem(undefined);
    try {
      const page = await listEvents(buildEventQuery(filters, next));
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], next: page.nextBefore });
    } catch (err) {
      setMoreProblem(asProblem(err));
    } finally {
      setLoadingMore(false);
    }
  };

  const columns = useMemo<GridColDef<CameraEvent>[]>(
    () => [
      {
        field: 'at',
        headerName: t('camerasRegistry.outages.col.at'),
        width: 170,
        valueGetter: (_v, row) => formatDateTime(row.at, lang),
      },
      { field: 'cameraName', headerName: t('camerasRegistry.outages.col.camera'), flex: 1, minWidth: 200 },
      {
        field: 'state',
        headerName: t('camerasRegistry.outages.col.change'),
        width: 280,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
            {row.previousState ? <StateChip state={row.previousState} /> : null}
            {row.previousState ? <ArrowForwardIcon fontSize="small" color="action" /> : null}
            <StateChip state={row.state} />
          </Stack>
        ),
      },
      {
        field: 'durationMs',
        headerName: t('camerasRegistry.outages.col.duration'),
        width: 150,
        valueGetter: (_v, row) =>
          formatDuration(row.durationMs, lang) ?? t('camerasRegistry.outages.ongoing'),
      },
      {
        field: 'message',
        headerName: t('camerasRegistry.outages.col.message'),
        flex: 1.2,
        minWidth: 200,
        valueGetter: (_v, row) => row.message ?? '',
      },
    ],
    [t, lang],
  );
  const localeText = useGridLocaleText(t('camerasRegistry.outages.empty'));
  const small = { size: 'small' as const };

  return (
    <Stack spacing={2} data-testid="camera-outages">
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
          <TextField
            {...small}
            select
            label={t('camerasRegistry.outages.camera')}
            value={filters.cameraId}
            onChange={(e) => setFilters((f) => ({ ...f, cameraId: e.target.value }))}
            sx={{ width: 280 }}
            slotProps={{
              select: { displayEmpty: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'cam-out-filter-camera' },
            }}
          >
            <MenuItem value="">{t('camerasRegistry.outages.allCameras')}</MenuItem>
            {(cameras.data ?? []).map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name} ({c.code})
              </MenuItem>
            ))}
          </TextField>
          <TextField
            {...small}
            select
            label={t('camerasRegistry.filter.state')}
            value={filters.state}
            onChange={(e) => setFilters((f) => ({ ...f, state: e.target.value as OutageFilters['state'] }))}
            sx={{ width: 180 }}
            slotProps={{
              select: { displayEmpty: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'cam-out-filter-state' },
            }}
          >
            <MenuItem value="">{t('common.all')}</MenuItem>
            {CAMERA_STATES.map((s) => (
              <MenuItem key={s} value={s}>
                {t(STATE_LABEL[s])}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            {...small}
            type="datetime-local"
            label={t('camerasRegistry.outages.since')}
            value={filters.since}
            onChange={(e) => setFilters((f) => ({ ...f, since: e.target.value }))}
            sx={{ width: 220 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'cam-out-filter-since' } }}
          />
          <Box sx={{ flex: 1 }} />
          <Typography variant="body2" color="text.secondary" data-testid="cam-out-count">
            {t('camerasRegistry.outages.count', { n: rows.length })}
          </Typography>
          <CsvExportButton
            label={t('camerasRegistry.export')}
            load={async () => new Blob([eventsToCsv(rows, lang)], { type: 'text/csv' })}
            fileName={datedFileName(t('camerasRegistry.outages.fileName'))}
            done={(file) => t('camerasRegistry.exported', { file })}
            disabled={rows.length === 0}
            testId="cam-out-export"
          />
        </Stack>
      </Paper>
      {first.problem ? <ProblemAlert problem={first.problem} onRetry={first.reload} /> : null}
      <Box sx={{ height: 'calc(100vh - 330px)', minHeight: 360 }}>
        <DataGrid<CameraEvent>
          rows={rows}
          columns={columns}
          loading={first.loading || loadingMore}
          disableColumnFilter
          disableColumnSorting
          disableRowSelectionOnClick
          hideFooter
          localeText={localeText}
          sx={{ bgcolor: 'background.paper' }}
          aria-label={t('camerasRegistry.outages.title')}
          data-testid="cam-out-grid"
        />
      </Box>
      {moreProblem ? <ProblemAlert problem={moreProblem} onRetry={() => void loadMore()} /> : null}
      {next !== null ? (
        <Box sx={{ textAlign: 'center' }}>
          <Button
            startIcon={<ExpandMoreIcon />}
            onClick={() => void loadMore()}
            disabled={loadingMore}
            data-testid="cam-out-more"
          >
            {t('camerasRegistry.outages.more')}
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
