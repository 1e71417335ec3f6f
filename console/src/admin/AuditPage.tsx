import FilterAltIcon from '@mui/icons-material/FilterAlt';
import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useMemo, useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { datedFileName, formatDateTime, nationalPhone } from '../time';
import { useApiQuery } from '../useApiQuery';
import { useGridLocaleText } from '../gridLocale';
import { CsvExportButton } from '../components/CsvExportButton';
import { PageHeader } from '../components/PageHeader';
import {
  auditDetailsSummary,
  auditFilterQuery,
  buildAuditQuery,
  EMPTY_AUDIT_FILTERS,
  invalidRange,
  type AuditFilters,
} from './queries';

type AuditItem = components['schemas']['AuditItem'];

const PAGE_SIZES = [25, 50, 100];
const FILTER_FIELDS = ['action', 'actorId', 'entityType', 'entityId'] as const;

function TwoLines({ primary, secondary, mono }: { primary: string; secondary?: string; mono?: boolean }) {
  return (
    <Box
      sx={{
        lineHeight: 1.25,
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        overflow: 'hidden',
      }}
    >
      <Box sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{primary}</Box>
      {secondary ? (
        <Typography
          variant="caption"
          color="text.secondary"
          component="div"
          sx={{ overflow: 'hidden', textOverflow: 'ellipsis', fontFamily: mono ? 'monospace' : undefined }}
        >
          {secondary}
        </Typography>
      ) : null}
    </Box>
  );
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [open, setOpen] = useState<AuditItem | null>(null);

  const query = useMemo(
    () => buildAuditQuery(filters, pagination.page, pagination.pageSize),
    [filters, pagination],
  );
  const audit = useApiQuery(JSON.stringify(query), (signal) =>
    unwrap(api.GET('/api/v1/admin/audit', { params: { query }, signal })),
  );
  const localeText = useGridLocaleText(t('audit.empty'));
  const fields = audit.problem ? fieldErrors(audit.problem, lang) : {};
  const badRange = invalidRange(draft);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (badRange) return;
    setFilters(draft);
    setPagination((p) => ({ ...p, page: 0 }));
  };
  /** From a record: show only the records of the same actor or entity. */
  const filterBy = (patch: Partial<AuditFilters>) => {
    const next = { ...EMPTY_AUDIT_FILTERS, ...patch };
    setDraft(next);
    setFilters(next);
    setPagination((p) => ({ ...p, page: 0 }));
    setOpen(null);
  };
  const clear = () => {
    setDraft(EMPTY_AUDIT_FILTERS);
    setFilters(EMPTY_AUDIT_FILTERS);
    setPagination((p) => ({ ...p, page: 0 }));
  };

  const columns = useMemo<GridColDef<AuditItem>[]>(
    () => [
      {
        field: 'at',
        headerName: t('audit.col.at'),
        width: 170,
        valueFormatter: (value: string) => formatDateTime(value, lang) ?? '',
      },
      {
        field: 'actor',
        headerName: t('audit.col.actor'),
        flex: 1,
        minWidth: 190,
        valueGetter: (_v, row) => (row.actorId ? (row.actorName ?? row.actorId) : t('audit.system')),
        renderCell: ({ row, value }) => (
          <TwoLines
            primary={String(value)}
            secondary={row.actorPhone ? nationalPhone(row.actorPhone) : undefined}
          />
        ),
      },
      {
        field: 'action',
        headerName: t('audit.col.action'),
        width: 180,
        renderCell: ({ value }) => <Box sx={{ fontFamily: 'monospace', fontSize: 13 }}>{String(value)}</Box>,
      },
      {
        field: 'entity',
        headerName: t('audit.col.entity'),
        flex: 1,
        minWidth: 190,
        valueGetter: (_v, row) => (row.entityId ? `${row.entityType} ${row.entityId}` : row.entityType),
        renderCell: ({ row }) => (
          <TwoLines primary={row.entityType} secondary={row.entityId ?? undefined} mono />
        ),
      },
      { field: 'ip', headerName: t('audit.col.ip'), width: 120 },
      {
        field: 'details',
        headerName: t('audit.col.details'),
        flex: 1.2,
        minWidth: 200,
        valueGetter: (_v, row) => auditDetailsSummary(row.details),
      },
    ],
    [t, lang],
  );

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('common.timezoneNote')}
        action={
          // The applied filters (what the table shows), not the draft still being typed.
          <CsvExportButton
            label={t('audit.exportCsv')}
            load={() =>
              unwrap(
                api.GET('/api/v1/admin/audit.csv', {
                  params: { query: auditFilterQuery(filters) },
                  parseAs: 'blob',
                }),
              )
            }
            fileName={datedFileName('nhat-ky-kiem-toan')}
            done={(file) => t('audit.exported', { file })}
            disabled={!audit.data?.total}
            testId="audit-export"
          />
        }
      />

      <Paper variant="outlined" sx={{ p: 2 }} component="form" onSubmit={apply} aria-label={t('audit.title')}>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(3, 1fr)', xl: 'repeat(6, 1fr)' },
          }}
        >
          {FILTER_FIELDS.map((key) => (
            <TextField
              key={key}
              name={key}
              size="small"
              label={t(`audit.filter.${key}`)}
              value={draft[key]}
              onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
              error={Boolean(fields[key])}
              helperText={fields[key]}
              slotProps={{ htmlInput: { maxLength: 100, 'data-testid': `audit-${key}` } }}
            />
          ))}
          {(['from', 'to'] as const).map((key) => (
            <TextField
              key={key}
              name={key}
              type="datetime-local"
              size="small"
              label={t(`audit.filter.${key}`)}
              value={draft[key]}
              onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
              error={badRange || Boolean(fields[key])}
              helperText={fields[key]}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `audit-${key}` } }}
            />
          ))}
        </Box>
        {badRange ? (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {t('audit.invalidRange')}
          </Alert>
        ) : null}
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" startIcon={<FilterAltIcon />} disabled={badRange}>
            {t('audit.filter.apply')}
          </Button>
          <Button onClick={clear} startIcon={<FilterAltOffIcon />}>
            {t('common.clear')}
          </Button>
        </Stack>
      </Paper>

      {audit.problem ? <ProblemAlert problem={audit.problem} onRetry={audit.reload} /> : null}

      <Box sx={{ height: 'calc(100vh - 380px)', minHeight: 420 }}>
        <DataGrid<AuditItem>
          rows={audit.data?.items ?? []}
          rowCount={audit.data?.total ?? 0}
          columns={columns}
          loading={audit.loading}
          paginationMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          disableColumnSorting
          disableColumnFilter
          disableRowSelectionOnClick
          onRowClick={(p) => setOpen(p.row)}
          onCellKeyDown={(p, e) => {
            if (e.key === 'Enter') setOpen(p.row);
          }}
          localeText={localeText}
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
          aria-label={t('audit.title')}
        />
      </Box>

      <Dialog open={open !== null} onClose={() => setOpen(null)} maxWidth="md" fullWidth>
        <DialogTitle>{t('audit.detailsTitle')}</DialogTitle>
        <DialogContent dividers>
          {open ? (
            <Stack spacing={1}>
              <Typography>
                <b>{t('audit.col.at')}:</b> {formatDateTime(open.at, lang)}
              </Typography>
              <Typography>
                <b>{t('audit.col.actor')}:</b>{' '}
                {open.actorId
                  ? `${open.actorName ?? ''} ${open.actorPhone ? nationalPhone(open.actorPhone) : ''} (${open.actorId})`
                  : t('audit.system')}
              </Typography>
              <Typography>
                <b>{t('audit.col.action')}:</b> <code>{open.action}</code>
              </Typography>
              <Typography>
                <b>{t('audit.col.entity')}:</b> {open.entityType} {open.entityId ?? ''}
              </Typography>
              <Typography>
                <b>{t('audit.col.ip')}:</b> {open.ip ?? t('common.none')} · <b>{t('audit.col.requestId')}:</b>{' '}
                <code>{open.requestId ?? t('common.none')}</code>
              </Typography>
              <Box
                component="pre"
                sx={{ bgcolor: 'grey.100', p: 2, borderRadius: 1, overflow: 'auto', fontSize: 13, m: 0 }}
              >
                {JSON.stringify(open.details, null, 2)}
              </Box>
            </Stack>
          ) : null}
        </DialogContent>
        <DialogActions>
          {open?.actorId ? (
            <Button onClick={() => filterBy({ actorId: open.actorId ?? '' })}>
              {t('audit.filterByActor')}
            </Button>
          ) : null}
          {open?.entityId ? (
            <Button onClick={() => filterBy({ entityType: open.entityType, entityId: open.entityId ?? '' })}>
              {t('audit.filterByEntity')}
            </Button>
          ) : null}
          <Button onClick={() => setOpen(null)} variant="contained">
            {t('common.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
