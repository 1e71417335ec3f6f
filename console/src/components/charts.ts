// Pure helpers shared by the statistics pages (feedback, workforce): the chart data the ChartCard draws and
// number formatting in the console's language. No React.

export interface ChartDataset {
  label: string;
  data: (number | null)[];
  backgroundColor: string | string[];
  stack?: string;
  /** Line charts: the line colour, a dash pattern (e.g. a threshold) and the point size. */
  borderColor?: string;
  borderDash?: number[];
  pointRadius?: number;
  /** A reference line (e.g. an alert threshold): drawn, but a chart with only reference data counts as empty. */
  reference?: boolean;
}

export interface ChartData {
  labels: string[];
  datasets: ChartDataset[];
}

export function formatNumber(n: number, lang: 'vi' | 'en', digits = 0): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n);
}

/** A share 0…1 → "83%" / "83,5%" (locale decimal separator); null → null. */
export function formatShare(share: number | null, lang: 'vi' | 'en'): string | null {
  if (share === null || !Number.isFinite(share)) return null;
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** true when no dataset other than reference lines has a value other than 0. */
export function chartIsEmpty(data: ChartData): boolean {
  return (
    data.labels.length === 0 ||
    data.datasets.filter((s) => !s.reference).every((s) => s.data.every((n) => n === null || n === 0))
  );
}
