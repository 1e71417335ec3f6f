import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from './zod.ts';
import type { RouteSpec } from './route.ts';

const Bilingual = z.object({ vi: z.string(), en: z.string() });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable code'),
    detail: z.string().describe('In the language of Accept-Language (Vietnamese by default)'),
    messages: Bilingual,
    errors: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string(), messages: Bilingual }))
      .optional(),
    retryAfter: z.number().optional(),
    requiredLevel: z.number().int().optional().describe('identity_level_required: the level needed'),
    currentLevel: z.number().int().optional().describe('identity_level_required: the account’s level'),
    firstVerifiedAt: z
      .string()
      .nullable()
      .optional()
      .describe('qr_replayed: when the token was first checked'),
    instance: z.string().optional(),
    requestId: z.string(),
  })
  .openapi('Problem');

/** JSON, or for upload routes multipart/form-data with the text fields plus one binary field per file. */
function requestContent(spec: RouteSpec) {
  if (!spec.multipart) return { 'application/json': { schema: spec.body as z.ZodType } };
  const files = Object.fromEntries(
    spec.multipart.files.map((f) => {
      const one = z.string().openapi({ type: 'string', format: 'binary', description: f.description });
      const s = (f.maxCount ?? 1) > 1 ? z.array(one).max(f.maxCount ?? 1) : one;
      return [f.name, f.required ? s : s.optional()];
    }),
  );
  const body = spec.body as z.ZodObject;
  return { 'multipart/form-data': { schema: body.extend(files) } };
}

export interface MountedSpecs {
  prefix: string;
  specs: RouteSpec[];
}

export function buildOpenApiDocument(groups: MountedSpecs[], extra: (r: OpenAPIRegistry) => void = () => {}) {
  const registry = new OpenAPIRegistry();
  registry.register('Problem', Problem);
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const { prefix, specs } of groups) {
    for (const spec of specs) {
      const responses: Record<string, object> = {};
      for (const [status, r] of Object.entries(spec.responses)) {
        responses[status] = r.schema
          ? {
              description: r.description,
              content: {
                [r.contentType ?? (status.startsWith('2') ? 'application/json' : 'application/problem+json')]:
                  {
                    schema: r.schema,
                  },
              },
            }
          : { description: r.description };
      }
      if (spec.body || spec.query || spec.params)
        responses['400'] ??= {
          description: 'Invalid request',
          content: { 'application/problem+json': { schema: Problem } },
        };
      if (spec.access !== 'public') {
        responses['401'] ??= {
          description: 'Not signed in',
          content: { 'application/problem+json': { schema: Problem } },
        };
        if (spec.access !== 'user')
          responses['403'] ??= {
            description: 'Missing permission',
            content: { 'application/problem+json': { schema: Problem } },
          };
      }
      registry.registerPath({
        method: spec.method,
        path: `${prefix}${spec.path}`,
        tags: spec.tags,
        summary: spec.summary,
        description:
          (spec.description ? `${spec.description}\n\n` : '') +
          (spec.access === 'public'
            ? 'Access: public.'
            : spec.access === 'user'
              ? 'Access: any signed-in account.'
              : `Access: permission \`${spec.access}\`.`),
        ...(spec.access !== 'public' ? { security: [{ [bearer.name]: [] }] } : {}),
        request: {
          ...(spec.params ? { params: spec.params as never } : {}),
          ...(spec.query ? { query: spec.query as never } : {}),
          ...(spec.headers ? { headers: spec.headers as never } : {}),
          ...(spec.body ? { body: { required: true, content: requestContent(spec) } } : {}),
        },
        responses,
      });
    }
  }
  extra(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Đắk Lắk ID API',
      version: '1.0.0',
      description:
        'API of Đắk Lắk ID, the digital-citizen platform of Đắk Lắk province. Errors are RFC 9457 problem+json with Vietnamese and English messages.',
    },
    servers: [{ url: '/' }],
  });
}
