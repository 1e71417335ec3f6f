import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import {
  Button,
  Grid,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { api, unwrap } from '../api/client';
import { ChartCard } from '../components/ChartCard';
import { formatNumber, formatShare } from '../components/charts';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useApiQuery } from '../useApiQuery';
import { compareChart, KPI_KEYS } from './workforceFigures';
import type { ZoneOption } from './WorkforceFilters';
import { comparing, type WorkforceView } from './workforceView';

/** Two zones side by side: their figures for the range and their month series on the same axes. */
export function ZoneCompare({
  view,
  zones,
  onChange,
}: {
  view: WorkforceView;
  zones: readonly ZoneOption[];
  onChange: (patch: Pick<WorkforceView, 'a' | 'b'>) => void;
}) {
  const { t, lang } = useI18n();
  const ready = comparing(view);
  const query = { a: view.a, b: view.b, from: view.from, to: view.to };
  const cmp = useApiQuery(ready && view.from <= view.to ? JSON.stringify(query) : null, (signal) =>
    unwrap(api.GET('/api/v1/work/workforce/compare', { params: { query }, signal })),
  );
  const nameOf = (code: string) => zones.find((z) => z.code === code)?.name ?? code;
  const data = ready ? cmp.data : undefined;
  const picker = (side: 'a' | 'b') => (
    <TextField
      select
      size="small"
      label={t(side === 'a' ? 'wf.compare.a' : 'wf.compare.b')}
      value={view[side]}
      onChange={(e) => onChange({ a: view.a, b: view.b, [side]: e.target.value })}
      sx={{ minWidth: 260 }}
      slotProps={{ htmlInput: { 'data-testid': `wf-compare-${side}` } }}
    >
      <MenuItem value="">{t('common.none')}</MenuItem>
      {zones.map((z) => (
        <MenuItem key={z.code} value={z.code} disabled={z.code === view[side === 'a' ? 'b' : 'a']}>
          {z.name}
        </MenuItem>
      ))}
    </TextField>
  );
  const figure = (key: (typeof KPI_KEYS)[number], v: number | null) =>
    v === null ? t('common.none') : key === 'vacancyRate' ? formatShare(v, lang) : formatNumber(v, lang);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="wf-compare-title">
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, alignItems: { md: 'center' }, mb: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flex: 1 }}>
          <CompareArrowsIcon color="primary" />
          <Typography id="wf-compare-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {t('wf.compare.title')}
          </Typography>
        </Stack>
        {picker('a')}
        {picker('b')}
        <Button onClick={() => onChange({ a: '', b: '' })} disabled={!view.a && !view.b}>
          {t('wf.compare.clear')}
        </Button>
      </Stack>
      {!ready ? (
        <Typography color="text.secondary">{t('wf.compare.hint')}</Typography>
      ) : cmp.problem ? (
        <ProblemAlert problem={cmp.problem} onRetry={cmp.reload} />
      ) : !data ? (
        <Typography color="text.secondary">{t('app.loading')}</Typography>
      ) : (
        <Grid container spacing={2} data-testid="wf-compare" sx={{ opacity: cmp.loading ? 0.6 : 1 }}>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Table size="small" aria-label={t('wf.compare.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('wf.compare.metric')}</TableCell>
                  <TableCell align="right">{nameOf(data.a.code)}</TableCell>
                  <TableCell align="right">{nameOf(data.b.code)}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {KPI_KEYS.map((key) => (
                  <TableRow key={key} data-testid={`wf-compare-${key}`}>
                    <TableCell component="th" scope="row">
                      {t(`wf.kpi.${key}`)}
                    </TableCell>
                    <TableCell align="right">{figure(key, data.a.totals[key])}</TableCell>
                    <TableCell align="right">{figure(key, data.b.totals[key])}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography variant="caption" color="text.secondary">
              {t('wf.compare.note')}
            </Typography>
          </Grid>
          {(['headcount', 'vacancyRate'] as const).map((key) => (
            <Grid key={key} size={{ xs: 12, md: 6, lg: 4 }}>
              <ChartCard
                testId={`chart-wf-compare-${key}`}
                kind="line"
                percent={key === 'vacancyRate'}
                height={220}
                title={t(key === 'headcount' ? 'wf.chart.headcount' : 'wf.chart.vacancyRate')}
                data={compareChart(
                  { name: nameOf(data.a.code), series: data.a.series },
                  { name: nameOf(data.b.code), series: data.b.series },
                  key,
                  lang,
                )}
              />
            </Grid>
          ))}
        </Grid>
      )}
    </Paper>
  );
}
