import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pino } from 'pino';
import { QueryTypes } from 'sequelize';
import { startTestApi, bearer, type TestApi } from '../../../test/helpers.ts';
import { seedDemo, DEMO_PASSWORD } from '../../seed.ts';
import { seedWorkDemo } from './demo-work.ts';
import { addMonths, monthOf } from './workforce.service.ts';

// The demo Work step of `npm start` on a real database: counts, months, demo labels, idempotence, and what the
// demo accounts then see through the API.
let api: TestApi;
let ms = 0;
const log = pino({ level: 'silent' });
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000' });
  await api.sequelize.query(
    // The zone step runs in seedReference at start; make sure the zones the demo prefers exist here too.
    `INSERT INTO industrial_zones (code, name, kind) VALUES ('kcn-hoa-phu', 'KCN Hòa Phú', 'zone'),
       ('kcn-an-phu', 'KCN An Phú', 'zone'), ('kcn-hoa-hiep', 'KCN Hòa Hiệp', 'zone') ON CONFLICT DO NOTHING`,
  );
  const started = performance.now();
  await seedDemo(api.sequelize, api.services, log);
  ms = performance.now() - started;
});
afterAll(() => api.close());

const one = async (sql: string) =>
  (await api.sequelize.query<Record<string, string>>(sql, { type: QueryTypes.SELECT }))[0]!;
const login = async (phone: string) =>
  (await api.request('POST', '/api/v1/auth/login', { phone, password: DEMO_PASSWORD })).body
    .accessToken as string;

describe('demo work data', () => {
  it('has verified demo companies in several zones, labelled as demo data', async () => {
    const r = await one(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE name LIKE '%(Dữ liệu mẫu)')::int AS labelled,
              count(*) FILTER (WHERE status = 'verified' AND demo)::int AS verified,
              count(DISTINCT zone_code)::int AS zones, count(*) FILTER (WHERE zone_code IS NULL)::int AS outside
       FROM companies`,
    );
    expect(r).toMatchObject({ n: 12, labelled: 12, verified: 12 });
    expect(Number(r.zones)).toBeGreaterThanOrEqual(3);
    expect(Number(r.outside)).toBeGreaterThanOrEqual(2);
    const owner = await one(
      `SELECT c.name FROM company_members m JOIN companies c ON c.id = m.company_id JOIN users u ON u.id = m.user_id
       WHERE u.phone = '+84905000005' AND m.role = 'owner'`,
    );
    expect(owner.name).toBe('Công ty TNHH May mặc Tây Nguyên (Dữ liệu mẫu)');
  });

  it('has 60 published postings with accent-free search text', async () => {
    const r = await one(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'published' AND demo AND deadline > now())::int AS ok,
              count(*) FILTER (WHERE search_text LIKE '%cong nhan%')::int AS workers,
              count(*) FILTER (WHERE search_text ~ '[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđ]')::int AS accented
       FROM job_postings`,
    );
    expect(r).toEqual({ n: 60, ok: 60, workers: expect.any(Number), accented: 0 });
    expect(Number(r.workers)).toBeGreaterThan(10);
  });

  it('has CVs and applications in several stages, with events', async () => {
    const cv = await one(
      `SELECT count(*)::int AS n FROM cvs c JOIN users u ON u.id = c.user_id WHERE u.phone = '+84905000006' AND c.is_default`,
    );
    expect(cv.n).toBe(1);
    const r = await one(
      `SELECT count(*)::int AS n, count(DISTINCT status)::int AS stages,
              (SELECT count(*)::int FROM application_events) AS events,
              count(*) FILTER (WHERE status = 'hired')::int AS hired FROM job_applications`,
    );
    expect(Number(r.n)).toBeGreaterThanOrEqual(4);
    expect(Number(r.stages)).toBeGreaterThanOrEqual(4);
    expect(Number(r.events)).toBeGreaterThan(Number(r.n));
  });

  it('has 24 months of reports per company, ending last month', async () => {
    const r = await one(
      `SELECT count(*)::int AS n, count(DISTINCT month)::int AS months, to_char(max(month), 'YYYY-MM') AS last,
              count(*) FILTER (WHERE women > headcount OR local_residents > headcount)::int AS bad
       FROM workforce_reports`,
    );
    expect(r).toEqual({ n: 12 * 24, months: 24, last: addMonths(monthOf(new Date()), -1), bad: 0 });
  });

  it('is idempotent and fast', async () => {
    expect(ms).toBeLessThan(15_000);
    await seedDemo(api.sequelize, api.services, log);
    const again = await api.sequelize.transaction((t) => seedWorkDemo(api.sequelize, t));
    expect(again.companies).toBe(0);
    const r = await one(
      `SELECT (SELECT count(*)::int FROM companies) AS c, (SELECT count(*)::int FROM job_postings) AS p,
              (SELECT count(*)::int FROM workforce_reports) AS w`,
    );
    expect(r).toEqual({ c: 12, p: 60, w: 288 });
  });

  it('gives the IOC operator statistics with alerts and the employer its reports', async () => {
    const ioc = await login('+84905000002');
    const s = await api.request('GET', '/api/v1/work/workforce/summary', undefined, bearer(ioc));
    expect(s.status).toBe(200);
    expect(s.body.totals.companiesFiled).toBe(12);
    expect(s.body.totals.headcount).toBeGreaterThan(4000);
    expect(s.body.series).toHaveLength(12);
    expect(s.body.alerts.length).toBeGreaterThan(0);
    // Applications and hires through the app have a history too, growing as the app is adopted.
    const series = s.body.series as Array<{ appApplications: number; appHires: number }>;
    expect(series.every((m) => m.appApplications > 0)).toBe(true);
    expect(series[11]!.appApplications).toBeGreaterThan(series[0]!.appApplications);
    expect(series.reduce((n, m) => n + m.appHires, 0)).toBeGreaterThan(0);
    const emp = await login('+84905000005');
    const [c] = await api.sequelize.query<{ id: string }>(
      `SELECT id FROM companies WHERE tax_code = '6600990001'`,
      { type: QueryTypes.SELECT },
    );
    const list = await api.request(
      'GET',
      `/api/v1/work/companies/${c!.id}/workforce-reports`,
      undefined,
      bearer(emp),
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(24);
    expect(list.body.items[0].demo).toBe(true);
  });
});
