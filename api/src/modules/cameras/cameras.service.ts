import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Config } from '../../config.ts';
import type { Sealer } from '../../platform/crypto.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { Conflict, NotFound, ValidationError } from '../../platform/errors.ts';
import type { CameraSource, LiveStreams } from './cameras.types.ts';
import type {
  CameraCreateInput,
  CameraListInput,
  CameraProbeResult,
  CameraUpdateInput,
} from './cameras.schemas.ts';
import { cameraDto, listWhere, ORDER, publicDto, SELECT_CAMERAS, type CameraRow } from './cameras.rows.ts';
import { openRtsp, sealRtsp, sourceUrl, splitRtspUrl, type RtspSecret } from './rtsp.ts';
import { probeRtsp } from './probe.ts';

export const CAMERA_NOT_FOUND = { vi: 'Không tìm thấy camera.', en: 'No such camera.' };

const field = (path: string, code: string, vi: string, en: string) => ({
  path,
  code,
  message: vi,
  messages: { vi, en },
});

export interface Stills {
  takenAt(id: string): Date | null;
  forget(id: string): void;
}

export interface RegistryDeps {
  sequelize: Sequelize;
  sealer: Sealer;
  config: Config;
  live: () => LiveStreams;
  stills: () => Stills;
}

/** Camera fields as written to the table (sealed address included). */
export type CameraValues = Omit<CameraCreateInput, 'rtspUrl' | 'username' | 'password'> & {
  secret: RtspSecret & { host: string };
  demo?: boolean;
};

/** The camera registry: CRUD, lists, bulk actions, and the sealed feed address for the gateway. */
export function createCameraRegistry(deps: RegistryDeps) {
  const { sequelize, sealer, config } = deps;
  const probe = (url: string) =>
    probeRtsp(url, { ffprobePath: config.FFPROBE_PATH, timeoutMs: config.CAMERA_PROBE_TIMEOUT_MS });

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
  const dto = (r: CameraRow) => cameraDto(r, deps.stills().takenAt(r.id), deps.live());

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
          field(
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

  /** The gateway and the snapshotter must drop what they hold of this camera. */
  function dropLive(id: string, forgetStill: boolean) {
    deps.live().stop(id);
    if (forgetStill) deps.stills().forget(id);
  }

  async function list(q: CameraListInput, publicOnly: boolean) {
    const { where, replacements, states } = listWhere(q, publicOnly);
    const all = [...where, ...(states ? ['c.state IN (:states)'] : [])];
    const rows = await sequelize.query<CameraRow & { total: string }>(
      `${SELECT_CAMERAS.replace('SELECT c.*', 'SELECT c.*, count(*) OVER () AS total')}
       ${all.length ? `WHERE ${all.join(' AND ')}` : ''}
       ORDER BY ${ORDER[q.sort]} LIMIT :limit OFFSET :offset`,
      { replacements: { ...replacements, limit: q.limit, offset: q.offset }, type: QueryTypes.SELECT },
    );
    let total = Number(rows[0]?.total ?? 0);
    if (!rows.length && q.offset > 0) {
      const [c] = await sequelize.query<{ n: string }>(
        `SELECT count(*) AS n FROM cameras c LEFT JOIN communes co ON co.code = c.commune_code
         ${all.length ? `WHERE ${all.join(' AND ')}` : ''}`,
        { replacements, type: QueryTypes.SELECT },
      );
      total = Number(c?.n ?? 0);
    }
    return { rows, total, where, replacements };
  }

  return {
    probe,
    insert,
    applyUpdate,
    dropLive,
    async listPublic(q: CameraListInput) {
      const { rows, total } = await list(q, true);
      return { items: rows.map((r) => publicDto(r, deps.stills().takenAt(r.id))), total };
    },
    async listAll(q: CameraListInput) {
      const { rows, total, where, replacements } = await list(q, false);
      const counts = await sequelize.query<{ state: string; n: string }>(
        `SELECT c.state, count(*) AS n FROM cameras c LEFT JOIN communes co ON co.code = c.commune_code
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY c.state`,
        { replacements, type: QueryTypes.SELECT },
      );
      const tags = await sequelize.query<{ tag: string }>(
        'SELECT DISTINCT unnest(tags) AS tag FROM cameras ORDER BY 1',
        { type: QueryTypes.SELECT },
      );
      return {
        items: rows.map(dto),
        total,
        counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
        tags: tags.map((t) => t.tag),
      };
    },
    async get(id: string) {
      return dto(await mustRow(id));
    },
    /** Citizens: enabled, non-private cameras only (else 404, not 403: private cameras are not disclosed). */
    async getPublic(id: string) {
      const r = await row(id);
      if (!r || !r.enabled || r.private) throw new NotFound('camera_not_found', CAMERA_NOT_FOUND);
      return publicDto(r, deps.stills().takenAt(r.id));
    },
    async create(input: CameraCreateInput, actor: AuditActor) {
      const secret = splitRtspUrl(input.rtspUrl, input.username, input.password);
      const result: CameraProbeResult = await probe(sourceUrl(secret));
      const id = await sequelize.transaction(async (t) => {
        const newId = await insert({ ...input, secret }, actor, t);
        await audit(
          actor,
          {
            action: 'camera.create',
            entityType: 'camera',
            entityId: newId,
            details: { code: input.code, name: input.name, rtspHost: secret.host, probe: result.code },
          },
          t,
        );
        return newId;
      });
      return { ...dto(await mustRow(id)), probe: result };
    },
    async update(id: string, input: CameraUpdateInput, actor: AuditActor) {
      const out = await sequelize.transaction(async (t) => {
        const u = await applyUpdate(id, input, t);
        if (u.changed.length)
          await audit(
            actor,
            {
              action: 'camera.update',
              entityType: 'camera',
              entityId: id,
              details: { code: input.code ?? u.cur.code, changed: u.changed },
            },
            t,
          );
        return u;
      });
      if (out.readdressed || out.disabled) dropLive(id, out.readdressed);
      const result = out.secret ? await probe(sourceUrl(out.secret)) : null;
      return { ...dto(await mustRow(id)), probe: result };
    },
    async remove(id: string, actor: AuditActor) {
      await sequelize.transaction(async (t) => {
        const cur = await mustRow(id, t);
        await sequelize.query('DELETE FROM cameras WHERE id = :id', { replacements: { id }, transaction: t });
        await audit(
          actor,
          {
            action: 'camera.delete',
            entityType: 'camera',
            entityId: id,
            details: { code: cur.code, name: cur.name },
          },
          t,
        );
      });
      dropLive(id, true);
    },
    async bulk(input: { ids: string[]; action: 'enable' | 'disable' | 'delete' }, actor: AuditActor) {
      const ids = [...new Set(input.ids)];
      const affected = await sequelize.transaction(async (t) => {
        const sql =
          input.action === 'delete'
            ? 'DELETE FROM cameras WHERE id IN (:ids) RETURNING id, code'
            : `UPDATE cameras SET enabled = :on, updated_at = now() WHERE id IN (:ids) AND enabled <> :on
               RETURNING id, code`;
        const [rows] = await sequelize.query(sql, {
          replacements: { ids, on: input.action === 'enable' },
          transaction: t,
        });
        const done = rows as Array<{ id: string; code: string }>;
        for (const r of done)
          await audit(
            actor,
            {
              action: `camera.${input.action}`,
              entityType: 'camera',
              entityId: r.id,
              details: { code: r.code, bulk: true },
            },
            t,
          );
        return done;
      });
      if (input.action !== 'enable') for (const r of affected) dropLive(r.id, input.action === 'delete');
      return {
        updated: input.action === 'delete' ? 0 : affected.length,
        deleted: input.action === 'delete' ? affected.length : 0,
      };
    },
    /** The feed of one camera, credentials inside the URL: only for the gateway and the snapshotter. */
    async source(id: string): Promise<CameraSource | null> {
      const [r] = await sequelize.query<{ id: string; rtsp_sealed: string; enabled: boolean }>(
        'SELECT id, rtsp_sealed, enabled FROM cameras WHERE id = :id',
        { replacements: { id }, type: QueryTypes.SELECT },
      );
      if (!r) return null;
      return { id: r.id, url: sourceUrl(openRtsp(sealer, r.rtsp_sealed)), enabled: r.enabled };
    },
    /** Test a feed before saving: a new address, or the stored one of a camera (stored credentials unless given). */
    async probeInput(
      input: { rtspUrl?: string; username?: string; password?: string; cameraId?: string },
      actor: AuditActor,
    ) {
      let secret: RtspSecret & { host: string };
      if (input.cameraId) {
        const cur = await mustRow(input.cameraId);
        const old = openRtsp(sealer, cur.rtsp_sealed);
        const base = input.rtspUrl ? splitRtspUrl(input.rtspUrl) : { ...old, host: cur.rtsp_host };
        secret = {
          ...base,
          username: input.username ?? base.username ?? old.username,
          password: input.password ?? base.password ?? old.password,
        };
      } else if (input.rtspUrl) secret = splitRtspUrl(input.rtspUrl, input.username, input.password);
      else
        throw new ValidationError('validation_failed', undefined, {
          fields: [
            field(
              'rtspUrl',
              'rtsp_url_required',
              'Nhập địa chỉ luồng hoặc chọn một camera.',
              'Give a stream address or a camera.',
            ),
          ],
        });
      const result = await probe(sourceUrl(secret));
      await audit(actor, {
        action: 'camera.probe',
        entityType: 'camera',
        entityId: input.cameraId ?? null,
        details: { rtspHost: secret.host, code: result.code },
      });
      return result;
    },
    /** Whether a camera exists and who may see it (snapshots, the gateway). */
    async visibility(id: string): Promise<{ enabled: boolean; private: boolean } | null> {
      const [r] = await sequelize.query<{ enabled: boolean; private: boolean }>(
        'SELECT enabled, private FROM cameras WHERE id = :id',
        { replacements: { id }, type: QueryTypes.SELECT },
      );
      return r ?? null;
    },
    /** Enabled cameras' ids (the health poller). */
    async enabledIds(): Promise<string[]> {
      const rows = await sequelize.query<{ id: string }>(
        'SELECT id FROM cameras WHERE enabled ORDER BY code',
        {
          type: QueryTypes.SELECT,
        },
      );
      return rows.map((r) => r.id);
    },
  };
}

export type CameraRegistry = ReturnType<typeof createCameraRegistry>;
