import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import { loadCategories } from '../feedback/categories.ts';
import { UserIdParams } from './admin.schemas.ts';

const UNKNOWN_USER = { vi: 'Không tìm thấy người dùng.', en: 'No such user.' };

export const OfficerDepartments = z
  .object({ departments: z.array(z.string()).describe('Department codes, as in GET /feedback/departments') })
  .openapi('OfficerDepartments');
export const OfficerDepartmentsChange = z
  .strictObject({ departments: z.array(z.string().max(40)).max(20) })
  .openapi('OfficerDepartmentsChange');

/** Which departments an officer handles reports for (officer_departments); changes are audited. */
export function createOfficerDepartments(deps: { sequelize: Sequelize }) {
  const { sequelize } = deps;
  const known = new Set(loadCategories().departments.map((d) => d.code));

  async function exists(userId: string) {
    const rows = await sequelize.query('SELECT 1 FROM users WHERE id = :userId', {
      replacements: { userId },
      type: QueryTypes.SELECT,
    });
    if (!rows.length) throw new NotFound('user_not_found', UNKNOWN_USER);
  }

  async function read(userId: string) {
    const rows = await sequelize.query<{ department: string }>(
      'SELECT department FROM officer_departments WHERE user_id = :userId ORDER BY department',
      { replacements: { userId }, type: QueryTypes.SELECT },
    );
    return { departments: rows.map((r) => r.department) };
  }

  async function get(userId: string) {
    await exists(userId);
    return read(userId);
  }

  async function set(userId: string, departments: string[], actor: AuditActor) {
    const fields = departments
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => !known.has(d))
      .map(({ d, i }) => {
        const vi = `Không có đơn vị với mã "${d}".`;
        const en = `No department with the code "${d}".`;
        return {
          path: `body.departments.${i}`,
          code: 'unknown_department',
          message: vi,
          messages: { vi, en },
        };
      });
    if (fields.length)
      throw new ValidationError(
        'unknown_department',
        { vi: 'Có mã đơn vị không hợp lệ.', en: 'Unknown department code.' },
        { fields },
      );
    await exists(userId);
    const wanted = [...new Set(departments)].sort();
    await sequelize.transaction(async (t) => {
      const before = await sequelize.query<{ department: string }>(
        'SELECT department FROM officer_departments WHERE user_id = :userId ORDER BY department FOR UPDATE',
        { replacements: { userId }, type: QueryTypes.SELECT, transaction: t },
      );
      await sequelize.query('DELETE FROM officer_departments WHERE user_id = :userId', {
        replacements: { userId },
        transaction: t,
      });
      if (wanted.length)
        await sequelize.query(
          'INSERT INTO officer_departments (user_id, department) SELECT :userId, unnest(ARRAY[:wanted]::text[])',
          { replacements: { userId, wanted }, transaction: t },
        );
      await audit(
        actor,
        {
          action: 'user.departments',
          entityType: 'user',
          entityId: userId,
          details: { from: before.map((b) => b.department), to: wanted },
        },
        t,
      );
    });
    return read(userId);
  }

  return { get, set };
}

export type OfficerDepartmentsService = ReturnType<typeof createOfficerDepartments>;

const tags = ['Quản trị (admin)'];

export function officerDepartmentRoutes(s: OfficerDepartmentsService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/admin/users/{id}/departments',
      tags,
      summary: 'The departments whose reports an officer handles',
      access: 'users:read',
      params: UserIdParams,
      responses: {
        200: { description: 'Departments', schema: OfficerDepartments },
        404: { description: 'Unknown user', schema: Problem },
      },
      handler: ({ params }) => s.get(params.id),
    }),
    route({
      method: 'put',
      path: '/admin/users/{id}/departments',
      tags,
      summary: 'Set the departments whose reports an officer handles (replaces the list; audited)',
      access: 'users:manage',
      params: UserIdParams,
      body: OfficerDepartmentsChange,
      responses: {
        200: { description: 'Departments', schema: OfficerDepartments },
        400: { description: 'Unknown department code (each named)', schema: Problem },
        404: { description: 'Unknown user', schema: Problem },
      },
      handler: ({ params, body, actor }) => s.set(params.id, body.departments, actor),
    }),
  ];
}
