import { route, type RouteSpec } from '../../../platform/route.ts';
import { Problem } from '../../../platform/openapi.ts';
import { z } from '../../../platform/zod.ts';
import type { Forwarding } from './forwarding.service.ts';
import type { ProvinceWebhook } from './webhook.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts';
import {
  ForwardingPage,
  ForwardingParams,
  ForwardingQuery,
  ForwardingState,
  ProvinceUpdateBody,
  ProvinceUpdateResult,
  ReportParams,
} from './forwarding.schemas.ts';

const tags = ['Phản ánh (feedback)'];

/** Forwarding to the province's handling system: the outbox as staff see it, retry, and the province's webhook. */
export function forwardingRoutes(forwarding: Forwarding, webhook: ProvinceWebhook): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/feedback/forwarding',
      tags,
      summary: 'Reports forwarded to the province system: pending, sent, dead letters',
      access: 'feedback:triage',
      query: ForwardingQuery,
      responses: { 200: { description: 'A page, newest change first', schema: ForwardingPage } },
      handler: ({ query }) => forwarding.list(query),
    }),
    route({
      method: 'post',
      path: '/feedback/forwarding/{reportId}/retry',
      tags,
      summary: 'Send a report to the province again now (a dead letter gets a fresh attempt budget)',
      access: 'feedback:triage',
      params: ForwardingParams,
      responses: {
        202: { description: 'Queued for sending' },
        404: { description: 'Never forwarded', schema: Problem },
        409: { description: 'Already delivered or being sent', schema: Problem },
      },
      handler: async ({ params, actor }) => {
        await forwarding.retry(params.reportId, actor);
      },
    }),
    route({
      method: 'get',
      path: '/feedback/{id}/forwarding',
      tags,
      summary: 'Where the forwarding of one report to the province stands',
      description: 'Officers see only their departments’ reports; another answers 404.',
      access: 'console:access',
      params: ReportParams,
      responses: {
        200: { description: 'Forwarding state', schema: ForwardingState },
        404: { description: 'Never forwarded (or not visible)', schema: Problem },
      },
      handler: ({ params, auth }) => forwarding.stateOf(params.id, auth),
    }),
    route({
      method: 'post',
      path: '/integrations/province-feedback/webhook',
      tags,
      summary: 'Status updates from the province system (HMAC-signed)',
      description:
        `Signed like our requests to the province: \`${TIMESTAMP_HEADER}\` = Unix seconds, \`${SIGNATURE_HEADER}\` = ` +
        '`sha256=` + hex HMAC-SHA256 over `${timestamp}.${raw body}` with `PROVINCE_FEEDBACK_SECRET`. ' +
        'Bad or missing signatures and timestamps more than 5 minutes away answer 401. An event id seen before ' +
        'answers 200 with `result: "duplicate"` and changes nothing.',
      access: 'public',
      headers: z.object({
        [TIMESTAMP_HEADER]: z.string().describe('Unix seconds when signed'),
        [SIGNATURE_HEADER]: z.string().describe('sha256=<hex HMAC>'),
      }),
      body: ProvinceUpdateBody,
      responses: {
        200: { description: 'Applied, unchanged or a duplicate', schema: ProvinceUpdateResult },
        400: { description: 'Missing answer/reason or unknown department', schema: Problem },
        401: { description: 'Bad signature or stale timestamp', schema: Problem },
        404: { description: 'No report with this province id', schema: Problem },
        409: { description: 'The report’s status does not allow this change', schema: Problem },
      },
      // The signature first: a caller who cannot sign learns nothing about what a valid body looks like.
      guard: (req) =>
        webhook.authenticate(
          req.get(TIMESTAMP_HEADER),
          req.get(SIGNATURE_HEADER),
          (req as typeof req & { rawBody?: Buffer }).rawBody,
        ),
      handler: ({ body, actor }) => webhook.apply(body, actor),
    }),
  ];
}
