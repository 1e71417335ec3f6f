#!/usr/bin/env node
// `npm run bench:jobs`: job search and the workforce statistics at province scale.
// Creates its own database (on DATABASE_URL's server when set, else an embedded PostgreSQL), migrates it, loads
// 2,000 verified companies (most in the industrial zones of data/industrial-zones.json), 200,000 postings (90 %
// published; titles and descriptions from a Vietnamese word list; search_text built like the postings service:
// f_unaccent(lower(title, company, industry, description head))), 24 monthly workforce reports per company,
// 20,000 citizens with 100,000 applications (5 % hired) spread over the 24 months, with generate_series. ANALYZEs,
// starts the real API (api/src/main.ts in a child process) and measures p50/p95/p99 per request, sequential and
// concurrent, for GET /api/v1/work/jobs (text + two filters: accented, accent-free and misspelt text) and the
// workforce statistics (GET /api/v1/work/workforce/summary for 12 and 24 months, one zone, drill-down, compare).
// Baseline in the same run: the very SQL the API runs (captured from search.service.ts / workforce.stats.ts), sent
// straight to PostgreSQL with pg. Targets: search p95 < 30 ms, statistics p95 < 200 ms.
// Env: BENCH_POSTINGS (200000), BENCH_COMPANIES (2000), BENCH_REQUESTS (100), BENCH_CONCURRENCY (4),
// BENCH_CASE_SECONDS (20: each phase of a case stops after this, with at least 5 samples), BENCH_KEEP_DB=1.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import { Sequelize } from 'sequelize';
import { apiModules, benchDatabase, benchLogin, quantile, secs, startBenchApi } from './bench-lib.mjs';

const { api, migrate, createSequelize, seedReference, startEmbeddedPostgres, hashPassword } =
  await apiModules();
const { createJobSearch } = await api('modules/work/search.service.ts');
const { JobSearchQuery } = await api('modules/work/search.schemas.ts');
const { loadIndustries } = await api('modules/work/postings.industries.ts');
const { createWorkforceStats } = await api('modules/work/workforce.stats.ts');
const { SummaryQuery, CompareQuery } = await api('modules/work/workforce.schemas.ts');
const { JOB_TEXTS } = await api('modules/work/demo-work.texts.ts');

const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 200_000);
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 2000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const CASE_SECONDS = Number(process.env.BENCH_CASE_SECONDS ?? 20);
const USERS = 20_000;
const APPLICATIONS = Math.min(100_000, POSTINGS);
const SEARCH_TARGET = 30;
const STATS_TARGET = 200;
const PASSWORD = 'BenchDakLak2026';
const log = pino({ level: 'warn' });

let benchDb;
let child;

const QUALIFIERS = [
  '',
  '',
  ' (tuyển gấp)',
  ' ca đêm',
  ' làm việc tại khu công nghiệp',
  ' lương cao',
  ' – không cần kinh nghiệm',
  ' có nhà trọ',
];
const COMPANY_WORDS = [
  'Tây Nguyên',
  'Ban Mê',
  'Hòa Phú',
  'Phú Yên',
  'Sông Cầu',
  'Krông Pắc',
  'Ea Kar',
  'Tuy Hòa',
  'Đông Hòa',
  'Cư Kuin',
];
const COMPANY_KINDS = [
  'May mặc',
  'Chế biến cà phê',
  'Gỗ nội thất',
  'Cơ khí',
  'Thủy sản',
  'Điện tử',
  'Logistics',
  'Nông sản',
  'Bao bì',
  'Năng lượng',
];

async function load(db) {
  const roles = Object.values(JOB_TEXTS);
  const industries = [...loadIndustries().values()];
  const t = performance.now();
  await db.query(`SELECT setseed(0.2026)`);
  await db.query(
    `INSERT INTO users (phone, full_name) SELECT '+8497' || lpad(g::text, 7, '0'), 'Người lao động ' || g
     FROM generate_series(1, $1) g`,
    [USERS],
  );
  // Companies: 80 % in the zones, the rest outside; all verified.
  await db.query(
    `INSERT INTO companies (name, tax_code, address, commune_code, zone_code, industry, size, status, contact_name,
       contact_phone)
     SELECT 'Công ty TNHH ' || k.kinds[1 + g % 10] || ' ' || k.words[1 + (g / 10) % 10] || ' ' || g,
            '77' || lpad(g::text, 8, '0'), 'Lô ' || g, coalesce(z.commune_code, c.codes[1 + g % 102]),
            CASE WHEN g % 5 <> 0 THEN z.code END, ($4::text[])[1 + g % 3],
            (ARRAY['10-49', '50-199', '200-999', '1000+'])[1 + g % 4], 'verified', 'Người liên hệ ' || g,
            '0262' || lpad(g::text, 6, '0')
     FROM generate_series(1, $1) g
     CROSS JOIN (SELECT $2::text[] AS kinds, $3::text[] AS words) k
     CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM communes) c
     LEFT JOIN LATERAL (SELECT code, commune_code FROM industrial_zones ORDER BY code
                        OFFSET g % (SELECT count(*) FROM industrial_zones) LIMIT 1) z ON true`,
    [COMPANIES, COMPANY_KINDS, COMPANY_WORDS, ['C', 'H', 'A']],
  );
  await db.query(
    `CREATE UNLOGGED TABLE bench_companies AS
       SELECT row_number() OVER (ORDER BY tax_code)::int AS n, id, name, commune_code, zone_code, industry FROM companies;
     CREATE UNIQUE INDEX ON bench_companies (n); ANALYZE bench_companies`,
  );
  const { rows: indexes } = await db.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename IN ('job_postings', 'job_applications', 'application_events', 'workforce_reports')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const i of indexes) await db.query(`DROP INDEX ${i.indexname}`);
  const industryNames = new Map(industries.map((i) => [i.code, i.name]));
  await db.query(
    `INSERT INTO job_postings (company_id, title, description, requirements, openings, salary_min, salary_max,
       salary_negotiable, employment_type, shifts, industry, commune_code, zone_code, status, published_at, deadline,
       created_at, updated_at, search_text)
     SELECT c.id, x.title, x.description, 'Sức khỏe tốt', 1 + (g % 20), x.smin, x.smin + 3000000, false,
            (ARRAY['full_time', 'full_time', 'full_time', 'part_time', 'seasonal', 'contract', 'internship'])[1 + g % 7],
            '{day}', c.industry, c.commune_code, c.zone_code,
            CASE WHEN x.r < 0.9 THEN 'published' WHEN x.r < 0.95 THEN 'closed' ELSE 'expired' END,
            x.published, (x.published + interval '60 days')::date, x.published, x.published,
            f_unaccent(lower(concat_ws(' ', x.title, c.name, k.inames[array_position(k.icodes, c.industry)],
              left(x.description, 300))))
     FROM (
       SELECT g, r, now() - random() * interval '45 days' AS published,
              k.titles[1 + ti] || k.quals[1 + (g / 7) % array_length(k.quals, 1)] AS title,
              k.descs[1 + ti] AS description, (k.smins[1 + ti] + (g % 8) * 250000)::bigint AS smin,
              1 + floor(random() * $2)::int AS cn
       FROM (SELECT g, random() AS r, floor(random() * $3)::int AS ti FROM generate_series(1, $1) g) s
       CROSS JOIN (SELECT $4::text[] AS titles, $5::text[] AS descs, $6::bigint[] AS smins, $7::text[] AS quals) k
     ) x
     JOIN bench_companies c ON c.n = x.cn
     CROSS JOIN (SELECT $8::text[] AS inames, $9::text[] AS icodes) k`,
    [
      POSTINGS,
      COMPANIES,
      roles.length,
      roles.map((r) => r.title),
      roles.map((r) => r.description),
      roles.map((r) => r.salary[0]),
      QUALIFIERS,
      ['C', 'H', 'A'].map((c) => industryNames.get(c) ?? ''),
      ['C', 'H', 'A'],
    ],
  );
  console.log(
    `  ${COMPANIES.toLocaleString('en')} companies, ${POSTINGS.toLocaleString('en')} postings in ${secs(t)}`,
  );
  const tr = performance.now();
  // 24 months ending last month (Vietnam time), with slow growth and noise.
  await db.query(
    `INSERT INTO workforce_reports (company_id, month, headcount, women, local_residents, other_provinces, hires,
       separations, open_positions, wage_band)
     SELECT c.id, m.month, h, (h * 0.5)::int, (h * 0.75)::int, (h * 0.2)::int, (h * (0.02 + random() * 0.03))::int,
            (h * (0.02 + random() * 0.03))::int, (h * (0.05 + random() * 0.15))::int, '5to8'
     FROM bench_companies c
     CROSS JOIN (SELECT (date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - k * interval '1 month')::date AS month,
                        k FROM generate_series(1, 24) k) m
     CROSS JOIN LATERAL (SELECT (20 + (c.n * 37) % 900) * (1 + (24 - m.k) * 0.005) + random() * 5 AS hh) x
     CROSS JOIN LATERAL (SELECT x.hh::int AS h) y`,
  );
  // Applications: posting g (distinct) by a random citizen, over the 24 months; 5 % hired a week later.
  await db.query(
    `CREATE UNLOGGED TABLE bench_users AS SELECT row_number() OVER (ORDER BY phone)::int AS n, id FROM users
       WHERE phone LIKE '+8497%';
     CREATE UNIQUE INDEX ON bench_users (n);
     INSERT INTO job_applications (posting_id, user_id, status, created_at, updated_at)
     SELECT p.id, u.id, CASE WHEN p.rn % 20 = 0 THEN 'hired' ELSE 'submitted' END, p.at, p.at
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn, now() - random() * interval '720 days' AS at
           FROM job_postings LIMIT ${APPLICATIONS}) p
     JOIN bench_users u ON u.n = 1 + (p.rn % ${USERS});
     INSERT INTO application_events (application_id, status, at)
     SELECT id, 'submitted', created_at FROM job_applications;
     INSERT INTO application_events (application_id, status, at)
     SELECT id, 'hired', created_at + interval '7 days' FROM job_applications WHERE status = 'hired';
     DROP TABLE bench_users; DROP TABLE bench_companies`,
  );
  console.log(
    `  ${(COMPANIES * 24).toLocaleString('en')} reports, ${APPLICATIONS.toLocaleString('en')} applications in ${secs(tr)}`,
  );
  const ti = performance.now();
  for (const i of indexes) await db.query(i.indexdef);
  await db.query(
    'VACUUM ANALYZE job_postings, companies, workforce_reports, job_applications, application_events',
  );
  console.log(`  ${indexes.length} secondary indexes rebuilt and analysed in ${secs(ti)}`);
}

async function account(db) {
  const hash = await hashPassword(PASSWORD);
  const { rows } = await db.query(
    `INSERT INTO users (phone, full_name, password_hash) VALUES ('+84960000001', 'Điều hành viên (bench)', $1)
     RETURNING id`,
    [hash],
  );
  await db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'citizen'), ($1, 'ioc_operator')`, [
    rows[0].id,
  ]);
}

/**
 * Latencies of `n` runs of fn, one at a time, and of 2n runs by `c` concurrent workers; each phase stops early
 * after CASE_SECONDS (at least 5 samples), so a slow case cannot hold the run for an hour.
 */
async function measure(fn, n, c) {
  await fn();
  const seq = [];
  let stop = performance.now() + CASE_SECONDS * 1000;
  for (let i = 0; i < n && (i < 5 || performance.now() < stop); i++) {
    const t = performance.now();
    await fn();
    seq.push(performance.now() - t);
  }
  const conc = [];
  let left = 2 * n;
  const t0 = performance.now();
  stop = t0 + CASE_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (left-- > 0 && (conc.length < 5 || performance.now() < stop)) {
        const t = performance.now();
        await fn();
        conc.push(performance.now() - t);
      }
    }),
  );
  return { seq, conc, rps: (conc.length / (performance.now() - t0)) * 1000 };
}

async function main() {
  const t0 = performance.now();
  console.log(
    `bench:jobs — ${POSTINGS.toLocaleString('en')} postings, ${COMPANIES.toLocaleString('en')} companies × 24 months`,
  );
  benchDb = await benchDatabase('jobs', { startEmbeddedPostgres, log });
  const url = benchDb.url;
  const sequelize = createSequelize(url);
  await migrate(sequelize);
  await seedReference(sequelize, log);
  await sequelize.close();
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  db.on('error', () => {}); // the database is dropped (FORCE) at the end even after a failure
  await load(db);
  await account(db);
  const { rows: zones } = await db.query(
    `SELECT zone_code FROM companies WHERE zone_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`,
  );
  const { rows: communes } = await db.query(
    `SELECT commune_code FROM job_postings WHERE status = 'published' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  await db.end();
  const [za, zb] = zones.map((z) => z.zone_code);
  const commune = communes[0].commune_code;

  const started = await startBenchApi({ url, dataDir: benchDb.tmp });
  child = started.child;
  const { base } = started;
  const headers = await benchLogin(base, '0960000001', PASSWORD);
  const to = addMonthsStr(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7), -1);
  const cases = [
    [
      'search',
      '"công nhân may" + zone + full time',
      `q=${encodeURIComponent('công nhân may')}&zone=${za}&type=full_time`,
    ],
    [
      'search',
      '"cong nhan may" (no accents) + commune + salary',
      `q=cong%20nhan%20may&commune=${commune}&salaryMin=8000000`,
    ],
    [
      'search',
      '"kỹ thuật viên điện" + industry + type',
      `q=${encodeURIComponent('kỹ thuật viên điện')}&industry=C&type=full_time`,
    ],
    [
      'search',
      '"nhan vien khoo" (typo) + zone + salary',
      `q=nhan%20vien%20khoo&zone=${zb}&salaryMin=7000000`,
    ],
    ['search', '"lai xe nang" + industry + zone', `q=lai%20xe%20nang&industry=H&zone=${za}`],
    ['stats', 'summary, last 12 months, all zones', ''],
    ['stats', 'summary, 24 months, all zones', `from=${addMonthsStr(to, -23)}&to=${to}`],
    ['stats', 'summary, 24 months, one zone', `from=${addMonthsStr(to, -23)}&to=${to}&zone=${za}`],
    ['stats', 'compare two zones, 24 months', `a=${za}&b=${zb}&from=${addMonthsStr(to, -23)}&to=${to}`],
    ['stats', 'zone drill-down: companies of one zone, one month', `month=${to}`],
  ];
  // Statistics first: they are quick, and a slow search case then cannot hide their figures.
  cases.sort((x, y) => (x[0] === y[0] ? 0 : x[0] === 'stats' ? -1 : 1));

  const captured = [];
  const capture = new Sequelize(url, {
    dialect: 'postgres',
    dialectModule: pg,
    logging: (sql) => captured.push(sql.replace(/^Executing \([^)]*\): /, '')),
  });
  const search = createJobSearch({ sequelize: capture, industries: loadIndustries() });
  const stats = createWorkforceStats({ sequelize: capture, vacancyAlert: 0.15 });
  const pool = new pg.Pool({ connectionString: url, max: 2 * CONCURRENCY + 2 });
  const rows = [];
  const loadBefore = os.loadavg();
  for (const [kind, name, qs] of cases) {
    captured.length = 0;
    const params = Object.fromEntries(new URLSearchParams(qs));
    const compare = name.startsWith('compare');
    const drill = name.startsWith('zone drill-down');
    let count;
    if (kind === 'search') count = (await search.search(JobSearchQuery.parse(params))).items.length;
    else if (compare) await stats.compare(CompareQuery.parse(params));
    else if (drill) count = (await stats.zoneCompanies(za, params.month)).items.length;
    else count = (await stats.summary(SummaryQuery.parse(params))).zones.length;
    const sqls = [...captured];
    const p =
      kind === 'search'
        ? `/api/v1/work/jobs?${qs}`
        : drill
          ? `/api/v1/work/workforce/zones/${za}/companies?${qs}`
          : `/api/v1/work/workforce/${compare ? 'compare' : 'summary'}?${qs}`;
    const check = await fetch(base + p, { headers });
    const body = await check.json();
    if (!check.ok) throw new Error(`${name}: ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
    const a = await measure(
      () => fetch(base + p, { headers }).then((r) => r.arrayBuffer()),
      REQUESTS,
      CONCURRENCY,
    );
    // The statistics run their queries in parallel (Promise.all), and so does the baseline.
    const b = await measure(() => Promise.all(sqls.map((q) => pool.query(q))), REQUESTS, CONCURRENCY);
    rows.push({ kind, name, a, b, count: kind === 'search' ? body.items.length : (count ?? '') });
    process.stdout.write('.');
  }
  await capture.close();
  await pool.end();
  report(rows, performance.now() - t0, loadBefore);
}

function addMonthsStr(month, n) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

function report(rows, elapsed, load) {
  const f = (x) => x.toFixed(1).padStart(6);
  console.log(
    `\n\nbench:jobs — ${POSTINGS.toLocaleString('en')} postings, ${COMPANIES.toLocaleString('en')} companies × 24 monthly reports, ${APPLICATIONS.toLocaleString('en')} applications; per case up to ${REQUESTS} requests one at a time, then up to ${2 * REQUESTS} from ${CONCURRENCY} concurrent clients (each phase stops after ${CASE_SECONDS} s, at least 5); times in ms`,
  );
  console.log(
    `${os.cpus().length} cores, Node ${process.version}; load average ${load.map((x) => x.toFixed(1)).join(' ')} before measuring, ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} after`,
  );
  console.log(
    `\n${'case'.padEnd(56)}|  API p50    p95    p99 | base p95  ratio | target    |  ${CONCURRENCY} clients: API p95  base p95  API req/s | rows`,
  );
  let ok = true;
  for (const r of rows) {
    const { a, b } = r;
    const target = r.kind === 'search' ? SEARCH_TARGET : STATS_TARGET;
    const p95 = quantile(a.seq, 0.95);
    const pass = p95 < target;
    ok &&= pass;
    console.log(
      `${`${r.kind.padEnd(6)} ${r.name}`.padEnd(56)}| ${f(quantile(a.seq, 0.5))} ${f(p95)} ${f(quantile(a.seq, 0.99))} |   ${f(quantile(b.seq, 0.95))} ${(p95 / quantile(b.seq, 0.95)).toFixed(2).padStart(5)} | <${String(target).padEnd(3)} ${pass ? 'PASS' : 'FAIL'} |             ${f(quantile(a.conc, 0.95))}    ${f(quantile(b.conc, 0.95))}  ${a.rps.toFixed(0).padStart(9)} | ${r.count}`,
    );
  }
  console.log(
    `\nbaseline: the same SQL sent with pg (no HTTP); ratio = API p95 / baseline p95; rows: results on the page / zones / companies`,
  );
  console.log(
    `targets: search p95 < ${SEARCH_TARGET} ms, statistics p95 < ${STATS_TARGET} ms: ${ok ? 'met' : 'NOT met'}  (whole run ${(elapsed / 1000).toFixed(0)} s)`,
  );
  if (!ok) process.exitCode = 1;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await benchDb?.drop();
    process.exit(process.exitCode ?? 0);
  });
