import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Grid, Paper, Stack, Typography } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { formatNumber } from '../components/charts';
import { CsvExportButton } from '../components/CsvExportButton';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useApiQuery } from '../useApiQuery';
import { VacancyAlerts } from './VacancyAlerts';
import { WorkforceFilters, type ZoneOption } from './WorkforceFilters';
import { monthLabel, zoneBubbles } from './workforceFigures';
import { WorkforceKpis } from './WorkforceKpis';
import { WorkforceMap } from './WorkforceMap';
import { WorkforceTabs } from './WorkforceTabs';
import { WorkforceTrends } from './WorkforceTrends';
import {
  invalidRange,
  parseWorkforceParams,
  summaryQuery,
  workforceCsvName,
  workforceSearchParams,
  vnMonth,
  type WorkforceView,
} from './workforceView';
import { ZoneCompare } from './ZoneCompare';
import { ZonePanel } from './ZonePanel';

/**
 * The Workforce page (workforce:read): the province or one zone over a month range — key figures with the change
 * against the previous month, vacancy alerts, the zones on a map and in a table, drill-down into a zone's
 * companies, trends, two zones compared, CSV export. Everything it shows is in the address.
 */
export function WorkforcePage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  // "Today" is fixed when the page opens, so the default range (and the query keys) stay stable.
  const [now] = useState(() => new Date());
  const view = useMemo(() => parseWorkforceParams(params, now), [params, now]);
  const invalid = invalidRange(view);
  const [serverLine, setServerLine] = useState<number | null>(null);

  const setView = (patch: Partial<WorkforceView>) =>
    // a new zone is a step of its own (Back returns to the province); other changes replace the entry
    setParams(workforceSearchParams({ ...view, ...patch }, now), { replace: !('zone' in patch) });
  const openZone = (zone: string) => setView({ zone });

  const provinceQuery = summaryQuery(view, '');
  const province = useApiQuery(invalid ? null : `wf-summary:${JSON.stringify(provinceQuery)}`, (signal) =>
    unwrap(api.GET('/api/v1/work/workforce/summary', { params: { query: provinceQuery }, signal })).then(
      (d) => {
        if (view.threshold === null) setServerLine(d.threshold);
        return d;
      },
    ),
  );
  const zoneQuery = summaryQuery(view);
  const zoneSummary = useApiQuery(
    invalid || !view.zone ? null : `wf-summary:${JSON.stringify(zoneQuery)}`,
    (signal) => unwrap(api.GET('/api/v1/work/workforce/summary', { params: { query: zoneQuery }, signal })),
  );
  const places = useApiQuery('wf-zones', (signal) => unwrap(api.GET('/api/v1/work/zones', { signal })));

  const nameOf = useCallback(
    (code: string, fallback: string) =>
      code === 'none'
        ? t('wf.zone.none')
        : (places.data?.items.find((z) => z.code === code)?.name ?? fallback),
    [places.data, t],
  );
  const zoneOptions = useMemo<ZoneOption[]>(() => {
    const named = new Map((places.data?.items ?? []).filter((z) => z.active).map((z) => [z.code, z.name]));
    for (const z of province.data?.zones ?? [])
      if (z.code !== 'none') named.set(z.code, nameOf(z.code, z.name));
    const list = [...named].map(([code, name]) => ({ code, name }));
    list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return [...list, { code: 'none', name: t('wf.zone.none') }];
  }, [places.data, province.data, nameOf, t]);

  const data = province.data;
  const threshold = view.threshold ?? data?.threshold ?? serverLine ?? 0.15;
  const current = view.zone ? zoneSummary.data : data;
  const bubbles = useMemo(
    () => zoneBubbles(data?.zones ?? [], places.data?.items ?? [], data?.alerts ?? [], threshold),
    [data, places.data, threshold],
  );

  const problem = province.problem ?? zoneSummary.problem;
  return (
    <Stack spacing={2}>
      <WorkforceTabs />
      <PageHeader
        title={t('wf.title')}
        subtitle={t('wf.subtitle')}
        action={
          <CsvExportButton
            label={t('wf.exportCsv')}
            load={() => {
              const query = { from: view.from, to: view.to, ...(view.zone ? { zone: view.zone } : {}) };
              return unwrap(
                api.GET('/api/v1/work/workforce/summary.csv', { params: { query }, parseAs: 'blob' }),
              );
            }}
            fileName={workforceCsvName(view)}
            done={(file) => t('wf.exported', { file })}
            disabled={invalid || !data}
            testId="wf-export"
          />
        }
      />

      <WorkforceFilters
        view={view}
        invalid={invalid}
        defaultThreshold={serverLine}
        zones={zoneOptions}
        maxMonth={vnMonth(now)}
        filtered={params.toString() !== ''}
        onChange={setView}
        onClear={() => setParams(new URLSearchParams(), { replace: false })}
      />
      {invalid ? <Alert severity="warning">{t('wf.invalidRange')}</Alert> : null}
      {problem ? (
        <ProblemAlert
          problem={problem}
          onRetry={() => {
            province.reload();
            zoneSummary.reload();
          }}
        />
      ) : null}
      {places.problem ? <ProblemAlert problem={places.problem} onRetry={places.reload} /> : null}

      {data ? (
        <VacancyAlerts alerts={data.alerts} threshold={threshold} nameOf={nameOf} onOpen={openZone} />
      ) : null}

      {view.zone ? (
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <Button startIcon={<ArrowBackIcon />} onClick={() => openZone('')} data-testid="wf-back">
            {t('wf.backToProvince')}
          </Button>
          <Typography variant="h2" component="h2" data-testid="wf-zone-title">
            {nameOf(view.zone, view.zone)}
          </Typography>
        </Stack>
      ) : null}

      {current ? (
        <Box sx={{ opacity: province.loading || zoneSummary.loading ? 0.6 : 1 }} data-testid="wf-content">
          {current.series.every((m) => m.companiesFiled === 0) ? (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('wf.noData')}
            </Alert>
          ) : null}
          <WorkforceKpis series={current.series} />
          <Typography
            variant="caption"
            color="text.secondary"
            component="p"
            sx={{ mt: 1 }}
            data-testid="wf-filed-note"
          >
            {t('wf.kpi.filed', {
              month: monthLabel(current.to, lang),
              filed: formatNumber(current.totals.companiesFiled, lang),
              expected: formatNumber(current.totals.companiesExpected, lang),
            })}
          </Typography>
        </Box>
      ) : !invalid && !problem ? (
        <Paper variant="outlined" sx={{ p: 3 }} aria-busy="true">
          <Typography color="text.secondary">{t('app.loading')}</Typography>
        </Paper>
      ) : null}

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 5 }} sx={{ height: { xs: 420, lg: 'auto' }, minHeight: 420 }}>
          <WorkforceMap bubbles={bubbles} threshold={threshold} selected={view.zone} onSelect={openZone} />
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          {current ? <WorkforceTrends part="stock" series={current.series} threshold={threshold} /> : null}
        </Grid>
      </Grid>
      <ZonePanel
        zone={view.zone}
        month={view.to}
        zones={data?.zones ?? []}
        alerts={data?.alerts ?? []}
        loading={province.loading}
        nameOf={nameOf}
        onOpen={openZone}
      />
      {current ? <WorkforceTrends part="flow" series={current.series} threshold={threshold} /> : null}
      <ZoneCompare view={view} zones={zoneOptions} onChange={setView} />
    </Stack>
  );
}
