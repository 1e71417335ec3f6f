import { Op, type Transaction } from 'sequelize';
import type { Bilingual } from '../../platform/errors.ts';
import { NotFound } from '../../platform/errors.ts';
import { Notification } from './notifications.models.ts';

export interface NewNotification {
  kind: string;
  title: Bilingual;
  body?: Bilingual;
  link?: string;
  entity?: { type: string; id: string };
}

const toDto = (n: Notification) => ({
  id: n.id,
  kind: n.kind,
  title: { vi: n.titleVi, en: n.titleEn },
  body: { vi: n.bodyVi, en: n.bodyEn },
  link: n.link,
  entityType: n.entityType,
  entityId: n.entityId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});

/** In-app notifications: every module tells a citizen about changes through `notify`, inside its own transaction. */
export function createNotificationService() {
  async function notify(userId: string, n: NewNotification, t?: Transaction): Promise<void> {
    await Notification.create(
      {
        userId,
        kind: n.kind,
        titleVi: n.title.vi,
        titleEn: n.title.en,
        bodyVi: n.body?.vi ?? '',
        bodyEn: n.body?.en ?? '',
        link: n.link ?? null,
        entityType: n.entity?.type ?? null,
        entityId: n.entity?.id ?? null,
      },
      { transaction: t },
    );
  }

  const unreadCount = (userId: string) => Notification.count({ where: { userId, readAt: null } });

  async function list(userId: string, q: { unread?: 'true' | 'false'; before?: string; limit: number }) {
    const where: Record<string | symbol, unknown> = { userId };
    if (q.unread === 'true') where.readAt = null;
    if (q.before) where.createdAt = { [Op.lt]: new Date(q.before) };
    const rows = await Notification.findAll({ where, order: [['createdAt', 'DESC']], limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(toDto),
      unread: await unreadCount(userId),
      nextCursor: rows.length > q.limit ? (page[page.length - 1]?.createdAt.toISOString() ?? null) : null,
    };
  }

  async function markRead(userId: string, id: string) {
    const n = await Notification.findOne({ where: { id, userId } });
    if (!n)
      throw new NotFound('notification_not_found', {
        vi: 'Không tìm thấy thông báo.',
        en: 'No such notification.',
      });
    if (!n.readAt) await n.update({ readAt: new Date() });
    return toDto(n);
  }

  async function markAllRead(userId: string) {
    const [marked] = await Notification.update({ readAt: new Date() }, { where: { userId, readAt: null } });
    return { marked };
  }

  return {
    notify,
    list,
    unreadCount: async (userId: string) => ({ unread: await unreadCount(userId) }),
    markRead,
    markAllRead,
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
