import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { ApplicationParams, MessageBody, MessageList, MessageView } from './applications.schemas.ts';
import type { MessageService } from './messages.service.ts';

const tags = ['Việc làm (work)'];

export function messageRoutes(s: MessageService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/work/applications/{id}/messages',
      tags,
      summary: 'Messages between the applicant and the company (oldest first)',
      access: 'user',
      params: ApplicationParams,
      responses: {
        200: { description: 'Messages', schema: MessageList },
        404: { description: 'No such application, or not a party to it', schema: Problem },
      },
      handler: ({ auth, params }) => s.list(auth, params.id),
    }),
    route({
      method: 'post',
      path: '/work/applications/{id}/messages',
      tags,
      summary: 'Send a message on an application (≤ 2000 characters); the other side is notified',
      access: 'user',
      params: ApplicationParams,
      body: MessageBody,
      responses: {
        201: { description: 'Sent', schema: MessageView },
        400: { description: 'Empty or too long', schema: Problem },
        404: { description: 'No such application, or not a party to it', schema: Problem },
        409: { description: 'The application was withdrawn (`application_closed`)', schema: Problem },
      },
      handler: ({ auth, params, body, actor }) => s.send(auth, params.id, body.body, actor),
    }),
  ];
}
