import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import {
  ModerationDecision,
  ModerationItem,
  ModerationItemParams,
  ModerationQueuePage,
  ModerationQueueQuery,
} from './moderation.schemas.ts';
import type { ModerationService } from './moderation.service.ts';

const tags = ['Kiểm duyệt (moderation)'];
const notFound = { description: 'No such item', schema: Problem };

export function moderationRoutes(s: ModerationService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/moderation/queue',
      tags,
      summary: 'The moderation queue of every kind of listing (oldest first by default), with pending counts',
      access: 'moderation:review',
      query: ModerationQueueQuery,
      responses: { 200: { description: 'A page', schema: ModerationQueuePage } },
      handler: ({ query }) => s.queue(query),
    }),
    route({
      method: 'get',
      path: '/moderation/items/{id}',
      tags,
      summary: 'One item with the snapshot of the listing as submitted',
      access: 'moderation:review',
      params: ModerationItemParams,
      responses: { 200: { description: 'Item', schema: ModerationItem }, 404: notFound },
      handler: ({ params }) => s.item(params.id),
    }),
    route({
      method: 'post',
      path: '/moderation/items/{id}/decision',
      tags,
      summary: 'Approve, or reject with a reason (the submitter is notified)',
      description: 'Only a pending item can be decided: 409 `already_decided` otherwise. Audited.',
      access: 'moderation:review',
      params: ModerationItemParams,
      body: ModerationDecision,
      responses: {
        200: { description: 'The decided item', schema: ModerationItem },
        404: notFound,
        409: { description: 'Already decided or withdrawn', schema: Problem },
      },
      handler: ({ params, body, actor }) => s.decide(params.id, body, actor),
    }),
  ];
}
