// The signed-in account as the clients see it (`/me`): profile, roles, permissions, identity level.
import type { Sequelize } from 'sequelize';
import { User } from './identity.models.ts';
import { permissionsOf, type Role } from '../../platform/auth/permissions.ts';
import { Unauthenticated } from '../../platform/errors.ts';
import type { MeDto } from './identity.schemas.ts';
import { runPrepared, type PreparedQuery } from '../../db/prepared.ts';

const ME_QUERY: PreparedQuery = {
  name: 'identity.me',
  text: `SELECT u.id, u.phone, u.full_name, u.identity_level, u.created_at, u.status,
      coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
    FROM users u LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
};

/** The one shape of `/me`, from a model (sign-in) or from the profile query's row. */
export function toMe(
  user: Pick<User, 'id' | 'phone' | 'fullName' | 'identityLevel'> & { createdAt: Date | string },
  roles: Role[],
): MeDto {
  return {
    id: user.id,
    phone: user.phone,
    fullName: user.fullName,
    roles,
    permissions: permissionsOf(roles),
    identityLevel: user.identityLevel,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

export function createProfileService({ sequelize }: { sequelize: Sequelize }) {
  /** One round trip, no model instances, a prepared plan: /me is the hottest authenticated route. */
  async function me(userId: string): Promise<MeDto> {
    const [row] = await runPrepared<{
      id: string;
      phone: string;
      full_name: string;
      identity_level: number;
      created_at: Date;
      status: string;
      roles: Role[];
    }>(sequelize, ME_QUERY, [userId]);
    if (!row || row.status !== 'active')
      throw new Unauthenticated('account_unavailable', {
        vi: 'Tài khoản không còn hoạt động. Hãy đăng nhập lại.',
        en: 'This account is no longer active. Sign in again.',
      });
    return toMe(
      {
        id: row.id,
        phone: row.phone,
        fullName: row.full_name,
        identityLevel: row.identity_level,
        createdAt: row.created_at,
      },
      row.roles,
    );
  }

  async function updateMe(userId: string, patch: { fullName: string }): Promise<MeDto> {
    await User.update({ fullName: patch.fullName }, { where: { id: userId } });
    return me(userId);
  }

  return { me, updateMe };
}
