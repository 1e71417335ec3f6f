import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Response } from 'express';
import { AppError, type Bilingual } from './errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function preferredLanguage(req: Request): 'vi' | 'en' {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'vi';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** The RFC 9457 body of a problem, in one language (`detail`) and both (`messages`). */
function problemBody(err: AppError, lang: 'vi' | 'en') {
  const pick = (m: Bilingual) => m[lang];
  return {
    type: `https://daklak.id/problems/${err.code.replace(/_/g, '-')}`,
    title: TITLES[err.status] ?? 'Error',
    status: err.status,
    code: err.code,
    detail: pick(err.messages),
    messages: err.messages,
    ...(err.fields ? { errors: err.fields.map((f) => ({ ...f, message: pick(f.messages) })) } : {}),
    ...err.extra,
  };
}

export function sendProblem(req: Request, res: Response, err: AppError): void {
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  res
    .status(err.status)
    .type('application/problem+json')
    .json({ ...problemBody(err, preferredLanguage(req)), instance: req.originalUrl, requestId: req.id });
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

/** Requests Node's HTTP parser refuses before Express sees them, by the parser's error code. */
const PARSER_PROBLEMS: Record<string, AppError> = {
  HPE_HEADER_OVERFLOW: new AppError(431, 'headers_too_large', {
    vi: 'Địa chỉ hoặc phần đầu của yêu cầu quá dài. Hãy rút ngắn điều kiện tìm kiếm.',
    en: 'The address or the headers of the request are too long. Shorten the search terms.',
  }),
  ERR_HTTP_REQUEST_TIMEOUT: new AppError(408, 'request_timeout', {
    vi: 'Yêu cầu gửi đến quá chậm và đã bị ngắt. Hãy thử lại.',
    en: 'The request arrived too slowly and was cut off. Try again.',
  }),
};
const MALFORMED = new AppError(400, 'malformed_request', {
  vi: 'Yêu cầu HTTP không hợp lệ.',
  en: 'The HTTP request is malformed.',
});

/**
 * Node answers a request it cannot parse (headers over the size limit, a broken request line, a request sent too
 * slowly) with a bare status line. Here such a request gets the same problem+json as every other client mistake.
 * The headers could not be read, so the detail is in Vietnamese and `messages` carries both languages.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const p = PARSER_PROBLEMS[err.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify(problemBody(p, 'vi'));
    socket.end(
      `HTTP/1.1 ${p.status} ${TITLES[p.status] ?? 'Bad Request'}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
