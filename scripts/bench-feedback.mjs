#!/usr/bin/env node
// `npm run bench:feedback`: the console's feedback queue and the citizen's "my reports" with 1,000,000 reports.
// Creates its own database (on DATABASE_URL's server when set, else an embedded PostgreSQL), migrates it, loads
// 1,000,000 reports from 50,000 citizens with generate_series (categories, communes, states, deadlines and
// dates spread over three years), ANALYZEs, starts the real API (api/src/main.ts in a child process) and measures
// p50/p95/p99 per request, sequential and concurrent, for realistic filter + sort + page combinations as a triage
// operator and as a department officer, and for a heavy user's first and a later keyset page of "my reports".
// Baseline in the same run: the very SQL the API runs (captured from queue.ts / feedback.service.ts), sent
// straight to PostgreSQL with pg. Target: API p95 < 50 ms for each.
// Env: BENCH_REPORTS (default 1000000), BENCH_USERS (50000), BENCH_REQUESTS (sequential requests per case, 100),
// BENCH_CONCURRENCY (4), BENCH_KEEP_DB=1 keeps the database for a look afterwards.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import { Sequelize } from 'sequelize';
import { apiModules, benchDatabase, benchLogin, quantile, secs, startBenchApi } from './bench-lib.mjs';

const { api, migrate, createSequelize, seedReference, startEmbeddedPostgres, hashPassword } =
  await apiModules();
const { permissionsOf } = await api('platform/auth/permissions.ts');
const { createFeedbackQueue } = await api('modules/feedback/queue.ts');
const { createFeedbackService } = await api('modules/feedback/feedback.service.ts');
const { QueueQuerySchema, MineQuery } = await api('modules/feedback/feedback.schemas.ts');
const { loadCategories } = await api('modules/feedback/categories.ts');
const { DEMO_TEXTS } = await api('modules/feedback/demo-texts.ts');

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TARGET_MS = 50;
const HEAVY_REPORTS = 3000; // the heavy user's reports
const PASSWORD = 'BenchDakLak2026';
const log = pino({ level: 'warn' });

let benchDb;
let child;

/** 1,000,000 reports in one INSERT … SELECT generate_series; the secondary indexes are built after the load. */
async function load(db) {
  const { categories } = loadCategories();
  // Six titles per category (cycled), flattened: title k of category c is at (c - 1) * 6 + k.
  const texts = categories.flatMap((c) => {
    const items = (DEMO_TEXTS[c.code] ?? DEMO_TEXTS.other).items;
    return Array.from({ length: 6 }, (_, k) => items[k % items.length]);
  });
  const t = performance.now();
  await db.query(`SELECT setseed(0.2026)`);
  // Citizens: +8497xxxxxxx; user 1 is the heavy user (HEAVY_REPORTS reports), the others share the rest.
  await db.query(
    `INSERT INTO users (phone, full_name, created_at)
     SELECT '+8497' || lpad(g::text, 7, '0'), 'Công dân ' || g, now() - interval '4 years' FROM generate_series(1, $1) g`,
    [USERS],
  );
  await db.query(
    `CREATE UNLOGGED TABLE bench_users AS
       SELECT row_number() OVER (ORDER BY phone)::int AS n, id FROM users WHERE phone LIKE '+8497%';
     CREATE UNIQUE INDEX ON bench_users (n); ANALYZE bench_users`,
  );
  // Secondary indexes (from migrations) go during the load and come back as they were defined.
  const { rows: indexes } = await db.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename = 'feedback_reports' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const i of indexes) await db.query(`DROP INDEX ${i.indexname}`);
  await db.query(
    `INSERT INTO feedback_reports (user_id, category, title, description, lat, lng, commune_code, address, status,
       department, due_at, accepted_at, resolved_at, answer, rejection_reason, created_at, updated_at)
     SELECT u.id, k.cats[ci], k.titles[(ci - 1) * 6 + ti], k.descs[(ci - 1) * 6 + ti],
            CASE WHEN rp < 0.8 THEN c.lats[co] + (r3 - 0.5) * 0.02 END,
            CASE WHEN rp < 0.8 THEN c.lngs[co] + (r4 - 0.5) * 0.02 END,
            c.codes[co], CASE WHEN rp >= 0.8 THEN 'Thôn ' || (1 + g % 12) END, st,
            CASE WHEN acc THEN k.depts[ci] END,
            CASE WHEN acc THEN created + interval '12 hours' + k.days[ci] * interval '1.4 days' END,
            CASE WHEN acc THEN created + interval '12 hours' END,
            CASE WHEN st = 'resolved' THEN created + (0.5 + r4 * k.days[ci] * 1.8) * interval '1 day' END,
            CASE WHEN st = 'resolved' THEN 'Đơn vị đã xử lý xong và thông báo cho người dân.' END,
            CASE WHEN st = 'rejected' THEN 'Không thuộc thẩm quyền giải quyết.' END,
            created, created
     FROM (
       SELECT *, st NOT IN ('submitted', 'duplicate') AND NOT (st = 'rejected' AND r3 < 0.5) AS acc,
              now() - CASE WHEN st = 'submitted' THEN r1 * 3
                           WHEN st IN ('accepted', 'assigned', 'in_progress') THEN r1 * 30
                           ELSE 3 + r1 * 1100 END * interval '1 day' AS created
       FROM (
         SELECT g, random() AS r1, random() AS r3, random() AS r4, random() AS rp,
                1 + floor(random() * $2)::int AS ci, 1 + floor(random() * 6)::int AS ti,
                CASE WHEN random() < 0.5 THEN 1 + floor(random() * 14)::int ELSE 1 + floor(random() * 102)::int END AS co,
                CASE WHEN r2 < 0.03 THEN 'submitted' WHEN r2 < 0.05 THEN 'accepted' WHEN r2 < 0.10 THEN 'assigned'
                     WHEN r2 < 0.18 THEN 'in_progress' WHEN r2 < 0.88 THEN 'resolved' WHEN r2 < 0.95 THEN 'rejected'
                     ELSE 'duplicate' END AS st
         FROM (SELECT g, random() AS r2 FROM generate_series(1, $1) g) x
       ) y
     ) z
     CROSS JOIN (SELECT array_agg(code ORDER BY type DESC, code) AS codes, array_agg(lat ORDER BY type DESC, code) AS lats,
                        array_agg(lng ORDER BY type DESC, code) AS lngs FROM communes) c
     CROSS JOIN (SELECT $3::text[] AS cats, $4::text[] AS depts, $5::int[] AS days, $6::text[] AS titles,
                        $7::text[] AS descs) k
     JOIN bench_users u ON u.n = CASE WHEN g <= ${HEAVY_REPORTS} THEN 1 ELSE 2 + g % ($8 - 1) END`,
    [
      REPORTS,
      categories.length,
      categories.map((c) => c.code),
      categories.map((c) => c.department),
      categories.map((c) => c.deadlineDays),
      texts.map((x) => x.title),
      texts.map((x) => x.description.replace('{place}', 'địa bàn')),
      USERS,
    ],
  );
  console.log(`  ${REPORTS.toLocaleString('en')} reports inserted in ${secs(t)}`);
  const ti = performance.now();
  for (const i of indexes) await db.query(i.indexdef);
  await db.query('DROP TABLE bench_users');
  await db.query('VACUUM ANALYZE feedback_reports');
  await db.query('ANALYZE users');
  console.log(`  ${indexes.length} secondary indexes rebuilt and analysed in ${secs(ti)}`);
}

/** Three accounts that sign in: a triage operator, an officer of the Department of Construction, the heavy user. */
async function accounts(db) {
  const hash = await hashPassword(PASSWORD);
  const { rows } = await db.query(
    `WITH s AS (
       INSERT INTO users (phone, full_name, password_hash) VALUES
         ('+84960000001', 'Điều hành viên (bench)', $1), ('+84960000002', 'Cán bộ Sở Xây dựng (bench)', $1)
       RETURNING id, phone)
     SELECT id, phone FROM s`,
    [hash],
  );
  const op = rows.find((r) => r.phone === '+84960000001').id;
  const officer = rows.find((r) => r.phone === '+84960000002').id;
  await db.query(
    `INSERT INTO user_roles (user_id, role) VALUES ($1, 'citizen'), ($1, 'ioc_operator'), ($2, 'citizen'), ($2, 'officer');
     INSERT INTO officer_departments (user_id, department) VALUES ($2, 'sxd')`
      .replace(/\$1/g, `'${op}'`)
      .replace(/\$2/g, `'${officer}'`),
  );
  const heavy = (
    await db.query(`UPDATE users SET password_hash = $1 WHERE phone = '+84970000001' RETURNING id`, [hash])
  ).rows[0].id;
  await db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'citizen')`, [heavy]);
  const auth = (userId, roles) => ({
    userId,
    roles,
    permissions: new Set(permissionsOf(roles)),
    sessionId: 'bench',
  });
  return {
    op: { phone: '0960000001', auth: auth(op, ['citizen', 'ioc_operator']) },
    officer: { phone: '0960000002', auth: auth(officer, ['citizen', 'officer']) },
    heavy: { phone: '0970000001', auth: auth(heavy, ['citizen']) },
  };
}

/** Latencies of `n` runs of fn, one at a time, and of 2n runs by `c` concurrent workers. */
async function measure(fn, n, c) {
  for (let i = 0; i < 5; i++) await fn();
  const seq = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    seq.push(performance.now() - t);
  }
  const conc = [];
  let left = 2 * n;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (left-- > 0) {
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
    `bench:feedback — ${REPORTS.toLocaleString('en')} reports, ${USERS.toLocaleString('en')} users`,
  );
  benchDb = await benchDatabase('fb', { startEmbeddedPostgres, log });
  const url = benchDb.url;
  const sequelize = createSequelize(url);
  await migrate(sequelize);
  await seedReference(sequelize, log);
  await sequelize.close();
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await load(db);
  const who = await accounts(db);
  const { rows: top } = await db.query(
    `SELECT commune_code FROM feedback_reports WHERE category = 'traffic' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const commune = top[0].commune_code;
  await db.end();

  const started = await startBenchApi({ url, dataDir: benchDb.tmp });
  child = started.child;
  const { base } = started;
  const headers = {
    op: await benchLogin(base, who.op.phone, PASSWORD),
    officer: await benchLogin(base, who.officer.phone, PASSWORD),
    heavy: await benchLogin(base, who.heavy.phone, PASSWORD),
  };
  // A later keyset page of "my reports": follow nextCursor the way the app does.
  let cursor;
  for (let i = 0; i < 19; i++) {
    const page = await fetch(`${base}/api/v1/feedback/mine?limit=20${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: headers.heavy,
    }).then((r) => r.json());
    cursor = page.nextCursor;
  }

  const cases = [
    ['triage  open, by due date, page 1', 'op', 'status=accepted,assigned,in_progress&sort=dueAt'],
    ['triage  open, by due date, page 50', 'op', 'status=accepted,assigned,in_progress&sort=dueAt&page=50'],
    ['triage  new (submitted), newest first', 'op', 'status=submitted'],
    ['triage  everything, newest first', 'op', ''],
    ['triage  category + commune', 'op', `category=traffic&commune=${commune}`],
    ['triage  overdue, by due date', 'op', 'overdue=true&sort=dueAt'],
    ['triage  text "o ga" (accent-free)', 'op', 'q=o%20ga'],
    [
      'triage  text + status + 90 days',
      'op',
      `q=karaoke&status=resolved&from=${new Date(Date.now() - 90 * 86400_000).toISOString()}`,
    ],
    ['officer department, newest first', 'officer', ''],
    ['officer in progress by due, page 10', 'officer', 'status=assigned,in_progress&sort=dueAt&page=10'],
    ['officer overdue, by due date', 'officer', 'overdue=true&sort=dueAt'],
    ['citizen my reports, page 1', 'heavy', 'mine:'],
    ['citizen my reports, page 20 (keyset)', 'heavy', `mine:cursor=${cursor}`],
  ];

  // The baseline: the same SQL, captured from the API's own code, sent with pg (no HTTP, no Express).
  const captured = [];
  const capture = new Sequelize(url, {
    dialect: 'postgres',
    dialectModule: pg,
    logging: (sql) => captured.push(sql.replace(/^Executing \([^)]*\): /, '')),
  });
  const queue = createFeedbackQueue(capture);
  const service = createFeedbackService({ sequelize: capture, config: {}, reference: {} });
  const pool = new pg.Pool({ connectionString: url, max: 2 * CONCURRENCY + 2 });
  const rows = [];
  const loadBefore = os.loadavg();
  for (const [name, role, qs] of cases) {
    captured.length = 0;
    const mine = qs.startsWith('mine:');
    const params = Object.fromEntries(new URLSearchParams(mine ? qs.slice(5) : qs));
    const apiResult = mine
      ? await service.mine(who[role].auth.userId, MineQuery.parse(params))
      : await queue(QueueQuerySchema.parse(params), who[role].auth);
    const sqls = [...captured];
    const path_ = mine ? `/api/v1/feedback/mine?${qs.slice(5)}` : `/api/v1/feedback/queue?${qs}`;
    const check = await fetch(base + path_, { headers: headers[role] });
    const body = await check.json();
    if (!check.ok || body.items.length !== apiResult.items.length)
      throw new Error(`${name}: ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
    const a = await measure(
      () => fetch(base + path_, { headers: headers[role] }).then((r) => r.arrayBuffer()),
      REQUESTS,
      CONCURRENCY,
    );
    const b = await measure(() => Promise.all(sqls.map((q) => pool.query(q))), REQUESTS, CONCURRENCY);
    rows.push({ name, a, b, items: body.items.length, total: body.total, capped: body.totalCapped });
    process.stdout.write('.');
  }
  await capture.close();
  await pool.end();
  report(rows, performance.now() - t0, loadBefore);
}

function report(rows, elapsed, load) {
  const f = (x) => x.toFixed(1).padStart(6);
  const total = (r) => (r.total === undefined ? '' : `${r.total}${r.capped ? '+' : ''}`);
  console.log(
    `\n\nbench:feedback — ${REPORTS.toLocaleString('en')} reports; per case ${REQUESTS} requests one at a time, then ${2 * REQUESTS} from ${CONCURRENCY} concurrent clients; times in ms`,
  );
  console.log(
    `${os.cpus().length} cores, Node ${process.version}; load average ${load.map((x) => x.toFixed(1)).join(' ')} before measuring, ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} after`,
  );
  console.log(
    `\n${'case'.padEnd(38)}|  API p50    p95    p99 | base p95  ratio | p95 < ${TARGET_MS} |  ${CONCURRENCY} clients: API p95  base p95  API req/s | total`,
  );
  let ok = true;
  for (const r of rows) {
    const { name, a, b } = r;
    const p95 = quantile(a.seq, 0.95);
    const pass = p95 < TARGET_MS;
    ok &&= pass;
    console.log(
      `${name.padEnd(38)}| ${f(quantile(a.seq, 0.5))} ${f(p95)} ${f(quantile(a.seq, 0.99))} |   ${f(quantile(b.seq, 0.95))} ${(p95 / quantile(b.seq, 0.95)).toFixed(2).padStart(5)} |   ${pass ? 'PASS' : 'FAIL'}   |             ${f(quantile(a.conc, 0.95))}    ${f(quantile(b.conc, 0.95))}  ${a.rps.toFixed(0).padStart(9)} | ${total(r)}`,
    );
  }
  console.log(
    `\nbaseline: the same SQL sent with pg (no HTTP); ratio = API p95 / baseline p95; total: "+" = more than counted (capped)`,
  );
  console.log(
    `target: API p95 < ${TARGET_MS} ms per request for every case: ${ok ? 'met' : 'NOT met'}  (whole run ${(elapsed / 1000).toFixed(0)} s)`,
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
