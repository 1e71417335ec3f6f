import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { loadCategories } from './categories.ts';

const names = new Map(loadCategories().departments.map((d) => [d.code, d]));

/** Tell a department's officers (in-app) that a report has been given to their department. */
export async function notifyDepartment(
  deps: { sequelize: Sequelize; notifications: NotificationService },
  t: Transaction,
  report: { id: string; title: string },
  department: string,
  actorId: string | null,
): Promise<void> {
  const officers = await deps.sequelize.query<{ user_id: string }>(
    'SELECT user_id FROM officer_departments WHERE department = :department',
    { replacements: { department }, type: QueryTypes.SELECT, transaction: t },
  );
  const d = names.get(department);
  for (const { user_id } of officers) {
    if (user_id === actorId) continue;
    await deps.notifications.notify(
      user_id,
      {
        kind: 'feedback.department_assigned',
        title: {
          vi: `Phản ánh mới cho ${d?.name ?? department}`,
          en: `New report for ${d?.nameEn ?? department}`,
        },
        body: { vi: report.title, en: report.title },
        link: `/feedback?report=${report.id}`,
        entity: { type: 'feedback', id: report.id },
      },
      t,
    );
  }
}
