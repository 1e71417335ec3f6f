import type { Request, Response } from 'express';
import type { AppError, Bilingual } from './errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function preferredLanguage(req: Request): 'vi' | 'en' {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'vi';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export function sendProblem(req: Request, res: Response, err: AppError): void {
  const lang = preferredLanguage(req);
  const pick = (m: Bilingual) => m[lang];
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  res
    .status(err.status)
    .type('application/problem+json')
    .json({
      type: `https://daklak.id/problems/${err.code.replace(/_/g, '-')}`,
      title: TITLES[err.status] ?? 'Error',
      status: err.status,
      code: err.code,
      detail: pick(err.messages),
      messages: err.messages,
      ...(err.fields ? { errors: err.fields.map((f) => ({ ...f, message: pick(f.messages) })) } : {}),
      ...err.extra,
      instance: req.originalUrl,
      requestId: req.id,
    });
}

export function internalProblem(req: Request, res: Response): void {
  res
    .status(500)
    .type('application/problem+json')
    .json({
      type: 'https://daklak.id/problems/internal',
      title: TITLES[500],
      status: 500,
      code: 'internal',
      detail:
        preferredLanguage(req) === 'en'
          ? 'Something went wrong on our side. Quote the request id when you contact support.'
          : 'Hệ thống gặp sự cố. Vui lòng thử lại sau và cung cấp mã yêu cầu khi liên hệ hỗ trợ.',
      messages: {
        vi: 'Hệ thống gặp sự cố. Vui lòng thử lại sau và cung cấp mã yêu cầu khi liên hệ hỗ trợ.',
        en: 'Something went wrong on our side. Quote the request id when you contact support.',
      },
      requestId: req.id,
    });
}
