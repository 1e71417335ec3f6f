import { z } from '../../platform/zod.ts';

const Bilingual = z.object({ vi: z.string(), en: z.string() });

export const NotificationDto = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    title: Bilingual,
    body: Bilingual,
    link: z.string().nullable().describe('In-app route to open, e.g. #/ekyc/cases/…'),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    createdAt: z.string().datetime(),
    readAt: z.string().datetime().nullable(),
  })
  .openapi('Notification');

export const NotificationPage = z
  .object({ items: z.array(NotificationDto), unread: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('NotificationPage');

export const NotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  before: z.string().datetime().optional().describe('Cursor: createdAt of the last item seen'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const UnreadCount = z.object({ unread: z.number().int() }).openapi('UnreadCount');
export const NotificationParams = z.strictObject({ id: z.string().uuid() });
export const MarkAllRead = z.object({ marked: z.number().int() }).openapi('MarkAllRead');
