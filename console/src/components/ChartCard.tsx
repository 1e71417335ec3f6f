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
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import { useId, useState, type ReactNode } from 'react';
import { Bar, Doughnut, Line } from 'react-chartjs-2';
import { useI18n } from '../i18n/context';
import { chartIsEmpty, formatNumber, formatShare, type ChartData } from './charts';

// Only what these charts use (the Bar, Doughnut and Line components register their own controllers).
ChartJS.register(
  ArcElement,
  BarElement,
  CategoryScale,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

export type ChartKind = 'doughnut' | 'bar' | 'stackedBar' | 'horizontalBar' | 'line';
type Format = (n: number) => string;

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

/** Month-by-month lines: a legend when there are several series, values formatted on the axis and tooltip. */
function lineOptions(format: Format, legend: boolean): ChartOptions<'line'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { display: legend, position: 'bottom', labels: { font: FONT, boxHeight: 2 } },
      tooltip: {
        bodyFont: FONT,
        titleFont: FONT,
        callbacks: {
          label: (c) => `${c.dataset.label ?? ''}: ${c.parsed.y === null ? '—' : format(c.parsed.y)}`,
        },
      },
    },
    scales: {
      x: { ticks: { font: FONT, maxRotation: 0, autoSkip: true } },
      y: { beginAtZero: true, ticks: { font: FONT, callback: (v) => format(Number(v)) } },
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
function DataTable({ data, caption, format }: { data: ChartData; caption: string; format: Format }) {
  const { t } = useI18n();
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
                {format(s.data[i] ?? 0)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A one-sentence description of the chart for screen readers: "label: n, label: n …". */
function summary(data: ChartData, format: Format): string {
  return data.labels
    .map((label, i) => `${label}: ${data.datasets.map((s) => format(s.data[i] ?? 0)).join(' / ')}`)
    .join('; ');
}

interface CardProps {
  title: string;
  data: ChartData;
  kind: ChartKind;
  testId: string;
  height?: number;
  /** Values are shares 0…1, shown as percentages. */
  percent?: boolean;
  /** Extra content under the title (e.g. a note). */
  children?: ReactNode;
}

/** A chart in a card, with a button that shows the same figures as a table. */
export function ChartCard({ title, data, kind, testId, height = 280, percent = false, children }: CardProps) {
  const { t, lang } = useI18n();
  const [table, setTable] = useState(false);
  const titleId = useId();
  const format: Format = percent ? (n) => formatShare(n, lang) ?? '—' : (n) => formatNumber(n, lang);
  const empty = chartIsEmpty(data);
  const chartData = {
    labels: data.labels,
    datasets: data.datasets.map(({ reference: _, ...s }) => ({
      ...s,
      borderWidth: kind === 'doughnut' ? 1 : kind === 'line' ? 2 : 0,
    })),
  };
  const chart =
    kind === 'doughnut' ? (
      <Doughnut data={chartData} options={doughnutOptions} />
    ) : kind === 'line' ? (
      <Line data={chartData} options={lineOptions(format, data.datasets.length > 1)} />
    ) : (
      <Bar data={chartData} options={barOptions(kind)} />
    );
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
            aria-label={`${title}. ${summary(data, format)}`}
          >
            {chart}
          </Box>
          {table ? (
            <Box sx={{ mt: 2, maxHeight: 320, overflow: 'auto' }}>
              <DataTable data={data} caption={title} format={format} />
            </Box>
          ) : null}
        </>
      )}
    </Paper>
  );
}

/** A key figure: a big value with a caption, optionally a change (e.g. against the previous month). */
export function KpiCard({
  label,
  value,
  note,
  change,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  change?: ReactNode;
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
      {change}
      {note ? (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      ) : null}
    </Paper>
  );
}
