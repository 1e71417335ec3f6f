import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { loadIndustries } from './postings.industries.ts';
import { DEMO_COMPANIES, DEMO_CVS, DEMO_SUFFIX, JOB_TEXTS } from './demo-work.texts.ts';
import { addMonths, monthOf } from './workforce.service.ts';

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_MONTHS = 24;
const DAY = 86_400_000;
const STAGES = ['submitted', 'viewed', 'shortlisted', 'interview', 'hired', 'rejected'] as const;

/**
 * Demo data for Work (seed step demo:work:v1, one transaction): 12 verified companies marked "(Dữ liệu mẫu)" and
 * demo = true in several industrial zones (and two outside), the demo employer 0905000005 owning the first;
 * 60 published postings; CVs for the demo citizen 0905000006 and up to three demo feedback citizens;
 * applications in every stage with their events; 24 months of workforce reports per company (ending last
 * month, Vietnam time) with a slow growth, a Tết dip in hiring and a few companies above the vacancy alert line.
 * Deterministic for a given month; runs after the zone seed step (zones that are missing are left out).
 */
export async function seedWorkDemo(sequelize: Sequelize, t: Transaction, now = new Date()) {
  const rand = prng(20260501);
  const q = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction: t });
  const exec = (sql: string, replacements: Record<string, unknown> = {}) =>
    sequelize.query(sql, { replacements, transaction: t });

  const zones = new Map(
    (
      await q<{ code: string; commune_code: string | null }>(
        'SELECT code, commune_code FROM industrial_zones',
      )
    ).map((z) => [z.code, z.commune_code]),
  );
  const [fallbackCommune] = await q<{ code: string }>(`SELECT code FROM communes ORDER BY code LIMIT 1`);
  const users = new Map(
    (
      await q<{ phone: string; id: string }>(
        `SELECT phone, id FROM users WHERE phone IN ('+84905000005', '+84905000006', '+84905000101',
           '+84905000102', '+84905000103')`,
      )
    ).map((u) => [u.phone, u.id]),
  );
  const employer = users.get('+84905000005') ?? null;

  // Companies: deterministic tax codes, so a second run (or a re-seeded database) finds the same rows.
  const companies = DEMO_COMPANIES.map((c, i) => {
    const zone = c.zone && zones.has(c.zone) ? c.zone : null;
    return {
      ...c,
      zone,
      fullName: c.name + DEMO_SUFFIX,
      taxCode: `66009900${String(i + 1).padStart(2, '0')}`,
      commune: (zone && zones.get(zone)) || fallbackCommune?.code || '22015',
      phone: `0262385${String(100 + i)}`,
      email: `tuyendung${i + 1}@demo.daklak.example`,
    };
  });
  const inserted = await q<{ id: string; tax_code: string }>(
    `INSERT INTO companies (name, tax_code, address, commune_code, zone_code, industry, size, contact_name,
       contact_phone, contact_email, status, demo, created_by)
     SELECT x.name, x.tax, x.address, x.commune, x.zone, x.industry, x.size, x.contact, x.phone, x.email,
       'verified', true, :employer
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(name text, tax text, address text, commune text,
       zone text, industry text, size text, contact text, phone text, email text)
     ON CONFLICT (tax_code) DO NOTHING
     RETURNING id, tax_code`,
    {
      employer,
      rows: JSON.stringify(
        companies.map((c, i) => ({
          name: c.fullName,
          tax: c.taxCode,
          address: `Lô ${String.fromCharCode(65 + (i % 6))}${i + 1}, ${c.zone ? 'khu công nghiệp' : 'địa bàn xã'}`,
          commune: c.commune,
          zone: c.zone,
          industry: c.industry,
          size: c.size,
          contact: c.contact,
          phone: c.phone,
          email: c.email,
        })),
      ),
    },
  );
  const idOf = new Map(inserted.map((r) => [r.tax_code, r.id]));
  const made = companies.filter((c) => idOf.has(c.taxCode)).map((c) => ({ ...c, id: idOf.get(c.taxCode)! }));
  if (!made.length) return { companies: 0, postings: 0, cvs: 0, applications: 0, reports: 0 };
  if (employer)
    await exec(
      `INSERT INTO company_members (company_id, user_id, role) VALUES (:c, :u, 'owner') ON CONFLICT DO NOTHING`,
      { c: made[0]!.id, u: employer },
    );

  // Postings: five per company, published over the last 30 days, deadlines 2–8 weeks ahead.
  const industries = loadIndustries();
  const postings = made.flatMap((c, ci) =>
    c.jobs.map((job, j) => {
      const text = JOB_TEXTS[job]!;
      const published = new Date(
        now.getTime() - Math.floor(rand() * 30) * DAY - Math.floor(rand() * 86_400) * 1000,
      );
      const step = 250_000;
      const bump = Math.floor(rand() * 4) * step;
      return {
        company: c.id,
        title: j === 1 && c.jobs[0] === job ? `${text.title} (tuyển gấp)` : text.title,
        description: `${c.name}${DEMO_SUFFIX} tuyển ${text.title.toLowerCase()}. ${text.description}`,
        requirements: text.requirements,
        openings: 1 + Math.floor(rand() * (c.headcount > 500 ? 30 : 8)),
        min: text.salary[0] + bump,
        max: text.salary[1] + bump,
        type: ci === 10 && j === 1 ? 'seasonal' : 'full_time',
        shifts: text.shifts,
        industry: c.industry,
        industryName: industries.get(c.industry)?.name ?? '',
        commune: c.commune,
        zone: c.zone,
        benefits: text.benefits,
        deadline: new Date(now.getTime() + (14 + Math.floor(rand() * 42)) * DAY).toISOString().slice(0, 10),
        published: published.toISOString(),
        createdBy: ci === 0 ? employer : null,
      };
    }),
  );
  const postingIds = await q<{ id: string }>(
    `INSERT INTO job_postings (company_id, title, description, requirements, openings, salary_min, salary_max,
       employment_type, shifts, industry, commune_code, zone_code, lat, lng, benefits, deadline, status,
       published_at, created_at, updated_at, demo, created_by, search_text)
     SELECT x.company, x.title, x.description, x.requirements, x.openings, x.min, x.max, x.type,
       ARRAY(SELECT jsonb_array_elements_text(x.shifts)), x.industry, x.commune, x.zone,
       coalesce(z.lat, cm.lat), coalesce(z.lng, cm.lng), ARRAY(SELECT jsonb_array_elements_text(x.benefits)),
       x.deadline, 'published', x.published, x.published, x.published, true, x."createdBy",
       f_unaccent(lower(concat_ws(' ', x.title, c.name, x."industryName", left(x.description, 300))))
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(company uuid, title text, description text,
       requirements text, openings int, min bigint, max bigint, type text, shifts jsonb, industry text,
       "industryName" text, commune text, zone text, benefits jsonb, deadline date, published timestamptz,
       "createdBy" uuid, n bigint)
     JOIN companies c ON c.id = x.company
     LEFT JOIN industrial_zones z ON z.code = x.zone
     LEFT JOIN communes cm ON cm.code = x.commune
     ORDER BY x.n
     RETURNING id`,
    { rows: JSON.stringify(postings.map((p, n) => ({ ...p, n }))) },
  );

  // CVs and applications: the demo citizen and up to three demo feedback citizens.
  const applicants = ['+84905000006', '+84905000101', '+84905000102', '+84905000103']
    .map((p) => users.get(p))
    .filter((u): u is string => Boolean(u));
  let cvs = 0;
  let applications = 0;
  for (const [ui, user] of applicants.entries()) {
    const cv = DEMO_CVS[ui % DEMO_CVS.length]!;
    const [row] = await q<{ id: string }>(
      `INSERT INTO cvs (user_id, title, desired_salary, summary, skills, education, experience, is_default,
         searchable, demo)
       VALUES (:user, :title, :salary, :summary, ARRAY[:skills]::text[], CAST(:education AS jsonb), '[]', true,
         true, true) RETURNING id`,
      {
        user,
        title: cv.title,
        salary: cv.salary,
        summary: cv.summary,
        skills: cv.skills,
        education: JSON.stringify([{ school: 'Trường THPT Buôn Ma Thuột', degree: 'Tốt nghiệp THPT' }]),
      },
    );
    cvs++;
    // Each applicant applies to four postings, in different stages (the demo citizen sees every kind).
    for (let k = 0; k < 4; k++) {
      const posting = postingIds[(ui * 7 + k * 13) % postingIds.length]!.id;
      const stage = STAGES[(ui + k * (ui === 0 ? 1 : 2)) % STAGES.length]!;
      const created = new Date(now.getTime() - (20 - k * 4 - ui) * DAY);
      const path: string[] = STAGES.slice(0, Math.max(1, STAGES.indexOf(stage) + 1)).filter(
        (s) => s !== 'rejected' && s !== 'hired',
      );
      if (stage === 'rejected' || stage === 'hired') path.push(stage);
      const [app] = await q<{ id: string }>(
        `INSERT INTO job_applications (posting_id, user_id, cv_id, message, status, interview_at, interview_place,
           rejection_reason, demo, created_at, updated_at)
         VALUES (:posting, :user, :cv, :message, :stage, :interviewAt, :place, :reason, true, :created, :updated)
         ON CONFLICT (posting_id, user_id) DO NOTHING RETURNING id`,
        {
          posting,
          user,
          cv: row!.id,
          message: 'Em xin ứng tuyển vị trí này, em có thể đi làm ngay.',
          stage,
          interviewAt: stage === 'interview' ? new Date(now.getTime() + 3 * DAY) : null,
          place: stage === 'interview' ? 'Phòng nhân sự, nhà máy' : null,
          reason: stage === 'rejected' ? 'Vị trí đã đủ người, hẹn bạn dịp tuyển sau.' : null,
          created,
          updated: new Date(created.getTime() + (path.length - 1) * DAY),
        },
      );
      if (!app) continue;
      applications++;
      await exec(
        `INSERT INTO application_events (application_id, status, at, actor_id)
         SELECT :app, s.status, :created::timestamptz + (s.n - 1) * interval '1 day',
           CASE WHEN s.n = 1 THEN :user::uuid ELSE :employer::uuid END
         FROM unnest(ARRAY[:path]::text[]) WITH ORDINALITY AS s(status, n)`,
        { app: app.id, created, user, employer, path },
      );
    }
  }

  // Workforce reports: 24 months ending last month.
  const last = addMonths(monthOf(now), -1);
  const reports = made.flatMap((c, ci) =>
    Array.from({ length: DEMO_MONTHS }, (_, k) => {
      const month = addMonths(last, k - (DEMO_MONTHS - 1));
      const mm = Number(month.slice(5, 7));
      const growth = 1 + 0.006 * k + 0.02 * Math.sin((k + ci) / 3);
      const headcount = Math.round(c.headcount * (0.85 + 0.15 * (k / DEMO_MONTHS)) * growth);
      const women = Math.round(headcount * (c.womenShare + (rand() - 0.5) * 0.03));
      const local = Math.round(headcount * (0.72 + rand() * 0.1));
      const other = Math.round((headcount - local) * (0.6 + rand() * 0.3));
      const tet = mm === 2 ? 1.8 : mm === 1 ? 0.6 : 1; // leave before Tết, hire after it
      const open = Math.round(headcount * c.vacancy * (0.8 + rand() * 0.4) * (mm === 2 ? 1.3 : 1));
      return {
        company: c.id,
        month: `${month}-01`,
        headcount,
        women: Math.min(women, headcount),
        local: Math.min(local, headcount),
        other: Math.min(other, headcount),
        hires: Math.round(headcount * (0.03 + rand() * 0.02) * tet),
        separations: Math.round(headcount * (0.025 + rand() * 0.02) * (mm === 1 ? 1.7 : 1)),
        open,
        wage: c.wageBand,
        filed: new Date(
          Math.min(now.getTime(), Date.parse(`${addMonths(month, 1)}-0${1 + (ci % 9)}T02:00:00Z`)),
        ).toISOString(),
      };
    }),
  );
  await exec(
    `INSERT INTO workforce_reports (company_id, month, headcount, women, local_residents, other_provinces, hires,
       separations, open_positions, wage_band, demo, filed_by, filed_at)
     SELECT x.company, x.month, x.headcount, x.women, x.local, x.other, x.hires, x.separations, x.open, x.wage,
       true, NULL, x.filed
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(company uuid, month date, headcount int, women int,
       local int, other int, hires int, separations int, open int, wage text, filed timestamptz)
     ON CONFLICT (company_id, month) DO NOTHING`,
    { rows: JSON.stringify(reports) },
  );
  // Applications and hires through the app in the past months (the rollup the triggers keep for new ones): a
  // share of each month's hires that grows as the app is adopted, so the Workforce page's app figures have a history.
  const appMonths = reports.map((r, i) => {
    const k = i % DEMO_MONTHS; // reports run company by company, oldest month first
    const adoption = 0.15 + 0.45 * (k / (DEMO_MONTHS - 1));
    const hires = Math.round(r.hires * adoption * (0.8 + rand() * 0.4));
    return { company: r.company, month: r.month, hires, applications: hires * 4 + Math.floor(rand() * 6) };
  });
  await exec(
    `INSERT INTO work_app_monthly (company_id, month, applications, hires)
     SELECT x.company, x.month, x.applications, x.hires
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(company uuid, month date, applications int, hires int)
     ON CONFLICT (company_id, month) DO NOTHING`,
    { rows: JSON.stringify(appMonths) },
  );
  return { companies: made.length, postings: postingIds.length, cvs, applications, reports: reports.length };
}
