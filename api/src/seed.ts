import fs from 'node:fs';
import path from 'node:path';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Logger } from 'pino';
import { ROOT_DIR, DEV_ADMIN_PASSWORD, type Config } from './config.ts';
import type { Services } from './services.ts';
import { checkPhone } from './modules/identity/phone.ts';
import type { Role } from './platform/auth/permissions.ts';
import { seedFeedbackDemo } from './modules/feedback/demo-data.ts';
import { seedWorkDemo } from './modules/work/demo-work.ts';
import { seedZones } from './modules/work/zones.seed.ts';
import { seedDemoCameras } from './modules/cameras/demo-cameras.ts';

interface CommuneJson {
  code: string;
  name: string;
  nameEn: string;
  type: 'ward' | 'commune';
  areaKm2: number;
  lat: number;
  lng: number;
  bbox: number[];
  mergedFrom: string;
}

/** Run a seed step once per database: recorded in seed_runs in the same transaction. */
async function once(sequelize: Sequelize, name: string, fn: (t: Transaction) => Promise<void>) {
  return sequelize.transaction(async (t) => {
    await sequelize.query('SELECT pg_advisory_xact_lock(7366002)', { transaction: t });
    const done = await sequelize.query('SELECT 1 FROM seed_runs WHERE name = :name', {
      replacements: { name },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    if (done.length) return false;
    await fn(t);
    await sequelize.query('INSERT INTO seed_runs (name) VALUES (:name)', {
      replacements: { name },
      transaction: t,
    });
    return true;
  });
}

export async function seedReference(sequelize: Sequelize, log: Logger): Promise<void> {
  const ran = await once(sequelize, 'reference:communes:2025', async (t) => {
    const file = path.join(ROOT_DIR, 'data', 'communes.json');
    const { units } = JSON.parse(fs.readFileSync(file, 'utf8')) as { units: CommuneJson[] };
    for (const u of units)
      await sequelize.query(
        `INSERT INTO communes (code, name, name_en, type, area_km2, lat, lng, bbox, merged_from)
         VALUES (:code, :name, :nameEn, :type, :areaKm2, :lat, :lng, ARRAY[:bbox]::double precision[], :mergedFrom)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en`,
        { replacements: { ...u }, transaction: t },
      );
  });
  if (ran) log.info('reference data loaded: 102 communes and wards');
  await once(sequelize, 'work:industrial-zones:v1', async (t) => {
    log.info({ zones: await seedZones(sequelize, t) }, 'industrial zones loaded');
  });
}

export interface DemoAccount {
  phone: string;
  password: string;
  fullName: string;
  roles: Role[];
}

/** Demo accounts (labelled as demo data); the password is printed at start in development only. */
export const DEMO_PASSWORD = 'DemoDakLak2026';
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { phone: '+84905000002', fullName: 'Demo Điều hành IOC', roles: ['ioc_operator'], password: DEMO_PASSWORD },
  { phone: '+84905000003', fullName: 'Demo Kiểm duyệt viên', roles: ['moderator'], password: DEMO_PASSWORD },
  { phone: '+84905000004', fullName: 'Demo Cán bộ Sở', roles: ['officer'], password: DEMO_PASSWORD },
  { phone: '+84905000005', fullName: 'Demo Nhà tuyển dụng', roles: ['employer'], password: DEMO_PASSWORD },
  { phone: '+84905000006', fullName: 'Demo Công dân Nguyễn Văn An', roles: [], password: DEMO_PASSWORD },
];

export async function ensureAdmin(config: Config, services: Services, log: Logger) {
  const rawPhone = config.ADMIN_PHONE ?? (config.isProduction ? undefined : '0905000001');
  if (!rawPhone) return undefined;
  const phone = checkPhone(rawPhone);
  if (!phone.ok) throw new Error(`ADMIN_PHONE is not a valid Vietnamese mobile number: ${rawPhone}`);
  const password = config.ADMIN_PASSWORD ?? DEV_ADMIN_PASSWORD;
  const { created, user } = await services.users.ensureUser({
    phone: phone.e164,
    fullName: config.ADMIN_NAME,
    password,
    roles: ['admin'],
  });
  if (created) log.info({ phone: phone.e164 }, 'first administrator created');
  return {
    phone: phone.e164,
    password: config.ADMIN_PASSWORD ? '(from ADMIN_PASSWORD)' : password,
    created,
    id: user.id,
  };
}

export async function seedDemo(
  sequelize: Sequelize,
  services: Services,
  log: Logger,
): Promise<DemoAccount[]> {
  await once(sequelize, 'demo:accounts:v1', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const { user } = await services.users.ensureUser(a);
      // The demo employer has declared its CCCD (level 1): registering a company needs it.
      if (a.roles.includes('employer'))
        await services.cards.declare(
          user.id,
          {
            cccdNumber: '066085000005',
            fullName: 'Demo Nhà tuyển dụng',
            dateOfBirth: '1985-05-05',
            sex: 'male',
          },
          { userId: null, ip: null, userAgent: null, requestId: 'seed' },
        );
    }
    log.info({ accounts: DEMO_ACCOUNTS.length }, 'demo accounts created');
  });
  await once(sequelize, 'demo:officer-departments:v1', async (t) => {
    // The demo department officer handles reports of the Department of Construction (traffic, urban order).
    await sequelize.query(
      `INSERT INTO officer_departments (user_id, department)
       SELECT id, 'sxd' FROM users WHERE phone = '+84905000004' ON CONFLICT DO NOTHING`,
      { transaction: t },
    );
  });
  await once(sequelize, 'demo:feedback:v1', async (t) => {
    const { reports } = await seedFeedbackDemo(sequelize, t);
    log.info({ reports }, 'demo feedback created');
  });
  // After the zone step (seedReference) and the demo accounts: companies, postings, CVs, applications, reports.
  await once(sequelize, 'demo:work:v1', async (t) => {
    log.info(await seedWorkDemo(sequelize, t), 'demo work data created');
  });
  // Eight traffic cameras whose feeds are the local test cameras (TEST_CAMERAS_PORT + 0..7).
  await once(sequelize, 'demo:cameras:v1', async (t) => {
    const n = await seedDemoCameras(services.cameras, services.cameras.testCamerasPort, t);
    log.info({ cameras: n }, 'demo cameras created');
  });
  return DEMO_ACCOUNTS;
}
