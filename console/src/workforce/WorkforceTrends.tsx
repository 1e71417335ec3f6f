import { Grid } from '@mui/material';
import type { ChartData } from '../components/charts';
import { ChartCard } from '../components/ChartCard';
import { useI18n } from '../i18n/context';
import { seriesChart, vacancyRateChart, type KpiKey, type MonthFigures } from './workforceFigures';

interface Chart {
  testId: string;
  title: string;
  data: ChartData;
  percent?: boolean;
}

/**
 * Month-by-month charts. 'stock': headcount and the vacancy rate with the alert line (stacked, beside the map);
 * 'flow': hires vs separations and the applications and hires through the app (side by side).
 */
export function WorkforceTrends({
  series,
  threshold,
  part,
}: {
  series: readonly MonthFigures[];
  threshold: number;
  part: 'stock' | 'flow';
}) {
  const { t, lang } = useI18n();
  const lines = (...keys: KpiKey[]) =>
    seriesChart(
      series,
      keys.map((key) => ({ key, label: t(`wf.kpi.${key}`) })),
      lang,
    );
  const charts: Chart[] =
    part === 'stock'
      ? [
          { testId: 'chart-wf-headcount', title: t('wf.chart.headcount'), data: lines('headcount') },
          {
            testId: 'chart-wf-vacancy-rate',
            title: t('wf.chart.vacancyRate'),
            percent: true,
            data: vacancyRateChart(
              series,
              threshold,
              { rate: t('wf.kpi.vacancyRate'), threshold: t('wf.series.threshold') },
              lang,
            ),
          },
        ]
      : [
          { testId: 'chart-wf-flows', title: t('wf.chart.flows'), data: lines('hires', 'separations') },
          { testId: 'chart-wf-app', title: t('wf.chart.app'), data: lines('appApplications', 'appHires') },
        ];
  return (
    <Grid container spacing={2}>
      {charts.map((c) => (
        <Grid key={c.testId} size={part === 'stock' ? { xs: 12, md: 6, lg: 12 } : { xs: 12, lg: 6 }}>
          <ChartCard
            testId={c.testId}
            kind="line"
            percent={c.percent ?? false}
            height={part === 'stock' ? 175 : 240}
            title={c.title}
            data={c.data}
          />
        </Grid>
      ))}
    </Grid>
  );
}
