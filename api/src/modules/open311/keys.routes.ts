import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import type { Open311Keys } from './keys.ts';

const tags = ['Quản trị (admin)'];

const Open311Key = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    accountId: z.string().uuid().describe('The system account that files this client’s reports'),
    createdAt: z.string().datetime(),
    createdBy: z.string().nullable(),
    revokedAt: z.string().datetime().nullable(),
    lastUsedAt: z.string().datetime().nullable(),
    requests: z.number().int().describe('Reports filed with this key'),
  })
  .openapi('Open311Key');

const Open311KeyList = z.object({ items: z.array(Open311Key) }).openapi('Open311KeyList');
const Open311KeyCreated = Open311Key.extend({
  key: z.string().describe('The API key: shown only now, never again'),
}).openapi('Open311KeyCreated');
const CreateKey = z.strictObject({ name: z.string().trim().min(2).max(100) }).openapi('Open311KeyCreate');

export function open311KeyRoutes(keys: Open311Keys): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/admin/open311-keys',
      tags,
      summary: 'Open311 API keys (never the keys themselves)',
      access: 'users:manage',
      responses: { 200: { description: 'Keys', schema: Open311KeyList } },
      handler: () => keys.list(),
    }),
    route({
      method: 'post',
      path: '/admin/open311-keys',
      tags,
      summary: 'Create an Open311 API key for a client system (the key is shown once; audited)',
      access: 'users:manage',
      body: CreateKey,
      responses: { 201: { description: 'Created', schema: Open311KeyCreated } },
      handler: ({ body, actor }) => keys.create(body.name, actor),
    }),
    route({
      method: 'delete',
      path: '/admin/open311-keys/{id}',
      tags,
      summary: 'Revoke an Open311 API key (audited)',
      access: 'users:manage',
      params: z.object({ id: z.string().uuid() }),
      responses: {
        204: { description: 'Revoked' },
        404: { description: 'Unknown key', schema: Problem },
      },
      handler: ({ params, actor }) => keys.revoke(params.id, actor),
    }),
  ];
}
