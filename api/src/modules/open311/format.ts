import type { Request, Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';
import type { AppError } from '../../platform/errors.ts';
import { preferredLanguage, sendProblem } from '../../platform/problem.ts';

export type Format = 'json' | 'xml';

/** ISO 8601 in the province's time (UTC+7, no daylight saving), with the offset: 2026-11-27T08:15:30+07:00. */
export function vnTime(d: Date | string): string {
  const t = new Date(new Date(d).getTime() + 7 * 3600_000);
  return `${t.toISOString().slice(0, 19)}+07:00`;
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

/** Nulls become empty elements; booleans and numbers text. */
function clean(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(clean);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
  return String(v);
}

export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${String(builder.build({ [root]: clean(value) }))}`;
}

/** JSON as is; XML wraps lists in the spec's element names (<services><service>…). */
export function send(
  res: Response,
  format: Format,
  status: number,
  json: unknown,
  xml: { root: string; item?: string },
): void {
  res.status(status);
  if (format === 'json') {
    res.type('application/json; charset=utf-8').json(json);
    return;
  }
  const value = xml.item ? { [xml.item]: json } : json;
  res.type('text/xml; charset=utf-8').send(toXml(xml.root, value));
}

export const formatOf = (req: Request): Format => (/\.xml$/i.test(req.path) ? 'xml' : 'json');

/** Errors: problem+json for .json (bilingual like every endpoint), the spec's <errors> for .xml; same status. */
export function sendError(req: Request, res: Response, err: AppError): void {
  if (formatOf(req) === 'json') return sendProblem(req, res, err);
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  const lang = preferredLanguage(req);
  const details = err.fields?.length ? ` (${err.fields.map((f) => f.path).join(', ')})` : '';
  res
    .status(err.status)
    .type('text/xml; charset=utf-8')
    .send(
      toXml('errors', {
        error: [{ code: err.status, description: `${err.messages[lang]}${details}` }],
      }),
    );
}
