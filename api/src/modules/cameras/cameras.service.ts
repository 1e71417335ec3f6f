import { QueryTypes, type Sequelize } from 'sequelize';
import type { Config } from '../../config.ts';
import type { Sealer } from '../../platform/crypto.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import type { CameraSource, LiveStreams } from './cameras.types.ts';
import type {
  CameraCreateInput,
  CameraListInput,
  CameraProbeResult,
  CameraUpdateInput,
} from './cameras.schemas.ts';
import { cameraDto, listWhere, ORDER, publicDto, SELECT_CAMERAS, type CameraRow } from './cameras.rows.ts';
import { CAMERA_NOT_FOUND, createCameraWrites, fieldError } from './cameras.write.ts';
import { openRtsp, sourceUrl, splitRtspUrl, type RtspSecret } from './rtsp.ts';
import { probeRtsp } from './probe.ts';

export { CAMERA_NOT_FOUND };

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

/** The camera registry: CRUD, lists, bulk actions, and the sealed feed address for the gateway. */
export function createCameraRegistry(deps: RegistryDeps) {
  const { sequelize, sealer, config } = deps;
  const probe = (url: string) =>
    probeRtsp(url, { ffprobePath: config.FFPROBE_PATH, timeoutMs: config.CAMERA_PROBE_TIMEOUT_MS });

  const { row, mustRow, insert, applyUpdate } = createCameraWrites({ sequelize, sealer });
  const dto = (r: CameraRow) => cameraDto(r, deps.stills().takenAt(r.id), deps.live());

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
    /** Where the demo cameras' feeds are (the local test cameras). */
    testCamerasPort: config.TEST_CAMERAS_PORT,
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
            fieldError(
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
