import type { components } from '../../api/schema';
import type { Lang } from '../../i18n/format';
import { formatDateTime } from '../../time';
import type { Camera } from './form';

export type CameraEvent = components['schemas']['CameraEvent'];
export type ImportError = components['schemas']['CameraImportResult']['errors'][number];

/** The columns POST /cameras/import reads, in the order of the template. */
export const IMPORT_COLUMNS = [
  'code',
  'name',
  'lat',
  'lng',
  'commune_code',
  'address',
  'direction',
  'tags',
  'rtsp_url',
  'username',
  'password',
  'private',
  'enabled',
] as const;

/** One CSV field: quoted when it holds a separator, a quote or a line break; a leading =+-@ is defused. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',');
}

/** The import template: the header and one example row (a crossing in Buôn Ma Thuột). */
export function importTemplate(): string {
  return (
    [
      csvLine(IMPORT_COLUMNS),
      csvLine([
        'BMT-NGA-SAU-01',
        'Ngã Sáu Buôn Ma Thuột — hướng Phan Bội Châu',
        12.6679,
        108.0383,
        '',
        'Ngã Sáu - phường Buôn Ma Thuột',
        'Hướng về Phan Bội Châu',
        'ngã tư;nội thị',
        'rtsp://192.0.2.10:554/stream1',
        '',
        '',
        'false',
        'true',
      ]),
    ].join('\r\n') + '\r\n'
  );
}

/** The registry as operators export it (never the address: only its host). A BOM so Excel reads UTF-8. */
export function camerasToCsv(cameras: readonly Camera[], lang: Lang): string {
  const header = [
    'code',
    'name',
    'lat',
    'lng',
    'commune_code',
    'commune',
    'address',
    'direction',
    'tags',
    'rtsp_host',
    'has_credentials',
    'private',
    'enabled',
    'demo',
    'state',
    'state_since',
    'updated_at',
  ];
  const rows = cameras.map((c) =>
    csvLine([
      c.code,
      c.name,
      c.lat,
      c.lng,
      c.communeCode,
      c.communeName,
      c.address,
      c.direction,
      c.tags.join(';'),
      c.rtspHost,
      c.hasCredentials,
      c.private,
      c.enabled,
      c.demo,
      c.state,
      formatDateTime(c.status.since, lang),
      formatDateTime(c.updatedAt, lang),
    ]),
  );
  return `\uFEFF${[csvLine(header), ...rows].join('\r\n')}\r\n`;
}

/** "1 giờ 5 phút", "42 giây", "3 ngày 2 giờ": the two largest units; null → null (still going on). */
export function formatDuration(ms: number | null, lang: Lang): string | null {
  if (ms === null) return null;
  const units =
    lang === 'vi' ? (['ngày', 'giờ', 'phút', 'giây'] as const) : (['d', 'h', 'min', 's'] as const);
  const sizes = [86_400_000, 3_600_000, 60_000, 1000];
  const total = Math.max(0, Math.round(ms / 1000) * 1000);
  const counts = sizes.map((size, i) =>
    Math.floor((i === 0 ? total : total % (sizes[i - 1] as number)) / size),
  );
  const first = counts.findIndex((n) => n > 0);
  const parts: string[] = [];
  if (first >= 0) {
    parts.push(`${counts[first]} ${units[first]}`);
    const next = counts[first + 1];
    if (next) parts.push(`${next} ${units[first + 1]}`);
  }
  return parts.length ? parts.join(' ') : lang === 'vi' ? '0 giây' : '0 s';
}

/** The outage history as loaded, for a spreadsheet. */
export function eventsToCsv(events: readonly CameraEvent[], lang: Lang): string {
  const header = ['at', 'camera', 'previous_state', 'state', 'duration_seconds', 'duration', 'message'];
  const rows = events.map((e) =>
    csvLine([
      formatDateTime(e.at, lang),
      e.cameraName,
      e.previousState,
      e.state,
      e.durationMs === null ? null : Math.round(e.durationMs / 1000),
      formatDuration(e.durationMs, lang),
      e.message,
    ]),
  );
  return `\uFEFF${[csvLine(header), ...rows].join('\r\n')}\r\n`;
}

/** Import errors by line, in line order, each line's messages in the language. */
export function errorsByLine(
  errors: readonly ImportError[],
  lang: Lang,
): { line: number; messages: string[] }[] {
  const byLine = new Map<number, string[]>();
  for (const e of errors) {
    const text = (e.messages[lang] || e.message) + (e.field ? ` [${e.field}]` : '');
    const list = byLine.get(e.line) ?? [];
    list.push(text);
    byLine.set(e.line, list);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, messages]) => ({ line, messages }));
}
