import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';
import { makeCompany, makeCv, makeEmployer, makePosting, notificationsOf } from './applications.testkit.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
});
afterAll(() => api.close());

const apply = (token: string, postingId: string, body: object = {}) =>
  api.request('POST', `/api/v1/work/jobs/${postingId}/applications`, body, bearer(token));
const stage = (token: string, id: string, body: object) =>
  api.request('POST', `/api/v1/work/applications/${id}/stage`, body, bearer(token));
const inAWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();

async function setting() {
  const company = await makeCompany(api, 'verified', 'Công ty CP Chế biến Nông sản Hòa Phú');
  const emp = await makeEmployer(api, company);
  const posting = await makePosting(api, company, { title: 'Công nhân đóng gói' });
  const citizen = await registerCitizen(api, undefined, undefined, 'Y Điêng Niê');
  const cv = await makeCv(api, citizen.accessToken);
  return { company, emp, posting, citizen, cv };
}

describe('applying', () => {
  it('applies once per posting (409 already_applied, also after withdrawing), with my default CV when none is named', async () => {
    const { posting, citizen, cv, emp } = await setting();
    const r = await apply(citizen.accessToken, posting, { message: 'Tôi có thể đi làm ngay.' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      status: 'submitted',
      as: 'applicant',
      message: 'Tôi có thể đi làm ngay.',
      posting: {
        id: posting,
        title: 'Công nhân đóng gói',
        company: { name: 'Công ty CP Chế biến Nông sản Hòa Phú' },
      },
      cv: { id: cv.id },
      timeline: [expect.objectContaining({ status: 'submitted' })],
    });
    const again = await apply(citizen.accessToken, posting, { cvId: cv.id });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already_applied', applicationId: r.body.id });
    // the company hears of it; the bell opens the employer's screen of the application
    const heard = (await notificationsOf(api, emp.id)).find((n) => n.kind === 'work.application.new');
    expect(heard?.link).toBe(`#/employer/applications/${r.body.id}`);

    const w = await api.request(
      'POST',
      `/api/v1/work/applications/${r.body.id}/withdraw`,
      undefined,
      bearer(citizen.accessToken),
    );
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    const w2 = await api.request(
      'POST',
      `/api/v1/work/applications/${r.body.id}/withdraw`,
      undefined,
      bearer(citizen.accessToken),
    );
    expect(w2.status).toBe(409);
    expect((await apply(citizen.accessToken, posting)).body.code).toBe('already_applied');
    expect((await notificationsOf(api, emp.id)).map((n) => n.kind)).toContain('work.application.withdrawn');
  });

  it('refuses unpublished and expired postings (409), someone else’s CV (404), and a citizen without CV (400)', async () => {
    const company = await makeCompany(api);
    const c = await registerCitizen(api);
    const cv = await makeCv(api, c.accessToken);
    const draft = await makePosting(api, company, { status: 'draft' });
    const closed = await makePosting(api, company, { status: 'closed' });
    const expired = await makePosting(api, company, { deadline: '2020-01-31' });
    expect((await apply(c.accessToken, draft)).body.code).toBe('posting_not_open');
    expect((await apply(c.accessToken, closed)).status).toBe(409);
    const e = await apply(c.accessToken, expired);
    expect(e.status).toBe(409);
    expect(e.body.code).toBe('posting_expired');
    const unverified = await makePosting(api, await makeCompany(api, 'suspended'));
    expect((await apply(c.accessToken, unverified)).body.code).toBe('posting_not_open');
    expect((await apply(c.accessToken, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const open = await makePosting(api, company);
    const other = await registerCitizen(api);
    const stolen = await apply(other.accessToken, open, { cvId: cv.id });
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe('cv_not_found');
    const noCv = await apply(other.accessToken, open);
    expect(noCv.status).toBe(400);
    expect(noCv.body.code).toBe('cv_required');
    const long = await apply(c.accessToken, open, { message: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
  });

  it('two submissions at once: one 201, one 409 already_applied', async () => {
    const { posting, citizen } = await setting();
    const both = await Promise.all([
      apply(citizen.accessToken, posting),
      apply(citizen.accessToken, posting),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('already_applied');
  });

  it('lists my applications with the posting, the company and the timeline', async () => {
    const { posting, citizen } = await setting();
    await apply(citizen.accessToken, posting);
    const mine = await api.request(
      'GET',
      '/api/v1/work/applications/mine',
      undefined,
      bearer(citizen.accessToken),
    );
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0]).toMatchObject({
      status: 'submitted',
      posting: { title: 'Công nhân đóng gói' },
      timeline: [expect.objectContaining({ status: 'submitted' })],
    });
  });
});

describe('the employer side', () => {
  it('opening marks viewed and notifies; stages follow the allowed order; interview needs time and place; each step notified and audited', async () => {
    const { posting, citizen, emp, cv } = await setting();
    const id = (await apply(citizen.accessToken, posting)).body.id as string;

    const list = await api.request(
      'GET',
      `/api/v1/work/postings/${posting}/applications`,
      undefined,
      bearer(emp.token),
    );
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, counts: { submitted: 1 } });
    expect(list.body.items[0]).toMatchObject({
      id,
      status: 'submitted',
      applicant: { fullName: 'Y Điêng Niê' },
      cv: { id: cv.id },
    });

    // shortlisting before opening: submitted → shortlisted is not allowed
    const early = await stage(emp.token, id, { status: 'shortlisted' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('invalid_transition');

    const opened = await api.request('GET', `/api/v1/work/applications/${id}`, undefined, bearer(emp.token));
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      as: 'employer',
      status: 'viewed',
      cv: { id: cv.id, owner: { fullName: 'Y Điêng Niê' } },
    });
    await api.request('GET', `/api/v1/work/applications/${id}`, undefined, bearer(emp.token));
    let kinds = (await notificationsOf(api, citizen.user.id)).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'work.application.viewed')).toHaveLength(1);

    expect((await stage(emp.token, id, { status: 'hired' })).status).toBe(409);
    expect((await stage(emp.token, id, { status: 'shortlisted' })).body.status).toBe('shortlisted');

    const noPlace = await stage(emp.token, id, { status: 'interview', interviewAt: inAWeek() });
    expect(noPlace.status).toBe(400);
    expect(noPlace.body.errors.map((f: { path: string }) => f.path)).toContain('body.interviewPlace');
    const noTime = await stage(emp.token, id, {
      status: 'interview',
      interviewPlace: 'Văn phòng KCN Hòa Phú',
    });
    expect(noTime.status).toBe(400);
    expect(noTime.body.errors[0].code).toBe('interview_time_required');

    const at = inAWeek();
    const iv = await stage(emp.token, id, {
      status: 'interview',
      interviewAt: at,
      interviewPlace: 'Văn phòng KCN Hòa Phú',
    });
    expect(iv.status, JSON.stringify(iv.body)).toBe(200);
    expect(iv.body).toMatchObject({
      status: 'interview',
      interviewAt: at,
      interviewPlace: 'Văn phòng KCN Hòa Phú',
    });
    const hired = await stage(emp.token, id, { status: 'hired' });
    expect(hired.body.status).toBe('hired');
    expect((await stage(emp.token, id, { status: 'rejected' })).status).toBe(409);

    const seen = await api.request(
      'GET',
      `/api/v1/work/applications/${id}`,
      undefined,
      bearer(citizen.accessToken),
    );
    expect(seen.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'submitted',
      'viewed',
      'shortlisted',
      'interview',
      'hired',
    ]);
    const notes = await notificationsOf(api, citizen.user.id);
    kinds = notes.map((n) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'work.application.viewed',
        'work.application.shortlisted',
        'work.application.interview',
        'work.application.hired',
      ]),
    );
    const invite = notes.find((n) => n.kind === 'work.application.interview')!;
    expect(invite.title_vi).toBe('Mời phỏng vấn');
    expect(invite.body_vi).toMatch(/Văn phòng KCN Hòa Phú/);
    expect(invite.link).toBe(`#/jobs/applications/${id}`);
    const audits = await api.sequelize.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_id = :id AND action = 'work.application.stage'",
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    expect(audits).toHaveLength(3);
    // withdrawing a final application is refused
    const w = await api.request(
      'POST',
      `/api/v1/work/applications/${id}/withdraw`,
      undefined,
      bearer(citizen.accessToken),
    );
    expect(w.status).toBe(409);
  });

  it('rejects with an optional reason that the applicant reads', async () => {
    const { posting, citizen, emp } = await setting();
    const id = (await apply(citizen.accessToken, posting)).body.id as string;
    const r = await stage(emp.token, id, { status: 'rejected', reason: 'Cần kinh nghiệm lái xe nâng.' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'rejected', rejectionReason: 'Cần kinh nghiệm lái xe nâng.' });
    const n = (await notificationsOf(api, citizen.user.id)).find(
      (x) => x.kind === 'work.application.rejected',
    )!;
    expect(n.body_vi).toMatch(/Lý do: Cần kinh nghiệm lái xe nâng\./);
  });

  it('an employer of another company gets 403 on the posting’s list and 404 on its applications', async () => {
    const { posting, citizen } = await setting();
    const id = (await apply(citizen.accessToken, posting)).body.id as string;
    const other = await makeEmployer(api, await makeCompany(api));
    const l = await api.request(
      'GET',
      `/api/v1/work/postings/${posting}/applications`,
      undefined,
      bearer(other.token),
    );
    expect(l.status).toBe(403);
    expect(l.body.code).toBe('not_company_member');
    expect(
      (await api.request('GET', `/api/v1/work/applications/${id}`, undefined, bearer(other.token))).status,
    ).toBe(404);
    expect((await stage(other.token, id, { status: 'rejected' })).status).toBe(404);
    expect(
      (await api.request('GET', `/api/v1/work/applications/${id}/messages`, undefined, bearer(other.token)))
        .status,
    ).toBe(404);
    // a citizen cannot move stages at all
    expect((await stage(citizen.accessToken, id, { status: 'shortlisted' })).status).toBe(403);
    // the untouched application is still 'submitted'
    const mine = await api.request(
      'GET',
      `/api/v1/work/applications/${id}`,
      undefined,
      bearer(citizen.accessToken),
    );
    expect(mine.body.status).toBe('submitted');
  });
});

describe('messages', () => {
  it('goes both ways, notifies the other side, stays between the parties and closes on withdrawal', async () => {
    const { posting, citizen, emp, company } = await setting();
    const colleague = await makeEmployer(api, company, 'Phạm Văn Nhân');
    const id = (await apply(citizen.accessToken, posting)).body.id as string;
    const send = (token: string, body: string) =>
      api.request('POST', `/api/v1/work/applications/${id}/messages`, { body }, bearer(token));

    const m1 = await send(emp.token, 'Chào bạn, bạn có thể đi làm ca đêm không?');
    expect(m1.status, JSON.stringify(m1.body)).toBe(201);
    expect(m1.body).toMatchObject({ fromEmployer: true, mine: true, senderName: 'Trần Thị Tuyển' });
    const m2 = await send(citizen.accessToken, 'Dạ được ạ.');
    expect(m2.body).toMatchObject({ fromEmployer: false, mine: true });

    const seen = await api.request(
      'GET',
      `/api/v1/work/applications/${id}/messages`,
      undefined,
      bearer(citizen.accessToken),
    );
    expect(seen.body.items.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([
      ['Chào bạn, bạn có thể đi làm ca đêm không?', false],
      ['Dạ được ạ.', true],
    ]);
    const forColleague = await api.request(
      'GET',
      `/api/v1/work/applications/${id}/messages`,
      undefined,
      bearer(colleague.token),
    );
    expect(forColleague.body.items).toHaveLength(2);

    expect(
      (await notificationsOf(api, citizen.user.id)).some(
        (n) => n.kind === 'work.message' && n.body_vi.includes('ca đêm'),
      ),
    ).toBe(true);
    for (const u of [emp.id, colleague.id])
      expect(
        (await notificationsOf(api, u)).some(
          (n) => n.kind === 'work.message' && n.link === `#/employer/applications/${id}`,
        ),
      ).toBe(true);

    const stranger = await registerCitizen(api);
    expect((await send(stranger.accessToken, 'Xin chào')).status).toBe(404);
    expect((await send(citizen.accessToken, 'x'.repeat(2001))).status).toBe(400);
    expect((await send(citizen.accessToken, '   ')).status).toBe(400);

    await api.request(
      'POST',
      `/api/v1/work/applications/${id}/withdraw`,
      undefined,
      bearer(citizen.accessToken),
    );
    const closed = await send(emp.token, 'Bạn còn ở đó không?');
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('application_closed');
  });
});
