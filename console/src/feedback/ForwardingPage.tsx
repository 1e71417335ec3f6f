import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import RefreshIcon from '@mui/icons-material/Refresh';
import ReplayIcon from '@mui/icons-material/Replay';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Link,
  Stack,
  Tab,
  Tabs,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridRowSelectionModel,
} from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { asProblem } from '../api/problem';
import type { components } from '../api/schema';
import { describeProblem, ProblemAlert } from '../components/ProblemAlert';
import { useGridLocaleText } from '../gridLocale';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { formatDateTime } from '../time';
import { useApiQuery } from '../useApiQuery';
import { FeedbackTabs } from './FeedbackTabs';
import { formatNumber } from './stats';

const STATES = ['pending', 'sent', 'dead'] as const;
type State = (typeof STATES)[number];
const PAGE_SIZES = [25, 50, 100];

type Item = components['schemas']['FeedbackForwardingPage']['items'][number];

const EMPTY_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };

export function ForwardingPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: State = (STATES as readonly string[]).includes(stateParam ?? '')
    ? (stateParam as State)
    : 'dead';
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [selection, setSelection] = useState<GridRowSelectionModel>(EMPTY_SELECTION);
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const query = { state, page: pagination.page + 1, pageSize: pagination.pageSize };
  const list = useApiQuery(JSON.stringify(query), (signal) =>
    unwrap(api.GET('/api/v1/feedback/forwarding', { params: { query }, signal })),
  );
  const rows = useMemo(() => list.data?.items ?? [], [list.data]);
  const selected = [...selection.ids].map(String);

  const changeState = (next: State) => {
    setParams(next === 'dead' ? new URLSearchParams() : new URLSearchParams({ state: next }), {
      replace: true,
    });
    setPagination((p) => ({ ...p, page: 0 }));
    setSelection(EMPTY_SELECTION);
  };

  const retry = async (ids: string[]) => {
    setConfirm(null);
    setBusy(true);
    let failed = 0;
    let lastError: unknown;
    for (const reportId of ids) {
      try {
        await unwrap(
          api.POST('/api/v1/feedback/forwarding/{reportId}/retry', { params: { path: { reportId } } }),
        );
      } catch (err) {
        failed += 1;
        lastError = err;
      }
    }
    setBusy(false);
    setSelection(EMPTY_SELECTION);
    list.reload();
    const done = ids.length - failed;
    if (done > 0) notify(t('fbForwarding.retried', { count: formatNumber(done, lang) }), 'success');
    if (failed > 0) {
      notify(
        `${t('fbForwarding.retryFailed', { count: formatNumber(failed, lang) })} ${describeProblem(asProblem(lastError), i18n)}`,
        'error',
      );
    }
  };

  const columns = useMemo<GridColDef<Item>[]>(() => {
    const time = (v: string | null) => formatDateTime(v, lang) ?? t('common.none');
    const cols: GridColDef<Item>[] = [
      {
        field: 'title',
        headerName: t('fbForwarding.col.report'),
        flex: 1.4,
        minWidth: 200,
        renderCell: ({ row }) => (
          <Link
            component={RouterLink}
            to={`/feedback/${row.reportId}`}
            data-testid={`forwarding-open-${row.reportId}`}
          >
            {row.title}
          </Link>
        ),
      },
      { field: 'attempts', headerName: t('fbForwarding.col.attempts'), width: 100, type: 'number' },
      {
        field: 'lastError',
        headerName: t('fbForwarding.col.lastError'),
        flex: 1.2,
        minWidth: 170,
        renderCell: ({ row }) =>
          row.lastError ? (
            <Tooltip title={row.lastError}>
              <Box
                component="span"
                sx={{
                  color: 'error.dark',
                  fontFamily: 'monospace',
                  fontSize: 13,
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                {row.lastError}
              </Box>
            </Tooltip>
          ) : (
            t('common.none')
          ),
      },
      {
        field: 'nextAttemptAt',
        headerName: t('fbForwarding.col.nextAttempt'),
        width: 155,
        valueGetter: (_v, row) =>
          row.state === 'pending' || row.state === 'sending' ? time(row.nextAttemptAt) : t('common.none'),
      },
      {
        field: 'externalId',
        headerName: t('fbForwarding.col.externalId'),
        width: 150,
        valueGetter: (_v, row) => row.externalId ?? t('common.none'),
      },
      {
        field: 'updatedAt',
        headerName: t('fbForwarding.col.updatedAt'),
        width: 155,
        valueGetter: (_v, row) => time(row.updatedAt),
      },
      {
        field: 'actions',
        headerName: '',
        width: state === 'dead' ? 96 : 56,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" sx={{ alignItems: 'center', height: '100%' }}>
            <Tooltip title={t('fbForwarding.openReport')}>
              <IconButton
                component={RouterLink}
                to={`/feedback/${row.reportId}`}
                size="small"
                aria-label={t('fbForwarding.openReport')}
              >
                <OpenInNewIcon fontSize="small" />
              </IconButton>
            </Tooltip>
            {row.state === 'dead' ? (
              <Tooltip title={t('fbForwarding.retry')}>
                <span>
                  <IconButton
                    size="small"
                    color="primary"
                    disabled={busy}
                    aria-label={t('fbForwarding.retry')}
                    onClick={(e) => {
                      e.stopPropagation();
                      setConfirm([row.reportId]);
                    }}
                    data-testid={`forwarding-retry-${row.reportId}`}
                  >
                    <ReplayIcon fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
            ) : null}
          </Stack>
        ),
      },
    ];
    return cols;
  }, [t, lang, state, busy]);

  const localeText = useGridLocaleText(t('fbForwarding.empty'));
  const counts = list.data?.counts;

  return (
    <Stack spacing={2}>
      <FeedbackTabs deadLetters={list.data?.counts.dead ?? null} />
      <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" component="h1">
            {t('fbForwarding.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('fbForwarding.subtitle')} {t('common.timezoneNote')}
          </Typography>
        </Box>
        <Button startIcon={<RefreshIcon />} onClick={list.reload} disabled={list.loading}>
          {t('fbForwarding.refresh')}
        </Button>
      </Stack>

      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ alignItems: { sm: 'center' }, gap: 2 }}>
        <Tabs
          value={state}
          onChange={(_e, v: State) => changeState(v)}
          aria-label={t('fbForwarding.title')}
          sx={{ flex: 1 }}
        >
          {STATES.map((s) => (
            <Tab
              key={s}
              value={s}
              data-testid={`forwarding-state-${s}`}
              label={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <span>{t(`fbForwarding.state.${s}`)}</span>
                  <Chip
                    size="small"
                    label={counts ? formatNumber(counts[s], lang) : '…'}
                    color={s === 'dead' && (counts?.dead ?? 0) > 0 ? 'error' : 'default'}
                  />
                </Stack>
              }
            />
          ))}
        </Tabs>
        {state === 'dead' ? (
          <Button
            variant="contained"
            startIcon={<ReplayIcon />}
            disabled={selected.length === 0 || busy}
            onClick={() => setConfirm(selected)}
            data-testid="forwarding-retry-selected"
          >
            {t('fbForwarding.retrySelected', { count: formatNumber(selected.length, lang) })}
          </Button>
        ) : null}
      </Stack>

      {list.problem ? <ProblemAlert problem={list.problem} onRetry={list.reload} /> : null}

      <Box sx={{ height: 'calc(100vh - 340px)', minHeight: 400 }} data-testid="forwarding-grid">
        <DataGrid<Item>
          rows={rows}
          getRowId={(r) => r.reportId}
          rowCount={list.data?.total ?? 0}
          columns={columns}
          loading={list.loading}
          paginationMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          checkboxSelection={state === 'dead'}
          disableRowSelectionOnClick
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          disableColumnSorting
          disableColumnFilter
          localeText={localeText}
          aria-label={t('fbForwarding.title')}
        />
      </Box>

      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} aria-labelledby="retry-title">
        <DialogTitle id="retry-title">{t('fbForwarding.retryTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('fbForwarding.retryBody', { count: formatNumber(confirm?.length ?? 0, lang) })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(null)} autoFocus>
            {t('common.cancel')}
          </Button>
          <Button
            variant="contained"
            onClick={() => confirm && retry(confirm)}
            data-testid="forwarding-confirm-retry"
          >
            {t('fbForwarding.retry')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
