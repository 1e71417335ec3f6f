import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useAuth } from '../auth/context';
import { hasPermission } from '../auth/permissions';
import { ProblemAlert } from '../components/ProblemAlert';
import { SelectionBar } from '../components/SelectionBar';
import { useI18n } from '../i18n/context';
import { useApiQuery } from '../useApiQuery';
import { BulkAssignDialog } from './BulkAssignDialog';
import { FeedbackTabs } from './FeedbackTabs';
import {
  buildQueueQuery,
  filterQuery,
  filtersFromSearch,
  filtersToSearch,
  type FeedbackFilters,
} from './queries';
import { QueueFilters } from './QueueFilters';
import { QueueGrid } from './QueueGrid';
import { useFeedbackReferences } from './references';
import { ReportDrawer } from './ReportDrawer';

// maplibre-gl and deck.gl are large: their chunk loads only when this page shows the map.
const FeedbackMap = lazy(() => import('./FeedbackMap').then((m) => ({ default: m.FeedbackMap })));

/** Date.now(), renewed every `every` ms so the deadline clocks move on. */
function useNow(every: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(id);
  }, [every]);
  return now;
}

export function FeedbackPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { reportId } = useParams();
  const [search, setSearch] = useSearchParams();
  const { permissions } = useAuth();
  const now = useNow(60_000);
  const refs = useFeedbackReferences();
  const triage = hasPermission(permissions, 'feedback:triage');

  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const setFilters = useCallback(
    (patch: Partial<FeedbackFilters>) => {
      const next = { ...filters, ...patch };
      // A filter change starts again at the first page; paging and sorting keep what they set.
      if (!('page' in patch)) next.page = 0;
      setSearch(filtersToSearch(next), { replace: true });
    },
    [filters, setSearch],
  );

  const query = useMemo(() => buildQueueQuery(filters), [filters]);
  const mapQuery = useMemo(() => filterQuery(filters), [filters]);
  const queue = useApiQuery(JSON.stringify(query), (signal) =>
    unwrap(api.GET('/api/v1/feedback/queue', { params: { query }, signal })),
  );
  const rows = useMemo(() => queue.data?.items ?? [], [queue.data]);

  const [selection, setSelection] = useState<string[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [hovered, setHovered] = useState<string | null>(null);
  const [mapHovered, setMapHovered] = useState<string | null>(null);
  const [mapVersion, setMapVersion] = useState(0);
  const titles = useMemo(() => new Map(rows.map((r) => [r.id, r.title])), [rows]);
  const titleOf = useCallback((id: string) => titles.get(id), [titles]);

  const keep = search.toString();
  const open = useCallback(
    (id: string) => navigate({ pathname: `/feedback/${id}`, search: keep }),
    [navigate, keep],
  );
  const close = useCallback(() => navigate({ pathname: '/feedback', search: keep }), [navigate, keep]);
  const reload = useCallback(() => {
    queue.reload();
    setMapVersion((v) => v + 1);
  }, [queue]);

  return (
    <Stack spacing={1.5}>
      <FeedbackTabs />
      <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" component="h1">
            {t('fb.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('fb.subtitle')} {t('common.timezoneNote')}
          </Typography>
        </Box>
        <Button
          startIcon={<RefreshIcon />}
          onClick={reload}
          disabled={queue.loading}
          data-testid="fb-refresh"
        >
          {t('fb.refresh')}
        </Button>
      </Stack>
      <QueueFilters filters={filters} refs={refs} onChange={setFilters} />
      {queue.problem ? <ProblemAlert problem={queue.problem} onRetry={queue.reload} /> : null}
      {refs.problem ? <ProblemAlert problem={refs.problem} onRetry={refs.reload} /> : null}

      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.6fr) minmax(0, 1fr)' },
        }}
      >
        <Stack spacing={1} sx={{ minWidth: 0 }}>
          {triage && selection.length > 0 ? (
            <SelectionBar
              label={t('fb.selected', { n: selection.length })}
              clearLabel={t('fb.selection.clear')}
              onClear={() => setSelection([])}
              actionLabel={t('fb.bulk.open')}
              actionIcon={<AssignmentIndIcon />}
              onAction={() => setBulkOpen(true)}
              testId="fb-selection"
              actionTestId="fb-bulk-assign"
            />
          ) : null}
          <Box sx={{ height: { xs: 520, lg: 'calc(100vh - 350px)' }, minHeight: 460 }} data-testid="fb-queue">
            <QueueGrid
              rows={rows}
              total={queue.data?.total ?? 0}
              totalCapped={queue.data?.totalCapped ?? false}
              loading={queue.loading}
              filters={filters}
              refs={refs}
              now={now}
              openId={reportId ?? null}
              hoveredId={mapHovered}
              selectable={triage}
              selection={selection}
              onSelection={setSelection}
              onChange={setFilters}
              onOpen={open}
              onHover={setHovered}
            />
          </Box>
        </Stack>
        <Box sx={{ height: { xs: 420, lg: 'calc(100vh - 350px)' }, minHeight: 420, minWidth: 0 }}>
          <Suspense
            fallback={
              <Paper variant="outlined" sx={{ height: '100%', display: 'grid', placeItems: 'center' }}>
                <CircularProgress aria-label={t('fb.map.loading')} />
              </Paper>
            }
          >
            <FeedbackMap
              query={mapQuery}
              version={mapVersion}
              selectedId={reportId ?? null}
              hoveredId={hovered}
              onPick={open}
              onHoverPoint={setMapHovered}
              titleOf={titleOf}
            />
          </Suspense>
        </Box>
      </Box>

      <ReportDrawer
        reportId={reportId ?? null}
        refs={refs}
        onClose={close}
        onOpen={open}
        onChanged={reload}
      />
      {bulkOpen ? (
        <BulkAssignDialog
          ids={selection}
          titles={titles}
          refs={refs}
          onClose={() => setBulkOpen(false)}
          onDone={(failed) => {
            setSelection(failed);
            reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
