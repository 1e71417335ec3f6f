import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pino } from 'pino';
import { QueryTypes } from 'sequelize';
import { startTestApi, bearer, type TestApi } from '../../../test/helpers.ts';
import { seedDemo, DEMO_PASSWORD } from '../../seed.ts';
import { loadCategories } from './categories.ts';
import { addWorkingDays, loadHolidays } from './working-days.ts';
import { personalDataIn } from './publication.redact.ts';

// The demo feedback step of `npm start` on a real database: counts, deadlines, timelines, idempotence, and
// what the demo accounts then see through the API.
let api: TestApi;
let seconds = 0;
const log = pino({ level: 'silent' });
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000' });
  const started = performance.now();
  await seedDemo(api.sequelize, api.services, log);
  seconds = (performance.now() - started) / 1000;
});
afterAll(() => api.close());

const select = <T extends object>(sql: string) => api.sequelize.query<T>(sql, { type: QueryTypes.SELECT });
const login = async (phone: string) =>
  (await api.request('POST', '/api/v1/auth/login', { phone, password: DEMO_PASSWORD })).body
    .accessToken as string;

describe('demo feedback', () => {
  it('has a few hundred reports in every state, category and many communes', async () => {
    const byStatus = Object.fromEntries(
      (
        await select<{ status: string; n: string }>(
          'SELECT status, count(*) AS n FROM feedback_reports GROUP BY status',
        )
      ).map((r) => [r.status, Number(r.n)]),
    );
    for (const s of ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'rejected', 'duplicate'])
      expect(byStatus[s], s).toBeGreaterThan(5);
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBe(300);
    const [spread] = await select<{ categories: string; communes: string; users: string; days: number }>(
      `SELECT count(DISTINCT category) AS categories, count(DISTINCT commune_code) AS communes,
              count(DISTINCT user_id) AS users, extract(epoch FROM max(created_at) - min(created_at)) / 86400 AS days
       FROM feedback_reports`,
    );
    expect(Number(spread?.categories)).toBe(8);
    expect(Number(spread?.communes)).toBeGreaterThan(60);
    expect(Number(spread?.users)).toBeGreaterThanOrEqual(8);
    expect(Number(spread?.days)).toBeGreaterThan(60);
    expect(seconds).toBeLessThan(3);
  });

  it('publishes most resolved reports with masked text, and Open311 lists them', async () => {
    const published = await select<{ public_title: string; public_description: string; status: string }>(
      'SELECT public_title, public_description, status FROM feedback_reports WHERE published',
    );
    expect(published.length).toBeGreaterThan(5);
    for (const p of published) {
      expect(p.status).toBe('resolved');
      expect(personalDataIn(`${p.public_title} ${p.public_description}`)).toEqual([]);
    }
    const res = await fetch(`${api.url}/open311/v2/requests.json?status=closed`);
    expect(res.status).toBe(200);
    const listed = (await res.json()) as Array<{ service_request_id: string }>;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(published.length);
  });

  it('has 10–15 % overdue reports and working-day deadlines from acceptance', async () => {
    const [o] = await select<{ n: string }>(
      `SELECT count(*) AS n FROM feedback_reports
       WHERE due_at < now() AND status IN ('accepted', 'assigned', 'in_progress')`,
    );
    expect(Number(o?.n)).toBeGreaterThanOrEqual(25);
    expect(Number(o?.n)).toBeLessThanOrEqual(50);
    const { byCode } = loadCategories();
    const holidays = loadHolidays();
    const rows = await select<{
      category: string;
      accepted_at: Date | null;
      due_at: Date | null;
      status: string;
    }>('SELECT category, accepted_at, due_at, status FROM feedback_reports');
    for (const r of rows) {
      expect(r.accepted_at === null, r.status).toBe(r.due_at === null);
      if (['accepted', 'assigned', 'in_progress', 'resolved'].includes(r.status))
        expect(r.accepted_at).not.toBeNull();
      if (r.accepted_at)
        expect(new Date(r.due_at as Date).toISOString()).toBe(
          addWorkingDays(
            new Date(r.accepted_at),
            byCode.get(r.category)?.deadlineDays ?? 0,
            holidays,
          ).toISOString(),
        );
    }
  });

  it('has consistent timelines and the fields each state needs', async () => {
    const bad = await select<{ id: string; status: string; why: string }>(`
      WITH ev AS (
        SELECT report_id, array_agg(status ORDER BY id) AS statuses, bool_and(at <= now()) AS past,
               min(at) AS first_at, max(at) AS last_at,
               (array_agg(status ORDER BY id) FILTER (WHERE NOT internal))[1] AS first_status,
               (array_agg(status ORDER BY id DESC) FILTER (WHERE NOT internal))[1] AS last_status,
               bool_and(ordered) AS ordered
        FROM (SELECT *, at >= coalesce(lag(at) OVER (PARTITION BY report_id ORDER BY id), at) AS ordered
              FROM feedback_events) e
        GROUP BY report_id)
      SELECT r.id, r.status,
        CASE WHEN ev.report_id IS NULL THEN 'no events'
             WHEN ev.first_status <> 'submitted' THEN 'first event is not submitted'
             WHEN ev.last_status <> r.status THEN 'last event is not the status'
             WHEN NOT ev.ordered OR NOT ev.past THEN 'events out of order or in the future'
             WHEN ev.first_at <> r.created_at THEN 'first event not at creation'
             WHEN r.status = 'resolved' AND (r.answer IS NULL OR r.resolved_at IS NULL) THEN 'resolved without answer'
             WHEN r.status = 'rejected' AND r.rejection_reason IS NULL THEN 'rejected without reason'
             WHEN r.status = 'duplicate' AND d.id IS NULL THEN 'duplicate without original'
             WHEN r.status IN ('assigned', 'in_progress', 'resolved') AND r.department IS NULL THEN 'no department'
             WHEN r.rating IS NOT NULL AND r.status <> 'resolved' THEN 'rated but not resolved'
        END AS why
      FROM feedback_reports r LEFT JOIN ev ON ev.report_id = r.id LEFT JOIN feedback_reports d ON d.id = r.duplicate_of
    `);
    expect(bad.filter((b) => b.why)).toEqual([]);
    const [counts] = await select<{ rated: string; photos: string; results: string; internal: string }>(
      `SELECT (SELECT count(*) FROM feedback_reports WHERE rating IS NOT NULL) AS rated,
              (SELECT count(DISTINCT report_id) FROM feedback_photos WHERE kind = 'report') AS photos,
              (SELECT count(*) FROM feedback_photos WHERE kind = 'result') AS results,
              (SELECT count(*) FROM feedback_events WHERE internal) AS internal`,
    );
    expect(Number(counts?.rated)).toBeGreaterThan(30);
    expect(Number(counts?.photos)).toBeGreaterThan(30);
    expect(Number(counts?.results)).toBeGreaterThan(20);
    expect(Number(counts?.internal)).toBeGreaterThan(5);
  });

  it('gives every demo account the citizen role, as registration does, and department staff the officer role', async () => {
    const withoutCitizen = await select<{ phone: string }>(
      `SELECT u.phone FROM users u
       WHERE NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'citizen')`,
    );
    expect(withoutCitizen).toEqual([]);
    const officers = await select<{ n: string }>(
      `SELECT count(*) AS n FROM officer_departments d
       WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = d.user_id AND r.role = 'officer')`,
    );
    expect(Number(officers[0]?.n)).toBeGreaterThan(3);
  });

  it('runs once: a second start adds nothing', async () => {
    const count = async () =>
      (await select<{ n: string }>('SELECT count(*) AS n FROM feedback_reports'))[0]?.n;
    const before = await count();
    await seedDemo(api.sequelize, api.services, log);
    expect(await count()).toBe(before);
  });

  it('shows the demo citizen their own reports and photos, and the staff a real queue', async () => {
    const citizen = await login('0905000006');
    const mine = await api.request('GET', '/api/v1/feedback/mine?limit=20', undefined, bearer(citizen));
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(5);
    const statuses = (mine.body.items as Array<{ status: string }>).map((i) => i.status).sort();
    expect(statuses).toEqual(['in_progress', 'rejected', 'resolved', 'resolved', 'submitted']);
    const withPhoto = (mine.body.items as Array<{ id: string; photos: number }>).find((i) => i.photos > 0);
    expect(withPhoto).toBeDefined();
    const photo = await fetch(`${api.url}/api/v1/feedback/${withPhoto?.id}/photos/1?size=thumb`, {
      headers: bearer(citizen),
    });
    expect(photo.headers.get('content-type')).toMatch(/image\/jpeg/);
    const resolved = (mine.body.items as Array<{ id: string; status: string }>).filter(
      (i) => i.status === 'resolved',
    );
    const details = await Promise.all(
      resolved.map((i) => api.request('GET', `/api/v1/feedback/${i.id}`, undefined, bearer(citizen))),
    );
    for (const d of details) {
      expect(d.body.answer).toBeTruthy();
      expect(d.body.timeline.map((e: { status: string }) => e.status)).toEqual([
        'submitted',
        'accepted',
        'assigned',
        'in_progress',
        'resolved',
      ]);
    }
    const unread = await api.request(
      'GET',
      '/api/v1/me/notifications/unread-count',
      undefined,
      bearer(citizen),
    );
    expect(unread.status).toBe(200);

    const ioc = await login('0905000002');
    const overdue = await api.request('GET', '/api/v1/feedback/queue?overdue=true', undefined, bearer(ioc));
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.length).toBeGreaterThan(20);
    const officer = await login('0905000004');
    const own = await api.request('GET', '/api/v1/feedback/queue?pageSize=200', undefined, bearer(officer));
    expect(own.body.items.length).toBeGreaterThan(20);
    expect(new Set((own.body.items as Array<{ department: string }>).map((i) => i.department))).toEqual(
      new Set(['sxd']),
    );
  });
});
