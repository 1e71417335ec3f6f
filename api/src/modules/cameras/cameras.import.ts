import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { issueToFields } from '../../platform/validation.ts';
import { CameraCreate, CameraUpdate } from './cameras.schemas.ts';
import type { CameraRegistry } from './cameras.service.ts';
import { splitRtspUrl } from './rtsp.ts';

export interface ImportError {
  line: number;
  field: string | null;
  code: string;
  message: string;
  messages: { vi: string; en: string };
}

const err = (line: number, field: string | null, code: string, vi: string, en: string): ImportError => ({
  line,
  field,
  code,
  message: vi,
  messages: { vi, en },
});

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Returns each record with the line
 * it starts on (1-based). A BOM is dropped; blank lines are skipped.
 */
export function parseCsv(text: string): {
  records: Array<{ line: number; cells: string[] }>;
  error?: ImportError;
} {
  const s = text.replace(/^\uFEFF/, '');
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      i++;
      continue;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      start = line;
    } else cell += ch;
    i++;
  }
  if (quoted)
    return {
      records,
      error: err(
        start,
        null,
        'csv_unclosed_quote',
        'Dấu ngoặc kép chưa được đóng.',
        'A quoted field is not closed.',
      ),
    };
  if (cell !== '' || cells.length) endRecord();
  return { records };
}

const COLUMNS = [
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
type Column = (typeof COLUMNS)[number];
const FIELD_TO_COLUMN: Record<string, Column> = {
  code: 'code',
  name: 'name',
  lat: 'lat',
  lng: 'lng',
  communeCode: 'commune_code',
  address: 'address',
  direction: 'direction',
  tags: 'tags',
  rtspUrl: 'rtsp_url',
  username: 'username',
  password: 'password',
  private: 'private',
  enabled: 'enabled',
};

const TRUE = new Set(['true', '1', 'có', 'co', 'yes', 'x']);
const FALSE = new Set(['false', '0', 'không', 'khong', 'no', '']);

/** Import cameras from CSV: every row is checked; all rows are saved in one transaction, or none. */
export function createCameraImport(deps: { sequelize: Sequelize; registry: CameraRegistry }) {
  const { sequelize, registry } = deps;
  return async function importCsv(csv: string, dryRun: boolean, actor: AuditActor) {
    const parsed = parseCsv(csv);
    const errors: ImportError[] = parsed.error ? [parsed.error] : [];
    const [header, ...rows] = parsed.records;
    const cols = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
    const missing = ['code', 'name', 'lat', 'lng'].filter((c) => !cols.includes(c));
    const unknown = cols.filter((c) => !(COLUMNS as readonly string[]).includes(c));
    if (missing.length || unknown.length) {
      errors.push(
        err(
          1,
          null,
          'csv_header',
          `Dòng tiêu đề phải có các cột ${COLUMNS.join(',')}${missing.length ? ` (thiếu: ${missing.join(', ')})` : ''}${unknown.length ? ` (không rõ: ${unknown.join(', ')})` : ''}.`,
          `The header row must have the columns ${COLUMNS.join(',')}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}.`,
        ),
      );
      return { dryRun, created: 0, updated: 0, errors };
    }
    const existing = new Map(
      (
        await sequelize.query<{ id: string; code: string }>('SELECT id, code FROM cameras', {
          type: QueryTypes.SELECT,
        })
      ).map((r) => [r.code.toLowerCase(), r.id]),
    );
    const seen = new Map<string, number>();
    type Plan = { line: number; id: string | null; data: Record<string, unknown> };
    const plans: Plan[] = [];
    for (const { line, cells } of rows) {
      const get = (c: Column) => {
        const i = cols.indexOf(c);
        return i < 0 ? undefined : (cells[i] ?? '').trim();
      };
      if (cells.length > cols.length) {
        errors.push(
          err(
            line,
            null,
            'csv_columns',
            `Dòng có ${cells.length} cột, tiêu đề có ${cols.length}.`,
            `The row has ${cells.length} columns, the header ${cols.length}.`,
          ),
        );
        continue;
      }
      const data: Record<string, unknown> = {};
      const bad: ImportError[] = [];
      for (const c of COLUMNS) {
        const v = get(c);
        if (v === undefined || v === '') continue; // empty: nothing (a new camera) or keep (an update)
        if (c === 'lat' || c === 'lng') {
          const n = Number(v.replace(',', '.'));
          if (!Number.isFinite(n))
            bad.push(
              err(line, c, 'number_expected', `Cột ${c} phải là số.`, `Column ${c} must be a number.`),
            );
          else data[c] = n;
        } else if (c === 'private' || c === 'enabled') {
          const b = v.toLowerCase();
          if (TRUE.has(b)) data[c] = true;
          else if (FALSE.has(b)) data[c] = false;
          else
            bad.push(
              err(
                line,
                c,
                'boolean_expected',
                `Cột ${c} nhận true/false, 1/0 hoặc có/không.`,
                `Column ${c} takes true/false, 1/0 or có/không.`,
              ),
            );
        } else if (c === 'tags')
          data.tags = v
            .split(';')
            .map((t) => t.trim())
            .filter(Boolean);
        else if (c === 'commune_code') data.communeCode = v;
        else if (c === 'rtsp_url') data.rtspUrl = v;
        else data[c] = v;
      }
      const code = String(data.code ?? '').toLowerCase();
      const id = existing.get(code) ?? null;
      if (code && seen.has(code))
        bad.push(
          err(
            line,
            'code',
            'duplicate_code',
            `Mã ${String(data.code)} đã có ở dòng ${seen.get(code)}.`,
            `Code ${String(data.code)} is already on line ${seen.get(code)}.`,
          ),
        );
      if (code) seen.set(code, line);
      const schema = id ? CameraUpdate : CameraCreate;
      const r = schema.safeParse(data, { reportInput: true });
      if (!r.success)
        for (const issue of r.error.issues)
          for (const f of issueToFields(issue, '')) {
            const key = f.path.split('.')[0] ?? '';
            bad.push(err(line, FIELD_TO_COLUMN[key] ?? (key || null), f.code, f.messages.vi, f.messages.en));
          }
      errors.push(...bad);
      if (!bad.length) plans.push({ line, id, data: r.success ? (r.data as Record<string, unknown>) : data });
    }
    if (!rows.length)
      errors.push(err(1, null, 'csv_empty', 'Tệp không có dòng camera nào.', 'The file has no camera rows.'));
    const created = plans.filter((p) => !p.id).length;
    const updated = plans.length - created;
    if (errors.length || dryRun)
      return { dryRun, created: errors.length ? 0 : created, updated: errors.length ? 0 : updated, errors };
    try {
      await sequelize.transaction(async (t) => {
        for (const p of plans) {
          const line = p.line;
          try {
            if (p.id) await registry.applyUpdate(p.id, p.data, t);
            else {
              const d = p.data as Parameters<typeof registry.insert>[0] & {
                rtspUrl: string;
                username?: string;
                password?: string;
              };
              await registry.insert(
                { ...d, secret: splitRtspUrl(d.rtspUrl, d.username, d.password) },
                actor,
                t,
              );
            }
          } catch (e) {
            if (e instanceof AppError) {
              const f = e.fields?.[0];
              throw Object.assign(e, {
                importError: err(
                  line,
                  f ? (FIELD_TO_COLUMN[f.path] ?? f.path) : null,
                  f?.code ?? e.code,
                  f?.messages.vi ?? e.messages.vi,
                  f?.messages.en ?? e.messages.en,
                ),
              });
            }
            throw e;
          }
        }
        await audit(
          actor,
          {
            action: 'camera.import',
            entityType: 'camera',
            // Which cameras, by code (never their addresses).
            details: { created, updated, rows: plans.length, codes: plans.map((p) => String(p.data.code)) },
          },
          t,
        );
      });
    } catch (e) {
      const ie = (e as { importError?: ImportError }).importError;
      if (ie) return { dryRun, created: 0, updated: 0, errors: [ie] };
      throw e;
    }
    for (const p of plans)
      if (p.id && (p.data.rtspUrl || p.data.enabled === false))
        registry.dropLive(p.id, Boolean(p.data.rtspUrl));
    return { dryRun, created, updated, errors };
  };
}
