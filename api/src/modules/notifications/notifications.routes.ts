import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import {
  NotificationDto,
  NotificationPage,
  NotificationQuery,
  UnreadCount,
  NotificationParams,
  MarkAllRead,
} from './notifications.schemas.ts';
import type { NotificationService } from './notifications.service.ts';

const tags = ['Thông báo (notifications)'];

export function notificationRoutes(s: NotificationService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/me/notifications',
      tags,
      summary: 'My notifications, newest first (cursor paging), with the unread count',
      access: 'user',
      query: NotificationQuery,
      responses: { 200: { description: 'A page', schema: NotificationPage } },
      handler: ({ auth, query }) => s.list(auth.userId, query),
    }),
    route({
      method: 'get',
      path: '/me/notifications/unread-count',
      tags,
      summary: 'How many notifications are unread (for the bell)',
      access: 'user',
      responses: { 200: { description: 'Count', schema: UnreadCount } },
      handler: ({ auth }) => s.unreadCount(auth.userId),
    }),
    route({
      method: 'post',
      path: '/me/notifications/{id}/read',
      tags,
      summary: 'Mark one notification as read',
      access: 'user',
      params: NotificationParams,
      responses: {
        200: { description: 'The notification', schema: NotificationDto },
        404: { description: 'Not found', schema: Problem },
      },
      handler: ({ auth, params }) => s.markRead(auth.userId, params.id),
    }),
    route({
      method: 'post',
      path: '/me/notifications/read-all',
      tags,
      summary: 'Mark every notification as read',
      access: 'user',
      responses: { 200: { description: 'How many were marked', schema: MarkAllRead } },
      handler: ({ auth }) => s.markAllRead(auth.userId),
    }),
  ];
}
