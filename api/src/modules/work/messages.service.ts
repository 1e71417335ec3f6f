import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Conflict } from '../../platform/errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { ApplicationService } from './applications.service.ts';
import { employerLinks } from './employer-links.ts';

interface MessageRow {
  id: string;
  sender_id: string | null;
  sender_name: string | null;
  from_employer: boolean;
  body: string;
  at: Date;
}

/** In-app messages on one application, between the applicant and the members of the posting's company. */
export function createMessageService(deps: {
  sequelize: Sequelize;
  notifications: NotificationService;
  applications: ApplicationService;
}) {
  const { sequelize, notifications, applications } = deps;

  const dto = (userId: string) => (m: MessageRow) => ({
    id: String(m.id),
    fromEmployer: m.from_employer,
    senderName: m.sender_name,
    mine: m.sender_id === userId,
    body: m.body,
    at: new Date(m.at).toISOString(),
  });

  async function list(auth: AuthContext, id: string) {
    await applications.side(auth, id);
    const rows = await sequelize.query<MessageRow>(
      `SELECT m.id, m.sender_id, u.full_name AS sender_name, m.from_employer, m.body, m.at
         FROM application_messages m LEFT JOIN users u ON u.id = m.sender_id
        WHERE m.application_id = :id ORDER BY m.id`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    return { items: rows.map(dto(auth.userId)) };
  }

  async function send(auth: AuthContext, id: string, body: string, actor: AuditActor) {
    return sequelize.transaction(async (t) => {
      const { row: r, as } = await applications.side(auth, id, t);
      if (r.status === 'withdrawn')
        throw new Conflict('application_closed', {
          vi: 'Hồ sơ đã được rút, không thể nhắn tin.',
          en: 'The application was withdrawn; messages are closed.',
        });
      const fromEmployer = as === 'employer';
      const [m] = await sequelize.query<MessageRow>(
        `INSERT INTO application_messages (application_id, sender_id, from_employer, body)
         VALUES (:id, :sender, :fromEmployer, :body)
         RETURNING id, sender_id, from_employer, body, at, NULL::text AS sender_name`,
        {
          replacements: { id, sender: auth.userId, fromEmployer, body },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      );
      const preview = body.length > 140 ? `${body.slice(0, 139)}…` : body;
      const entity = { type: 'job_application', id };
      if (fromEmployer)
        await notifications.notify(
          r.user_id,
          {
            kind: 'work.message',
            title: { vi: `Tin nhắn từ ${r.company_name}`, en: `Message from ${r.company_name}` },
            body: { vi: preview, en: preview },
            link: `#/jobs/applications/${id}`,
            entity,
          },
          t,
        );
      else
        for (const userId of await applications.memberIds(r.company_id, auth.userId, t))
          await notifications.notify(
            userId,
            {
              kind: 'work.message',
              title: {
                vi: `Tin nhắn từ ứng viên ${r.applicant_name}`,
                en: `Message from applicant ${r.applicant_name}`,
              },
              body: { vi: preview, en: preview },
              link: employerLinks.application(id),
              entity,
            },
            t,
          );
      if (fromEmployer)
        await audit(
          actor,
          { action: 'work.application.message', entityType: 'job_application', entityId: id },
          t,
        );
      const [named] = await sequelize.query<{ full_name: string }>(
        'SELECT full_name FROM users WHERE id = :id',
        {
          replacements: { id: auth.userId },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      );
      return dto(auth.userId)({ ...m!, sender_name: named?.full_name ?? null });
    });
  }

  return { list, send };
}

export type MessageService = ReturnType<typeof createMessageService>;
