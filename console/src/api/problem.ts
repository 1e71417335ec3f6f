import type { Lang } from '../i18n/format';

/** The parts of an RFC 9457 problem+json body the console uses (read defensively). */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  messages?: { vi?: string; en?: string };
  errors?: { path: string; code?: string; message?: string; messages?: { vi?: string; en?: string } }[];
  requestId?: string;
  /** new_device_selfie_required: the ticket for POST /auth/device-selfie. */
  ticket?: string;
  /** selfie_mismatch and the like: tries left on the ticket. */
  triesLeft?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function bilingual(v: unknown): { vi?: string; en?: string } | undefined {
  if (!isRecord(v)) return undefined;
  const vi = str(v.vi);
  const en = str(v.en);
  return vi === undefined && en === undefined ? undefined : { ...(vi ? { vi } : {}), ...(en ? { en } : {}) };
}

/** Turns whatever an error response carried into a Problem. status 0 means no response (network). */
export function toProblem(body: unknown, status: number): Problem {
  if (!isRecord(body)) return { status, code: status === 0 ? 'network' : 'http_error' };
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({
        path: str(e.path) ?? '',
        code: str(e.code),
        message: str(e.message),
        messages: bilingual(e.messages),
      }))
    : undefined;
  return {
    status: typeof body.status === 'number' ? body.status : status,
    code: str(body.code) ?? 'http_error',
    title: str(body.title),
    detail: str(body.detail),
    messages: bilingual(body.messages),
    errors,
    requestId: str(body.requestId),
    ...(str(body.ticket) ? { ticket: str(body.ticket) } : {}),
    ...(typeof body.triesLeft === 'number' ? { triesLeft: body.triesLeft } : {}),
  };
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
    this.name = 'ApiError';
  }
}

export function asProblem(err: unknown): Problem {
  if (err instanceof ApiError) return err.problem;
  return { status: 0, code: 'network' };
}

/** The message to show: messages[lang], then detail, then nothing (the caller falls back). */
export function problemMessage(problem: Problem, lang: Lang): string | undefined {
  return problem.messages?.[lang] ?? problem.detail ?? problem.title;
}

/** Field errors keyed by the last segment of their path (e.g. "body.phone" → "phone"). */
export function fieldErrors(problem: Problem, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    const key =
      e.path
        .split(/[.[\]/]/)
        .filter(Boolean)
        .pop() ?? e.path;
    const text = e.messages?.[lang] ?? e.message ?? e.code ?? '';
    if (!(key in out)) out[key] = text;
  }
  return out;
}
