import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import {
  ApplicationParams,
  ApplicationView,
  ApplyBody,
  MinePage,
  MineQuery,
  PostingApplicationsPage,
  PostingApplicationsQuery,
  PostingIdParams,
  PostingParams,
  StageBody,
} from './applications.schemas.ts';
import type { ApplicationService } from './applications.service.ts';

const tags = ['Việc làm (work)'];
const notFound = { 404: { description: 'No such application, or not a party to it', schema: Problem } };

export function applicationRoutes(s: ApplicationService): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/work/jobs/{postingId}/applications',
      tags,
      summary: 'Apply to a published posting with one of my CVs and a short message',
      description:
        'One application per posting and account, also after withdrawing (409 `already_applied`). The posting must be published and its deadline not passed (409 `posting_not_open` / `posting_expired`).',
      access: 'user',
      params: PostingParams,
      body: ApplyBody,
      responses: {
        201: { description: 'Submitted', schema: ApplicationView },
        400: { description: 'Invalid message, or no CV yet (`cv_required`)', schema: Problem },
        404: { description: 'No such posting, or the CV is not mine', schema: Problem },
        409: { description: 'Already applied, or the posting is not open', schema: Problem },
      },
      handler: ({ auth, params, body, actor }) => s.apply(auth, params.postingId, body, actor),
    }),
    route({
      method: 'get',
      path: '/work/applications/mine',
      tags,
      summary: 'My applications, newest first, with the posting, company, status and timeline',
      access: 'user',
      query: MineQuery,
      responses: { 200: { description: 'A page', schema: MinePage } },
      handler: ({ auth, query }) => s.mine(auth.userId, query),
    }),
    route({
      method: 'get',
      path: '/work/applications/{id}',
      tags,
      summary: 'One application: mine, or (company members) one sent to my company, with the CV',
      description:
        'A company member’s first opening moves it from submitted to viewed and notifies the applicant; every opening by an employer is audited.',
      access: 'user',
      params: ApplicationParams,
      responses: { 200: { description: 'The application', schema: ApplicationView }, ...notFound },
      handler: ({ auth, params, actor }) => s.get(auth, params.id, actor),
    }),
    route({
      method: 'post',
      path: '/work/applications/{id}/withdraw',
      tags,
      summary: 'Withdraw my application (final: no new application to the same posting)',
      access: 'user',
      params: ApplicationParams,
      responses: {
        200: { description: 'Withdrawn', schema: ApplicationView },
        ...notFound,
        409: { description: 'Already final (`invalid_transition`)', schema: Problem },
      },
      handler: ({ auth, params, actor }) => s.withdraw(auth, params.id, actor),
    }),
    route({
      method: 'get',
      path: '/work/postings/{id}/applications',
      tags,
      summary: 'Employers: the applications to one of my company’s postings (filter by status, paged)',
      access: 'jobs:post',
      params: PostingIdParams,
      query: PostingApplicationsQuery,
      responses: {
        200: { description: 'A page with counts per status', schema: PostingApplicationsPage },
        403: { description: 'Not a member of the posting’s company (`not_company_member`)', schema: Problem },
        404: { description: 'No such posting', schema: Problem },
      },
      handler: ({ auth, params, query }) => s.forPosting(auth, params.id, query),
    }),
    route({
      method: 'post',
      path: '/work/applications/{id}/stage',
      tags,
      summary:
        'Employers: move an application on (shortlisted, interview with time and place, hired, rejected)',
      description:
        'submitted → viewed (on opening) → shortlisted → interview → hired; rejected from any open state; interview again reschedules. The applicant is notified; the step is audited.',
      access: 'jobs:post',
      params: ApplicationParams,
      body: StageBody,
      responses: {
        200: { description: 'The application', schema: ApplicationView },
        400: { description: 'Interview without time or place', schema: Problem },
        ...notFound,
        409: { description: 'Not allowed from the current state (`invalid_transition`)', schema: Problem },
      },
      handler: ({ auth, params, body, actor }) => s.stage(auth, params.id, body, actor),
    }),
  ];
}
