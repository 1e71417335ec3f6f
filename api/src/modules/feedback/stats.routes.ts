import { route, type RouteSpec } from '../../platform/route.ts';
import { sendCsv } from '../../platform/csv.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import { FeedbackStatsView, StatsQuerySchema } from './stats.schemas.ts';
import type { FeedbackStats } from './stats.ts';

const tags = ['Phản ánh (feedback)'];
const forbidden = { description: 'Needs feedback:triage or feedback:handle', schema: Problem };

/** Statistics for the console (mounted before `/feedback/{id}`). */
export function feedbackStatsRoutes(s: FeedbackStats): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/feedback/stats',
      tags,
      summary:
        'Statistics: by status, category, department (overdue), commune; median time to resolve, share on time, ratings',
      description:
        'Needs feedback:triage or feedback:handle; officers see their departments’ reports only. Dates filter on submission.',
      access: 'console:access',
      query: StatsQuerySchema,
      responses: { 200: { description: 'Figures', schema: FeedbackStatsView }, 403: forbidden },
      handler: ({ query, auth }) => s.stats(query, auth),
    }),
    route({
      method: 'get',
      path: '/feedback/stats.csv',
      tags,
      summary: 'The same statistics as CSV (UTF-8 with BOM, Vietnamese labels, one section per dimension)',
      access: 'console:access',
      query: StatsQuerySchema,
      responses: {
        200: { description: 'CSV', contentType: 'text/csv', schema: z.string() },
        403: forbidden,
      },
      handler: async ({ query, auth, res }) => {
        const text = await s.csv(query, auth);
        const day = new Date().toISOString().slice(0, 10);
        sendCsv(res, `thong-ke-phan-anh-${day}.csv`, text);
      },
    }),
  ];
}
