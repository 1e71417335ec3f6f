import type { Request, Response, NextFunction, RequestHandler, Router } from 'express';
import type { z } from 'zod';
import type { Logger } from 'pino';
import { parseOrThrow } from './validation.ts';
import { Forbidden, UnsupportedMediaType } from './errors.ts';
import type { AuthContext, Permission } from './auth/permissions.ts';
import type { AuditActor } from './audit.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** 'public': anyone; 'user': any signed-in account; otherwise a permission. */
export type Access = 'public' | 'user' | Permission;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface UploadedFile {
  field: string;
  originalName: string;
  buffer: Buffer;
  size: number;
}

export interface RouteContext<P, Q, B, A extends Access> {
  req: Request;
  /** Files of a multipart route, by field name (the first of each field). */
  files: Record<string, UploadedFile | undefined>;
  /** Every file of each field, in order (fields that take several). */
  fileLists: Record<string, UploadedFile[]>;
  res: Response;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  auth: A extends 'public' ? AuthContext | undefined : AuthContext;
  log: Logger;
  /** Who acts, from where: for audit records. */
  actor: AuditActor;
}

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface RouteSpec<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  A extends Access = Access,
> {
  method: Method;
  /** OpenAPI-style path relative to the mount point, e.g. `/admin/users/{id}`. */
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  access: A;
  /** Extra limiter for sensitive public routes (sign-in, codes). */
  limit?: 'auth';
  /** multipart/form-data: the file fields, each at most `maxBytes`; `body` then validates the text fields. */
  multipart?: {
    files: Array<{ name: string; required: boolean; description: string; maxCount?: number }>;
    maxBytes: number;
    /** What the files are, for messages ("ảnh"/"image" unless told, e.g. a PDF is a "tệp"/"file"). */
    kind?: 'image' | 'file';
  };
  params?: P;
  query?: Q;
  /** Documented request headers (read by the handler itself, e.g. `x-device-id`). */
  headers?: z.ZodObject;
  body?: B;
  /** Runs before params, query and body are validated (e.g. a webhook's signature: unsigned input gets 401). */
  guard?: (req: Request) => void;
  responses: Record<number, RouteResponse>;
  handler: (ctx: RouteContext<P, Q, B, A>) => Promise<unknown> | unknown;
}

/** Declare a route with full type inference of params, query, body and auth. */
export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  A extends Access = Access,
>(spec: RouteSpec<P, Q, B, A>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export interface MountDeps {
  /** Builds the multipart parser of a route (multer in memory, limits enforced while streaming). */
  multipart: (spec: NonNullable<RouteSpec['multipart']>) => RequestHandler;
  authenticate: RequestHandler;
  /** On public routes: a valid bearer token identifies the caller (e.g. for audit); a bad one is ignored. */
  optionalAuthenticate: RequestHandler;
  userLimiter: RequestHandler;
  authLimiter: RequestHandler;
}

export const toExpressPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

export function successStatus(spec: RouteSpec): number {
  return Number(Object.keys(spec.responses).find((s) => s.startsWith('2')) ?? 200);
}

export function mountRoute(router: Router, spec: RouteSpec, deps: MountDeps): void {
  const chain: RequestHandler[] = [];
  if (spec.limit === 'auth') chain.push(deps.authLimiter);
  if (spec.access === 'public') chain.push(deps.optionalAuthenticate);
  else {
    chain.push(deps.authenticate);
    if (spec.access !== 'user') {
      const permission = spec.access;
      chain.push((req, _res, next) => {
        if (!req.auth?.permissions.has(permission))
          return next(
            new Forbidden('permission_required', {
              vi: `Tài khoản của bạn không có quyền "${permission}".`,
              en: `Your account lacks the "${permission}" permission.`,
            }),
          );
        next();
      });
    }
    chain.push(deps.userLimiter);
  }
  if (spec.multipart) chain.push(deps.multipart(spec.multipart));
  else
    chain.push((req, _res, next) => {
      if (req.is('multipart/form-data'))
        return next(
          new UnsupportedMediaType('json_expected', {
            vi: 'Địa chỉ này nhận dữ liệu JSON, không nhận tệp tải lên.',
            en: 'This route takes JSON, not file uploads.',
          }),
        );
      next();
    });
  const status = successStatus(spec);
  chain.push(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const files: Record<string, UploadedFile | undefined> = {};
      const fileLists: Record<string, UploadedFile[]> = {};
      for (const f of (req.files as Express.Multer.File[] | undefined) ?? []) {
        const u = { field: f.fieldname, originalName: f.originalname, buffer: f.buffer, size: f.size };
        files[f.fieldname] ??= u;
        (fileLists[f.fieldname] ??= []).push(u);
      }
      spec.guard?.(req);
      let actor: AuditActor | undefined;
      const ctx = {
        req,
        files,
        fileLists,
        res,
        params: spec.params ? parseOrThrow(spec.params, req.params, 'params') : undefined,
        query: spec.query ? parseOrThrow(spec.query, req.query ?? {}, 'query') : undefined,
        body: spec.body ? parseOrThrow(spec.body, req.body ?? {}, 'body') : undefined,
        auth: req.auth,
        log: req.log,
        // Only the routes that audit read it: the client address goes through the trust-proxy rules.
        get actor(): AuditActor {
          return (actor ??= {
            userId: req.auth?.userId ?? null,
            ip: req.ip ?? null,
            userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
            requestId: req.id,
          });
        },
      };
      const result = await spec.handler(ctx as never);
      if (res.headersSent) return;
      if (status === 204 || result === undefined) res.status(status).end();
      else res.status(status).json(result);
    } catch (err) {
      next(err);
    }
  });
  router[spec.method](toExpressPath(spec.path), ...chain);
}
