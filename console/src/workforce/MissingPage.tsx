import { Alert, Box, Link, Paper, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { formatNumber } from '../components/charts';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { useGridLocaleText } from '../gridLocale';
import { useI18n } from '../i18n/context';
import { nationalPhone } from '../time';
import { useApiQuery } from '../useApiQuery';
import { MonthField } from './MonthField';
import { monthLabel } from './workforceFigures';
import { WorkforceTabs } from './WorkforceTabs';
import { lastMonth, parseMissingMonth, vnMonth } from './workforceView';

type Missing = components['schemas']['WorkforceMissing']['items'][number];

/** Verified companies that have not filed the month's workforce report, with their contact (audited by the api). */
export function MissingPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const month = parseMissingMonth(params, now);
  const missing = useApiQuery(`wf-missing:${month}`, (signal) =>
    unwrap(api.GET('/api/v1/work/workforce/missing', { params: { query: { month } }, signal })),
  );
  const setMonth = (m: string) =>
    setParams(m && m !== lastMonth(now) ? new URLSearchParams({ month: m }) : new URLSearchParams(), {
      replace: true,
    });

  const columns = useMemo<GridColDef<Missing>[]>(() => {
    const none = t('common.none');
    return [
      {
        field: 'name',
        headerName: t('wf.col.company'),
        flex: 1.5,
        minWidth: 260,
      },
      { field: 'taxCode', headerName: t('wf.col.taxCode'), width: 130 },
      {
        field: 'zoneName',
        headerName: t('wf.col.zone'),
        flex: 1,
        minWidth: 170,
        valueGetter: (_v, row) => row.zoneName ?? t('wf.zone.none'),
      },
      {
        field: 'contactName',
        headerName: t('wf.col.contact'),
        flex: 0.8,
        minWidth: 150,
        valueGetter: (_v, row) => row.contactName ?? none,
      },
      {
        field: 'contactPhone',
        headerName: t('wf.col.phone'),
        width: 140,
        renderCell: ({ row }) =>
          row.contactPhone ? (
            <Link href={`tel:${row.contactPhone}`}>{nationalPhone(row.contactPhone)}</Link>
          ) : (
            none
          ),
      },
      {
        field: 'contactEmail',
        headerName: t('wf.col.email'),
        flex: 1,
        minWidth: 190,
        renderCell: ({ row }) =>
          row.contactEmail ? <Link href={`mailto:${row.contactEmail}`}>{row.contactEmail}</Link> : none,
      },
    ];
  }, [t]);
  const localeText = useGridLocaleText(t('wf.missing.empty'));
  const data = missing.data?.month === month ? missing.data : undefined;

  return (
    <Stack spacing={2}>
      <WorkforceTabs />
      <PageHeader title={t('wf.missing.title')} subtitle={t('wf.missing.subtitle')} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'center' } }}>
          <MonthField
            label={t('wf.missing.month')}
            value={month}
            max={vnMonth(now)}
            onChange={setMonth}
            testId="wf-missing-month"
          />
          <Typography sx={{ fontWeight: 600 }} data-testid="wf-missing-count" aria-live="polite">
            {data
              ? t('wf.missing.count', {
                  count: formatNumber(data.count, lang),
                  month: monthLabel(month, lang),
                })
              : t('app.loading')}
          </Typography>
        </Stack>
      </Paper>
      <Alert severity="info">{t('wf.missing.audited')}</Alert>
      {missing.problem ? <ProblemAlert problem={missing.problem} onRetry={missing.reload} /> : null}
      <Box sx={{ height: 'calc(100vh - 400px)', minHeight: 380 }} data-testid="wf-missing-grid">
        <DataGrid<Missing>
          rows={data?.items ?? []}
          getRowId={(c) => c.companyId}
          columns={columns}
          loading={missing.loading}
          density="compact"
          localeText={localeText}
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 50 } } }}
          hideFooterSelectedRowCount
          aria-label={t('wf.missing.title')}
        />
      </Box>
    </Stack>
  );
}
