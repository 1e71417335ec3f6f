import { QueryTypes } from 'sequelize';
import { bearer, newPhone, type TestApi } from '../../../test/helpers.ts';

/** Test helpers for postings and search (real HTTP, real database). */
export async function makeUser(api: TestApi, roles: Array<'employer' | 'moderator' | 'citizen'>) {
  const phone = newPhone();
  const { user } = await api.services.users.ensureUser({
    phone,
    fullName: 'Người Thử Việc Làm',
    password: 'ViecLam2026x',
    roles,
  });
  const login = await api.request('POST', '/api/v1/auth/login', { phone, password: 'ViecLam2026x' });
  if (login.status !== 200) throw new Error(`login ${login.status} ${JSON.stringify(login.body)}`);
  return {
    id: user.id as string,
    token: login.body.accessToken as string,
    h: bearer(login.body.accessToken),
  };
}

let taxSeq = 0;
/** A company written straight to the table (the companies API has its own tests). */
export async function makeCompany(
  api: TestApi,
  o: { name: string; status?: 'verified' | 'pending'; members: string[]; communeCode: string },
) {
  const taxCode = String(4000000000 + process.pid * 100 + ++taxSeq).slice(0, 10);
  const [row] = await api.sequelize.query<{ id: string }>(
    `INSERT INTO companies (name, tax_code, address, commune_code, industry, size, status)
     VALUES (:name, :taxCode, 'Lô A1', :communeCode, 'C', '50-199', :status) RETURNING id`,
    {
      replacements: { name: o.name, taxCode, communeCode: o.communeCode, status: o.status ?? 'verified' },
      type: QueryTypes.SELECT,
    },
  );
  for (const u of o.members)
    await api.sequelize.query(
      `INSERT INTO company_members (company_id, user_id, role) VALUES (:c, :u, 'owner')`,
      {
        replacements: { c: row!.id, u },
      },
    );
  return row!.id;
}

export async function communes(api: TestApi) {
  return api.sequelize.query<{ code: string; name: string; lat: number; lng: number }>(
    'SELECT code, name, lat, lng FROM communes ORDER BY code LIMIT 3',
    { type: QueryTypes.SELECT },
  );
}

export async function makeZone(api: TestApi, code: string, communeCode: string, lat: number, lng: number) {
  await api.sequelize.query(
    `INSERT INTO industrial_zones (code, name, kind, commune_code, lat, lng)
     VALUES (:code, :name, 'zone', :communeCode, :lat, :lng)
     ON CONFLICT (code) DO UPDATE SET lat = EXCLUDED.lat, lng = EXCLUDED.lng`,
    { replacements: { code, name: `KCN Thử ${code}`, communeCode, lat, lng } },
  );
}

export const inDays = (n: number) => {
  const d = new Date(Date.now() + 7 * 3600_000 + n * 86400_000);
  return d.toISOString().slice(0, 10);
};

export function posting(companyId: string, communeCode: string, o: Record<string, unknown> = {}) {
  return {
    companyId,
    title: 'Công nhân may công nghiệp',
    description: 'Tuyển công nhân may làm việc tại xưởng, được đào tạo nghề, môi trường sạch sẽ.',
    requirements: 'Sức khỏe tốt, từ 18 tuổi.',
    openings: 20,
    salaryMin: 6_000_000,
    salaryMax: 8_000_000,
    employmentType: 'full_time',
    shifts: ['day'],
    industry: 'C',
    communeCode,
    benefits: ['meals', 'shuttle_bus'],
    deadline: inDays(30),
    ...o,
  };
}

/** The moderation item waiting for this posting. */
export async function pendingItem(api: TestApi, postingId: string): Promise<string | undefined> {
  const [r] = await api.sequelize.query<{ id: string }>(
    `SELECT id FROM moderation_items WHERE kind = 'job_posting' AND entity_id = :id AND status = 'pending'`,
    { replacements: { id: postingId }, type: QueryTypes.SELECT },
  );
  return r?.id;
}

/** Create, submit and approve through the real endpoints; answers the posting id. */
export async function publishPosting(
  api: TestApi,
  employer: { h: Record<string, string> },
  moderator: { h: Record<string, string> },
  body: Record<string, unknown>,
): Promise<string> {
  const c = await api.request('POST', '/api/v1/work/postings', body, employer.h);
  if (c.status !== 201) throw new Error(`create ${c.status} ${JSON.stringify(c.body)}`);
  const s = await api.request('POST', `/api/v1/work/postings/${c.body.id}/submit`, undefined, employer.h);
  if (s.status !== 200) throw new Error(`submit ${s.status} ${JSON.stringify(s.body)}`);
  const item = await pendingItem(api, c.body.id);
  const d = await api.request(
    'POST',
    `/api/v1/moderation/items/${item}/decision`,
    { decision: 'approve' },
    moderator.h,
  );
  if (d.status !== 200) throw new Error(`approve ${d.status} ${JSON.stringify(d.body)}`);
  return c.body.id;
}
