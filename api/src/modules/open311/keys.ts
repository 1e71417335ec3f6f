import { randomBytes, randomInt } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { Sealer } from '../../platform/crypto.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import type { UsersService } from '../identity/users.service.ts';

const HASH_CONTEXT = 'open311-api-key';

interface ClientRow {
  id: string;
  name: string;
  key_prefix: string;
  user_id: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  requests: string;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * Open311 API keys: shown once on creation, kept only as a keyed hash (HMAC via the sealer). Each client files
 * its reports as its own system account (a reserved +8400… number with a random password nobody knows), so
 * they show in the staff queue under the client's name.
 */
export function createOpen311Keys(deps: { sequelize: Sequelize; sealer: Sealer; users: UsersService }) {
  const { sequelize, sealer } = deps;
  const hash = (key: string) => sealer.lookupHash(key, HASH_CONTEXT);

  async function list() {
    const rows = await sequelize.query<ClientRow>(
      `SELECT c.*, u.full_name AS created_by_name,
              (SELECT count(*) FROM open311_requests q WHERE q.client_id = c.id) AS requests
       FROM open311_clients c LEFT JOIN users u ON u.id = c.created_by ORDER BY c.created_at DESC`,
      { type: QueryTypes.SELECT },
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.key_prefix,
        accountId: r.user_id,
        createdAt: new Date(r.created_at).toISOString(),
        createdBy: r.created_by_name,
        revokedAt: iso(r.revoked_at),
        lastUsedAt: iso(r.last_used_at),
        requests: Number(r.requests),
      })),
    };
  }

  async function create(name: string, actor: AuditActor) {
    const key = `o311_${randomBytes(24).toString('base64url')}`;
    let userId: string | undefined;
    for (let i = 0; i < 10 && !userId; i++) {
      const phone = `+8400${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
      const r = await deps.users.ensureUser({
        phone,
        fullName: `Open311: ${name}`,
        password: randomBytes(24).toString('base64url'),
        roles: [],
      });
      if (r.created) userId = r.user.id;
    }
    if (!userId) throw new Error('no free system account number for the Open311 client');
    const prefix = key.slice(0, 9);
    const id = await sequelize.transaction(async (t) => {
      const [row] = await sequelize.query<{ id: string }>(
        `INSERT INTO open311_clients (name, key_hash, key_prefix, user_id, created_by)
         VALUES (:name, :hash, :prefix, :userId, :by) RETURNING id`,
        {
          replacements: { name, hash: hash(key), prefix, userId, by: actor.userId },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      );
      const clientId = row?.id as string;
      await audit(
        actor,
        { action: 'open311.key_create', entityType: 'open311_client', entityId: clientId, details: { name } },
        t,
      );
      return clientId;
    });
    const created = (await list()).items.find((c) => c.id === id);
    return { ...created, key };
  }

  async function revoke(id: string, actor: AuditActor) {
    await sequelize.transaction(async (t) => {
      const [row] = await sequelize.query<{ revoked_at: Date | null }>(
        'SELECT revoked_at FROM open311_clients WHERE id = :id FOR UPDATE',
        { replacements: { id }, type: QueryTypes.SELECT, transaction: t },
      );
      if (!row)
        throw new NotFound('open311_key_not_found', {
          vi: 'Không có khoá API này.',
          en: 'No such API key.',
        });
      if (row.revoked_at) return;
      await sequelize.query('UPDATE open311_clients SET revoked_at = now() WHERE id = :id', {
        replacements: { id },
        transaction: t,
      });
      await audit(actor, { action: 'open311.key_revoke', entityType: 'open311_client', entityId: id }, t);
    });
  }

  /** The client of a key, or 403 (missing, unknown and revoked keys alike). */
  async function authenticate(key: unknown): Promise<{ clientId: string; userId: string; name: string }> {
    const [row] =
      typeof key === 'string' && key.length > 0 && key.length <= 200
        ? await sequelize.query<{ id: string; user_id: string; name: string }>(
            `UPDATE open311_clients SET last_used_at = now() WHERE key_hash = :hash AND revoked_at IS NULL
             RETURNING id, user_id, name`,
            { replacements: { hash: hash(key) }, type: QueryTypes.SELECT },
          )
        : [];
    if (!row)
      throw new Forbidden('open311_api_key', {
        vi: 'Thiếu hoặc sai khoá API (api_key). Liên hệ quản trị viên để được cấp khoá.',
        en: 'Missing or invalid api_key. Ask the administrators for a key.',
      });
    return { clientId: row.id, userId: row.user_id, name: row.name };
  }

  return { list, create, revoke, authenticate };
}

export type Open311Keys = ReturnType<typeof createOpen311Keys>;
