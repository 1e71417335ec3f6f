import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';
import { makeStaff } from '../feedback/staff.testkit.ts';
import { createWorkforceStats } from './workforce.stats.ts';
import { addMonths, monthOf } from './workforce.service.ts';

// Workforce reports (filing rules, membership) and statistics on a known set of companies and reports.
let api: TestApi;
let ioc: { token: string };
let employer: { accessToken: string; user: { id: string } };
let outsider: { accessToken: string; user: { id: string } };
const ids: Record<string, string> = {};
const COMMUNE = '22015';

async function sql(q: string, replacements: Record<string, unknown> = {}) {
  const [rows] = await api.sequelize.query(q, { replacements });
  return rows as Array<Record<string, unknown>>;
}

async function company(key: string, zone: string | null, status = 'verified', contact = '') {
  const [row] = await sql(
    `INSERT INTO companies (name, tax_code, address, commune_code, zone_code, industry, size, status,
       contact_name, contact_phone, contact_email)
     VALUES (:name, :tax, 'Địa chỉ thử', :commune, :zone, 'manufacturing', '50-199', :status,
       :contact, :phone, :email) RETURNING id`,
    {
      name: `Công ty ${key}`,
      tax: `0${Math.floor(Math.random() * 1e9)}`,
      commune: COMMUNE,
      zone,
      status,
      contact: contact || null,
      phone: contact ? '+84905123456' : null,
      email: contact ? 'lienhe@example.vn' : null,
    },
  );
  ids[key] = String(row!.id);
  return ids[key];
}

async function report(
  key: string,
  month: string,
  hc: number,
  women: number,
  open: number,
  h: number,
  s: number,
) {
  await sql(
    `INSERT INTO workforce_reports (company_id, month, headcount, women, local_residents, other_provinces, hires,
       separations, open_positions, wage_band)
     VALUES (:id, :m::date, :hc, :women, 0, 0, :h, :s, :open, '5to8')`,
    { id: ids[key], m: `${month}-01`, hc, women, h, s, open },
  );
}

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  ioc = await makeStaff(api, ['ioc_operator']);
  employer = await registerCitizen(api);
  outsider = await registerCitizen(api);
  await sql(
    `INSERT INTO industrial_zones (code, name, kind) VALUES ('tz1', 'KCN Thử Một', 'zone'), ('tz2', 'KCN Thử Hai', 'zone')`,
  );
  await company('A', 'tz1');
  await company('B', 'tz1', 'verified', 'Chị Lan');
  await company('C', 'tz2');
  await company('D', null);
  await company('E', 'tz1', 'pending');
  await report('A', '2026-01', 100, 40, 10, 5, 3);
  await report('A', '2026-02', 110, 45, 20, 12, 2);
  await report('B', '2026-01', 50, 20, 0, 1, 1);
  await report('C', '2026-01', 200, 100, 50, 10, 5);
  await report('C', '2026-02', 200, 100, 60, 8, 8);
  await report('D', '2026-02', 10, 5, 0, 0, 0);
  await report('E', '2026-02', 999, 0, 0, 0, 0);
  // Applications through the app: one in January, one at 01:00 on 1 February Vietnam time, hired mid-February.
  const [p] = await sql(
    `INSERT INTO job_postings (company_id, title, description, openings, salary_negotiable, employment_type, industry,
       commune_code, status) VALUES (:a, 'Công nhân may', 'Mô tả', 5, true, 'full_time', 'manufacturing', :c,
       'published') RETURNING id`,
    { a: ids.A, c: COMMUNE },
  );
  const [a1] = await sql(
    `INSERT INTO job_applications (posting_id, user_id, status, created_at)
     VALUES (:p, :u, 'hired', '2026-01-10T03:00:00Z') RETURNING id`,
    { p: p!.id, u: employer.user.id },
  );
  await sql(
    `INSERT INTO job_applications (posting_id, user_id, created_at) VALUES (:p, :u, '2026-01-31T18:00:00Z')`,
    { p: p!.id, u: outsider.user.id },
  );
  await sql(
    `INSERT INTO application_events (application_id, status, at) VALUES (:a, 'hired', '2026-02-15T03:00:00Z')`,
    {
      a: a1!.id,
    },
  );
});
afterAll(() => api.close());

const get = (p: string, token = ioc.token) =>
  api.request('GET', `/api/v1/work${p}`, undefined, bearer(token));

describe('statistics', () => {
  it('sums a known set: province totals, zones, series, alerts', async () => {
    const res = await get('/workforce/summary?from=2026-01&to=2026-02');
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.totals).toEqual({
      headcount: 320,
      women: 150,
      vacancies: 80,
      vacancyRate: 0.2,
      hires: 36,
      separations: 19,
      appApplications: 2,
      appHires: 1,
      companiesFiled: 3,
      companiesExpected: 4,
    });
    const z1 = b.zones.find((z: { code: string }) => z.code === 'tz1');
    expect(z1).toMatchObject({
      name: 'KCN Thử Một',
      headcount: 110,
      vacancies: 20,
      vacancyRate: 0.1538,
      hires: 18,
      separations: 6,
      appApplications: 2,
      appHires: 1,
      companiesFiled: 1,
      companiesExpected: 2,
    });
    const z2 = b.zones.find((z: { code: string }) => z.code === 'tz2');
    expect(z2).toMatchObject({ headcount: 200, vacancyRate: 0.2308, hires: 18, separations: 13 });
    expect(b.zones.find((z: { code: string }) => z.code === 'none')).toMatchObject({
      headcount: 10,
      vacancyRate: 0,
    });
    expect(b.series.map((s: { month: string }) => s.month)).toEqual(['2026-01', '2026-02']);
    expect(b.series[0]).toMatchObject({ headcount: 350, companiesFiled: 3, appApplications: 1, appHires: 0 });
    expect(b.series[1]).toMatchObject({ headcount: 320, appApplications: 1, appHires: 1 });
    expect(b.threshold).toBe(0.15);
    expect(b.alerts.map((a: { code: string }) => a.code).sort()).toEqual(['tz1', 'tz2']);
  });

  it('filters by zone and alerts only above the configured threshold or the one asked for', async () => {
    const res = await get('/workforce/summary?from=2026-01&to=2026-02&zone=tz2');
    expect(res.body.totals).toMatchObject({ headcount: 200, companiesExpected: 1, appApplications: 0 });
    expect(res.body.zones.map((z: { code: string }) => z.code)).toEqual(['tz2']);
    const strict = createWorkforceStats({ sequelize: api.sequelize, vacancyAlert: 0.2 });
    const s = await strict.summary({ from: '2026-01', to: '2026-02' });
    expect(s.alerts).toEqual([{ code: 'tz2', name: 'KCN Thử Hai', month: '2026-02', vacancyRate: 0.2308 }]);
    const line = await get('/workforce/summary?from=2026-01&to=2026-02&threshold=0.2');
    expect(line.body.threshold).toBe(0.2);
    expect(line.body.alerts.map((a: { code: string }) => a.code)).toEqual(['tz2']);
    const high = await get('/workforce/summary?from=2026-01&to=2026-02&threshold=0.5');
    expect(high.body.alerts).toEqual([]);
    expect((await get('/workforce/summary?threshold=1.5')).status).toBe(400);
    expect((await get('/workforce/summary?threshold=abc')).status).toBe(400);
    expect((await get('/workforce/summary?zone=nope')).status).toBe(404);
    const reversed = await get('/workforce/summary?from=2026-03&to=2026-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('range_reversed');
    expect((await get('/workforce/summary?from=2026-13')).body.errors[0].code).toBe('month_format');
  });

  it('drills down into a zone and compares two zones', async () => {
    const res = await get('/workforce/zones/tz1/companies?month=2026-02');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual(['Công ty A', 'Công ty B']);
    expect(res.body.items[0]).toMatchObject({
      filed: true,
      headcount: 110,
      vacancyRate: 0.1538,
      appApplications: 1,
      appHires: 1,
    });
    expect(res.body.items[1]).toMatchObject({ filed: false, headcount: null, appApplications: 0 });
    const cmp = await get('/workforce/compare?a=tz1&b=tz2&from=2026-01&to=2026-02');
    expect(cmp.status).toBe(200);
    expect(cmp.body.a.totals.hires).toBe(18);
    expect(cmp.body.b.series.map((s: { vacancies: number }) => s.vacancies)).toEqual([50, 60]);
    expect((await get('/workforce/compare?a=tz1&b=zz')).status).toBe(404);
  });

  it('lists verified companies that have not filed, with their contact', async () => {
    const res = await get('/workforce/missing?month=2026-02');
    expect(res.status).toBe(200);
    const names = res.body.items.map((i: { name: string }) => i.name);
    expect(names).toContain('Công ty B');
    for (const n of ['Công ty A', 'Công ty C', 'Công ty D', 'Công ty E']) expect(names).not.toContain(n);
    expect(res.body.items.find((i: { name: string }) => i.name === 'Công ty B')).toMatchObject({
      zoneCode: 'tz1',
      zoneName: 'KCN Thử Một',
      contactName: 'Chị Lan',
      contactPhone: '+84905123456',
    });
    const jan = await get('/workforce/missing?month=2026-01');
    expect(jan.body.items.map((i: { name: string }) => i.name)).toContain('Công ty D');
  });

  it('exports CSV with a UTF-8 BOM', async () => {
    const res = await fetch(`${api.url}/api/v1/work/workforce/summary.csv?from=2026-01&to=2026-02`, {
      headers: bearer(ioc.token),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Tháng,Mã khu,Khu\/cụm công nghiệp,Lao động/);
    expect(lines).toContain('2026-02,tz1,KCN Thử Một,110,45,20,0.1538,12,2,1,1,1');
    expect(lines).toContain('2026-02,,Toàn tỉnh,320,150,80,0.2,20,10,1,1,3');
  });

  it('is for workforce:read only', async () => {
    expect((await get('/workforce/summary', outsider.accessToken)).status).toBe(403);
    expect((await get('/workforce/missing', outsider.accessToken)).status).toBe(403);
  });
});

describe('filing reports', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    month: monthOf(new Date()),
    headcount: 80,
    women: 30,
    localResidents: 60,
    otherProvinces: 20,
    hires: 4,
    separations: 2,
    openPositions: 6,
    wageBand: '8to12',
    ...over,
  });
  const file = (id: string, b: unknown, token = employer.accessToken) =>
    api.request('POST', `/api/v1/work/companies/${id}/workforce-reports`, b, bearer(token));

  beforeAll(async () => {
    await company('F', null);
    await company('G', null, 'pending');
    for (const k of ['F', 'G'])
      await sql(`INSERT INTO company_members (company_id, user_id, role) VALUES (:c, :u, 'owner')`, {
        c: ids[k],
        u: employer.user.id,
      });
  });

  it('checks each count against the headcount with its own message', async () => {
    const res = await file(ids.F!, body({ women: 81, localResidents: 90, otherProvinces: 100 }));
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.body.errors.map((f: { path: string }) => [f.path, f]));
    expect(byPath['body.women'].code).toBe('women_over_headcount');
    expect(byPath['body.women'].messages.vi).toBe('Số lao động nữ không được lớn hơn tổng số lao động.');
    expect(byPath['body.localResidents'].code).toBe('localResidents_over_headcount');
    expect(byPath['body.otherProvinces'].messages.en).toBe(
      'Workers from other provinces cannot exceed the headcount.',
    );
    const future = await file(ids.F!, body({ month: addMonths(monthOf(new Date()), 1) }));
    expect(future.status).toBe(400);
    expect(future.body.errors[0].code).toBe('month_in_future');
    expect((await file(ids.F!, body({ month: '2026-1' }))).body.errors[0].code).toBe('month_format');
  });

  it('needs a member of a verified company', async () => {
    expect((await file(ids.F!, body(), outsider.accessToken)).body.code).toBe('not_company_member');
    const pending = await file(ids.G!, body());
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('company_not_verified');
    expect((await file('00000000-0000-4000-8000-000000000000', body())).status).toBe(404);
  });

  it('replaces the month until the 10th of the next month, audited; older months are locked', async () => {
    const first = await file(ids.F!, body());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ headcount: 80, wageBand: '8to12', demo: false });
    const again = await file(ids.F!, body({ headcount: 85 }));
    expect(again.status).toBe(201);
    expect(again.body.headcount).toBe(85);
    const audits = await sql(
      `SELECT action, details FROM audit_log WHERE entity_id = :id AND action LIKE 'work.workforce_report.%' ORDER BY id`,
      { id: ids.F },
    );
    expect(audits.map((a) => a.action)).toEqual([
      'work.workforce_report.file',
      'work.workforce_report.replace',
    ]);
    expect((audits[1]!.details as { previous: { headcount: number } }).previous.headcount).toBe(80);
    const old = addMonths(monthOf(new Date()), -3);
    expect((await file(ids.F!, body({ month: old }))).status).toBe(201);
    const locked = await file(ids.F!, body({ month: old, headcount: 90 }));
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('report_locked');
  });

  it('lists reports to members and workforce:read staff only', async () => {
    const mine = await get(`/companies/${ids.F}/workforce-reports`, employer.accessToken);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.items[0].month > mine.body.items[1].month).toBe(true);
    expect((await get(`/companies/${ids.F}/workforce-reports`)).status).toBe(200);
    expect((await get(`/companies/${ids.F}/workforce-reports`, outsider.accessToken)).status).toBe(403);
  });
});
