import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import type { PostingsService } from './postings.service.ts';
import {
  Posting,
  PostingCreate,
  PostingList,
  PostingListQuery,
  PostingParams,
  PostingUpdate,
  PostingUpdated,
} from './postings.schemas.ts';

const tags = ['Việc làm (work)'];
const errors = {
  403: { description: 'Not a member of the posting’s company (`not_company_member`)', schema: Problem },
  404: { description: 'No such posting', schema: Problem },
};

/** Employer endpoints: a company's staff manage its job postings. */
export function postingRoutes(s: PostingsService): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/work/postings',
      tags,
      summary: 'Create a job posting (draft) for a company you belong to (audited)',
      description:
        'Salary in VND integers: negative → 400 `salary_negative`, max < min → 400 `salary_inverted`, ' +
        'missing without `salaryNegotiable` → 400 `salary_required`. Deadline not in the past (`deadline_past`). ' +
        'Coordinates come from the zone, else the commune centroid.',
      access: 'jobs:post',
      body: PostingCreate,
      responses: {
        201: { description: 'Created', schema: Posting },
        400: { description: 'Invalid fields', schema: Problem },
        403: errors[403],
      },
      handler: ({ auth, body, actor }) => s.create(auth, body, actor),
    }),
    route({
      method: 'get',
      path: '/work/postings',
      tags,
      summary: 'Postings of your companies (or of one company), newest first',
      access: 'jobs:post',
      query: PostingListQuery,
      responses: { 200: { description: 'Postings', schema: PostingList }, 403: errors[403] },
      handler: ({ auth, query }) => s.list(auth, query),
    }),
    route({
      method: 'get',
      path: '/work/postings/{id}',
      tags,
      summary: 'One of your company’s postings, whatever its state',
      access: 'jobs:post',
      params: PostingParams,
      responses: { 200: { description: 'Posting', schema: Posting }, ...errors },
      handler: ({ auth, params }) => s.get(auth, params.id),
    }),
    route({
      method: 'patch',
      path: '/work/postings/{id}',
      tags,
      summary: 'Edit a posting (audited)',
      description:
        'On a published posting, a change of salary, place (commune/zone) or requirements sends it back to ' +
        'review (`pending_review`, hidden from search until approved; `reviewRequired: true`); other edits ' +
        'apply at once.',
      access: 'jobs:post',
      params: PostingParams,
      body: PostingUpdate,
      responses: {
        200: { description: 'Updated posting', schema: PostingUpdated },
        400: { description: 'Invalid fields', schema: Problem },
        ...errors,
      },
      handler: ({ auth, params, body, actor }) => s.update(auth, params.id, body, actor),
    }),
    route({
      method: 'delete',
      path: '/work/postings/{id}',
      tags,
      summary: 'Delete a draft or rejected posting, or a closed/expired one without applications (audited)',
      access: 'jobs:post',
      params: PostingParams,
      responses: {
        204: { description: 'Deleted' },
        409: { description: 'Not deletable in its state (`posting_not_deletable`)', schema: Problem },
        ...errors,
      },
      handler: ({ auth, params, actor }) => s.remove(auth, params.id, actor),
    }),
    route({
      method: 'post',
      path: '/work/postings/{id}/submit',
      tags,
      summary: 'Send a posting to moderation (company must be verified; audited)',
      description:
        'From draft, rejected, closed or expired → `pending_review`, queued for moderation (kind `job_posting`). ' +
        '409 `company_not_verified`, 409 `posting_not_submittable`, 400 `deadline_past`.',
      access: 'jobs:post',
      params: PostingParams,
      responses: {
        200: { description: 'Posting under review', schema: Posting },
        400: { description: 'Deadline passed', schema: Problem },
        409: { description: 'Company not verified, or already under review/published', schema: Problem },
        ...errors,
      },
      handler: ({ auth, params, actor }) => s.submit(auth, params.id, actor),
    }),
    route({
      method: 'post',
      path: '/work/postings/{id}/close',
      tags,
      summary: 'Close a published (or pending) posting (audited)',
      access: 'jobs:post',
      params: PostingParams,
      responses: {
        200: { description: 'Closed posting', schema: Posting },
        409: { description: 'Not open (`posting_not_open`)', schema: Problem },
        ...errors,
      },
      handler: ({ auth, params, actor }) => s.close(auth, params.id, actor),
    }),
  ];
}
