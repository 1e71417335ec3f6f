import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Sealer } from '../../platform/crypto.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { Conflict, NotFound, ValidationError } from '../../platform/errors.ts';
import type { CameraCreateInput, CameraUpdateInput } from './cameras.schemas.ts';
import { SELECT_CAMERAS, type CameraRow } from './cameras.rows.ts';
import { openRtsp, sealRtsp, splitRtspUrl, type RtspSecret } from './rtsp.ts';

export const CAMERA_NOT_FOUND = { vi: 'Không tìm thấy camera.', en: 'No such camera.' };

export const fieldError = (path: string, code: string, vi: string, en: string) => ({
  path,
  code,
  message: vi,
  messages: { vi, en },
});

/** Camera fields as written to the table (sealed address included). */
export type CameraValues = Omit<CameraCreateInput, 'rtspUrl' | 'username' | 'password'> & {
  secret: RtspSecret & { host: string };
  demo?: boolean;
};

/** Reading one camera row and writing cameras (no probe, no audit): the registry and the import share them. */
export function createCameraWrites(deps: { sequelize: Sequelize; sealer: Sealer }) {
  const { sequelize, sealer } = deps;
  async function row(id: string, t?: Transaction): Promise<CameraRow | null> {
    const [r] = await sequelize.query<CameraRow>(`${SELECT_CAMERAS} WHERE c.id = :id`, {
      replacements: { id },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    return r ?? null;
  }
  async function mustRow(id: string, t?: Transaction): Promise<CameraRow> {
    const r = await row(id, t);
    if (!r) throw new NotFound('camera_not_found', CAMERA_NOT_FOUND);
    return r;
  }

  async function checkCommune(code: string | null | undefined, t?: Transaction) {
    if (!code) return;
    const [c] = await sequelize.query('SELECT 1 FROM communes WHERE code = :code', {
      replacements: { code },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    if (!c)
      throw new ValidationError('validation_failed', undefined, {
        fields: [
          fieldError(
            'communeCode',
            'commune_unknown',
            `Không có xã/phường mã ${code} trong tỉnh.`,
            `There is no commune with code ${code} in the province.`,
          ),
        ],
      });
  }

  const codeTaken = (code: string) =>
    new Conflict('camera_code_taken', {
      vi: `Mã camera "${code}" đã được dùng.`,
      en: `The camera code "${code}" is already used.`,
    });

  /** Insert one camera (no probe, no audit): import and create share it. */
  async function insert(v: CameraValues, actor: AuditActor | null, t?: Transaction): Promise<string> {
    await checkCommune(v.communeCode, t);
    const id = randomUUID();
    try {
      await sequelize.query(
        `INSERT INTO cameras (id, code, name, lat, lng, commune_code, address, direction, tags, rtsp_sealed,
           rtsp_host, has_credentials, enabled, private, demo, created_by)
         VALUES (:id, :code, :name, :lat, :lng, :communeCode, :address, :direction, ARRAY[:tags]::text[],
           :sealed, :host, :hasCred, :enabled, :private, :demo, :by)`,
        {
          replacements: {
            id,
            code: v.code,
            name: v.name,
            lat: v.lat,
            lng: v.lng,
            communeCode: v.communeCode ?? null,
            address: v.address ?? null,
            direction: v.direction ?? null,
            tags: v.tags?.length ? v.tags : [null],
            sealed: sealRtsp(sealer, v.secret),
            host: v.secret.host,
            hasCred: Boolean(v.secret.username || v.secret.password),
            enabled: v.enabled ?? true,
            private: v.private ?? false,
            demo: v.demo ?? false,
            by: actor?.userId ?? null,
          },
          transaction: t,
        },
      );
    } catch (err) {
      if ((err as { name?: string }).name === 'SequelizeUniqueConstraintError') throw codeTaken(v.code);
      throw err;
    }
    if (!v.tags?.length)
      await sequelize.query(`UPDATE cameras SET tags = '{}' WHERE id = :id`, {
        replacements: { id },
        transaction: t,
      });
    return id;
  }

  /** Apply an update (no probe, no audit); returns which fields changed and whether the feed changed. */
  async function applyUpdate(id: string, input: CameraUpdateInput, t?: Transaction) {
    const cur = await mustRow(id, t);
    if (input.communeCode) await checkCommune(input.communeCode, t);
    const sets: string[] = [];
    const replacements: Record<string, unknown> = { id };
    const changed: string[] = [];
    const simple: Array<[keyof CameraUpdateInput, string]> = [
      ['code', 'code'],
      ['name', 'name'],
      ['lat', 'lat'],
      ['lng', 'lng'],
      ['communeCode', 'commune_code'],
      ['address', 'address'],
      ['direction', 'direction'],
      ['enabled', 'enabled'],
      ['private', 'private'],
    ];
    for (const [key, col] of simple) {
      if (input[key] === undefined) continue;
      const before = (cur as unknown as Record<string, unknown>)[col];
      if (before === input[key]) continue;
      sets.push(`${col} = :${key}`);
      replacements[key] = input[key];
      changed.push(key);
    }
    if (input.tags !== undefined && JSON.stringify(input.tags) !== JSON.stringify(cur.tags)) {
      sets.push(input.tags.length ? 'tags = ARRAY[:tags]::text[]' : `tags = '{}'`);
      replacements.tags = input.tags;
      changed.push('tags');
    }
    const feedTouched =
      input.rtspUrl !== undefined ||
      input.username !== undefined ||
      input.password !== undefined ||
      input.clearCredentials === true;
    let readdressed = false;
    let secret: RtspSecret | null = null;
    if (feedTouched) {
      const old = openRtsp(sealer, cur.rtsp_sealed);
      const base = input.rtspUrl ? splitRtspUrl(input.rtspUrl) : { ...old, host: cur.rtsp_host };
      const keep = !input.clearCredentials;
      const next = {
        ...base,
        username:
          input.username ?? (input.rtspUrl && base.username ? base.username : keep ? old.username : null),
        password:
          input.password ?? (input.rtspUrl && base.password ? base.password : keep ? old.password : null),
      };
      if (next.url !== old.url || next.username !== old.username || next.password !== old.password) {
        readdressed = true;
        secret = next;
        sets.push('rtsp_sealed = :sealed, rtsp_host = :host, has_credentials = :hasCred');
        replacements.sealed = sealRtsp(sealer, next);
        replacements.host = next.host;
        replacements.hasCred = Boolean(next.username || next.password);
        if (next.url !== old.url) changed.push('rtspUrl');
        if (next.username !== old.username || next.password !== old.password) changed.push('credentials');
      }
    }
    if (sets.length) {
      try {
        await sequelize.query(`UPDATE cameras SET ${sets.join(', ')}, updated_at = now() WHERE id = :id`, {
          replacements,
          transaction: t,
        });
      } catch (err) {
        if ((err as { name?: string }).name === 'SequelizeUniqueConstraintError')
          throw codeTaken(String(input.code));
        throw err;
      }
    }
    const disabled = input.enabled === false && cur.enabled;
    return { cur, changed, readdressed, disabled, secret };
  }

  return { row, mustRow, insert, applyUpdate };
}
