import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Checkbox, Chip, FormControlLabel, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useAuth } from '../auth/context';
import { CONSOLE_ACCESS } from '../auth/permissions';
import { ForbiddenPanel } from '../components/Panels';
import { ProblemAlert } from '../components/ProblemAlert';
import { useGridLocaleText } from '../gridLocale';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { useApiQuery } from '../useApiQuery';
import { WorkforceTabs } from './WorkforceTabs';
import { ZoneDialog } from './ZoneDialog';
import type { Zone } from './zoneForm';

/** Industrial zones: list (with deactivated ones on request), add and edit. workforce:manage only. */
export function ZonesPage() {
  const { permissions } = useAuth();
  const { t } = useI18n();
  if (!permissions.includes(CONSOLE_ACCESS) || !permissions.includes('workforce:manage'))
    return <ForbiddenPanel body={t('zones.forbidden')} />;
  return <Zones />;
}

function Zones() {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const zones = useApiQuery(`zones:${includeInactive}`, (signal) =>
    unwrap(
      api.GET('/api/v1/work/zones', {
        params: { query: { includeInactive: includeInactive ? 'true' : 'false' } },
        signal,
      }),
    ),
  );
  const communes = useApiQuery('communes', (signal) => unwrap(api.GET('/api/v1/communes', { signal })));
  const communeOptions = useMemo(
    () => [...(communes.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [communes.data],
  );
  const number = (n: number | null) =>
    n === null ? t('common.none') : n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

  const columns = useMemo<GridColDef<Zone>[]>(
    () => [
      { field: 'code', headerName: t('zones.col.code'), width: 150 },
      { field: 'name', headerName: t('zones.col.name'), flex: 1.4, minWidth: 180 },
      {
        field: 'kind',
        headerName: t('zones.col.kind'),
        width: 150,
        valueGetter: (_v, row) => t(`zones.kind.${row.kind}`),
      },
      {
        field: 'communeName',
        headerName: t('zones.col.commune'),
        flex: 1,
        minWidth: 140,
        valueGetter: (_v, row) => row.communeName ?? t('common.none'),
      },
      {
        field: 'areaHa',
        headerName: t('zones.col.area'),
        width: 110,
        align: 'right',
        headerAlign: 'right',
        valueFormatter: (v: number | null) => number(v),
      },
      {
        field: 'companies',
        headerName: t('zones.col.companies'),
        width: 115,
        align: 'right',
        headerAlign: 'right',
      },
      {
        field: 'postings',
        headerName: t('zones.col.postings'),
        width: 120,
        align: 'right',
        headerAlign: 'right',
      },
      {
        field: 'active',
        headerName: t('zones.col.active'),
        width: 130,
        renderCell: ({ row }) => (
          <Chip
            size="small"
            color={row.active ? 'success' : 'default'}
            variant={row.active ? 'filled' : 'outlined'}
            label={t(row.active ? 'zones.active' : 'zones.inactive')}
          />
        ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- number() depends on t and lang only
    [t, lang],
  );
  const localeText = useGridLocaleText(t('zones.empty'));

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <WorkforceTabs />
      <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" component="h1">
            {t('zones.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('zones.subtitle')}
          </Typography>
        </Box>
        <FormControlLabel
          control={
            <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
          }
          label={t('zones.includeInactive')}
        />
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setEditing('new')}
          data-testid="zone-add"
        >
          {t('zones.add')}
        </Button>
      </Stack>
      {zones.problem ? <ProblemAlert problem={zones.problem} onRetry={zones.reload} /> : null}
      {communes.problem ? <ProblemAlert problem={communes.problem} onRetry={communes.reload} /> : null}
      <Box sx={{ height: 'calc(100vh - 300px)', minHeight: 420 }} data-testid="zones-grid">
        <DataGrid<Zone>
          rows={zones.data?.items ?? []}
          getRowId={(z) => z.code}
          columns={columns}
          loading={zones.loading}
          onRowClick={(p) => setEditing(p.row)}
          onCellKeyDown={(p, e) => {
            if (e.key === 'Enter') setEditing(p.row);
          }}
          localeText={localeText}
          hideFooterSelectedRowCount
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
          aria-label={t('zones.title')}
        />
      </Box>
      {editing ? (
        <ZoneDialog
          zone={editing === 'new' ? null : editing}
          communes={communeOptions}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            zones.reload();
            notify(t('zones.saved', { name: saved.name }), 'success');
          }}
        />
      ) : null}
    </Stack>
  );
}
