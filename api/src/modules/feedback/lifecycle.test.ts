import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { QueryTypes } from 'sequelize';
import {
  startTestApi,
  registerCitizen,
  bearer,
  newPhone,
  type TestApi,
  type TestResponse,
} from '../../../test/helpers.ts';

// The lifecycle through real HTTP: triage by the IOC, handling by the department's officer, the citizen's view.
let api: TestApi;
let ioc: string;
let officer: string;
let otherOfficer: string;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
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
  otherOfficer = await staff(['officer'], 'syt');
});
afterAll(() => api.close());

async function report(token: string, category = 'traffic'): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    category,
    title: 'Ổ gà trên đường',
    description: 'Ổ gà lớn giữa đường gây nguy hiểm cho xe máy.',
    lat: '12.6667',
    lng: '108.05',
  }))
    form.set(k, v);
  const res = await fetch(`${api.url}/api/v1/feedback`, {
    method: 'POST',
    headers: bearer(token),
    body: form,
  });
  return ((await res.json()) as { id: string }).id;
}

async function handle(
  token: string,
  id: string,
  fields: Record<string, string>,
  photo?: Buffer,
): Promise<TestResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (photo) form.set('photo', new Blob([photo]), 'result.jpg');
  const res = await fetch(`${api.url}/api/v1/feedback/${id}/handling`, {
    method: 'POST',
    headers: bearer(token),
    body: form,
  });
  return {
    status: res.status,
    headers: res.headers,
    body: res.status === 204 ? undefined : await res.json(),
  };
}

const triage = (id: string, body: object, token = ioc) =>
  api.request('POST', `/api/v1/feedback/${id}/triage`, body, bearer(token));

describe('feedback lifecycle', () => {
  it('accept → assign → start → resolve with a result photo; the citizen follows every step, is notified, and rates', async () => {
    const c = await registerCitizen(api);
    const id = await report(c.accessToken);
    expect((await triage(id, { action: 'accept' })).status).toBe(204);
    const accepted = await api.request('GET', `/api/v1/feedback/${id}`, undefined, bearer(c.accessToken));
    expect(accepted.body).toMatchObject({ status: 'accepted', department: 'sxd' });
    expect(new Date(accepted.body.dueAt).getTime()).toBeGreaterThan(Date.now() + 5 * 86400_000); // 5 working days
    expect((await triage(id, { action: 'assign', department: 'sxd' })).status).toBe(204);
    expect((await handle(otherOfficer, id, { action: 'start' })).body.code).toBe('not_your_department');
    expect((await handle(officer, id, { action: 'start' })).status).toBe(204);
    const noPhoto = await handle(officer, id, { action: 'resolve', answer: 'Đã vá ổ gà bằng bê tông nhựa.' });
    expect(noPhoto.body.errors[0]).toMatchObject({ path: 'files.photo', code: 'result_photo_required' });
    const shortAnswer = await handle(officer, id, { action: 'resolve', answer: 'xong' });
    expect(shortAnswer.body.errors[0].code).toBe('answer_required');
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#333' } })
      .jpeg()
      .toBuffer();
    expect(
      (await handle(officer, id, { action: 'resolve', answer: 'Đã vá ổ gà bằng bê tông nhựa.' }, photo))
        .status,
    ).toBe(204);
    await api.request(
      'POST',
      `/api/v1/feedback/${id}/notes`,
      { text: 'Nhà thầu cần kiểm tra lại sau mưa.' },
      bearer(ioc),
    );

    const seen = await api.request('GET', `/api/v1/feedback/${id}`, undefined, bearer(c.accessToken));
    expect(seen.body.status).toBe('resolved');
    expect(seen.body.answer).toBe('Đã vá ổ gà bằng bê tông nhựa.');
    expect(seen.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'submitted',
      'accepted',
      'assigned',
      'in_progress',
      'resolved',
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('Nhà thầu'); // internal notes stay internal
    expect(seen.body.timeline[2].departmentName.vi).toBe('Sở Xây dựng');
    const notes = await api.request('GET', '/api/v1/me/notifications', undefined, bearer(c.accessToken));
    expect(notes.body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'feedback.resolved',
      'feedback.in_progress',
      'feedback.assigned',
      'feedback.accepted',
    ]);
    expect(
      (await api.request('POST', `/api/v1/feedback/${id}/rating`, { stars: 5 }, bearer(c.accessToken)))
        .status,
    ).toBe(204);
    expect(
      (await api.request('POST', `/api/v1/feedback/${id}/rating`, { stars: 6 }, bearer(c.accessToken)))
        .status,
    ).toBe(400);
    const audits = await api.sequelize.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = :id ORDER BY id`,
      {
        replacements: { id },
        type: QueryTypes.SELECT,
      },
    );
    expect(audits.map((a) => a.action)).toEqual([
      'feedback.accept',
      'feedback.assign',
      'feedback.start',
      'feedback.resolve',
      'feedback.note',
    ]);
  });
  it('the citizen reopens within 7 days, not after; only the author can', async () => {
    const c = await registerCitizen(api);
    const other = await registerCitizen(api);
    const id = await report(c.accessToken, 'public_admin');
    await triage(id, { action: 'accept' });
    await triage(id, { action: 'assign', department: 'sxd' });
    expect(
      (await handle(officer, id, { action: 'resolve', answer: 'Hồ sơ đã được giải quyết xong.' })).status,
    ).toBe(204);
    expect(
      (
        await api.request(
          'POST',
          `/api/v1/feedback/${id}/reopen`,
          { reason: 'Chưa được xử lý' },
          bearer(other.accessToken),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await api.request(
          'POST',
          `/api/v1/feedback/${id}/reopen`,
          { reason: 'Chưa được xử lý' },
          bearer(c.accessToken),
        )
      ).status,
    ).toBe(204);
    expect(
      (await api.request('GET', `/api/v1/feedback/${id}`, undefined, bearer(c.accessToken))).body.status,
    ).toBe('in_progress');
    expect((await handle(officer, id, { action: 'resolve', answer: 'Đã xử lý lại đầy đủ.' })).status).toBe(
      204,
    );
    await api.sequelize.query(
      `UPDATE feedback_reports SET resolved_at = now() - interval '8 days' WHERE id = :id`,
      { replacements: { id } },
    );
    const late = await api.request(
      'POST',
      `/api/v1/feedback/${id}/reopen`,
      { reason: 'Vẫn chưa xong' },
      bearer(c.accessToken),
    );
    expect(late.body.code).toBe('reopen_closed');
  });
  it('refuses wrong transitions, unknown departments, missing reasons, and staff actions by citizens', async () => {
    const c = await registerCitizen(api);
    const id = await report(c.accessToken);
    expect((await handle(officer, id, { action: 'resolve', answer: 'Đã xử lý xong rồi.' })).status).toBe(403); // not assigned to sxd yet
    expect((await triage(id, { action: 'assign', department: 'sxd' })).body.code).toBe('feedback_status');
    expect((await triage(id, { action: 'assign', department: 'bogus' })).body.errors[0].code).toBe(
      'unknown_department',
    );
    expect((await triage(id, { action: 'reject' })).body.errors[0].code).toBe('reason_required');
    expect((await triage(id, { action: 'accept' }, c.accessToken)).status).toBe(403);
    const dup = await report(c.accessToken);
    expect((await triage(dup, { action: 'duplicate', originalId: id })).status).toBe(204);
    expect(
      (await api.request('GET', `/api/v1/feedback/${dup}`, undefined, bearer(c.accessToken))).body,
    ).toMatchObject({ status: 'duplicate', duplicateOf: id });
    expect((await triage(id, { action: 'reject', reason: 'Không thuộc thẩm quyền của tỉnh.' })).status).toBe(
      204,
    );
    expect(
      (await api.request('GET', `/api/v1/feedback/${id}`, undefined, bearer(c.accessToken))).body
        .rejectionReason,
    ).toBe('Không thuộc thẩm quyền của tỉnh.');
  });
});

describe('staff queue', () => {
  it('filters, sorts and pages; officers see only their departments; bulk assign reports each report', async () => {
    const c = await registerCitizen(api);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await report(c.accessToken, i % 2 ? 'health' : 'traffic'));
    await triage(ids[0] as string, { action: 'accept' });
    await api.sequelize.query(
      `UPDATE feedback_reports SET due_at = now() - interval '1 day' WHERE id = :id`,
      { replacements: { id: ids[0] } },
    );
    const q = (params: string, token = ioc) =>
      api.request('GET', `/api/v1/feedback/queue?${params}`, undefined, bearer(token));

    const overdue = await q('overdue=true');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(ids[0]);
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const health = await q('category=health&status=submitted&sort=createdAt');
    expect(health.body.items.every((i: { category: string }) => i.category === 'health')).toBe(true);
    const times = health.body.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort()).toEqual(times);
    const paged = await q('pageSize=2&page=1');
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBeGreaterThanOrEqual(4);
    expect((await q('q=o ga tren duong')).body.total).toBeGreaterThanOrEqual(4); // accents ignored
    expect((await q('status=flying')).status).toBe(400);

    const bulk = await api.request(
      'POST',
      '/api/v1/feedback/bulk-assign',
      { ids: [ids[0], ids[1]], department: 'sxd' },
      bearer(ioc),
    );
    expect(bulk.body.items).toEqual([
      { id: ids[0], ok: true, code: null },
      { id: ids[1], ok: false, code: 'feedback_status' }, // not accepted yet
    ]);
    const mine = await q('pageSize=200', officer);
    expect(mine.body.items.every((i: { department: string }) => i.department === 'sxd')).toBe(true);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(ids[0]);
    expect((await q('', otherOfficer)).body.items.map((i: { id: string }) => i.id)).not.toContain(ids[0]);
    expect((await q('', c.accessToken)).status).toBe(403);
  });
});
