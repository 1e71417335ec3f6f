import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import type { PublicationService } from './publication.ts';

const tags = ['Phản ánh (feedback)'];

const Params = z.object({ id: z.string().uuid() });

export const PublicationView = z
  .object({
    published: z.boolean(),
    publicTitle: z.string().nullable(),
    publicDescription: z.string().nullable(),
    publishedAt: z.string().datetime().nullable(),
    suggested: z
      .object({ title: z.string(), description: z.string() })
      .describe('The citizen’s text with personal data masked automatically: a starting point to review'),
  })
  .openapi('FeedbackPublication');

export const PublicationUpdate = z
  .strictObject({
    published: z.boolean(),
    publicTitle: z.string().max(150).nullable().optional(),
    publicDescription: z.string().max(4000).nullable().optional(),
  })
  .openapi('FeedbackPublicationUpdate');

export function publicationRoutes(s: PublicationService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/feedback/{id}/publication',
      tags,
      summary: 'Whether a report is public (Open311), its public text, and a redacted suggestion',
      access: 'feedback:triage',
      params: Params,
      responses: {
        200: { description: 'Publication', schema: PublicationView },
        404: { description: 'Not found', schema: Problem },
      },
      handler: ({ params }) => s.get(params.id),
    }),
    route({
      method: 'put',
      path: '/feedback/{id}/publication',
      tags,
      summary: 'Publish (or withdraw) a report with a reviewed public title and description (audited)',
      description:
        'Publishing needs a public title and description; text that still contains a phone number, e-mail, ID number, licence plate or the reporter’s name is refused (400 `personal_data_in_public_text`).',
      access: 'feedback:triage',
      params: Params,
      body: PublicationUpdate,
      responses: {
        200: { description: 'Publication', schema: PublicationView },
        400: { description: 'Missing public text, or personal data left in it', schema: Problem },
        404: { description: 'Not found', schema: Problem },
      },
      handler: ({ params, body, actor }) => s.put(params.id, body, actor),
    }),
  ];
}
