import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import {
  CategoryList,
  SubmitFeedback,
  FeedbackView,
  MineQuery,
  MinePage,
  FeedbackParams,
  PhotoParams,
  PhotoQuery,
  TriageAction,
  HandlingAction,
  Reopen,
  Rating,
  InternalNote,
  QueueQuerySchema,
  QueuePage,
  BulkAssign,
  BulkResult,
} from './feedback.schemas.ts';
import type { createFeedbackQueue } from './queue.ts';
import type { FeedbackService } from './feedback.service.ts';
import type { FeedbackHandling } from './feedback.handling.ts';

const tags = ['Phản ánh (feedback)'];

export function feedbackRoutes(
  s: FeedbackService,
  h: FeedbackHandling,
  queue: ReturnType<typeof createFeedbackQueue>,
): RouteSpec[] {
  const done = {
    204: { description: 'Done' },
    404: { description: 'Not found', schema: Problem },
    409: { description: 'Not allowed in this state', schema: Problem },
  };
  return [
    route({
      method: 'get',
      path: '/feedback/categories',
      tags,
      summary: 'Feedback categories with their handling deadlines (working days)',
      access: 'public',
      responses: { 200: { description: 'Categories', schema: CategoryList } },
      handler: () => s.listCategories(),
    }),
    route({
      method: 'post',
      path: '/feedback',
      tags,
      summary: 'Report a problem with photos and a place',
      description:
        'A place is `lat` + `lng` inside the province, or `communeCode` + `address`. Up to 6 photos (JPEG/PNG/WebP by their bytes, ≤ 8 MB each), re-encoded without metadata and thumbnailed.',
      access: 'user',
      multipart: {
        maxBytes: 8 * 1024 * 1024,
        files: [{ name: 'photos', required: false, maxCount: 6, description: 'Photos of the problem' }],
      },
      body: SubmitFeedback,
      headers: z.object({
        'idempotency-key': z
          .string()
          .uuid()
          .optional()
          .describe('Chosen by the client; sent again with the same key, the same report comes back (200)'),
      }),
      responses: {
        201: { description: 'Report created', schema: FeedbackView },
        200: { description: 'Already sent with this Idempotency-Key: the same report', schema: FeedbackView },
        400: { description: 'Invalid category, place, text or photo — each named', schema: Problem },
        413: { description: 'A photo is larger than 8 MB', schema: Problem },
      },
      handler: async ({ auth, body, fileLists, req, res }) => {
        const { keepPhotoLocation, ...input } = body;
        const { replayed, ...view } = await s.submit(
          auth.userId,
          input,
          (fileLists.photos ?? []).map((f) => f.buffer),
          { clientKey: req.get('idempotency-key'), keepPhotoLocation },
        );
        // Sent here: 201 for a new report, 200 when the key was seen before.
        res.status(replayed ? 200 : 201).json(view);
      },
    }),
    route({
      method: 'get',
      path: '/feedback/queue',
      tags,
      summary:
        'The staff queue: filter (status, category, department, commune, overdue, dates, text), sort, page',
      description: 'Triage staff see every report; department officers see their departments’ reports.',
      access: 'console:access',
      query: QueueQuerySchema,
      responses: { 200: { description: 'A page', schema: QueuePage } },
      handler: ({ query, auth }) => queue(query, auth),
    }),
    route({
      method: 'post',
      path: '/feedback/bulk-assign',
      tags,
      summary: 'Assign several reports to a department at once (each reported separately)',
      access: 'feedback:triage',
      body: BulkAssign,
      responses: { 200: { description: 'One result per report', schema: BulkResult } },
      handler: async ({ body, auth, actor }) => {
        const items = [];
        for (const id of body.ids) {
          try {
            await h.act(id, 'assign', { department: body.department }, undefined, auth, actor);
            items.push({ id, ok: true, code: null });
          } catch (err) {
            items.push({ id, ok: false, code: (err as { code?: string }).code ?? 'error' });
          }
        }
        return { items };
      },
    }),
    route({
      method: 'get',
      path: '/feedback/mine',
      tags,
      summary: 'My reports, newest first (keyset paging)',
      access: 'user',
      query: MineQuery,
      responses: { 200: { description: 'A page', schema: MinePage } },
      handler: ({ auth, query }) => s.mine(auth.userId, query),
    }),
    route({
      method: 'get',
      path: '/feedback/{id}',
      tags,
      summary: 'One of my reports with its public timeline (another account’s answers 404)',
      access: 'user',
      params: FeedbackParams,
      responses: {
        200: { description: 'Report', schema: FeedbackView },
        404: { description: 'Not found', schema: Problem },
      },
      handler: ({ auth, params }) => s.get(auth.userId, params.id),
    }),
    route({
      method: 'get',
      path: '/feedback/{id}/photos/{n}',
      tags,
      summary: 'A photo of one of my reports (`size=thumb` for the preview)',
      access: 'user',
      params: PhotoParams,
      query: PhotoQuery,
      responses: {
        200: {
          description: 'JPEG',
          contentType: 'image/jpeg',
          schema: z.string().openapi({ type: 'string', format: 'binary' }),
        },
        404: { description: 'Not found', schema: Problem },
      },
      handler: async ({ auth, params, query, res }) => {
        const bytes = await s.photo(auth.userId, params.id, params.n, query.size);
        res.setHeader('Cache-Control', 'private, max-age=3600');
        res.type('image/jpeg').send(bytes);
      },
    }),
    route({
      method: 'post',
      path: '/feedback/{id}/triage',
      tags,
      summary:
        'Triage a report: accept (the deadline starts), assign to a department, reject with a reason, mark duplicate',
      access: 'feedback:triage',
      params: FeedbackParams,
      body: TriageAction,
      responses: done,
      handler: ({ params, body, auth, actor }) => h.act(params.id, body.action, body, undefined, auth, actor),
    }),
    route({
      method: 'post',
      path: '/feedback/{id}/handling',
      tags,
      summary:
        'Handle a report of your department: start, or resolve with an answer (and a result photo on site)',
      access: 'feedback:handle',
      params: FeedbackParams,
      multipart: {
        maxBytes: 8 * 1024 * 1024,
        files: [{ name: 'photo', required: false, description: 'Photo of the result' }],
      },
      body: HandlingAction,
      responses: { ...done, 403: { description: 'Another department’s report', schema: Problem } },
      handler: ({ params, body, files, auth, actor }) =>
        h.act(params.id, body.action, body, files.photo?.buffer, auth, actor),
    }),
    route({
      method: 'post',
      path: '/feedback/{id}/notes',
      tags,
      summary: 'Add an internal note (never shown to the citizen)',
      access: 'feedback:triage',
      params: FeedbackParams,
      body: InternalNote,
      responses: done,
      handler: ({ params, body, actor }) => h.note(params.id, body.text, actor),
    }),
    route({
      method: 'post',
      path: '/feedback/{id}/reopen',
      tags,
      summary: 'Reopen my resolved report within 7 days ("chưa được xử lý")',
      access: 'user',
      params: FeedbackParams,
      body: Reopen,
      responses: done,
      handler: ({ params, body, auth }) => h.reopen(auth.userId, params.id, body.reason),
    }),
    route({
      method: 'post',
      path: '/feedback/{id}/rating',
      tags,
      summary: 'Rate the answer to my resolved report (1–5)',
      access: 'user',
      params: FeedbackParams,
      body: Rating,
      responses: done,
      handler: ({ params, body, auth }) => h.rate(auth.userId, params.id, body.stars, body.comment),
    }),
  ];
}
