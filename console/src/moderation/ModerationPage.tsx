import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Badge,
  Box,
  Button,
  Chip,
  MenuItem,
  Paper,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { useGridLocaleText } from '../gridLocale';
import { useI18n } from '../i18n/context';
import { formatDateTime, nationalPhone } from '../time';
import { useApiQuery } from '../useApiQuery';
import { ItemDrawer, STATUS_COLOR } from './ItemDrawer';
import {
  buildModerationQuery,
  filtersFromParams,
  filtersToParams,
  MODERATION_STATUSES,
  type ModerationFilters,
  type ModerationRow,
} from './queries';

const PAGE_SIZES = [10, 25, 50, 100];

export function ModerationPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { itemId } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });

  const setFilter = (patch: Partial<ModerationFilters>) => {
    setParams(filtersToParams({ ...filters, ...patch }), { replace: true });
    setPagination((p) => ({ ...p, page: 0 }));
  };

  const query = useMemo(
    () => buildModerationQuery(filters, pagination.page, pagination.pageSize),
    [filters, pagination],
  );
  const queue = useApiQuery(JSON.stringify(query), (signal) =>
    unwrap(api.GET('/api/v1/moderation/queue', { params: { query }, signal })),
  );
  const rows = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const pending = queue.data?.pendingByKind ?? [];
  const pendingTotal = pending.reduce((n, k) => n + k.count, 0);
  // A kind chosen in the address but with nothing pending still gets a tab, so the selection shows;
  // its label comes from the rows or from an earlier answer.
  const labels = useRef(new Map<string, ModerationRow['kindLabel']>());
  for (const k of [...pending, ...rows]) labels.current.set(k.kind, k.kindLabel);
  const kinds =
    filters.kind && !pending.some((k) => k.kind === filters.kind)
      ? [
          ...pending,
          {
            kind: filters.kind,
            kindLabel: labels.current.get(filters.kind) ?? { vi: filters.kind, en: filters.kind },
            count: 0,
          },
        ]
      : pending;

  const columns = useMemo<GridColDef<ModerationRow>[]>(
    () => [
      {
        field: 'submittedAt',
        headerName: t('mod.col.submittedAt'),
        width: 170,
        valueGetter: (_v, row) => formatDateTime(row.submittedAt, lang) ?? '',
      },
      {
        field: 'kind',
        headerName: t('mod.col.kind'),
        width: 150,
        valueGetter: (_v, row) => row.kindLabel[lang],
      },
      { field: 'title', headerName: t('mod.col.title'), flex: 1.4, minWidth: 220 },
      {
        field: 'submittedBy',
        headerName: t('mod.col.submittedBy'),
        flex: 1,
        minWidth: 180,
        valueGetter: (_v, row) =>
          row.submittedBy
            ? `${row.submittedBy.fullName} · ${nationalPhone(row.submittedBy.phone)}`
            : t('common.none'),
      },
      {
        field: 'status',
        headerName: t('mod.col.status'),
        width: 130,
        renderCell: ({ row }) => (
          <Chip size="small" color={STATUS_COLOR[row.status]} label={t(`mod.status.${row.status}`)} />
        ),
      },
      ...(filters.status === 'rejected'
        ? [
            {
              field: 'reason',
              headerName: t('mod.col.reason'),
              flex: 1,
              minWidth: 180,
            } as GridColDef<ModerationRow>,
          ]
        : []),
    ],
    [t, lang, filters.status],
  );

  const localeText = useGridLocaleText(t('mod.empty'));
  const search = params.toString();
  const open = (id: string) => navigate({ pathname: `/moderation/${id}`, search });

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" component="h1">
            {t('mod.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('mod.subtitle')} {t('common.timezoneNote')}
          </Typography>
        </Box>
        <Button
          startIcon={<RefreshIcon />}
          onClick={queue.reload}
          disabled={queue.loading}
          data-testid="mod-refresh"
        >
          {t('mod.refresh')}
        </Button>
      </Stack>

      <Paper variant="outlined" sx={{ px: 2, py: 1 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} sx={{ alignItems: { md: 'center' }, gap: 2 }}>
          <Tabs
            value={filters.kind}
            onChange={(_e, kind: string) => setFilter({ kind })}
            variant="scrollable"
            sx={{ flex: 1, minWidth: 0 }}
            aria-label={t('mod.col.kind')}
            data-testid="mod-kind-tabs"
          >
            <Tab value="" label={<KindLabel label={t('mod.allKinds')} count={pendingTotal} />} />
            {kinds.map((k) => (
              <Tab
                key={k.kind}
                value={k.kind}
                label={<KindLabel label={k.kindLabel[lang]} count={k.count} />}
                data-kind={k.kind}
              />
            ))}
          </Tabs>
          <TextField
            select
            size="small"
            label={t('mod.filter.status')}
            value={filters.status}
            onChange={(e) =>
              setFilter({ status: filtersFromParams(new URLSearchParams({ status: e.target.value })).status })
            }
            sx={{ minWidth: 180 }}
            slotProps={{ htmlInput: { 'data-testid': 'mod-status-filter' } }}
          >
            {MODERATION_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`mod.status.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={t('mod.filter.order')}
            value={filters.order}
            onChange={(e) => setFilter({ order: e.target.value === 'newest' ? 'newest' : 'oldest' })}
            sx={{ minWidth: 170 }}
            slotProps={{ htmlInput: { 'data-testid': 'mod-order-filter' } }}
          >
            <MenuItem value="oldest">{t('mod.order.oldest')}</MenuItem>
            <MenuItem value="newest">{t('mod.order.newest')}</MenuItem>
          </TextField>
        </Stack>
      </Paper>

      {queue.problem ? <ProblemAlert problem={queue.problem} onRetry={queue.reload} /> : null}

      <Box sx={{ height: 'calc(100vh - 300px)', minHeight: 420 }} data-testid="mod-queue">
        <DataGrid<ModerationRow>
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
          onRowClick={(p) => open(p.row.id)}
          onCellKeyDown={(p, e) => {
            if (e.key === 'Enter') open(String(p.id));
          }}
          rowSelectionModel={{ type: 'include', ids: new Set(itemId ? [itemId] : []) }}
          localeText={localeText}
          hideFooterSelectedRowCount
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
          aria-label={t('mod.title')}
        />
      </Box>

      <ItemDrawer
        itemId={itemId ?? null}
        onClose={() => navigate({ pathname: '/moderation', search })}
        onChanged={queue.reload}
      />
    </Stack>
  );
}

function KindLabel({ label, count }: { label: string; count: number }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
      <span>{label}</span>
      <Badge
        badgeContent={count}
        color="warning"
        max={999}
        showZero
        sx={{ '& .MuiBadge-badge': { position: 'static', transform: 'none' } }}
      />
    </Stack>
  );
}
