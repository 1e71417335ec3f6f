import { Op, QueryTypes, type Sequelize } from 'sequelize';
import { Commune } from './reference.models.ts';
import { NotFound } from '../../platform/errors.ts';

const toDto = (c: Commune) => ({
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  type: c.type,
  lat: c.lat,
  lng: c.lng,
  areaKm2: c.areaKm2,
});

/** Administrative units of the province (102 communes and wards since 1 July 2025). */
export function createReferenceService({ sequelize }: { sequelize: Sequelize }) {
  async function communes(q: { q?: string; type?: 'ward' | 'commune' }) {
    const where: Record<string | symbol, unknown> = {};
    if (q.type) where.type = q.type;
    if (q.q)
      where[Op.and] = [
        sequelize.where(sequelize.fn('f_unaccent', sequelize.fn('lower', sequelize.col('name'))), {
          [Op.like]: sequelize.fn('concat', '%', sequelize.fn('f_unaccent', q.q.toLowerCase()), '%'),
        }),
      ];
    const rows = await Commune.findAll({ where, order: [['name', 'ASC']] });
    return { items: rows.map(toDto), total: rows.length };
  }

  async function commune(code: string) {
    const c = await Commune.findByPk(code);
    if (!c)
      throw new NotFound('commune_not_found', {
        vi: 'Không có xã/phường với mã này.',
        en: 'No commune with this code.',
      });
    return toDto(c);
  }

  /** The commune or ward named in a free-text address (accents and case ignored), if exactly one is. */
  async function communeInAddress(address: string): Promise<string | null> {
    const rows = await sequelize.query<{ code: string }>(
      `SELECT code FROM communes WHERE position(f_unaccent(lower(name)) IN f_unaccent(lower(:address))) > 0`,
      { replacements: { address }, type: QueryTypes.SELECT },
    );
    return rows.length === 1 ? (rows[0]?.code ?? null) : null;
  }

  return { communes, commune, communeInAddress };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
