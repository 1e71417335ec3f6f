import { Alert, Box, Grid, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CsvExportButton } from '../components/CsvExportButton';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useApiQuery } from '../useApiQuery';
import { FeedbackTabs } from './FeedbackTabs';
import { FEEDBACK_STATUSES, type FeedbackStatus } from './queries';
import { ChartCard, KpiCard } from '../components/ChartCard';
import { StatsFilterBar } from './StatsFilterBar';
import {
  barChart,
  buildStatsQuery,
  csvFilename,
  departmentChart,
  durationParts,
  formatNumber,
  formatShare,
  invalidStatsRange,
  parseStatsParams,
  ratingsChart,
  relabel,
  statsDays,
  statsSearchParams,
  statusChart,
  type StatsFilters,
} from './stats';

const TOP_COMMUNES = 10;
const DURATION_KEY = { minutes: 'fbStats.minutes', hours: 'fbStats.hours', days: 'fbStats.days' } as const;

export function StatsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseStatsParams(params), [params]);
  const invalid = invalidStatsRange(filters);
  // "Today" is fixed when the page opens, so the query key stays stable while it is shown.
  const [now] = useState(() => new Date());
  const query = useMemo(() => buildStatsQuery(filters, now), [filters, now]);

  const setFilters = (patch: Partial<StatsFilters>) => {
    const next = { ...filters, ...patch };
    if (patch.range === 'custom' && filters.range !== 'custom') {
      // start the custom range from the period that was shown
      const days = statsDays(filters, now);
      next.from = days.from;
      next.to = days.to;
    }
    setParams(statsSearchParams(next), { replace: true });
  };

  const stats = useApiQuery(invalid ? null : JSON.stringify(query), (signal) =>
    unwrap(api.GET('/api/v1/feedback/stats', { params: { query }, signal })),
  );
  const categories = useApiQuery('categories', (signal) =>
    unwrap(api.GET('/api/v1/feedback/categories', { signal })),
  );
  const departments = useApiQuery('departments', (signal) =>
    unwrap(api.GET('/api/v1/feedback/departments', { signal })),
  );
  const communes = useApiQuery('communes', (signal) => unwrap(api.GET('/api/v1/communes', { signal })));

  const statusLabel = (key: string) =>
    (FEEDBACK_STATUSES as readonly string[]).includes(key)
      ? t(`fb.status.${key as FeedbackStatus}`)
      : undefined;
  const categoryLabel = (key: string) => {
    const c = categories.data?.items.find((x) => x.code === key);
    return c && (lang === 'vi' ? c.name : c.nameEn);
  };
  const departmentLabel = (key: string) => {
    if (key === 'none') return t('fbStats.noDepartment');
    const d = departments.data?.items.find((x) => x.code === key);
    return d && (lang === 'vi' ? d.name : d.nameEn);
  };
  const data = stats.data;
  const median = durationParts(data?.resolved.medianHours ?? null);
  const none = t('common.none');
  const count = t('fbStats.series.count');

  return (
    <Stack spacing={2}>
      <FeedbackTabs />
      <PageHeader
        title={t('fbStats.title')}
        subtitle={`${t('fbStats.subtitle')} ${t('common.timezoneNote')}`}
        action={
          <CsvExportButton
            label={t('fbStats.exportCsv')}
            load={() => unwrap(api.GET('/api/v1/feedback/stats.csv', { params: { query }, parseAs: 'blob' }))}
            fileName={csvFilename(filters, now)}
            done={(file) => t('fbStats.exported', { file })}
            disabled={invalid || !data}
            testId="stats-export"
          />
        }
      />

      <StatsFilterBar
        filters={filters}
        invalid={invalid}
        onChange={setFilters}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
        categories={categories.data?.items ?? []}
        departments={departments.data?.items ?? []}
        communes={communes.data?.items ?? []}
        communesLoading={communes.loading}
      />

      {stats.problem ? <ProblemAlert problem={stats.problem} onRetry={stats.reload} /> : null}
      {invalid ? <Alert severity="warning">{t('fbStats.invalidRange')}</Alert> : null}

      {data ? (
        <Box
          sx={{ opacity: stats.loading ? 0.6 : 1, transition: 'opacity 0.2s' }}
          aria-busy={stats.loading}
          data-testid="stats-content"
        >
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
              <KpiCard
                testId="kpi-total"
                label={t('fbStats.kpi.total')}
                value={formatNumber(data.total, lang)}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
              <KpiCard
                testId="kpi-median"
                label={t('fbStats.kpi.median')}
                value={
                  median
                    ? t(DURATION_KEY[median.unit], {
                        n: formatNumber(median.n, lang, median.n % 1 ? 1 : 0),
                      })
                    : none
                }
                note={t('fbStats.kpi.resolved', { count: formatNumber(data.resolved.count, lang) })}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
              <KpiCard
                testId="kpi-ontime"
                label={t('fbStats.kpi.onTime')}
                value={formatShare(data.resolved.onTimeShare, lang) ?? none}
                note={t('fbStats.kpi.resolved', { count: formatNumber(data.resolved.count, lang) })}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
              <KpiCard
                testId="kpi-rating"
                label={t('fbStats.kpi.rating')}
                value={
                  data.ratings.average === null ? none : `${formatNumber(data.ratings.average, lang, 1)} / 5`
                }
                note={t('fbStats.kpi.ratings', { count: formatNumber(data.ratings.count, lang) })}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 5 }}>
              <ChartCard
                testId="chart-status"
                kind="doughnut"
                title={t('fbStats.chart.status')}
                data={statusChart(relabel(data.byStatus, statusLabel), count)}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 7 }}>
              <ChartCard
                testId="chart-category"
                kind="bar"
                title={t('fbStats.chart.category')}
                data={barChart(relabel(data.byCategory, categoryLabel), count)}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 7 }}>
              <ChartCard
                testId="chart-department"
                kind="stackedBar"
                title={t('fbStats.chart.department')}
                data={departmentChart(relabel(data.byDepartment, departmentLabel), {
                  notOverdue: t('fbStats.series.notOverdue'),
                  overdue: t('fbStats.series.overdue'),
                })}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 5 }}>
              <ChartCard
                testId="chart-ratings"
                kind="bar"
                title={t('fbStats.chart.ratings')}
                data={ratingsChart(
                  data.ratings.histogram,
                  (n) => t('fbStats.stars', { n }),
                  t('fbStats.series.ratings'),
                )}
              />
            </Grid>
            <Grid size={12}>
              <ChartCard
                testId="chart-commune"
                kind="horizontalBar"
                height={Math.max(160, Math.min(TOP_COMMUNES, data.byCommune.length) * 32 + 40)}
                title={t('fbStats.chart.commune')}
                data={barChart(data.byCommune, count, TOP_COMMUNES)}
              />
            </Grid>
          </Grid>
        </Box>
      ) : stats.loading ? (
        <Typography color="text.secondary">{t('app.loading')}</Typography>
      ) : null}
    </Stack>
  );
}
