import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { Conflict, NotFound, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { WallLayoutInputValue } from './cameras.schemas.ts';

interface LayoutRow {
  id: string;
  name: string;
  grid: number;
  tiles: Array<string | null>;
  cycle_camera_ids: string[];
  cycle_seconds: number;
  updated_at: Date | string;
}

const toDto = (r: LayoutRow) => ({
  id: r.id,
  name: r.name,
  grid: r.grid,
  tiles: r.tiles,
  cycleCameraIds: r.cycle_camera_ids,
  cycleSeconds: r.cycle_seconds,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const fieldError = (path: string, code: string, vi: string, en: string): FieldError => ({
  path,
  code,
  message: vi,
  messages: { vi, en },
});

const NOT_FOUND = { vi: 'Không tìm thấy bố cục màn hình.', en: 'No such wall layout.' };
const nameTaken = (name: string) =>
  new Conflict('layout_name_taken', {
    vi: `Bạn đã có bố cục tên "${name}".`,
    en: `You already have a layout named "${name}".`,
  });

/** Each operator's saved camera-wall layouts: only the owner sees or changes them. */
export function createWallLayouts(deps: { sequelize: Sequelize }) {
  const { sequelize } = deps;

  async function check(input: WallLayoutInputValue) {
    const fields: FieldError[] = [];
    const max = input.grid * input.grid;
    if (input.tiles.length > max)
      fields.push(
        fieldError(
          'tiles',
          'tiles_exceed_grid',
          `Lưới ${input.grid}×${input.grid} có tối đa ${max} ô.`,
          `A ${input.grid}×${input.grid} grid holds at most ${max} ${max === 1 ? 'tile' : 'tiles'}.`,
        ),
      );
    const ids = [
      ...new Set([...input.tiles.filter((t): t is string => t !== null), ...input.cycleCameraIds]),
    ];
    if (ids.length) {
      const found = await sequelize.query<{ id: string }>('SELECT id FROM cameras WHERE id IN (:ids)', {
        replacements: { ids },
        type: QueryTypes.SELECT,
      });
      const known = new Set(found.map((f) => f.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length)
        fields.push(
          fieldError(
            input.tiles.some((t) => t && unknown.includes(t)) ? 'tiles' : 'cycleCameraIds',
            'camera_unknown',
            `Không có camera: ${unknown.join(', ')}.`,
            `No such camera: ${unknown.join(', ')}.`,
          ),
        );
    }
    if (fields.length) throw new ValidationError('validation_failed', undefined, { fields });
  }

  async function save(sql: string, replacements: Record<string, unknown>, name: string) {
    try {
      const [rows] = await sequelize.query(sql, { replacements });
      return (rows as LayoutRow[])[0];
    } catch (err) {
      if ((err as { name?: string }).name === 'SequelizeUniqueConstraintError') throw nameTaken(name);
      throw err;
    }
  }

  const values = (i: WallLayoutInputValue) => ({
    name: i.name,
    grid: i.grid,
    tiles: JSON.stringify(i.tiles),
    cycle: JSON.stringify(i.cycleCameraIds),
    seconds: i.cycleSeconds,
  });

  return {
    async list(ownerId: string) {
      const rows = await sequelize.query<LayoutRow>(
        'SELECT * FROM camera_wall_layouts WHERE owner_id = :ownerId ORDER BY name',
        { replacements: { ownerId }, type: QueryTypes.SELECT },
      );
      return { items: rows.map(toDto) };
    },
    async create(ownerId: string, input: WallLayoutInputValue, actor: AuditActor) {
      await check(input);
      const id = randomUUID();
      const r = await save(
        `INSERT INTO camera_wall_layouts (id, owner_id, name, grid, tiles, cycle_camera_ids, cycle_seconds)
         VALUES (:id, :ownerId, :name, :grid, CAST(:tiles AS jsonb), CAST(:cycle AS jsonb), :seconds) RETURNING *`,
        { id, ownerId, ...values(input) },
        input.name,
      );
      await audit(actor, {
        action: 'camera_layout.create',
        entityType: 'camera_layout',
        entityId: id,
        details: { name: input.name },
      });
      return toDto(r!);
    },
    async update(ownerId: string, id: string, input: WallLayoutInputValue, actor: AuditActor) {
      await check(input);
      const r = await save(
        `UPDATE camera_wall_layouts SET name = :name, grid = :grid, tiles = CAST(:tiles AS jsonb),
           cycle_camera_ids = CAST(:cycle AS jsonb), cycle_seconds = :seconds, updated_at = now()
         WHERE id = :id AND owner_id = :ownerId RETURNING *`,
        { id, ownerId, ...values(input) },
        input.name,
      );
      if (!r) throw new NotFound('layout_not_found', NOT_FOUND);
      await audit(actor, {
        action: 'camera_layout.update',
        entityType: 'camera_layout',
        entityId: id,
        details: { name: input.name },
      });
      return toDto(r);
    },
    async remove(ownerId: string, id: string, actor: AuditActor) {
      const [rows] = await sequelize.query(
        'DELETE FROM camera_wall_layouts WHERE id = :id AND owner_id = :ownerId RETURNING name',
        { replacements: { id, ownerId } },
      );
      const r = (rows as Array<{ name: string }>)[0];
      if (!r) throw new NotFound('layout_not_found', NOT_FOUND);
      await audit(actor, {
        action: 'camera_layout.delete',
        entityType: 'camera_layout',
        entityId: id,
        details: { name: r.name },
      });
    },
  };
}

export type WallLayouts = ReturnType<typeof createWallLayouts>;
