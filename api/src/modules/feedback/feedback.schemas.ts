import { z } from '../../platform/zod.ts';

const Bilingual = z.object({ vi: z.string(), en: z.string() });
export const FeedbackStatus = z
  .enum(['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'rejected', 'duplicate'])
  .openapi('FeedbackStatus');

export const DeadlineState = z
  .enum(['none', 'ok', 'due_soon', 'overdue'])
  .describe('none: no due date or closed; due_soon: due within 48 h')
  .openapi('FeedbackDeadlineState');

export const CategoryList = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameEn: z.string(),
        deadlineDays: z.number().int(),
        onSite: z.boolean(),
      }),
    ),
  })
  .openapi('FeedbackCategoryList');

const coord = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const SubmitFeedback = z
  .strictObject({
    category: z.string().min(1).max(40),
    title: z.string().trim().min(5).max(150),
    description: z.string().trim().min(10).max(4000),
    lat: coord(-90, 90).optional(),
    lng: coord(-180, 180).optional(),
    communeCode: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    address: z.string().trim().min(3).max(300).optional(),
    keepPhotoLocation: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('Keep the GPS position in the photos (EXIF); without it, nothing of it is kept'),
  })
  .openapi('FeedbackSubmit');

export const FeedbackEvent = z.object({
  at: z.string().datetime(),
  status: FeedbackStatus,
  department: z.string().nullable(),
  departmentName: Bilingual.nullable(),
  note: z.string().nullable(),
});

export const FeedbackView = z
  .object({
    id: z.string().uuid(),
    category: z.string(),
    title: z.string(),
    description: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    address: z.string().nullable(),
    status: FeedbackStatus,
    department: z.string().nullable(),
    dueAt: z.string().datetime().nullable(),
    photos: z.number().int(),
    photoKinds: z
      .array(z.enum(['report', 'result']))
      .describe(
        'Kind of each photo, in order (photo n is item n − 1): the citizen’s own, or the result on site',
      ),
    answer: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    duplicateOf: z.string().uuid().nullable(),
    rating: z.number().int().nullable(),
    createdAt: z.string().datetime(),
    timeline: z.array(FeedbackEvent),
  })
  .openapi('Feedback');

export const FeedbackSummary = FeedbackView.omit({
  timeline: true,
  description: true,
  photoKinds: true,
}).openapi('FeedbackSummary');

export const MineQuery = z.strictObject({
  cursor: z.string().max(200).optional().describe('From the previous page'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const MinePage = z
  .object({ items: z.array(FeedbackSummary), nextCursor: z.string().nullable() })
  .openapi('FeedbackMinePage');

export const FeedbackParams = z.strictObject({ id: z.string().uuid() });
export const PhotoParams = z.strictObject({
  id: z.string().uuid(),
  n: z.coerce.number().int().min(1).max(6),
});
export const PhotoQuery = z.strictObject({ size: z.enum(['full', 'thumb']).default('full') });

export const TriageAction = z
  .strictObject({
    action: z.enum(['accept', 'assign', 'reject', 'duplicate']),
    department: z.string().max(40).optional(),
    reason: z.string().trim().max(1000).optional(),
    originalId: z.string().uuid().optional(),
  })
  .openapi('FeedbackTriageAction');

export const HandlingAction = z
  .strictObject({ action: z.enum(['start', 'resolve']), answer: z.string().trim().max(4000).optional() })
  .openapi('FeedbackHandlingAction');

export const Reopen = z
  .strictObject({ reason: z.string().trim().min(5).max(1000) })
  .openapi('FeedbackReopen');
export const Rating = z
  .strictObject({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() })
  .openapi('FeedbackRating');
export const InternalNote = z
  .strictObject({ text: z.string().trim().min(2).max(2000) })
  .openapi('FeedbackNote');

export const QueueQuerySchema = z
  .strictObject({
    status: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((s) => (s ? [s].flat().flatMap((x) => x.split(',')) : undefined))
      .pipe(z.array(FeedbackStatus).optional())
      .describe('Statuses: comma-separated or repeated'),
    category: z.string().max(40).optional(),
    department: z.string().max(40).optional(),
    commune: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    overdue: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true')),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    q: z.string().trim().min(1).max(100).optional(),
    sort: z.enum(['createdAt', '-createdAt', 'dueAt', '-dueAt']).default('-createdAt'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .openapi('FeedbackQueueQuery');

export const QueuePage = z
  .object({
    items: z.array(
      z.object({
        id: z.string().uuid(),
        category: z.string(),
        title: z.string(),
        status: FeedbackStatus,
        department: z.string().nullable(),
        departmentName: z.string().nullable(),
        communeCode: z.string().nullable(),
        communeName: z.string().nullable(),
        lat: z.number().nullable().describe('The commune centroid when only a commune was given'),
        lng: z.number().nullable(),
        dueAt: z.string().datetime().nullable(),
        overdue: z.boolean(),
        deadline: DeadlineState,
        createdAt: z.string().datetime(),
      }),
    ),
    total: z
      .number()
      .int()
      .describe('Matching reports, counted up to 10,000 (1,000 with a text search `q`); see totalCapped'),
    totalCapped: z.boolean().describe('True when more reports match than `total` says (show "10,000+")'),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('FeedbackQueuePage');

export const BulkAssign = z
  .strictObject({ ids: z.array(z.string().uuid()).min(1).max(200), department: z.string().max(40) })
  .openapi('FeedbackBulkAssign');

export const BulkResult = z
  .object({
    items: z.array(z.object({ id: z.string().uuid(), ok: z.boolean(), code: z.string().nullable() })),
  })
  .openapi('FeedbackBulkResult');
