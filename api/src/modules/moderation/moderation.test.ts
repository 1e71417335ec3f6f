import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerCitizen, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { makeAccount, registerCompany } from '../work/companies.testkit.ts';

let api: TestApi;
let moderator: Awaited<ReturnType<typeof makeAccount>>;
beforeAll(async () => {
  api = await startTestApi();
  moderator = await makeAccount(api, ['moderator']);
});
afterAll(() => api.close());

const queue = (token: string, qs = '') =>
  api.request('GET', `/api/v1/moderation/queue${qs}`, undefined, bearer(token));
const decide = (token: string, id: string, body: unknown) =>
  api.request('POST', `/api/v1/moderation/items/${id}/decision`, body, bearer(token));
const itemFor = async (entityId: string) =>
  (await queue(moderator.token, '?kind=company&pageSize=100')).body.items.find(
    (i: { entityId: string }) => i.entityId === entityId,
  );
const notificationsOf = async (token: string) =>
  (await api.request('GET', '/api/v1/me/notifications', undefined, bearer(token))).body.items as Array<{
    kind: string;
    title: { vi: string; en: string };
    body: { vi: string; en: string };
    entityId: string;
  }>;

describe('moderation queue', () => {
  it('only moderators see it; oldest first, paged, with pending counts per kind', async () => {
    const citizen = await registerCitizen(api);
    expect((await queue(citizen.accessToken)).status).toBe(403);
    const emp = await makeAccount(api, ['employer']);
    expect((await queue(emp.token)).status).toBe(403);

    const a = await registerCompany(api, emp.token, { name: 'Công ty A' });
    const b = await registerCompany(api, emp.token, { name: 'Công ty B' });
    const page1 = await queue(moderator.token, '?kind=company&pageSize=1');
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBeGreaterThanOrEqual(2);
    expect(page1.body.items).toHaveLength(1);
    const all = await queue(moderator.token, '?kind=company&pageSize=100');
    const ids = all.body.items.map((i: { entityId: string }) => i.entityId);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    const newest = await queue(moderator.token, '?kind=company&order=newest&pageSize=100');
    expect(newest.body.items[0].entityId).toBe(b.id);
    expect(all.body.pendingByKind.find((k: { kind: string }) => k.kind === 'company')).toMatchObject({
      kindLabel: { vi: 'Doanh nghiệp', en: 'Company' },
    });
    expect((await queue(moderator.token, '?status=bogus')).status).toBe(400);
    expect(
      (await queue(moderator.token, '?kind=job_posting')).body.items.every(
        (i: { kind: string }) => i.kind === 'job_posting',
      ),
    ).toBe(true);
  });

  it('item detail carries the snapshot of the listing', async () => {
    const emp = await makeAccount(api, ['employer']);
    const c = await registerCompany(api, emp.token, { name: 'Công ty TNHH Cà phê Buôn Ma Thuột' });
    const item = await itemFor(c.id);
    const res = await api.request(
      'GET',
      `/api/v1/moderation/items/${item.id}`,
      undefined,
      bearer(moderator.token),
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({
      name: 'Công ty TNHH Cà phê Buôn Ma Thuột',
      taxCode: c.taxCode,
      resubmission: false,
    });
    expect(res.body.submittedBy).toMatchObject({ id: emp.id, phone: emp.phone });
    const missing = await api.request(
      'GET',
      '/api/v1/moderation/items/00000000-0000-4000-8000-000000000000',
      undefined,
      bearer(moderator.token),
    );
    expect(missing.status).toBe(404);
  });
});

describe('decisions', () => {
  it('approve verifies the company, notifies its members, is audited; a second decision is 409', async () => {
    const emp = await makeAccount(api, ['employer']);
    const c = await registerCompany(api, emp.token);
    const item = await itemFor(c.id);
    const ok = await decide(moderator.token, item.id, { decision: 'approve' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', decidedBy: { id: moderator.id } });
    const company = await api.request('GET', `/api/v1/work/companies/${c.id}`, undefined, bearer(emp.token));
    expect(company.body.status).toBe('verified');
    const notes = await notificationsOf(emp.token);
    expect(notes[0]).toMatchObject({ kind: 'moderation.approved', entityId: c.id });
    expect(notes[0]?.title.vi).toContain('đã được duyệt');

    const again = await decide(moderator.token, item.id, { decision: 'reject', reason: 'Trùng' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_decided');

    const [rows] = await api.sequelize.query(
      `SELECT action, actor_id FROM audit_log WHERE entity_type = 'moderation_item' AND entity_id = :id`,
      { replacements: { id: item.id } },
    );
    expect(rows).toEqual([{ action: 'moderation.approve', actor_id: moderator.id }]);
  });

  it('reject needs a reason, tells the employer why; editing resubmits and withdraws nothing pending twice', async () => {
    const emp = await makeAccount(api, ['employer']);
    const c = await registerCompany(api, emp.token);
    const item = await itemFor(c.id);
    const noReason = await decide(moderator.token, item.id, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ path: 'body.reason', code: 'reason_required' });

    const reason = 'Địa chỉ không khớp với giấy chứng nhận đăng ký doanh nghiệp.';
    const no = await decide(moderator.token, item.id, { decision: 'reject', reason });
    expect(no.status).toBe(200);
    const company = await api.request('GET', `/api/v1/work/companies/${c.id}`, undefined, bearer(emp.token));
    expect(company.body).toMatchObject({ status: 'rejected', rejectionReason: reason });
    const notes = await notificationsOf(emp.token);
    expect(notes[0]).toMatchObject({ kind: 'moderation.rejected', entityId: c.id });
    expect(notes[0]?.body.vi).toContain(reason);

    // Edit and resubmit: a new pending item with resubmission = true.
    const fixed = await api.request(
      'PATCH',
      `/api/v1/work/companies/${c.id}`,
      { address: 'Lô B2, KCN Hòa Phú' },
      bearer(emp.token),
    );
    expect(fixed.body).toMatchObject({ status: 'pending', rejectionReason: null });
    const again = await itemFor(c.id);
    expect(again.id).not.toBe(item.id);
    // A second edit while pending replaces the pending item (only one pending per entity).
    await api.request(
      'PATCH',
      `/api/v1/work/companies/${c.id}`,
      { address: 'Lô B3, KCN Hòa Phú' },
      bearer(emp.token),
    );
    const [states] = await api.sequelize.query(
      `SELECT status, count(*)::int AS n FROM moderation_items WHERE entity_id = :id GROUP BY status ORDER BY status`,
      { replacements: { id: c.id } },
    );
    expect(states).toEqual([
      { status: 'pending', n: 1 },
      { status: 'rejected', n: 1 },
      { status: 'withdrawn', n: 1 },
    ]);
    expect((await decide(moderator.token, again.id, { decision: 'approve' })).status).toBe(409);
    const detail = await api.request(
      'GET',
      `/api/v1/moderation/items/${(await itemFor(c.id)).id}`,
      undefined,
      bearer(moderator.token),
    );
    expect(detail.body.summary).toMatchObject({ address: 'Lô B3, KCN Hòa Phú', resubmission: true });
  });

  it('two moderators deciding at once: one wins, the other gets 409', async () => {
    const emp = await makeAccount(api, ['employer']);
    const other = await makeAccount(api, ['moderator']);
    const c = await registerCompany(api, emp.token);
    const item = await itemFor(c.id);
    const results = await Promise.all([
      decide(moderator.token, item.id, { decision: 'approve' }),
      decide(other.token, item.id, { decision: 'reject', reason: 'Thiếu giấy phép' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const company = await api.request('GET', `/api/v1/work/companies/${c.id}`, undefined, bearer(emp.token));
    const winner = results.find((r) => r.status === 200)?.body.status;
    expect(company.body.status).toBe(winner === 'approved' ? 'verified' : 'rejected');
    expect((await notificationsOf(emp.token)).filter((n) => n.entityId === c.id)).toHaveLength(1);
  });
});
