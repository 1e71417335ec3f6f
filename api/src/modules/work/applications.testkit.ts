import { QueryTypes } from 'sequelize';
import { bearer, newPhone, type TestApi } from '../../../test/helpers.ts';

/**
 * Test set-up for the CV and application tests: verified companies and published postings are written with SQL
 * (the rules of companies and postings have their own tests); everything under test goes through HTTP.
 */
let seq = 0;

async function anyCommune(api: TestApi): Promise<string> {
  const [c] = await api.sequelize.query<{ code: string }>('SELECT code FROM communes ORDER BY code LIMIT 1', {
    type: QueryTypes.SELECT,
  });
  return c!.code;
}

export async function makeCompany(api: TestApi, status = 'verified', name = 'Công ty TNHH Cà phê Thử') {
  const tax = String(1_000_000_000 + ((process.pid * 1000 + ++seq) % 8_999_999_999));
  const [row] = await api.sequelize.query<{ id: string }>(
    `INSERT INTO companies (name, tax_code, address, commune_code, industry, size, status)
     VALUES (:name, :tax, '12 Lê Duẩn', :commune, 'manufacturing', '50-199', :status) RETURNING id`,
    { replacements: { name, tax, commune: await anyCommune(api), status }, type: QueryTypes.SELECT },
  );
  return row!.id;
}

/** An employer account (role employer) signed in, member of the company. */
export async function makeEmployer(api: TestApi, companyId: string, fullName = 'Trần Thị Tuyển') {
  const phone = newPhone();
  const { user } = await api.services.users.ensureUser({
    phone,
    fullName,
    password: 'TuyenDung2026',
    roles: ['employer'],
  });
  await api.sequelize.query(
    "INSERT INTO company_members (company_id, user_id, role) VALUES (:companyId, :userId, 'owner')",
    { replacements: { companyId, userId: user.id } },
  );
  const login = await api.request('POST', '/api/v1/auth/login', { phone, password: 'TuyenDung2026' });
  if (login.status !== 200) throw new Error(`login ${login.status} ${JSON.stringify(login.body)}`);
  return { id: user.id as string, token: login.body.accessToken as string };
}

export async function makePosting(
  api: TestApi,
  companyId: string,
  o: { status?: string; deadline?: string | null; title?: string } = {},
) {
  const [row] = await api.sequelize.query<{ id: string }>(
    `INSERT INTO job_postings (company_id, title, description, openings, salary_min, salary_max, employment_type,
       industry, commune_code, deadline, status, published_at)
     VALUES (:companyId, :title, 'Vận hành máy rang cà phê, làm theo ca.', 3, 7000000, 9000000, 'full_time',
       'manufacturing', :commune, :deadline, :status, now()) RETURNING id`,
    {
      replacements: {
        companyId,
        title: o.title ?? 'Kỹ thuật viên vận hành máy',
        commune: await anyCommune(api),
        deadline: o.deadline === undefined ? '2099-12-31' : o.deadline,
        status: o.status ?? 'published',
      },
      type: QueryTypes.SELECT,
    },
  );
  return row!.id;
}

export const cvBody = {
  title: 'Kỹ thuật viên điện',
  desiredSalary: 9_000_000,
  summary: 'Năm năm kinh nghiệm bảo trì điện nhà máy chế biến cà phê.',
  education: [
    { school: 'Trường Cao đẳng Kỹ thuật Đắk Lắk', degree: 'Cao đẳng', from: '2014-09', to: '2017-06' },
  ],
  experience: [{ company: 'Nhà máy Cà phê Buôn Ma Thuột', position: 'Thợ điện', from: '2017-08' }],
  skills: ['Điện công nghiệp', 'Hàn'],
  certificates: [{ name: 'An toàn điện bậc 3', year: 2019 }],
  languages: [{ language: 'Tiếng Anh', level: 'basic' }],
};

export async function makeCv(api: TestApi, token: string, body: object = {}) {
  const r = await api.request('POST', '/api/v1/work/cvs', { ...cvBody, ...body }, bearer(token));
  if (r.status !== 201) throw new Error(`cv ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; isDefault: boolean };
}

export async function notificationsOf(api: TestApi, userId: string) {
  return api.sequelize.query<{ kind: string; title_vi: string; body_vi: string; link: string }>(
    'SELECT kind, title_vi, body_vi, link FROM notifications WHERE user_id = :userId ORDER BY created_at, id',
    { replacements: { userId }, type: QueryTypes.SELECT },
  );
}
