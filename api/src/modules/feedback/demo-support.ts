import sharp from 'sharp';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { loadCategories } from './categories.ts';
import { DEMO_CITIZENS } from './demo-texts.ts';

// Parts of the demo feedback (demo-data.ts): the random stream, the demo accounts, the photos.

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (lo: number, hi: number) => lo + next() * (hi - lo);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const weighted = <T>(xs: ReadonlyArray<readonly [T, number]>): T => {
    let r = next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  /** A deterministic UUID (version 4 layout) from the stream. */
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    h[12] = '4';
    h[16] = '89ab'[Math.floor(next() * 4)] as string;
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, between, pick, weighted, uuid, int };
}

export async function demoUsers(sequelize: Sequelize, t: Transaction) {
  const { departments } = loadCategories();
  const citizens = DEMO_CITIZENS.map((name, i) => ({
    phone: `+84905000${String(101 + i)}`,
    name,
  }));
  const officers = departments
    .filter((d) => d.code !== 'sxd')
    .map((d, i) => ({ phone: `+84905000${String(201 + i)}`, name: `Cán bộ ${d.name} (demo)`, dept: d.code }));
  // No password: these accounts exist to own reports and sign timeline entries, nobody signs in with them.
  await sequelize.query(
    `INSERT INTO users (phone, full_name)
     SELECT x.phone, x.name FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(phone text, name text)
     ON CONFLICT (phone) DO NOTHING`,
    { replacements: { rows: JSON.stringify([...citizens, ...officers]) }, transaction: t },
  );
  await sequelize.query(
    // Every account is a citizen, as a registered one is; department staff are officers as well.
    `INSERT INTO user_roles (user_id, role) SELECT u.id, 'citizen' FROM users u WHERE u.phone IN (:everyone)
     ON CONFLICT DO NOTHING;
     INSERT INTO user_roles (user_id, role) SELECT u.id, 'officer' FROM users u WHERE u.phone IN (:phones)
     ON CONFLICT DO NOTHING;
     INSERT INTO officer_departments (user_id, department)
     SELECT u.id, x.dept FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(phone text, dept text)
     JOIN users u ON u.phone = x.phone ON CONFLICT DO NOTHING`,
    {
      replacements: {
        everyone: [...citizens, ...officers].map((u) => u.phone),
        phones: officers.map((o) => o.phone),
        rows: JSON.stringify(officers),
      },
      transaction: t,
    },
  );
  const ids = new Map(
    (
      await sequelize.query<{ phone: string; id: string }>(
        `SELECT phone, id FROM users WHERE phone IN (:phones)`,
        {
          replacements: {
            phones: [
              ...citizens.map((c) => c.phone),
              ...officers.map((o) => o.phone),
              '+84905000002',
              '+84905000004',
              '+84905000006',
            ],
          },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      )
    ).map((r) => [r.phone, r.id]),
  );
  const officerOf = new Map<string, string | null>(
    officers.map((o) => [o.dept, ids.get(o.phone) ?? null] as const),
  );
  officerOf.set('sxd', ids.get('+84905000004') ?? null);
  return {
    citizens: citizens.map((c) => ids.get(c.phone) as string),
    demoCitizen: ids.get('+84905000006') ?? null,
    operator: ids.get('+84905000002') ?? null,
    officerOf,
  };
}

/** A few plain coloured JPEGs (no text, no EXIF) standing in for citizens' photos. */
export async function demoImages() {
  const colours = ['#7a8c5a', '#8a6f4e', '#5d7287', '#9a9a8c', '#6b8e7f', '#a07a5a'];
  return Promise.all(
    colours.map(async (background, n) => {
      const image = await sharp({ create: { width: 640, height: 480, channels: 3, background } })
        .jpeg({ quality: 70 })
        .toBuffer();
      const thumb = await sharp(image).resize({ width: 320 }).jpeg({ quality: 70 }).toBuffer();
      return { n, image: image.toString('hex'), thumb: thumb.toString('hex'), width: 640, height: 480 };
    }),
  );
}
