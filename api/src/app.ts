import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import './platform/types.ts';
import type { CoreDeps } from './services.ts';
import { createServices } from './services.ts';
import { mountRoute, toExpressPath, type MountDeps, type RouteSpec } from './platform/route.ts';
import { createLimiters, sharedLimitStore } from './platform/rate-limit.ts';
import { authenticate, optionalAuthenticate } from './platform/auth/authenticate.ts';
import {
  AppError,
  MethodNotAllowed,
  NotFound,
  TooLarge,
  UnsupportedMediaType,
  ValidationError,
} from './platform/errors.ts';
import { internalProblem, sendProblem } from './platform/problem.ts';
import { buildOpenApiDocument } from './platform/openapi.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { cardRoutes } from './modules/identity/card.routes.ts';
import { sessionRoutes } from './modules/identity/sessions.routes.ts';
import { passkeyRoutes } from './modules/identity/passkeys.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { publicationRoutes } from './modules/feedback/publication.routes.ts';
import { open311KeyRoutes } from './modules/open311/keys.routes.ts';
import { open311Router, OPEN311_PREFIX } from './modules/open311/open311.router.ts';
import { forwardingRoutes } from './modules/feedback/forwarding/forwarding.routes.ts';
import { feedbackStaffRoutes } from './modules/feedback/staff.routes.ts';
import { feedbackStatsRoutes } from './modules/feedback/stats.routes.ts';
import { ekycRoutes } from './modules/ekyc/ekyc.routes.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { officerDepartmentRoutes } from './modules/admin/departments.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { outlineRoutes } from './modules/reference/outlines.ts';
import { moderationRoutes } from './modules/moderation/moderation.routes.ts';
import { zoneRoutes } from './modules/work/zones.routes.ts';
import { companyRoutes } from './modules/work/companies.routes.ts';
import { workforceRoutes } from './modules/work/workforce.routes.ts';
import { cvRoutes } from './modules/work/cvs.routes.ts';
import { applicationRoutes } from './modules/work/applications.routes.ts';
import { messageRoutes } from './modules/work/messages.routes.ts';
import { postingRoutes } from './modules/work/postings.routes.ts';
import { jobSearchRoutes } from './modules/work/search.routes.ts';
import { jobPage } from './modules/work/job-page.ts';
import { cameraRoutes } from './modules/cameras/cameras.routes.ts';
import { mountDocs } from './platform/docs.ts';
import { mountClients } from './platform/static.ts';
import { requestContext } from './platform/context.ts';
import { multipartParser } from './platform/multipart.ts';

export interface AppDeps extends CoreDeps {
  redis?: Redis;
  /** Readiness: database reachable and migrations applied. */
  ready: () => Promise<{ ok: boolean; checks: Record<string, string> }>;
}

export const API_PREFIX = '/api/v1';

export function allRoutes(services: ReturnType<typeof createServices>, redis?: Redis): RouteSpec[] {
  return [
    ...identityRoutes(services),
    ...sessionRoutes(services.sessions),
    ...cardRoutes(services),
    ...passkeyRoutes(services.passkeys),
    ...notificationRoutes(services.notifications),
    ...feedbackStaffRoutes(services.feedbackStaff),
    ...feedbackStatsRoutes(services.feedbackStats),
    ...forwardingRoutes(services.forwarding, services.provinceWebhook),
    ...feedbackRoutes(services.feedback, services.feedbackHandling, services.feedbackQueue),
    ...publicationRoutes(services.feedbackPublication),
    ...open311KeyRoutes(services.open311Keys),
    ...ekycRoutes(services.ekyc),
    ...adminRoutes(services.admin),
    ...officerDepartmentRoutes(services.officerDepartments),
    ...referenceRoutes(services.reference),
    ...outlineRoutes(services.outlines),
    ...cvRoutes(services.cvs),
    ...applicationRoutes(services.applications),
    ...messageRoutes(services.applicationMessages),
    ...moderationRoutes(services.moderation),
    ...zoneRoutes(services.zones),
    ...companyRoutes(services.companies),
    ...postingRoutes(services.postings),
    ...jobSearchRoutes(services.jobSearch),
    ...workforceRoutes(services.workforceReports, services.workforceStats),
    ...cameraRoutes({
      registry: services.cameras,
      events: services.cameraEvents,
      layouts: services.cameraLayouts,
      snapshots: services.cameraSnapshots,
      status: services.cameraStatus,
      importCsv: services.cameraImport,
      snapshotsPerMinute: services.config.CAMERA_SNAPSHOTS_PER_MINUTE,
      snapshotLimitStore: sharedLimitStore('snapshot', services.config.REDIS_PREFIX, redis),
      sessionEnded: services.sessions.onEnded,
    }),
  ];
}

/** Build the Express app; no listen, no process globals. */
export function createApp(deps: AppDeps) {
  const { config, log } = deps;
  const services = createServices(deps);
  const specs = allRoutes(services, deps.redis);
  const openapi = buildOpenApiDocument([{ prefix: API_PREFIX, specs }]);
  const limiters = createLimiters(config, deps.redis);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('etag', false);

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && /^[\w.-]{8,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.id);
    req.log = log;
    if (config.ACCESS_LOG) {
      const start = process.hrtime.bigint();
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        requestContext.run({ reqId: req.id }, () =>
          req.log.info(
            {
              method: req.method,
              url: req.originalUrl,
              status: res.statusCode,
              ms: Math.round(ms * 10) / 10,
              user: req.auth?.userId,
            },
            'request',
          ),
        );
      });
    }
    requestContext.run({ reqId: req.id }, next);
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'"],
          'worker-src': ["'self'", 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          // Behind TLS the proxy sends HSTS; forcing https here breaks plain-http LAN and kiosk setups.
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptime: Math.round(process.uptime()) });
  });
  app.get('/readyz', async (_req, res) => {
    const r = await deps.ready().catch((err: Error) => ({ ok: false, checks: { database: err.message } }));
    res.status(r.ok ? 200 : 503).json({ status: r.ok ? 'ready' : 'not_ready', checks: r.checks });
  });
  app.get('/.well-known/jwks.json', async (_req, res) => {
    res.json(await deps.signer.jwks());
  });

  const api = express.Router();
  api.use(
    cors({
      origin: (origin, cb) => cb(null, !origin || config.CORS_ORIGINS.includes(origin)),
      credentials: false,
      exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit', 'ratelimit-policy'],
      maxAge: 600,
    }),
  );
  api.use(limiters.ip);
  api.use((req, _res, next) => {
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json') && !req.is('multipart/form-data'))
      return next(
        new UnsupportedMediaType('unsupported_media_type', {
          vi: 'Dữ liệu phải gửi dạng JSON (Content-Type: application/json).',
          en: 'Send the body as JSON (Content-Type: application/json).',
        }),
      );
    next();
  });
  api.use(
    express.json({
      limit: config.BODY_LIMIT_BYTES,
      strict: true,
      // Signed webhooks (integrations) check their HMAC over the exact bytes received.
      verify: (req, _res, buf) => {
        if ((req as Request).originalUrl.startsWith(`${API_PREFIX}/integrations/`))
          (req as Request & { rawBody?: Buffer }).rawBody = buf;
      },
    }),
  );
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  mountDocs(api);

  const v1 = express.Router();
  const mountDeps = {
    authenticate: authenticate(deps.signer),
    optionalAuthenticate: optionalAuthenticate(deps.signer),
    userLimiter: limiters.user,
    authLimiter: limiters.auth,
    multipart: multipartParser,
  };
  mountGrouped(v1, specs, mountDeps);
  api.use('/v1', v1);

  // Unknown API paths: 405 when the path exists with another method, else 404.
  const matchers = specs.map((s) => ({
    method: s.method.toUpperCase(),
    re: new RegExp(`^${API_PREFIX}${toExpressPath(s.path).replace(/:\w+/g, '[^/]+')}/?$`),
  }));
  api.use((req, _res, next) => {
    const path = req.originalUrl.split('?')[0] ?? '';
    const allow = matchers.filter((m) => m.re.test(path)).map((m) => m.method);
    if (allow.length) return next(new MethodNotAllowed([...new Set(allow)]));
    next(
      new NotFound('route_not_found', {
        vi: `Không có địa chỉ API ${req.method} ${path}.`,
        en: `There is no API route ${req.method} ${path}.`,
      }),
    );
  });
  app.use('/api', api);
  app.use(OPEN311_PREFIX, open311Router(services.open311, { config, limiter: limiters.ip }));

  // Public job pages (schema.org JobPosting) for search engines and shared links.
  app.get('/jobs/:id', jobPage(services.jobSearch));
  mountClients(app, config);
  app.use((req, _res, next) => {
    next(new NotFound('not_found', { vi: `Không tìm thấy ${req.path}.`, en: `${req.path} was not found.` }));
  });

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const mapped = mapError(err);
    if (mapped) {
      if (mapped.status >= 500) req.log.error({ err }, 'request failed');
      return sendProblem(req, res, mapped);
    }
    req.log.error({ err }, 'unhandled error');
    if (!res.headersSent) internalProblem(req, res);
  });

  return { app, services, openapi, specs };
}

/**
 * Routes grouped by their first path segment (/auth, /me, /work, /cameras…), one sub-router each. Express tries a
 * router's layers in order, and an error tries every layer after the failing one: with one flat router of ~140
 * routes, a late route or any 401 paid a path match against each of them. Two routes of different groups never match
 * the same path, and each group keeps the declared order, so the route that answers is the same.
 */
function mountGrouped(v1: Router, specs: RouteSpec[], deps: MountDeps): void {
  const groups = new Map<string, Router>();
  for (const spec of specs) {
    const segment = /^\/([\w-]+)(?=\/|$)/.exec(spec.path)?.[1];
    if (!segment) {
      mountRoute(v1, spec, deps);
      continue;
    }
    let group = groups.get(segment);
    if (!group) {
      group = express.Router();
      groups.set(segment, group);
      v1.use(`/${segment}`, group);
    }
    mountRoute(group, { ...spec, path: spec.path.slice(segment.length + 1) || '/' }, deps);
  }
}

/** Client mistakes caught by Express's body parser become precise 4xx problems. */
function mapError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; limit?: number; code?: string } | undefined;
  // A body declared gzip/deflate/br whose bytes do not decompress (zlib's Z_DATA_ERROR and kin, brotli's ERR__ERROR_…).
  if (e?.status === 400 && /^(Z_|ERR__ERROR_)/.test(e.code ?? ''))
    return new ValidationError('body_not_decompressible', {
      vi: 'Nội dung gửi lên không giải nén được theo Content-Encoding đã khai báo.',
      en: 'The body does not decompress with the declared Content-Encoding.',
    });
  switch (e?.type) {
    case 'entity.parse.failed':
      return new ValidationError('invalid_json', {
        vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
        en: 'The body is not valid JSON.',
      });
    case 'entity.too.large':
      return new TooLarge('body_too_large', {
        vi: `Nội dung gửi lên vượt quá giới hạn ${e.limit ?? ''} byte.`,
        en: `The body exceeds the limit of ${e.limit ?? ''} bytes.`,
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaType('unsupported_encoding', {
        vi: 'Bảng mã của nội dung không được hỗ trợ (dùng UTF-8).',
        en: 'Unsupported body encoding (use UTF-8).',
      });
    case 'request.aborted':
      return new ValidationError('request_aborted', {
        vi: 'Yêu cầu bị ngắt giữa chừng.',
        en: 'The request was aborted.',
      });
    default:
      if (e?.status && e.status >= 400 && e.status < 500)
        return new ValidationError('bad_request', { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' });
      return undefined;
  }
}
