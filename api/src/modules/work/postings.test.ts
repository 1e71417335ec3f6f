import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startTestApi, type TestApi } from '../../../test/helpers.ts';
import {
  communes,
  inDays,
  makeCompany,
  makeUser,
  makeZone,
  pendingItem,
  posting,
  publishPosting,
} from './postings.testkit.ts';

let api: TestApi;
let employerA: Awaited<ReturnType<typeof makeUser>>;
let employerB: Awaited<ReturnType<typeof makeUser>>;
let moderator: Awaited<ReturnType<typeof makeUser>>;
let citizen: Awaited<ReturnType<typeof makeUser>>;
let companyA: string;
let companyPending: string;
let commune: { code: string; lat: number; lng: number };
let commune2: { code: string; lat: number; lng: number };

beforeAll(async () => {
  api = await startTestApi();
  [employerA, employerB, moderator, citizen] = await Promise.all([
    makeUser(api, ['employer']),
    makeUser(api, ['employer']),
    makeUser(api, ['moderator']),
    makeUser(api, ['citizen']),
  ]);
  const cs = await communes(api);
  [commune, commune2] = [cs[0]!, cs[1]!];
  companyA = await makeCompany(api, {
    name: 'Công ty May Hòa Phú',
    members: [employerA.id],
    communeCode: commune.code,
  });
  await makeCompany(api, { name: 'Công ty Khác', members: [employerB.id], communeCode: commune.code });
  companyPending = await makeCompany(api, {
    name: 'Công ty Chưa Xác Minh',
    status: 'pending',
    members: [employerA.id],
    communeCode: commune.code,
  });
  await makeZone(api, 'TEST_ZP', commune2.code, 12.7001, 108.1002);
});
afterAll(async () => {
  await api?.close();
});

const create = (body: object, h = employerA.h) => api.request('POST', '/api/v1/work/postings', body, h);

describe('creating postings', () => {
  it('creates a draft at the commune centroid, or at the zone when one is given', async () => {
    const r = await create(posting(companyA, commune.code));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'draft',
      companyName: 'Công ty May Hòa Phú',
      salaryMin: 6_000_000,
    });
    expect([r.body.lat, r.body.lng]).toEqual([commune.lat, commune.lng]);
    const z = await create(
      posting(companyA, commune.code, { zoneCode: 'TEST_ZP', shifts: [], benefits: [] }),
    );
    expect(z.status).toBe(201);
    expect([z.body.lat, z.body.lng]).toEqual([12.7001, 108.1002]);
    expect(z.body).toMatchObject({ shifts: [], benefits: [] });
    const [row] = await api.sequelize.query<{ search_text: string }>(
      'SELECT search_text FROM job_postings WHERE id = :id',
      { replacements: { id: r.body.id }, type: QueryTypes.SELECT },
    );
    expect(row!.search_text).toContain('cong nhan may cong nghiep cong ty may hoa phu cong nghiep che bien');
    const audit = await api.sequelize.query('SELECT 1 FROM audit_log WHERE action = :a AND entity_id = :id', {
      replacements: { a: 'work.posting.create', id: r.body.id },
      type: QueryTypes.SELECT,
    });
    expect(audit).toHaveLength(1);
  });

  it('refuses negative, inverted and missing salaries each with its own code; negotiable needs none', async () => {
    const neg = await create(posting(companyA, commune.code, { salaryMin: -1 }));
    expect(neg.status).toBe(400);
    expect(neg.body.code).toBe('salary_negative');
    expect(neg.body.errors[0].path).toBe('body.salaryMin');
    const inv = await create(posting(companyA, commune.code, { salaryMin: 9_000_000, salaryMax: 7_000_000 }));
    expect(inv.status).toBe(400);
    expect(inv.body.code).toBe('salary_inverted');
    expect(inv.body.detail).toBeTruthy();
    const missing = await create(posting(companyA, commune.code, { salaryMin: null, salaryMax: null }));
    expect(missing.body.code).toBe('salary_required');
    const neg2 = await create(
      posting(companyA, commune.code, { salaryMin: null, salaryMax: null, salaryNegotiable: true }),
    );
    expect(neg2.status).toBe(201);
    expect(neg2.body).toMatchObject({ salaryNegotiable: true, salaryMin: null, salaryMax: null });
  });

  it('refuses a past deadline, an unknown commune, zone or industry, and zero openings', async () => {
    expect((await create(posting(companyA, commune.code, { deadline: inDays(-1) }))).body.code).toBe(
      'deadline_past',
    );
    expect((await create(posting(companyA, 'nope'))).body.code).toBe('unknown_commune');
    const feb30 = await create(posting(companyA, commune.code, { deadline: '2027-02-30' }));
    expect(feb30.status).toBe(400);
    expect(feb30.body.errors[0]).toMatchObject({ path: 'body.deadline', code: 'invalid_date' });
    expect((await create(posting(companyA, commune.code, { zoneCode: 'NOPE' }))).body.code).toBe(
      'unknown_zone',
    );
    expect((await create(posting(companyA, commune.code, { industry: 'ZZ' }))).body.code).toBe(
      'unknown_industry',
    );
    expect((await create(posting(companyA, commune.code, { openings: 0 }))).status).toBe(400);
  });

  it('needs jobs:post and membership of the company', async () => {
    expect((await create(posting(companyA, commune.code), citizen.h)).body.code).toBe('permission_required');
    const other = await create(posting(companyA, commune.code), employerB.h);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('not_company_member');
  });
});

describe('another company’s posting', () => {
  it('answers 403 not_company_member to every employer action', async () => {
    const { body } = await create(posting(companyA, commune.code));
    const base = `/api/v1/work/postings/${body.id}`;
    const calls = [
      api.request('GET', base, undefined, employerB.h),
      api.request('PATCH', base, { title: 'Tiêu đề mới hơn' }, employerB.h),
      api.request('DELETE', base, undefined, employerB.h),
      api.request('POST', `${base}/submit`, undefined, employerB.h),
      api.request('POST', `${base}/close`, undefined, employerB.h),
      api.request('GET', `/api/v1/work/postings?companyId=${companyA}`, undefined, employerB.h),
    ];
    for (const r of await Promise.all(calls)) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('not_company_member');
    }
    const mine = await api.request('GET', '/api/v1/work/postings', undefined, employerB.h);
    expect(mine.body.items.map((p: { id: string }) => p.id)).not.toContain(body.id);
  });
});

describe('state machine', () => {
  it('draft → review → published → edits (review only for salary/place/requirements) → rejected → closed', async () => {
    const unverified = await create(posting(companyPending, commune.code));
    const nv = await api.request(
      'POST',
      `/api/v1/work/postings/${unverified.body.id}/submit`,
      undefined,
      employerA.h,
    );
    expect(nv.status).toBe(409);
    expect(nv.body.code).toBe('company_not_verified');

    const { body: draft } = await create(posting(companyA, commune.code, { title: 'Thợ điện bảo trì' }));
    const base = `/api/v1/work/postings/${draft.id}`;
    const sub = await api.request('POST', `${base}/submit`, undefined, employerA.h);
    expect(sub.body.status).toBe('pending_review');
    expect((await api.request('POST', `${base}/submit`, undefined, employerA.h)).body.code).toBe(
      'posting_not_submittable',
    );
    expect((await api.request('GET', `/api/v1/work/jobs/${draft.id}`)).status).toBe(404);
    const item = await pendingItem(api, draft.id);
    expect(item).toBeTruthy();
    const ok = await api.request(
      'POST',
      `/api/v1/moderation/items/${item}/decision`,
      { decision: 'approve' },
      moderator.h,
    );
    expect(ok.status).toBe(200);
    const pub = await api.request('GET', base, undefined, employerA.h);
    expect(pub.body.status).toBe('published');
    expect(pub.body.publishedAt).toBeTruthy();
    expect((await api.request('GET', `/api/v1/work/jobs/${draft.id}`)).status).toBe(200);
    const notes = await api.request('GET', '/api/v1/me/notifications', undefined, employerA.h);
    const approved = notes.body.items.find((n: { entityId: string }) => n.entityId === draft.id);
    expect(approved.link).toBe(`#/employer/postings/${draft.id}`);

    // Title and openings: applied at once, still public.
    const soft = await api.request(
      'PATCH',
      base,
      { title: 'Thợ điện bảo trì nhà máy', openings: 3 },
      employerA.h,
    );
    expect(soft.body).toMatchObject({
      status: 'published',
      reviewRequired: false,
      title: 'Thợ điện bảo trì nhà máy',
    });
    expect((await api.request('GET', `/api/v1/work/jobs/${draft.id}`)).body.title).toBe(
      'Thợ điện bảo trì nhà máy',
    );
    // Same salary sent again is no change.
    const same = await api.request('PATCH', base, { salaryMin: 6_000_000 }, employerA.h);
    expect(same.body.reviewRequired).toBe(false);

    let place = (await api.request('GET', base, undefined, employerA.h)).body.communeCode as string;
    for (const change of [
      { salaryMax: 9_000_000 },
      { communeCode: commune2.code },
      { requirements: 'Có chứng chỉ điện' },
    ]) {
      const hard = await api.request('PATCH', base, change, employerA.h);
      expect(hard.body).toMatchObject({ status: 'pending_review', reviewRequired: true });
      expect((await api.request('GET', `/api/v1/work/jobs/${draft.id}`)).status).toBe(404);
      const again = await pendingItem(api, draft.id);
      expect(again).toBeTruthy();
      // The moderator sees the posting as edited, not as it was.
      const snapshot = (await api.request('GET', `/api/v1/moderation/items/${again}`, undefined, moderator.h))
        .body.summary;
      expect(snapshot).toMatchObject({
        salaryMax: change.salaryMax ?? 9_000_000,
        communeCode: (place = change.communeCode ?? place),
        type: expect.any(String),
      });
      if (change.requirements) expect(snapshot.requirements).toBe(change.requirements);
      expect(
        (
          await api.request(
            'POST',
            `/api/v1/moderation/items/${again}/decision`,
            { decision: 'approve' },
            moderator.h,
          )
        ).status,
      ).toBe(200);
    }
    const moved = await api.request('GET', base, undefined, employerA.h);
    expect(moved.body).toMatchObject({ status: 'published', communeCode: commune2.code, lat: commune2.lat });

    // An inverted salary on edit is refused, as on create.
    expect((await api.request('PATCH', base, { salaryMin: 99_000_000 }, employerA.h)).body.code).toBe(
      'salary_inverted',
    );

    await api.request('PATCH', base, { salaryMin: 7_000_000 }, employerA.h);
    const item3 = await pendingItem(api, draft.id);
    const rej = await api.request(
      'POST',
      `/api/v1/moderation/items/${item3}/decision`,
      { decision: 'reject', reason: 'Mức lương không rõ ràng' },
      moderator.h,
    );
    expect(rej.status).toBe(200);
    const rejected = await api.request('GET', base, undefined, employerA.h);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Mức lương không rõ ràng' });

    expect((await api.request('POST', `${base}/close`, undefined, employerA.h)).body.code).toBe(
      'posting_not_open',
    );
    await api.request('POST', `${base}/submit`, undefined, employerA.h);
    const closed = await api.request('POST', `${base}/close`, undefined, employerA.h);
    expect(closed.body.status).toBe('closed');
    expect(await pendingItem(api, draft.id)).toBeUndefined();
    const list = await api.request(
      'GET',
      `/api/v1/work/postings?companyId=${companyA}&status=closed`,
      undefined,
      employerA.h,
    );
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([draft.id]);
    expect((await api.request('DELETE', base, undefined, employerA.h)).status).toBe(204);
    expect((await api.request('GET', base, undefined, employerA.h)).status).toBe(404);
  });

  it('deletes drafts, but not a published posting nor a closed one with applications', async () => {
    const { body: d } = await create(posting(companyA, commune.code));
    expect(
      (await api.request('DELETE', `/api/v1/work/postings/${d.id}`, undefined, employerA.h)).status,
    ).toBe(204);
    const id = await publishPosting(api, employerA, moderator, posting(companyA, commune.code));
    const del = await api.request('DELETE', `/api/v1/work/postings/${id}`, undefined, employerA.h);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('posting_not_deletable');
    await api.sequelize.query('INSERT INTO job_applications (posting_id, user_id) VALUES (:id, :u)', {
      replacements: { id, u: citizen.id },
    });
    await api.request('POST', `/api/v1/work/postings/${id}/close`, undefined, employerA.h);
    expect((await api.request('DELETE', `/api/v1/work/postings/${id}`, undefined, employerA.h)).status).toBe(
      409,
    );
    expect(
      (await api.request('GET', `/api/v1/work/postings/${id}`, undefined, employerA.h)).body.applications,
    ).toBe(1);
  });
});

describe('expiry', () => {
  it('hides a posting past its deadline at once and the sweep marks it expired', async () => {
    const id = await publishPosting(api, employerA, moderator, posting(companyA, commune.code));
    const getForApply = await api.services.postings.getForApply(id);
    expect(getForApply.id).toBe(id);
    await api.sequelize.query(`UPDATE job_postings SET deadline = :d WHERE id = :id`, {
      replacements: { id, d: inDays(-1) },
    });
    expect((await api.request('GET', `/api/v1/work/jobs/${id}`)).status).toBe(404);
    const list = await api.request('GET', '/api/v1/work/jobs?limit=50');
    expect(list.body.items.map((j: { id: string }) => j.id)).not.toContain(id);
    await expect(api.services.postings.getForApply(id)).rejects.toMatchObject({ status: 404 });
    expect(await api.services.postings.expireDue()).toBeGreaterThanOrEqual(1);
    const after = await api.request('GET', `/api/v1/work/postings/${id}`, undefined, employerA.h);
    expect(after.body.status).toBe('expired');
    expect(await api.services.postings.expireDue()).toBe(0);
    // Re-opening an expired posting needs a new deadline and a new review.
    expect(
      (await api.request('POST', `/api/v1/work/postings/${id}/submit`, undefined, employerA.h)).body.code,
    ).toBe('deadline_past');
    await api.request('PATCH', `/api/v1/work/postings/${id}`, { deadline: inDays(10) }, employerA.h);
    const re = await api.request('POST', `/api/v1/work/postings/${id}/submit`, undefined, employerA.h);
    expect(re.body.status).toBe('pending_review');
  });
});

describe('search text', () => {
  it('follows a company rename', async () => {
    const co = await makeCompany(api, {
      name: 'Công ty Cũ',
      members: [employerA.id],
      communeCode: commune.code,
    });
    const id = await publishPosting(
      api,
      employerA,
      moderator,
      posting(co, commune.code, { title: 'Phụ bếp nhà ăn' }),
    );
    await api.sequelize.query(`UPDATE companies SET name = 'Tập đoàn Hướng Dương' WHERE id = :co`, {
      replacements: { co },
    });
    const find = async () =>
      (await api.request('GET', '/api/v1/work/jobs?q=tap doan huong duong')).body.items.map(
        (j: { id: string }) => j.id,
      );
    expect(await find()).toEqual([]);
    await api.services.postings.refreshCompanySearchText(co);
    expect(await find()).toEqual([id]);
  });
});
