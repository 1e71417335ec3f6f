import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import type { JobSearch } from './search.service.ts';
import { JobDetail, JobSearchQuery, JobSearchResult } from './search.schemas.ts';

const tags = ['Việc làm (work)'];

/** Public job search for workers. */
export function jobSearchRoutes(s: JobSearch): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/work/jobs',
      tags,
      summary: 'Search published jobs: accent-free, typo-tolerant text, filters, sorts, keyset pages',
      description:
        'Text matches title, company, industry and the start of the description without accents and with ' +
        'small typos (pg_trgm word similarity). Sorts: `relevance` (default with q), `newest` (default), ' +
        '`salary` (highest maximum first, negotiable without maximum last), `distance` (needs lat,lng; km by ' +
        'haversine). `salaryMin` keeps postings whose maximum reaches it (negotiable postings without a maximum ' +
        'are left out). Page with `cursor` = previous `nextCursor` (same query and sort).',
      access: 'public',
      query: JobSearchQuery,
      responses: {
        200: { description: 'A page of jobs', schema: JobSearchResult },
        400: { description: 'Invalid query or cursor', schema: Problem },
      },
      handler: ({ query }) => s.search(query),
    }),
    route({
      method: 'get',
      path: '/work/jobs/{id}',
      tags,
      summary: 'A published job with its company, zone and schema.org JobPosting JSON-LD',
      access: 'public',
      params: z.object({ id: z.string().uuid() }),
      responses: {
        200: { description: 'Job', schema: JobDetail },
        404: { description: 'Not published, expired or unknown', schema: Problem },
      },
      handler: ({ params }) => s.get(params.id),
    }),
  ];
}
