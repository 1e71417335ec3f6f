import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';
import { makeStaff, submitReport } from './staff.testkit.ts';

// Statistics on a known set of reports (this file's own database): exact counts, median, on-time share, ratings.
let api: TestApi;
let ioc: { token: string };
let sxd: { token: string };
let moderator: { token: string };
const T = new Date('2026-10-01T03:00:00Z');
const h = (hours: number) => new Date(T.getTime() + hours * 3600_000);

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  ioc = await makeStaff(api, ['ioc_operator']);
  sxd = await makeStaff(api, ['officer'], ['sxd']);
  moderator = await makeStaff(api, ['moderator']);
  const c = await registerCitizen(api);
  const set = async (category: string, row: Record<string, unknown>) => {
    const id = (await submitReport(api, c.accessToken, { fields: { category } })).body.id as string;
    const cols = Object.keys(row);
    await api.sequelize.query(
      `UPDATE feedback_reports SET ${cols.map((k) => `${k} = :${k}`).join(', ')} WHERE id = :id`,
      { replacements: { ...row, id } },
    );
  };
  const base = { created_at: T, accepted_at: T };
  // Resolved in 10 h, on time, 5 stars.
  await set('traffic', {
    ...base,
    status: 'resolved',
    department: 'sxd',
    due_at: h(20),
    resolved_at: h(10),
    rating: 5,
  });
  // Resolved in 30 h, late, 3 stars.
  await set('traffic', {
    ...base,
    status: 'resolved',
    department: 'sxd',
    due_at: h(20),
    resolved_at: h(30),
    rating: 3,
  });
  // Resolved in 50 h, no due date (left out of the on-time share), not rated.
  await set('health', { ...base, status: 'resolved', department: 'syt', due_at: null, resolved_at: h(50) });
  // Assigned and overdue.
  await set('health', {
    ...base,
    status: 'assigned',
    department: 'syt',
    due_at: new Date(Date.now() - 3600_000),
  });
  // Submitted long ago, no department yet.
  await set('environment', { created_at: new Date('2026-01-05T00:00:00Z') });
});
afterAll(() => api.close());

const stats = (qs: string, token = ioc.token) =>
  api.request('GET', `/api/v1/feedback/stats${qs}`, undefined, bearer(token));
const count = (list: Array<{ key: string; count: number }>, key: string) =>
  list.find((x) => x.key === key)?.count;

describe('feedback statistics', () => {
  it('counts by status, category, department and commune; median time to resolve; share on time; ratings', async () => {
    const res = await stats('');
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.total).toBe(5);
    expect(s.byStatus).toHaveLength(7);
    expect(s.byStatus.find((x: { key: string }) => x.key === 'resolved')).toEqual({
      key: 'resolved',
      label: 'Đã xử lý',
      count: 3,
    });
    expect(count(s.byStatus, 'assigned')).toBe(1);
    expect(count(s.byStatus, 'submitted')).toBe(1);
    expect(count(s.byStatus, 'rejected')).toBe(0);
    expect(count(s.byCategory, 'traffic')).toBe(2);
    expect(count(s.byCategory, 'health')).toBe(2);
    expect(count(s.byCategory, 'environment')).toBe(1);
    expect(s.byDepartment.find((d: { key: string }) => d.key === 'syt')).toEqual({
      key: 'syt',
      label: 'Sở Y tế',
      count: 2,
      overdue: 1,
    });
    expect(s.byDepartment.find((d: { key: string }) => d.key === 'sxd')).toMatchObject({
      count: 2,
      overdue: 0,
    });
    expect(s.byDepartment.find((d: { key: string }) => d.key === 'none')).toMatchObject({ count: 1 });
    expect(s.byCommune).toHaveLength(1); // every report at the same point
    expect(s.byCommune[0].count).toBe(5);
    expect(s.byCommune[0].label).not.toBe(s.byCommune[0].key);
    expect(s.resolved).toEqual({ count: 3, medianHours: 30, onTimeShare: 0.5 });
    expect(s.ratings).toEqual({ count: 2, average: 4, histogram: [0, 0, 1, 0, 1] });
  });

  it('filters by category, department and dates; officers see their departments only; others are refused', async () => {
    const health = (await stats('?category=health')).body;
    expect(health.total).toBe(2);
    expect(health.resolved).toEqual({ count: 1, medianHours: 50, onTimeShare: null });
    expect(health.ratings).toEqual({ count: 0, average: null, histogram: [0, 0, 0, 0, 0] });
    expect((await stats('?department=sxd')).body.total).toBe(2);
    expect((await stats('?from=2026-09-01')).body.total).toBe(4);
    expect((await stats('?to=2026-02-01T00:00:00Z')).body.total).toBe(1);

    const officer = (await stats('', sxd.token)).body;
    expect(officer.total).toBe(2);
    expect(officer.resolved).toEqual({ count: 2, medianHours: 20, onTimeShare: 0.5 });

    expect((await stats('', moderator.token)).status).toBe(403);
    expect((await stats('?commune=abc')).status).toBe(400);
    expect((await stats('?from=not-a-date')).status).toBe(400);
  });

  it('exports CSV with a BOM, a header and Vietnamese labels', async () => {
    const res = await fetch(`${api.url}/api/v1/feedback/stats.csv`, { headers: bearer(ioc.token) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="thong-ke-phan-anh-.*\.csv"/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Mục,Mã,Tên,Số lượng,Quá hạn');
    expect(lines).toContain('Tổng,total,Tổng số phản ánh,5,');
    expect(lines).toContain('Trạng thái,resolved,Đã xử lý,3,');
    expect(lines).toContain('Đơn vị xử lý,syt,Sở Y tế,2,1');
    expect(lines).toContain('Kết quả xử lý,median_hours,Thời gian xử lý trung vị (giờ),30,');
    expect(lines).toContain('Kết quả xử lý,on_time_percent,Tỷ lệ xử lý đúng hạn (%),50,');
    expect(lines).toContain('Đánh giá,stars_5,5 sao,1,');
    const officer = await fetch(`${api.url}/api/v1/feedback/stats.csv`, { headers: bearer(moderator.token) });
    expect(officer.status).toBe(403);
  });
});
