import fs from 'node:fs';
import path from 'node:path';
import type { Sequelize, Transaction } from 'sequelize';
import { ROOT_DIR } from '../../config.ts';

interface ZoneJson {
  code: string;
  name: string;
  kind: string;
  commune_code: string;
  lat: number;
  lng: number;
  area_ha: number | null;
  _note?: string;
}

/** Load data/industrial-zones.json: inserts the codes that are missing only, so operators' edits are kept. */
export async function seedZones(sequelize: Sequelize, t: Transaction): Promise<number> {
  const file = path.join(ROOT_DIR, 'data', 'industrial-zones.json');
  const { zones } = JSON.parse(fs.readFileSync(file, 'utf8')) as { zones: ZoneJson[] };
  for (const z of zones)
    await sequelize.query(
      `INSERT INTO industrial_zones (code, name, kind, commune_code, lat, lng, area_ha, note)
       VALUES (:code, :name, :kind, :commune_code, :lat, :lng, :area_ha, :note)
       ON CONFLICT (code) DO NOTHING`,
      { replacements: { ...z, area_ha: z.area_ha ?? null, note: z._note ?? null }, transaction: t },
    );
  return zones.length;
}
