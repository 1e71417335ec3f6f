import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { QueryTypes } from 'sequelize';
import { pino } from 'pino';
import { startTestApi, registerCitizen, bearer, newPhone, type TestApi } from '../../../test/helpers.ts';
import { createForwardingWorker, type WorkerOptions } from './forwarding/worker.ts';
import { startSimProcess, waitFor, type SimProcess } from './forwarding/sim-process.ts';
import { sign } from './forwarding/signature.ts';

// The real worker against the province stand-in (its own process) over HTTP, and the province's signed webhook.
const SECRET = 'test-province-secret-0123456789';
let api: TestApi;
let sim: SimProcess;
let ioc: string;
let citizen: { accessToken: string; user: { id: string } };
let stopWorker: (() => Promise<void>) | undefined;

beforeAll(async () => {
  sim = await startSimProcess(['--secret', SECRET]);
  api = await startTestApi({
    PROVINCE_FEEDBACK_URL: `${sim.url}/api/reports`,
    PROVINCE_FEEDBACK_SECRET: SECRET,
    RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000',
    RATE_LIMIT_IP_PER_MINUTE: '5000',
  });
  await sim.control('config', { webhookUrl: `${api.url}/api/v1/integrations/province-feedback/webhook` });
  const phone = newPhone();
  await api.services.users.ensureUser({
    phone,
    fullName: 'Điều Phối',
    password: 'CanBo2026x',
    roles: ['ioc_operator'],
  });
  ioc = (await api.request('POST', '/api/v1/auth/login', { phone, password: 'CanBo2026x' })).body.accessToken;
  citizen = await registerCitizen(api);
});
afterEach(async () => {
  await stopWorker?.();
  stopWorker = undefined;
  await sim.control('reset');
});
afterAll(async () => {
  await api.close();
  await sim.close();
});

function worker(extra: Partial<WorkerOptions> = {}) {
  const w = createForwardingWorker({
    sequelize: api.sequelize,
    log: pino({ level: 'silent' }),
    forwarding: api.services.forwarding,
    options: {
      url: `${sim.url}/api/reports`,
      secret: SECRET,
      maxAttempts: 8,
      pollMs: 200,
      timeoutMs: 2000,
      backoffMs: 100,
      backoffMaxMs: 5000,
      ...extra,
    },
  });
  stopWorker = () => w.stop();
  return w;
}

async function acceptedReport(title = 'Đèn đường hỏng'): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    category: 'traffic',
    title,
    description: 'Đèn đường trước số 12 hỏng ba hôm nay, buổi tối rất tối.',
    lat: '12.6667',
    lng: '108.05',
  }))
    form.set(k, v);
  const res = await fetch(`${api.url}/api/v1/feedback`, {
    method: 'POST',
    headers: bearer(citizen.accessToken),
    body: form,
  });
  const { id } = (await res.json()) as { id: string };
  const accepted = await api.request(
    'POST',
    `/api/v1/feedback/${id}/triage`,
    { action: 'accept' },
    bearer(ioc),
  );
  expect(accepted.status).toBe(204);
  return id;
}

const outbox = async (reportId: string) =>
  (
    await api.sequelize.query<{
      state: string;
      attempts: number;
      idempotency_key: string;
      last_error: string | null;
    }>(
      `SELECT state, attempts, idempotency_key, last_error FROM feedback_outbox WHERE report_id = :reportId`,
      { replacements: { reportId }, type: QueryTypes.SELECT },
    )
  )[0];

const forwardingOf = (id: string) =>
  api.request('GET', `/api/v1/feedback/${id}/forwarding`, undefined, bearer(ioc));

describe('forwarding to the province system', () => {
  it('writes the outbox row with the acceptance, delivers it once with its idempotency key, and keeps the province id', async () => {
    const id = await acceptedReport();
    const row = await outbox(id);
    expect(row).toMatchObject({ state: 'pending', attempts: 0 });
    // The same report cannot be accepted twice, so it is never queued twice.
    expect(
      (await api.request('POST', `/api/v1/feedback/${id}/triage`, { action: 'accept' }, bearer(ioc))).status,
    ).toBe(409);
    expect((await forwardingOf(id)).body.state).toBe('pending');

    const w = worker();
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0); // nothing due any more: nothing is sent twice
    const held = await sim.held();
    const mine = held.reports.filter((r) => r.payload.reportId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ key: row!.idempotency_key, deliveries: 1 });
    expect(mine[0]!.payload).toMatchObject({
      title: 'Đèn đường hỏng',
      category: 'traffic',
      department: 'sxd',
    });
    expect(JSON.stringify(mine[0]!.payload)).not.toContain(citizen.user.id); // no personal data leaves
    const state = await forwardingOf(id);
    expect(state.body).toMatchObject({
      state: 'sent',
      attempts: 1,
      lastError: null,
      externalId: mine[0]!.externalId,
    });
    const list = await api.request('GET', '/api/v1/feedback/forwarding?state=sent', undefined, bearer(ioc));
    expect(list.body.items.map((i: { reportId: string }) => i.reportId)).toContain(id);
    expect(list.body.counts.sent).toBeGreaterThanOrEqual(1);
    // Citizens can see neither the list nor a report's forwarding.
    expect(
      (await api.request('GET', '/api/v1/feedback/forwarding', undefined, bearer(citizen.accessToken)))
        .status,
    ).toBe(403);
    expect(
      (await api.request('GET', `/api/v1/feedback/${id}/forwarding`, undefined, bearer(citizen.accessToken)))
        .status,
    ).toBe(403);
  });

  it('is woken right after an acceptance commits', async () => {
    worker({ pollMs: 60_000 }).start();
    await new Promise((r) => setTimeout(r, 100)); // let the first (empty) round pass
    const id = await acceptedReport('Rác thải chưa thu gom');
    const sent = await waitFor(async () => (await outbox(id))?.state === 'sent', 5000, 'delivery after wake');
    expect(sent).toBe(true);
  });

  it('retries failures with growing backoff, dead-letters after N attempts, and a retry from dead delivers once', async () => {
    await sim.control('fail', { count: 1000, status: 503 });
    worker({ maxAttempts: 4, backoffMs: 150 }).start();
    const id = await acceptedReport('Cây đổ chắn đường');
    const key = (await outbox(id))!.idempotency_key;
    await waitFor(async () => (await outbox(id))?.state === 'dead', 15_000, 'dead letter');
    const tries = (await sim.held()).requests.filter((r) => r.key === key);
    expect(tries.map((r) => r.outcome)).toEqual(['failed_503', 'failed_503', 'failed_503', 'failed_503']);
    const gaps = tries.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(tries[i]!.at));
    // Jittered between half and all of 150·2^(n−1) ms: each gap at least the previous ceiling's half.
    expect(gaps[0]).toBeGreaterThanOrEqual(70);
    expect(gaps[1]).toBeGreaterThanOrEqual(145);
    expect(gaps[2]).toBeGreaterThanOrEqual(295);

    const dead = await api.request('GET', '/api/v1/feedback/forwarding?state=dead', undefined, bearer(ioc));
    const item = dead.body.items.find((i: { reportId: string }) => i.reportId === id);
    expect(item).toMatchObject({ state: 'dead', attempts: 4, externalId: null, nextAttemptAt: null });
    expect(item.lastError).toContain('HTTP 503');
    expect(dead.body.counts.dead).toBeGreaterThanOrEqual(1);

    await sim.control('reset');
    expect(
      (
        await api.request(
          'POST',
          `/api/v1/feedback/forwarding/${id}/retry`,
          undefined,
          bearer(citizen.accessToken),
        )
      ).status,
    ).toBe(403);
    expect(
      (await api.request('POST', `/api/v1/feedback/forwarding/${id}/retry`, undefined, bearer(ioc))).status,
    ).toBe(202);
    await waitFor(async () => (await outbox(id))?.state === 'sent', 5000, 'delivery after retry');
    expect((await sim.held()).reports.filter((r) => r.key === key)).toHaveLength(1);
    const again = await api.request(
      'POST',
      `/api/v1/feedback/forwarding/${id}/retry`,
      undefined,
      bearer(ioc),
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'forwarding_state' } });
    const [audit] = await api.sequelize.query<{ action: string; details: { from: string } }>(
      `SELECT action, details FROM audit_log WHERE entity_id = :id AND action = 'feedback.forwarding.retry'`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    expect(audit?.details.from).toBe('dead');
    const unknown = await api.request(
      'POST',
      `/api/v1/feedback/forwarding/${crypto.randomUUID()}/retry`,
      undefined,
      bearer(ioc),
    );
    expect(unknown.status).toBe(404);
  });

  it('a lost answer (timeout, dropped connection) is sent again under the same key and created once', async () => {
    const w = worker({ timeoutMs: 1000, backoffMs: 20 });
    await sim.control('delay', { ms: 2500, count: 1, when: 'after' }); // stored, answered too late
    const id = await acceptedReport('Nắp cống bị mất');
    const key = (await outbox(id))!.idempotency_key;
    await w.runOnce();
    expect(await outbox(id)).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await outbox(id))!.last_error).toContain('timeout');
    await sim.control('drop', { count: 1, when: 'after' }); // stored again? no: same key; then the socket drops
    await new Promise((r) => setTimeout(r, 60));
    await w.runOnce();
    expect((await outbox(id))!.state).toBe('pending');
    await new Promise((r) => setTimeout(r, 120));
    await w.runOnce();
    expect((await outbox(id))!.state).toBe('sent');
    const held = await sim.held();
    expect(held.requests.filter((r) => r.key === key).map((r) => r.outcome)).toEqual([
      'created',
      'duplicate',
      'duplicate',
    ]);
    expect(held.reports.filter((r) => r.key === key)).toMatchObject([{ deliveries: 3 }]);
  });

  it('two workers (two API instances) never send the same row: SKIP LOCKED splits the backlog', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await acceptedReport(`Phản ánh song song ${i}`));
    const keys = await Promise.all(ids.map(async (id) => (await outbox(id))!.idempotency_key));
    await sim.control('delay', { ms: 150, when: 'before' }); // keep both workers busy at the same time
    const a = worker({ batch: 3 });
    const b = createForwardingWorker({
      sequelize: api.sequelize,
      log: pino({ level: 'silent' }),
      forwarding: api.services.forwarding,
      options: {
        url: `${sim.url}/api/reports`,
        secret: SECRET,
        maxAttempts: 8,
        pollMs: 200,
        timeoutMs: 2000,
        backoffMs: 100,
        backoffMaxMs: 5000,
        batch: 3,
      },
    });
    const [na, nb] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(na + nb).toBe(8);
    expect(na).toBeGreaterThan(0);
    expect(nb).toBeGreaterThan(0);
    const requests = (await sim.held()).requests.filter((r) => keys.includes(r.key ?? ''));
    expect(requests).toHaveLength(8);
    expect(requests.every((r) => r.outcome === 'created')).toBe(true);
  });

  it('officers see the forwarding of their departments’ reports only', async () => {
    const id = await acceptedReport('Vỉa hè bị lấn chiếm'); // traffic → sxd
    const officer = async (department: string) => {
      const phone = newPhone();
      const { user } = await api.services.users.ensureUser({
        phone,
        fullName: 'Cán Bộ',
        password: 'CanBo2026x',
        roles: ['officer'],
      });
      await api.sequelize.query('INSERT INTO officer_departments (user_id, department) VALUES (:u, :d)', {
        replacements: { u: user.id, d: department },
      });
      return (await api.request('POST', '/api/v1/auth/login', { phone, password: 'CanBo2026x' })).body
        .accessToken as string;
    };
    const own = await api.request(
      'GET',
      `/api/v1/feedback/${id}/forwarding`,
      undefined,
      bearer(await officer('sxd')),
    );
    expect(own).toMatchObject({ status: 200, body: { state: 'pending' } });
    const other = await api.request(
      'GET',
      `/api/v1/feedback/${id}/forwarding`,
      undefined,
      bearer(await officer('syt')),
    );
    expect(other.status).toBe(404);
    await worker().runOnce();
  });

  it('a 4xx refusal from the province is a dead letter at once (the same body cannot succeed)', async () => {
    await sim.control('fail', { count: 1, status: 400 });
    const id = await acceptedReport('Biển báo bị che khuất');
    await worker({ maxAttempts: 8 }).runOnce();
    expect(await outbox(id)).toMatchObject({ state: 'dead', attempts: 1 });
  });
});

describe('webhook from the province', () => {
  async function delivered(): Promise<{ id: string; externalId: string }> {
    const id = await acceptedReport('Ngập nước sau mưa');
    await worker().runOnce();
    const { externalId } = (await forwardingOf(id)).body as { externalId: string };
    return { id, externalId };
  }
  const timeline = async (id: string) =>
    (await api.request('GET', `/api/v1/feedback/${id}`, undefined, bearer(citizen.accessToken))).body;
  const notifications = async () =>
    (await api.request('GET', '/api/v1/me/notifications', undefined, bearer(citizen.accessToken))).body
      .items as Array<{
      kind: string;
      entityId: string;
    }>;

  it('applies signed updates: timeline with the department, the citizen notified, a system audit record', async () => {
    const { id, externalId } = await delivered();
    const started = await sim.control('update', {
      externalId,
      status: 'in_progress',
      note: 'Đã cử đội kiểm tra.',
    });
    expect(started.responses[0]).toMatchObject({
      status: 200,
      body: { result: 'applied', reportId: id, status: 'in_progress' },
    });
    const resolved = await sim.control('update', {
      externalId,
      status: 'resolved',
      answer: 'Đã nạo vét cống thoát nước, hết ngập.',
    });
    expect(resolved.responses[0].body.result).toBe('applied');
    const seen = await timeline(id);
    expect(seen).toMatchObject({ status: 'resolved', answer: 'Đã nạo vét cống thoát nước, hết ngập.' });
    expect(seen.timeline.map((e: { status: string }) => e.status)).toEqual([
      'submitted',
      'accepted',
      'in_progress',
      'resolved',
    ]);
    expect(seen.timeline[2]).toMatchObject({ department: 'sxd', note: 'Đã cử đội kiểm tra.' });
    const kinds = (await notifications()).filter((n) => n.entityId === id).map((n) => n.kind);
    expect(kinds.slice(0, 2)).toEqual(['feedback.resolved', 'feedback.in_progress']);
    const audits = await api.sequelize.query<{ action: string; actor_id: string | null }>(
      `SELECT action, actor_id FROM audit_log WHERE entity_id = :id AND action LIKE 'feedback.province.%' ORDER BY id`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    expect(audits).toEqual([
      { action: 'feedback.province.in_progress', actor_id: null },
      { action: 'feedback.province.resolved', actor_id: null },
    ]);
    // A closed report stays closed.
    const late = await sim.control('update', { externalId, status: 'in_progress' });
    expect(late.responses[0]).toMatchObject({ status: 409, body: { code: 'feedback_status' } });
  });

  it('refuses bad signatures and stale timestamps (401), and applies a replayed or duplicated event once', async () => {
    const { id, externalId } = await delivered();
    const forged = await sim.control('update', { externalId, status: 'in_progress', tamper: 'signature' });
    expect(forged.responses[0]).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    const stale = await sim.control('update', { externalId, status: 'in_progress', tamper: 'stale' });
    expect(stale.responses[0]).toMatchObject({ status: 401, body: { code: 'stale_signature' } });
    expect((await timeline(id)).status).toBe('accepted');

    const twice = await sim.control('update', { externalId, status: 'in_progress', times: 2 });
    expect(twice.responses.map((r: { body: { result: string } }) => r.body.result)).toEqual([
      'applied',
      'duplicate',
    ]);
    const replay = await sim.control('replay');
    expect(replay).toMatchObject({ status: 200, body: { result: 'duplicate' } });
    const seen = await timeline(id);
    expect(seen.timeline.filter((e: { status: string }) => e.status === 'in_progress')).toHaveLength(1);
    expect(
      (await notifications()).filter((n) => n.entityId === id && n.kind === 'feedback.in_progress'),
    ).toHaveLength(1);

    // Unsigned, and a signature over other bytes than those sent.
    const path = '/api/v1/integrations/province-feedback/webhook';
    const body = JSON.stringify({
      eventId: 'e-1',
      externalId,
      status: 'resolved',
      answer: 'Đã xử lý xong việc này.',
    });
    expect((await api.request('POST', path, body)).body.code).toBe('bad_signature');
    // The signature is checked before the body: an unsigned body of the wrong shape is 401 too, not 400.
    const unsignedWrong = await api.request('POST', path, JSON.stringify({ status: 'nonsense' }));
    expect(unsignedWrong).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    const ts = String(Math.floor(Date.now() / 1000));
    const other = sign(SECRET, ts, body.replace('resolved', 'rejected'));
    const tampered = await api.request('POST', path, body, {
      'x-province-timestamp': ts,
      'x-province-signature': other,
    });
    expect(tampered.status).toBe(401);
    // Well signed but wrong: unknown province id 404, resolved without an answer 400.
    const signed = (b: object) => {
      const text = JSON.stringify(b);
      return api.request('POST', path, text, {
        'x-province-timestamp': ts,
        'x-province-signature': sign(SECRET, ts, text),
      });
    };
    expect((await signed({ eventId: 'e-2', externalId: 'PA-0000-404', status: 'in_progress' })).status).toBe(
      404,
    );
    const noAnswer = await signed({ eventId: 'e-3', externalId, status: 'resolved' });
    expect(noAnswer).toMatchObject({ status: 400, body: { code: 'answer_required' } });
    const noReason = await signed({ eventId: 'e-4', externalId, status: 'rejected' });
    expect(noReason).toMatchObject({ status: 400, body: { code: 'reason_required' } });
    const ok = await signed({
      eventId: 'e-5',
      externalId,
      status: 'resolved',
      answer: 'Đã khơi thông cống thoát nước.',
    });
    expect(ok.body).toMatchObject({ result: 'applied', status: 'resolved' });
  });
});
