import type { Response } from 'express';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV field: quoted when it holds a separator, a quote or a line break. Text that a spreadsheet would run as
 * a formula (a leading = + - @, tab or carriage return, unless it is a plain number) gets a leading apostrophe:
 * exports carry text people typed (names, addresses, log details).
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file for spreadsheets: UTF-8 with a BOM (Excel reads Vietnamese right), CRLF line ends. */
export function csvDocument(rows: Iterable<readonly CsvValue[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Send a CSV document as a download named `fileName` (ASCII), never cached on the way. */
export function sendCsv(res: Response, fileName: string, text: string): void {
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.type('text/csv; charset=utf-8').send(text);
}
