import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Box, Stack, Typography } from '@mui/material';
import { KpiCard } from '../components/ChartCard';
import { formatNumber, formatShare } from '../components/charts';
import { useI18n } from '../i18n/context';
import { formatChange, monthLabel, workforceKpis, type Kpi, type MonthFigures } from './workforceFigures';

const TONE_COLOR = { good: 'success.main', bad: 'error.main', neutral: 'text.secondary' } as const;

/** "+12 so với tháng trước" in green when the change is good news, red when bad. */
function Change({ kpi }: { kpi: Kpi }) {
  const { t, lang } = useI18n();
  const text = formatChange(kpi, lang);
  if (text === null)
    return (
      <Typography variant="caption" color="text.secondary" component="div">
        {t(kpi.value === null && kpi.month !== null ? 'wf.kpi.notFiled' : 'wf.kpi.noPrevious')}
      </Typography>
    );
  const Icon = kpi.change! > 0 ? ArrowUpwardIcon : kpi.change! < 0 ? ArrowDownwardIcon : null;
  return (
    <Stack
      direction="row"
      sx={{ alignItems: 'center', gap: 0.25, color: TONE_COLOR[kpi.tone] }}
      data-testid={`wf-kpi-${kpi.key}-change`}
    >
      {Icon ? <Icon sx={{ fontSize: 16 }} aria-hidden /> : null}
      <Typography variant="caption" sx={{ fontWeight: 600 }}>
        {t(kpi.key === 'vacancyRate' ? 'wf.kpi.changePoints' : 'wf.kpi.change', { change: text })}
      </Typography>
    </Stack>
  );
}

/** The key figures of the last month of the range, each with its change against the month before. */
export function WorkforceKpis({ series }: { series: readonly MonthFigures[] }) {
  const { t, lang } = useI18n();
  const kpis = workforceKpis(series);
  const value = (k: Kpi) =>
    k.value === null
      ? t('common.none')
      : k.key === 'vacancyRate'
        ? (formatShare(k.value, lang) ?? t('common.none'))
        : formatNumber(k.value, lang);
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fit, minmax(148px, 1fr))' }}
      role="group"
      aria-label={kpis[0]?.month ? t('wf.kpi.month', { month: monthLabel(kpis[0].month, lang) }) : undefined}
    >
      {kpis.map((k) => (
        <KpiCard
          key={k.key}
          testId={`wf-kpi-${k.key}`}
          label={t(`wf.kpi.${k.key}`)}
          value={value(k)}
          change={<Change kpi={k} />}
          note={
            k.rangeTotal !== null
              ? t('wf.kpi.rangeTotal', { total: formatNumber(k.rangeTotal, lang) })
              : k.month
                ? t('wf.kpi.month', { month: monthLabel(k.month, lang) })
                : undefined
          }
        />
      ))}
    </Box>
  );
}
