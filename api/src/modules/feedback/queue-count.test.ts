import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startTestApi, bearer, newPhone, type TestApi } from '../../../test/helpers.ts';

// The queue at scale: counts stop at a cap (10,000; 1,000 with a text search) and say so; pages come out in
// the same order as a plain ORDER BY … LIMIT/OFFSET over the whole table.
let api: TestApi;
let ioc: string;
let officer: string;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000' });
  const staff = async (roles: Array<'ioc_operator' | 'officer'>, department?: string) => {
    const phone = newPhone();
    const { user } = await api.services.users.ensureUser({
      phone,
      fullName: 'Cán Bộ',
      password: 'CanBo2026x',
      roles,
    });
    if (department)
      await api.sequelize.query('INSERT INTO officer_departments (user_id, department) VALUES (:u, :d)', {
        replacements: { u: user.id, d: department },
      });
    return (await api.request('POST', '/api/v1/auth/login', { phone, password: 'CanBo2026x' })).body
      .accessToken as string;
  };
  ioc = await staff(['ioc_operator']);
  officer = await staff(['officer'], 'sxd');
  const [citizen] = await api.sequelize.query<{ id: string }>(
    `INSERT INTO users (phone, full_name) VALUES ('+84970000099', 'Công dân') RETURNING id`,
    { type: QueryTypes.SELECT },
  );
  // 10,500 reports: every 7th one about potholes ("Ổ gà"), a third of them open at the Department of Construction,
  // many created at the same instant (ties are broken by id).
  await api.sequelize.query(
    `INSERT INTO feedback_reports (user_id, category, title, description, commune_code, address, status, department,
       due_at, accepted_at, created_at)
     SELECT :u, CASE WHEN g % 3 = 0 THEN 'traffic' ELSE 'health' END,
            CASE WHEN g % 7 = 0 THEN 'Ổ gà lớn số ' || g ELSE 'Thiếu thuốc số ' || g END, 'Mô tả phản ánh.',
            '22015', 'Thôn 1', CASE WHEN g % 3 = 0 THEN 'assigned' ELSE 'resolved' END,
            CASE WHEN g % 3 = 0 THEN 'sxd' ELSE 'syt' END,
            now() + (g % 50 - 25) * interval '1 day', now() - interval '30 days',
            timestamptz '2026-01-01' + (g / 4) * interval '1 minute'
     FROM generate_series(1, 10500) g`,
    { replacements: { u: citizen?.id } },
  );
  await api.sequelize.query('ANALYZE feedback_reports');
});
afterAll(() => api.close());

const queue = async (qs: string, token = ioc) => {
  const res = await api.request('GET', `/api/v1/feedback/queue?${qs}`, undefined, bearer(token));
  expect(res.status).toBe(200);
  return res.body as { items: Array<{ id: string }>; total: number; totalCapped: boolean };
};

describe('feedback queue at scale', () => {
  it('counts up to 10,000 and says there are more', async () => {
    const all = await queue('');
    expect(all.total).toBe(10_000);
    expect(all.totalCapped).toBe(true);
    const open = await queue('status=assigned');
    expect(open).toMatchObject({ total: 3500, totalCapped: false });
    const officerView = await queue('', officer);
    expect(officerView).toMatchObject({ total: 3500, totalCapped: false });
  });

  it('counts a text search up to 1,000', async () => {
    const potholes = await queue('q=o%20ga');
    expect(potholes).toMatchObject({ total: 1000, totalCapped: true });
    const few = await queue('q=o%20ga&status=assigned');
    expect(few).toMatchObject({ total: 500, totalCapped: false });
  });

  it('pages in the same order as a plain ORDER BY over the table, ties broken by id', async () => {
    for (const [sort, order] of [
      ['-createdAt', 'created_at DESC, id DESC'],
      ['createdAt', 'created_at ASC, id ASC'],
      ['dueAt', 'due_at ASC NULLS LAST, id ASC'],
    ] as const)
      for (const page of [1, 7, 50]) {
        const got = await queue(`sort=${sort}&page=${page}&pageSize=50`);
        const want = await api.sequelize.query<{ id: string }>(
          `SELECT id FROM feedback_reports ORDER BY ${order} LIMIT 50 OFFSET ${(page - 1) * 50}`,
          { type: QueryTypes.SELECT },
        );
        expect(
          got.items.map((i) => i.id),
          `${sort} page ${page}`,
        ).toEqual(want.map((w) => w.id));
      }
    const overdue = await queue('overdue=true&sort=dueAt&pageSize=200');
    const [n] = await api.sequelize.query<{ n: string }>(
      `SELECT count(*) AS n FROM feedback_reports WHERE due_at < now() AND status = 'assigned'`,
      { type: QueryTypes.SELECT },
    );
    expect(overdue.total).toBe(Number(n?.n));
  });
});
