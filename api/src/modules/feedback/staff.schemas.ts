import { z } from '../../platform/zod.ts';
import { DeadlineState, FeedbackStatus, QueueQuerySchema } from './feedback.schemas.ts';

export const FeedbackFilterQuery = QueueQuerySchema.omit({ sort: true, page: true, pageSize: true }).openapi(
  'FeedbackFilterQuery',
);

export const StaffPhotoParams = z.strictObject({
  id: z.string().uuid(),
  n: z.coerce.number().int().min(1).max(20),
});

export const StaffFeedback = z
  .object({
    id: z.string().uuid(),
    category: z.string(),
    categoryName: z.string(),
    title: z.string(),
    description: z.string(),
    status: FeedbackStatus,
    department: z.string().nullable(),
    departmentName: z.string().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    address: z.string().nullable(),
    lat: z.number().nullable().describe('The commune centroid when only a commune was given'),
    lng: z.number().nullable(),
    createdAt: z.string().datetime(),
    acceptedAt: z.string().datetime().nullable(),
    dueAt: z.string().datetime().nullable(),
    resolvedAt: z.string().datetime().nullable(),
    deadline: DeadlineState,
    answer: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    duplicateOf: z.string().uuid().nullable(),
    duplicates: z.array(z.object({ id: z.string().uuid(), title: z.string(), status: FeedbackStatus })),
    rating: z.number().int().nullable(),
    ratingComment: z.string().nullable(),
    reopenCount: z.number().int(),
    reporter: z.object({ id: z.string().uuid(), fullName: z.string(), phone: z.string() }),
    photos: z.array(
      z.object({
        n: z.number().int(),
        kind: z.enum(['report', 'result']),
        width: z.number().int(),
        height: z.number().int(),
        lat: z.number().nullable().describe('Only when the citizen allowed keeping the photo location'),
        lng: z.number().nullable(),
      }),
    ),
    timeline: z.array(
      z.object({
        id: z.string(),
        at: z.string().datetime(),
        status: FeedbackStatus,
        department: z.string().nullable(),
        departmentName: z.string().nullable(),
        note: z.string().nullable(),
        internal: z.boolean().describe('An internal note: never shown to the citizen'),
        actorName: z.string().nullable(),
      }),
    ),
  })
  .openapi('FeedbackStaffView');

export const MapPoints = z
  .object({
    points: z.array(
      z.object({
        id: z.string().uuid(),
        lat: z.number(),
        lng: z.number(),
        status: FeedbackStatus,
        deadline: DeadlineState,
      }),
    ),
    truncated: z.boolean().describe('More than 5000 reports matched: the newest 5000 are given'),
  })
  .openapi('FeedbackMapPoints');

export const DeadlineBoard = z
  .object({
    departments: z.array(
      z.object({
        department: z.string(),
        departmentName: z.string(),
        open: z.number().int(),
        dueSoon: z.number().int(),
        overdue: z.number().int(),
      }),
    ),
  })
  .openapi('FeedbackDeadlineBoard');

export const DepartmentList = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })) })
  .openapi('FeedbackDepartmentList');
