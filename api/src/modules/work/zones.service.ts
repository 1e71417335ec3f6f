import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Config } from '../../config.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { Conflict, NotFound, ValidationError, type FieldError } from '../../platform/errors.ts';
import { createProvinceShape } from '../reference/province.ts';
import type { ZoneCreateInput, ZoneUpdateInput } from './zones.schemas.ts';

interface ZoneRow {
  code: string;
  name: string;
  kind: 'zone' | 'cluster' | 'hightech' | 'economic';
  commune_code: string | null;
  commune_name: string | null;
  lat: number | null;
  lng: number | null;
  area_ha: string | null;
  note: string | null;
  active: boolean;
  companies: string;
  postings: string;
  updated_at: Date;
}

const toDto = (r: ZoneRow) => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  communeCode: r.commune_code,
  communeName: r.commune_name,
  lat: r.lat,
  lng: r.lng,
  areaHa: r.area_ha === null ? null : Number(r.area_ha),
  note: r.note,
  active: r.active,
  companies: Number(r.companies),
  postings: Number(r.postings),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const field = (path: string, code: string, vi: string, en: string): FieldError => ({
  path,
  code,
  message: vi,
  messages: { vi, en },
});

export const ZONE_NOT_FOUND = { vi: 'Không tìm thấy khu/cụm công nghiệp.', en: 'No such industrial zone.' };

/** Industrial zones, clusters, the high-tech park and the economic zone; IOC operators edit them. */
export function createZones(deps: { sequelize: Sequelize; config: Config }) {
  const { sequelize } = deps;
  let shape: ReturnType<typeof createProvinceShape> | undefined;
  async function province() {
    if (!shape) {
      const all = await sequelize.query<{ bbox: number[] }>('SELECT bbox FROM communes', {
        type: QueryTypes.SELECT,
      });
      shape = createProvinceShape({
        boundaryFile: deps.config.PROVINCE_BOUNDARY_FILE,
        bboxes: all.map((c) => c.bbox),
      });
    }
    return shape;
  }

  // One pass over each table (grouped), not one count per zone: postings grow to hundreds of thousands.
  const SELECT = `SELECT z.*, c.name AS commune_name, coalesce(co.n, 0) AS companies, coalesce(p.n, 0) AS postings
    FROM industrial_zones z LEFT JOIN communes c ON c.code = z.commune_code
    LEFT JOIN (SELECT zone_code, count(*) AS n FROM companies WHERE status = 'verified' AND zone_code IS NOT NULL
               GROUP BY zone_code) co ON co.zone_code = z.code
    LEFT JOIN (SELECT zone_code, count(*) AS n FROM job_postings WHERE status = 'published' AND zone_code IS NOT NULL
               GROUP BY zone_code) p ON p.zone_code = z.code`;

  async function list(q: { includeInactive: 'true' | 'false' }) {
    const rows = await sequelize.query<ZoneRow>(
      `${SELECT} ${q.includeInactive === 'true' ? '' : 'WHERE z.active'} ORDER BY z.kind, z.name`,
      { type: QueryTypes.SELECT },
    );
    return { items: rows.map(toDto) };
  }

  async function find(code: string, t?: Transaction) {
    const [row] = await sequelize.query<ZoneRow>(`${SELECT} WHERE z.code = :code`, {
      replacements: { code },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    return row;
  }

  async function get(code: string) {
    const row = await find(code);
    if (!row) throw new NotFound('zone_not_found', ZONE_NOT_FOUND);
    return toDto(row);
  }

  /** For companies and postings: an active zone with this code exists. */
  async function exists(code: string, t?: Transaction): Promise<boolean> {
    const rows = await sequelize.query('SELECT 1 FROM industrial_zones WHERE code = :code AND active', {
      replacements: { code },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    return rows.length > 0;
  }

  async function check(v: {
    communeCode?: string | undefined;
    lat?: number | undefined;
    lng?: number | undefined;
  }) {
    const fields: FieldError[] = [];
    if (v.communeCode) {
      const c = await sequelize.query('SELECT 1 FROM communes WHERE code = :code', {
        replacements: { code: v.communeCode },
        type: QueryTypes.SELECT,
      });
      if (!c.length)
        fields.push(
          field(
            'body.communeCode',
            'commune_unknown',
            'Mã xã/phường không thuộc tỉnh Đắk Lắk.',
            'This commune code is not a unit of Đắk Lắk province.',
          ),
        );
    }
    if (v.lat !== undefined && v.lng !== undefined && !(await province()).contains(v.lat, v.lng))
      fields.push(
        field(
          'body.lat',
          'outside_province',
          'Vị trí nằm ngoài tỉnh Đắk Lắk.',
          'This position is outside Đắk Lắk province.',
        ),
      );
    if (fields.length) throw new ValidationError('validation_failed', undefined, { fields });
  }

  async function create(input: ZoneCreateInput, actor: AuditActor) {
    await check(input);
    await sequelize.transaction(async (t) => {
      if (await find(input.code, t))
        throw new Conflict('zone_code_taken', {
          vi: 'Mã khu này đã tồn tại.',
          en: 'A zone with this code already exists.',
        });
      await sequelize.query(
        `INSERT INTO industrial_zones (code, name, kind, commune_code, lat, lng, area_ha, note, active)
         VALUES (:code, :name, :kind, :communeCode, :lat, :lng, :areaHa, :note, :active)`,
        {
          replacements: {
            ...input,
            areaHa: input.areaHa ?? null,
            note: input.note ?? null,
            active: input.active ?? true,
          },
          transaction: t,
        },
      );
      await audit(
        actor,
        {
          action: 'work.zone.create',
          entityType: 'industrial_zone',
          entityId: input.code,
          details: { ...input },
        },
        t,
      );
    });
    return get(input.code);
  }

  async function update(code: string, input: ZoneUpdateInput, actor: AuditActor) {
    const cur = await find(code);
    if (!cur) throw new NotFound('zone_not_found', ZONE_NOT_FOUND);
    // The position is checked as it will be after the change.
    await check({
      communeCode: input.communeCode,
      lat: input.lat ?? cur.lat ?? undefined,
      lng: input.lng ?? cur.lng ?? undefined,
    });
    const cols: Record<string, string> = {
      name: 'name',
      kind: 'kind',
      communeCode: 'commune_code',
      lat: 'lat',
      lng: 'lng',
      areaHa: 'area_ha',
      note: 'note',
      active: 'active',
    };
    const sets: string[] = [];
    const replacements: Record<string, unknown> = { code };
    const changes: Record<string, unknown> = {};
    for (const [key, col] of Object.entries(cols)) {
      const v = (input as Record<string, unknown>)[key];
      if (v === undefined) continue;
      sets.push(`${col} = :${key}`);
      replacements[key] = v;
      changes[key] = v;
    }
    if (!sets.length) return toDto(cur);
    await sequelize.transaction(async (t) => {
      await sequelize.query(
        `UPDATE industrial_zones SET ${sets.join(', ')}, updated_at = now() WHERE code = :code`,
        {
          replacements,
          transaction: t,
        },
      );
      await audit(
        actor,
        {
          action: input.active === false && cur.active ? 'work.zone.deactivate' : 'work.zone.update',
          entityType: 'industrial_zone',
          entityId: code,
          details: { changes },
        },
        t,
      );
    });
    return get(code);
  }

  return { list, get, exists, create, update };
}

export type ZonesService = ReturnType<typeof createZones>;
