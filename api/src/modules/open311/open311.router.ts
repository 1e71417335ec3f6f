import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import cors from 'cors';
import type { Config } from '../../config.ts';
import {
  AppError,
  NotFound,
  TooLarge,
  UnsupportedMediaType,
  ValidationError,
} from '../../platform/errors.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { send, sendError, type Format } from './format.ts';
import { RequestsQuery, UpdatesQuery } from './open311.schemas.ts';
import type { Open311Service } from './open311.service.ts';

export const OPEN311_PREFIX = '/open311/v2';
const CHANGESET = '2026-11-27T00:00:00+07:00';

/**
 * Open311 GeoReport v2 at /open311/v2/: every resource as `.json` and `.xml`; POST takes a form-encoded body.
 * Outside /api/v1 and its OpenAPI document (the spec defines it); documented in the README.
 */
export function open311Router(s: Open311Service, deps: { config: Config; limiter: RequestHandler }) {
  const r = express.Router({ caseSensitive: true, strict: false });
  r.use(cors({ origin: '*', methods: ['GET', 'POST'], maxAge: 600 }));
  r.use(deps.limiter);
  r.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));
  r.use(express.json({ limit: '64kb' }));

  type Handler = (req: Request, res: Response, format: Format) => Promise<void> | void;
  const on = (method: 'get' | 'post', path: string, handler: Handler) =>
    r[method](`${path}.:format`, async (req: Request, res: Response, next: NextFunction) => {
      const format = req.params.format;
      if (format !== 'json' && format !== 'xml') return next();
      try {
        await handler(req, res, format);
      } catch (err) {
        next(err);
      }
    });

  on('get', '/discovery', (req, res, format) => {
    const base = `${deps.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`}${OPEN311_PREFIX}`;
    const endpoint = {
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: base,
      changeset: CHANGESET,
      type: 'production',
      formats: ['application/json', 'text/xml'],
    };
    const doc = {
      changeset: CHANGESET,
      contact: 'Ủy ban nhân dân tỉnh Đắk Lắk — Trung tâm Điều hành thông minh (IOC)',
      key_service: 'Khoá API do quản trị viên Đắk Lắk ID cấp (bảng điều khiển: Quản trị → Open311).',
      endpoints: [endpoint],
    };
    if (format === 'json') return void send(res, format, 200, doc, { root: 'discovery' });
    send(
      res,
      format,
      200,
      { ...doc, endpoints: { endpoint: [{ ...endpoint, formats: { format: endpoint.formats } }] } },
      { root: 'discovery' },
    );
  });

  on('get', '/services', (_req, res, format) =>
    send(res, format, 200, s.services(), { root: 'services', item: 'service' }),
  );

  on('get', '/services/:code', (req, res, format) => {
    const def = s.serviceDefinition(String(req.params.code));
    if (format === 'json') return void send(res, format, 200, def, { root: 'service_definition' });
    send(
      res,
      format,
      200,
      { service_code: def.service_code, attributes: '' },
      { root: 'service_definition' },
    );
  });

  on('get', '/requests', async (req, res, format) => {
    const q = parseOrThrow(RequestsQuery, req.query ?? {}, 'query');
    send(res, format, 200, await s.requests(q), { root: 'service_requests', item: 'request' });
  });

  on('post', '/requests', async (req, res, format) => {
    if (req.body === undefined || (req.headers['content-type'] && !req.is(['urlencoded', 'json'])))
      throw new UnsupportedMediaType('form_expected', {
        vi: 'Gửi dữ liệu dạng application/x-www-form-urlencoded.',
        en: 'Send the body as application/x-www-form-urlencoded.',
      });
    const body = { ...(req.body as Record<string, unknown>) };
    const apiKey = body.api_key ?? req.query.api_key;
    delete body.api_key;
    const created = await s.create(apiKey, body, {
      ip: req.ip ?? null,
      userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
      requestId: req.id,
    });
    send(res, format, 201, created, { root: 'service_requests', item: 'request' });
  });

  on('get', '/requests/:id', async (req, res, format) =>
    send(res, format, 200, await s.request(String(req.params.id)), {
      root: 'service_requests',
      item: 'request',
    }),
  );

  on('get', '/tokens/:token', async (req, res, format) =>
    send(res, format, 200, await s.token(String(req.params.token)), {
      root: 'service_requests',
      item: 'request',
    }),
  );

  on('get', '/servicerequestupdates', async (req, res, format) => {
    const q = parseOrThrow(UpdatesQuery, req.query ?? {}, 'query');
    send(res, format, 200, await s.updates(q), {
      root: 'service_request_updates',
      item: 'request_update',
    });
  });

  r.use((req, _res, next) =>
    next(
      new NotFound('open311_not_found', {
        vi: `Không có tài nguyên Open311 ${req.method} ${req.path} (dùng đuôi .json hoặc .xml).`,
        en: `There is no Open311 resource ${req.method} ${req.path} (use a .json or .xml suffix).`,
      }),
    ),
  );

  r.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number } | undefined;
    const mapped =
      err instanceof AppError
        ? err
        : e?.type === 'entity.too.large'
          ? new TooLarge('body_too_large')
          : e?.status && e.status >= 400 && e.status < 500
            ? new ValidationError('bad_request', { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' })
            : undefined;
    if (!mapped) req.log.error({ err }, 'open311 request failed');
    sendError(
      req,
      res,
      mapped ??
        new AppError(500, 'internal', {
          vi: 'Hệ thống gặp sự cố. Vui lòng thử lại sau.',
          en: 'Something went wrong on our side.',
        }),
    );
  });

  return r;
}
