import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import { FeedbackParams, PhotoQuery } from './feedback.schemas.ts';
import {
  DeadlineBoard,
  DepartmentList,
  FeedbackFilterQuery,
  MapPoints,
  StaffFeedback,
  StaffPhotoParams,
} from './staff.schemas.ts';
import type { FeedbackStaff } from './staff.ts';

const tags = ['Phản ánh (feedback)'];
const notFound = { description: 'Not found, or not a report of your departments', schema: Problem };

/** The console's staff routes (mounted before `/feedback/{id}` so their literal paths win). */
export function feedbackStaffRoutes(s: FeedbackStaff): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/feedback/departments',
      tags,
      summary: 'Departments that handle reports',
      access: 'console:access',
      responses: { 200: { description: 'Departments', schema: DepartmentList } },
      handler: () => s.departments(),
    }),
    route({
      method: 'get',
      path: '/feedback/map',
      tags,
      summary: 'Report points for the map, with the queue’s filters (newest 5000)',
      description: 'Triage staff see every report; department officers see their departments’ reports.',
      access: 'console:access',
      query: FeedbackFilterQuery,
      responses: { 200: { description: 'Points', schema: MapPoints } },
      handler: ({ query, auth }) => s.map(query, auth),
    }),
    route({
      method: 'get',
      path: '/feedback/deadlines',
      tags,
      summary: 'Open reports per department: due within 48 h, overdue',
      access: 'console:access',
      responses: { 200: { description: 'Per department', schema: DeadlineBoard } },
      handler: ({ auth }) => s.deadlines(auth),
    }),
    route({
      method: 'get',
      path: '/feedback/{id}/staff',
      tags,
      summary:
        'A report in full for staff: reporter, photos with their positions, timeline with internal notes',
      description:
        'Triage staff see every report; officers their departments’ reports; anyone else gets 404. Each view is audited.',
      access: 'console:access',
      params: FeedbackParams,
      responses: { 200: { description: 'Report', schema: StaffFeedback }, 404: notFound },
      handler: ({ params, auth, actor }) => s.detail(params.id, auth, actor),
    }),
    route({
      method: 'get',
      path: '/feedback/{id}/staff/photos/{n}',
      tags,
      summary: 'A photo of a report for staff (`size=thumb` for the preview)',
      access: 'console:access',
      params: StaffPhotoParams,
      query: PhotoQuery,
      responses: {
        200: {
          description: 'JPEG',
          contentType: 'image/jpeg',
          schema: z.string().openapi({ type: 'string', format: 'binary' }),
        },
        404: notFound,
      },
      handler: async ({ params, query, auth, res }) => {
        const bytes = await s.photo(params.id, params.n, query.size, auth);
        res.setHeader('Cache-Control', 'private, max-age=3600');
        res.type('image/jpeg').send(bytes);
      },
    }),
  ];
}
