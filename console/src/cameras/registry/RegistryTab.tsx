import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Chip, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridRowSelectionModel, type GridSortModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { CsvExportButton } from '../../components/CsvExportButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useGridLocaleText } from '../../gridLocale';
import { useI18n } from '../../i18n/context';
import { formatDateTime } from '../../time';
import { useApiQuery } from '../../useApiQuery';
import { BulkConfirmDialog } from './BulkConfirmDialog';
import { CameraFormDialog } from './CameraFormDialog';
import { camerasToCsv } from './csv';
import { datedFileName } from '../../time';
import type { Camera } from './form';
import { ImportDialog } from './ImportDialog';
import {
  buildCameraListQuery,
  EMPTY_REGISTRY_FILTERS,
  listAllCameras,
  listCameras,
  listCommunes,
  modelToSort,
  PAGE_SIZES,
  sortToModel,
  type BulkAction,
  type RegistryFilters as Filters,
} from './queries';
import { RegistryFilters } from './RegistryFilters';
import { LiveStateChip } from './StateChip';

/** The camera registry: filters, the table, add/edit, CSV import and export, bulk enable/disable/delete. */
export function RegistryTab() {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>(EMPTY_REGISTRY_FILTERS);
  const [selection, setSelection] = useState<string[]>([]);
  const [editing, setEditing] = useState<Camera | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [bulk, setBulk] = useState<BulkAction | null>(null);

  const query = useMemo(() => buildCameraListQuery(filters), [filters]);
  const cameras = useApiQuery(JSON.stringify(query), (signal) => listCameras(query, signal));
  const communes = useApiQuery('communes', (signal) => listCommunes(signal));
  const communeList = useMemo(
    () => [...(communes.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [communes.data],
  );
  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 0, ...patch }));

  const columns = useMemo<GridColDef<Camera>[]>(
    () => [
      { field: 'code', headerName: t('camerasRegistry.col.code'), width: 130 },
      {
        field: 'name',
        headerName: t('camerasRegistry.col.name'),
        flex: 1.4,
        minWidth: 180,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', minWidth: 0, height: '100%' }}>
            <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {row.name}
            </Box>
            {row.demo ? <Chip size="small" variant="outlined" label={t('camerasRegistry.demo')} /> : null}
            {row.private ? (
              <Chip size="small" color="secondary" label={t('camerasRegistry.private')} />
            ) : null}
          </Stack>
        ),
      },
      {
        field: 'communeName',
        headerName: t('camerasRegistry.col.commune'),
        flex: 1,
        minWidth: 110,
        sortable: false,
        valueGetter: (_v, row) => row.communeName ?? t('common.none'),
      },
      {
        field: 'tags',
        headerName: t('camerasRegistry.col.tags'),
        flex: 1,
        minWidth: 120,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack
            direction="row"
            spacing={0.5}
            sx={{ overflow: 'hidden', alignItems: 'center', height: '100%' }}
          >
            {row.tags.map((tag) => (
              <Chip key={tag} size="small" variant="outlined" label={tag} />
            ))}
          </Stack>
        ),
      },
      {
        field: 'state',
        headerName: t('camerasRegistry.col.state'),
        width: 150,
        renderCell: ({ row }) => <LiveStateChip camera={row} />,
      },
      { field: 'rtspHost', headerName: t('camerasRegistry.col.host'), width: 160, sortable: false },
      {
        field: 'enabled',
        headerName: t('camerasRegistry.col.enabled'),
        width: 70,
        sortable: false,
        valueGetter: (_v, row) => t(row.enabled ? 'camerasRegistry.yes' : 'camerasRegistry.no'),
      },
      {
        field: 'updatedAt',
        headerName: t('camerasRegistry.col.updated'),
        width: 155,
        sortingOrder: ['desc'],
        valueGetter: (_v, row) => formatDateTime(row.updatedAt, lang)?.slice(0, 16),
      },
      {
        field: 'actions',
        headerName: '',
        width: 56,
        sortable: false,
        disableColumnMenu: true,
        renderCell: ({ row }) => (
          <Tooltip title={t('camerasRegistry.edit', { name: row.name })}>
            <IconButton
              size="small"
              aria-label={t('camerasRegistry.edit', { name: row.name })}
              onClick={(e) => {
                e.stopPropagation();
                setEditing(row);
              }}
              data-testid={`cam-reg-edit-${row.code}`}
            >
              <EditIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        ),
      },
    ],
    [t, lang],
  );
  const localeText = useGridLocaleText(t('camerasRegistry.empty'));
  const selectionModel: GridRowSelectionModel = { type: 'include', ids: new Set(selection) };
  const { limit: _limit, offset: _offset, ...exportFilters } = query;
  const reload = () => {
    cameras.reload();
  };

  return (
    <Stack spacing={2} data-testid="camera-registry">
      <RegistryFilters
        filters={filters}
        tags={cameras.data?.tags ?? []}
        communes={communeList}
        onChange={change}
      />
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setEditing('new')}
          data-testid="cam-reg-add"
        >
          {t('camerasRegistry.add')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<UploadFileIcon />}
          onClick={() => setImporting(true)}
          data-testid="cam-reg-import"
        >
          {t('camerasRegistry.import')}
        </Button>
        <CsvExportButton
          label={t('camerasRegistry.export')}
          load={async () =>
            new Blob([camerasToCsv(await listAllCameras(exportFilters), lang)], { type: 'text/csv' })
          }
          fileName={datedFileName('danh-muc-camera')}
          done={(file) => t('camerasRegistry.exported', { file })}
          disabled={!cameras.data?.total}
          testId="cam-reg-export"
        />
        <Box sx={{ flex: 1 }} />
        <Typography variant="body2" color="text.secondary" data-testid="cam-reg-total">
          {t('camerasRegistry.total', { n: cameras.data?.total ?? 0 })}
        </Typography>
      </Stack>
      {selection.length > 0 ? (
        <Paper
          variant="outlined"
          sx={{
            p: 1,
            px: 2,
            display: 'flex',
            gap: 1,
            alignItems: 'center',
            flexWrap: 'wrap',
            bgcolor: 'action.hover',
          }}
          data-testid="cam-reg-selection"
        >
          <Typography variant="body2" sx={{ fontWeight: 600, mr: 1 }}>
            {t('camerasRegistry.selected', { n: selection.length })}
          </Typography>
          {(['enable', 'disable', 'delete'] as const).map((a) => (
            <Button
              key={a}
              size="small"
              variant={a === 'delete' ? 'outlined' : 'contained'}
              color={a === 'delete' ? 'error' : 'primary'}
              onClick={() => setBulk(a)}
              data-testid={`cam-reg-bulk-${a}`}
            >
              {t(`camerasRegistry.bulk.${a}`)}
            </Button>
          ))}
        </Paper>
      ) : null}
      {cameras.problem ? <ProblemAlert problem={cameras.problem} onRetry={cameras.reload} /> : null}
      <Box sx={{ height: 'calc(100vh - 360px)', minHeight: 420 }}>
        <DataGrid<Camera>
          rows={cameras.data?.items ?? []}
          rowCount={cameras.data?.total ?? 0}
          columns={columns}
          loading={cameras.loading}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          paginationModel={{ page: filters.page, pageSize: filters.pageSize }}
          onPaginationModelChange={(m) => setFilters((f) => ({ ...f, page: m.page, pageSize: m.pageSize }))}
          pageSizeOptions={[...PAGE_SIZES]}
          sortModel={sortToModel(filters.sort) as GridSortModel}
          onSortModelChange={(m) => change({ sort: modelToSort(m) })}
          sortingOrder={['asc']}
          checkboxSelection
          disableRowSelectionOnClick
          keepNonExistentRowsSelected
          rowSelectionModel={selectionModel}
          onRowSelectionModelChange={(m) => setSelection([...m.ids].map(String))}
          onRowClick={(p) => setEditing(p.row)}
          onCellKeyDown={(p, e) => {
            if (e.key === 'Enter' && p.field !== '__check__') setEditing(p.row);
          }}
          getRowClassName={(p) => (p.row.enabled ? '' : 'cam-disabled')}
          localeText={localeText}
          sx={{
            bgcolor: 'background.paper',
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .cam-disabled': { color: 'text.disabled' },
          }}
          aria-label={t('camerasRegistry.title')}
        />
      </Box>
      {editing ? (
        <CameraFormDialog
          camera={editing === 'new' ? null : editing}
          communes={communeList}
          onClose={() => setEditing(null)}
          onSaved={reload}
        />
      ) : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} onImported={reload} /> : null}
      {bulk ? (
        <BulkConfirmDialog
          action={bulk}
          ids={selection}
          onCancel={() => setBulk(null)}
          onDone={() => {
            setBulk(null);
            setSelection([]);
            reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
