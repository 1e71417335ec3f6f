import ScheduleIcon from '@mui/icons-material/Schedule';
import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { DataGrid, type GridColDef, type GridRowSelectionModel, type GridSortModel } from '@mui/x-data-grid';
import { useMemo, type MouseEvent } from 'react';
import type { components } from '../api/schema';
import { useGridLocaleText } from '../gridLocale';
import { useI18n } from '../i18n/context';
import { formatDateTime } from '../time';
import { deadlineColor, deadlineState, formatDeadline, statusCss, type DeadlineState } from './deadline';
import { modelToSort, PAGE_SIZES, sortToModel, type FeedbackFilters, type FeedbackStatus } from './queries';
import { nameIn, type FeedbackReferences } from './references';

export type QueueItem = components['schemas']['FeedbackQueuePage']['items'][number];

export function StatusChip({
  status,
  size = 'small',
}: {
  status: FeedbackStatus;
  size?: 'small' | 'medium';
}) {
  const { t } = useI18n();
  return (
    <Chip
      size={size}
      label={t(`fb.status.${status}`)}
      sx={{ bgcolor: statusCss(status), color: '#fff', fontWeight: 500 }}
      data-status={status}
      data-testid="fb-status"
    />
  );
}

/** The deadline clock: time left (or overdue) coloured amber when due soon and red when overdue. */
export function DeadlineClock({
  dueAt,
  status,
  now,
}: {
  dueAt: string | null;
  status: FeedbackStatus;
  now: number;
}) {
  const { t, lang } = useI18n();
  const state: DeadlineState = deadlineState(dueAt, status, now);
  if (state === 'none') {
    return (
      <Typography variant="body2" color="text.secondary" component="span" data-deadline="none">
        {dueAt ? formatDateTime(dueAt, lang)?.slice(0, 10) : t('common.none')}
      </Typography>
    );
  }
  const color = deadlineColor(state);
  return (
    <Tooltip title={t('fb.deadline.dueAt', { time: formatDateTime(dueAt, lang) ?? '' })}>
      <Stack
        direction="row"
        spacing={0.5}
        sx={{
          alignItems: 'center',
          color: color === 'success' ? 'text.primary' : `${color}.dark`,
          fontWeight: state === 'ok' ? 400 : 600,
        }}
        data-deadline={state}
        data-testid="fb-deadline"
      >
        <ScheduleIcon fontSize="small" color={color === 'error' || color === 'warning' ? color : 'action'} />
        <span>{formatDeadline(t, dueAt, state, now)}</span>
      </Stack>
    </Tooltip>
  );
}

interface Props {
  rows: QueueItem[];
  total: number;
  /** The server stopped counting: more reports match than `total`. */
  totalCapped: boolean;
  loading: boolean;
  filters: FeedbackFilters;
  refs: FeedbackReferences;
  now: number;
  openId: string | null;
  /** The report under the mouse on the map. */
  hoveredId: string | null;
  selectable: boolean;
  selection: string[];
  onSelection: (ids: string[]) => void;
  onChange: (patch: Partial<FeedbackFilters>) => void;
  onOpen: (id: string) => void;
  onHover: (id: string | null) => void;
}

export function QueueGrid(p: Props) {
  const { t, lang } = useI18n();
  const { refs, now } = p;
  const columns = useMemo<GridColDef<QueueItem>[]>(
    () => [
      {
        field: 'dueAt',
        headerName: t('fb.col.deadline'),
        width: 150,
        renderCell: ({ row }) => <DeadlineClock dueAt={row.dueAt} status={row.status} now={now} />,
      },
      {
        field: 'title',
        headerName: t('fb.col.title'),
        flex: 1,
        minWidth: 200,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ lineHeight: 1.3, py: 0.75, minWidth: 0 }}>
            <Typography variant="body2" sx={{ fontWeight: 500 }} noWrap title={row.title}>
              {row.title}
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap component="div">
              {[nameIn(refs.category(row.category), lang) ?? row.category, row.communeName]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'status',
        headerName: t('fb.col.status'),
        width: 150,
        sortable: false,
        renderCell: ({ row }) => <StatusChip status={row.status} />,
      },
      {
        field: 'department',
        headerName: t('fb.col.department'),
        width: 150,
        sortable: false,
        valueGetter: (_v, row) =>
          row.department
            ? (nameIn(refs.department(row.department), lang) ?? row.department)
            : t('common.none'),
      },
      {
        field: 'createdAt',
        headerName: t('fb.col.createdAt'),
        width: 140,
        valueGetter: (_v, row) => formatDateTime(row.createdAt, lang)?.slice(0, 16),
      },
    ],
    [t, lang, now, refs],
  );
  const localeText = useGridLocaleText(t('fb.empty'), p.totalCapped);
  const selection: GridRowSelectionModel = { type: 'include', ids: new Set(p.selection) };

  return (
    <DataGrid<QueueItem>
      rows={p.rows}
      rowCount={p.total}
      columns={columns}
      loading={p.loading}
      paginationMode="server"
      sortingMode="server"
      paginationModel={{ page: p.filters.page, pageSize: p.filters.pageSize }}
      onPaginationModelChange={(m) => p.onChange({ page: m.page, pageSize: m.pageSize })}
      sortModel={sortToModel(p.filters.sort) as GridSortModel}
      onSortModelChange={(m) => p.onChange({ sort: modelToSort(m), page: 0 })}
      sortingOrder={['desc', 'asc']}
      pageSizeOptions={[...PAGE_SIZES]}
      disableColumnFilter
      checkboxSelection={p.selectable}
      disableRowSelectionOnClick
      keepNonExistentRowsSelected
      rowSelectionModel={selection}
      onRowSelectionModelChange={(m) => p.onSelection([...m.ids].map(String))}
      getRowHeight={() => 'auto'}
      getRowClassName={(r) => (r.id === p.openId ? 'fb-open' : r.id === p.hoveredId ? 'fb-hover' : '')}
      onRowClick={(r) => p.onOpen(String(r.id))}
      onCellKeyDown={(r, e) => {
        if (e.key === 'Enter' && r.field !== '__check__') p.onOpen(String(r.id));
      }}
      slotProps={{
        row: {
          onMouseEnter: (e: MouseEvent<HTMLElement>) => p.onHover(e.currentTarget.dataset.id ?? null),
          onMouseLeave: () => p.onHover(null),
        },
      }}
      localeText={localeText}
      sx={{
        bgcolor: 'background.paper',
        '& .MuiDataGrid-row': { cursor: 'pointer' },
        '& .MuiDataGrid-cell': { minHeight: 52, display: 'flex', alignItems: 'center' },
        '& .fb-open': { bgcolor: 'action.selected' },
        '& .fb-hover': { bgcolor: (th) => alpha(th.palette.warning.main, 0.16) },
      }}
      aria-label={t('fb.title')}
    />
  );
}
