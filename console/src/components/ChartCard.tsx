import TableChartIcon from '@mui/icons-material/TableChart';
import {
  Box,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import { useId, useState, type ReactNode } from 'react';
import { Bar, Doughnut } from 'react-chartjs-2';
import { useI18n } from '../i18n/context';
import { formatNumber, type ChartData } from './stats';

// Only what these charts use (the Bar and Doughnut components register their own controllers).
ChartJS.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export type ChartKind = 'doughnut' | 'bar' | 'stackedBar' | 'horizontalBar';

const FONT = {
  family: '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif',
};

function barOptions(kind: ChartKind): ChartOptions<'bar'> {
  // Long names (departments, communes) read better along the vertical axis.
  const horizontal = kind === 'horizontalBar' || kind === 'stackedBar';
  const stacked = kind === 'stackedBar';
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: {
      legend: { display: stacked, position: 'bottom', labels: { font: FONT } },
      tooltip: { bodyFont: FONT, titleFont: FONT },
    },
    scales: {
      x: { stacked, ticks: { font: FONT, precision: 0 }, beginAtZero: true },
      y: { stacked, ticks: { font: FONT, precision: 0 }, beginAtZero: true },
    },
  };
}

const doughnutOptions: ChartOptions<'doughnut'> = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  plugins: {
    legend: { position: 'right', labels: { font: FONT } },
    tooltip: { bodyFont: FONT, titleFont: FONT },
  },
};

/** The chart's figures as a table (the accessible alternative to the canvas). */
function DataTable({ data, caption }: { data: ChartData; caption: string }) {
  const { t, lang } = useI18n();
  const stackedSeries = data.datasets.length > 1;
  return (
    <Table size="small" aria-label={caption}>
      <TableHead>
        <TableRow>
          <TableCell>{t('fbStats.col.label')}</TableCell>
          {stackedSeries ? (
            data.datasets.map((s) => (
              <TableCell key={s.label} align="right">
                {s.label}
              </TableCell>
            ))
          ) : (
            <TableCell align="right">{t('fbStats.col.count')}</TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {data.labels.map((label, i) => (
          <TableRow key={`${label}-${i}`}>
            <TableCell component="th" scope="row">
              {label}
            </TableCell>
            {data.datasets.map((s) => (
              <TableCell key={s.label} align="right">
                {formatNumber(s.data[i] ?? 0, lang)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A one-sentence description of the chart for screen readers: "label: n, label: n …". */
function summary(data: ChartData, lang: 'vi' | 'en'): string {
  return data.labels
    .map(
      (label, i) => `${label}: ${data.datasets.map((s) => formatNumber(s.data[i] ?? 0, lang)).join(' / ')}`,
    )
    .join('; ');
}

interface CardProps {
  title: string;
  data: ChartData;
  kind: ChartKind;
  testId: string;
  height?: number;
  /** Extra content under the title (e.g. a note). */
  children?: ReactNode;
}

/** A chart in a card, with a button that shows the same figures as a table. */
export function ChartCard({ title, data, kind, testId, height = 280, children }: CardProps) {
  const { t, lang } = useI18n();
  const [table, setTable] = useState(false);
  const titleId = useId();
  const empty = data.labels.length === 0 || data.datasets.every((s) => s.data.every((n) => n === 0));
  const chartData = {
    labels: data.labels,
    datasets: data.datasets.map((s) => ({ ...s, borderWidth: kind === 'doughnut' ? 1 : 0 })),
  };
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, height: '100%' }}
      data-testid={testId}
      aria-labelledby={titleId}
      component="section"
    >
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
          {title}
        </Typography>
        {!empty ? (
          <Button
            size="small"
            startIcon={<TableChartIcon />}
            onClick={() => setTable((v) => !v)}
            aria-expanded={table}
            data-testid={`${testId}-table-toggle`}
          >
            {t(table ? 'fbStats.hideTable' : 'fbStats.showTable')}
          </Button>
        ) : null}
      </Stack>
      {children}
      {empty ? (
        <Box sx={{ height: 120, display: 'grid', placeItems: 'center' }}>
          <Typography color="text.secondary">{t('fbStats.noData')}</Typography>
        </Box>
      ) : (
        <>
          <Box
            sx={{ position: 'relative', height }}
            role="img"
            aria-label={`${title}. ${summary(data, lang)}`}
          >
            {kind === 'doughnut' ? (
              <Doughnut data={chartData} options={doughnutOptions} />
            ) : (
              <Bar data={chartData} options={barOptions(kind)} />
            )}
          </Box>
          {table ? (
            <Box sx={{ mt: 2, maxHeight: 320, overflow: 'auto' }}>
              <DataTable data={data} caption={title} />
            </Box>
          ) : null}
        </>
      )}
    </Paper>
  );
}

/** A key figure: a big value with a caption. */
export function KpiCard({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId: string;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%' }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography sx={{ fontSize: 32, fontWeight: 700, lineHeight: 1.3 }} data-testid={`${testId}-value`}>
        {value}
      </Typography>
      {note ? (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      ) : null}
    </Paper>
  );
}
