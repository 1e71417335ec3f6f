import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Chip } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useGridLocaleText } from '../gridLocale';
import { useI18n } from '../i18n/context';
import { figureColumn, WRAP_HEADERS } from './figureColumns';
import type { ZoneFigures } from './workforceFigures';

type Row = ZoneFigures & { alert: boolean };

/** Every zone's figures for the range (sortable); a row opens the zone's companies. */
export function ZoneFiguresGrid({
  zones,
  alerts,
  loading,
  nameOf,
  onOpen,
}: {
  zones: readonly ZoneFigures[];
  alerts: readonly { code: string }[];
  loading: boolean;
  nameOf: (code: string, fallback: string) => string;
  onOpen: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const rows = useMemo<Row[]>(() => {
    const alerted = new Set(alerts.map((a) => a.code));
    return zones.map((z) => ({ ...z, name: nameOf(z.code, z.name), alert: alerted.has(z.code) }));
  }, [zones, alerts, nameOf]);
  const columns = useMemo<GridColDef<Row>[]>(() => {
    const count = (field: keyof Row & string, header: string) =>
      figureColumn<Row>(field, header, lang, { minWidth: 95 });
    return [
      { field: 'name', headerName: t('wf.col.zone'), flex: 2, minWidth: 200 },
      count('headcount', t('wf.kpi.headcount')),
      count('vacancies', t('wf.col.vacancies')),
      figureColumn<Row>('vacancyRate', t('wf.col.vacancyRate'), lang, { minWidth: 95, rate: true }),
      count('hires', t('wf.kpi.hires')),
      count('separations', t('wf.kpi.separations')),
      count('appApplications', t('wf.col.appApplications')),
      count('appHires', t('wf.col.appHires')),
      {
        field: 'alert',
        headerName: t('wf.col.alert'),
        type: 'boolean',
        width: 140,
        renderCell: ({ row }) =>
          row.alert ? (
            <Chip
              size="small"
              color="warning"
              icon={<WarningAmberIcon />}
              label={t('wf.alertFlag')}
              data-testid={`wf-zone-alert-${row.code}`}
            />
          ) : null,
      },
    ];
  }, [t, lang]);
  const localeText = useGridLocaleText(t('wf.noData'));
  return (
    <DataGrid<Row>
      rows={rows}
      getRowId={(z) => z.code}
      columns={columns}
      loading={loading}
      density="compact"
      autoHeight
      columnHeaderHeight={56}
      onRowClick={(p) => onOpen(p.row.code)}
      onCellKeyDown={(p, e) => {
        if (e.key === 'Enter') onOpen(p.row.code);
      }}
      initialState={{ sorting: { sortModel: [{ field: 'headcount', sort: 'desc' }] } }}
      localeText={localeText}
      hideFooter
      sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' }, ...WRAP_HEADERS }}
      aria-label={t('wf.zones.title')}
    />
  );
}
