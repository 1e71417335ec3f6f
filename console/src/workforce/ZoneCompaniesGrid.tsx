import { Chip, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import type { components } from '../api/schema';
import { useGridLocaleText } from '../gridLocale';
import { useI18n } from '../i18n/context';
import { figureColumn, WRAP_HEADERS } from './figureColumns';

type Company = components['schemas']['WorkforceZoneCompanies']['items'][number];

/** Drill-down: the zone's verified companies with their report of the month (or "not filed"). */
export function ZoneCompaniesGrid({ items, loading }: { items: readonly Company[]; loading: boolean }) {
  const { t, lang } = useI18n();
  const columns = useMemo<GridColDef<Company>[]>(() => {
    const none = t('common.none');
    const count = (field: keyof Company & string, header: string) =>
      figureColumn<Company>(field, header, lang, { minWidth: 80 });
    return [
      {
        field: 'name',
        headerName: t('wf.col.company'),
        flex: 3,
        minWidth: 280,
        // the tax code under the name (demo companies carry "(Dữ liệu mẫu)" in their name)
        renderCell: ({ row }) => (
          <Stack sx={{ justifyContent: 'center', height: '100%', minWidth: 0, lineHeight: 1.3 }}>
            <Typography variant="body2" noWrap title={row.name}>
              {row.name}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {t('wf.taxCode', { code: row.taxCode })}
            </Typography>
          </Stack>
        ),
      },
      {
        field: 'filed',
        headerName: t('wf.col.filed'),
        width: 120,
        renderCell: ({ row }) => (
          <Chip
            size="small"
            color={row.filed ? 'success' : 'warning'}
            variant={row.filed ? 'outlined' : 'filled'}
            label={t(row.filed ? 'wf.filed' : 'wf.notFiled')}
          />
        ),
      },
      count('headcount', t('wf.kpi.headcount')),
      count('vacancies', t('wf.col.vacancies')),
      figureColumn<Company>('vacancyRate', t('wf.col.vacancyRate'), lang, { minWidth: 80, rate: true }),
      count('hires', t('wf.kpi.hires')),
      count('separations', t('wf.kpi.separations')),
      {
        field: 'wageBand',
        headerName: t('wf.col.wageBand'),
        width: 125,
        valueGetter: (_v, row) => (row.wageBand ? t(`wf.wage.${row.wageBand}`) : none),
      },
      count('appApplications', t('wf.col.appApplications')),
      count('appHires', t('wf.col.appHires')),
    ];
  }, [t, lang]);
  const localeText = useGridLocaleText(t('wf.companies.empty'));
  return (
    <DataGrid<Company>
      rows={items}
      getRowId={(c) => c.companyId}
      columns={columns}
      loading={loading}
      autoHeight
      columnHeaderHeight={56}
      localeText={localeText}
      pageSizeOptions={[25, 50, 100]}
      initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
      hideFooterSelectedRowCount
      sx={WRAP_HEADERS}
      aria-label={t('wf.companies.label')}
    />
  );
}
