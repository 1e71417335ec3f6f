#!/usr/bin/env node
/**
 * A stand-in for the province's complaint/feedback handling system (the real one cannot be reached from here).
 * Same protocol as the real connector expects:
 *
 *   POST /api/reports            ← our worker: JSON report, `Idempotency-Key` (UUID), `x-province-timestamp` +
 *                                  `x-province-signature: sha256=HMAC(secret, `${ts}.${body}`)`.
 *                                  201 {externalId} on creation; the same key again → 200 with the same externalId
 *                                  and nothing created (a different body under a used key → 422).
 *   GET  /api/reports            what it holds: {reports, creations, requests}
 *   GET  /api/reports/{externalId}
 *
 * Control (for development and tests; no auth — bind it to localhost):
 *   POST /control/fail    {count=1, status=500}            the next `count` report requests answer `status`
 *   POST /control/delay   {ms, count?, when='after'}       wait `ms` before answering (after storing, or before)
 *   POST /control/drop    {count=1, when='before'}         drop the connection (before or after storing)
 *   POST /control/config  {webhookUrl?, secret?}
 *   POST /control/update  {externalId, status, answer?, reason?, note?, department?, eventId?, times=1,
 *                          tamper?: 'signature'|'stale'}  push a signed status update to our webhook (`times` > 1
 *                                                          sends the very same signed request again: a duplicate)
 *   POST /control/replay                                   send the last webhook request again, byte for byte
 *   POST /control/reset   {data?: boolean}                 clear faults (and the stored reports)
 *
 * Run: node scripts/province-feedback-sim.mjs [--port 8099|0] [--host 127.0.0.1] [--secret S] [--webhook URL]
 * (defaults: port 8099, the development secret, our webhook on http://127.0.0.1:8080).
 * It prints `province-feedback-sim listening on http://HOST:PORT` once ready.
 */
import http from 'node:http';
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export const DEV_SECRET = 'daklak-province-feedback-development-secret';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sign = (secret, ts, body) =>
  'sha256=' + createHmac('sha256', secret).update(`${ts}.`).update(body).digest('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Start the stand-in; resolves with its URL, its state (for inspection) and close(). */
export async function startProvinceSim({
  port = 0,
  host = '127.0.0.1',
  secret = DEV_SECRET,
  webhookUrl,
} = {}) {
  const cfg = { secret, webhookUrl };
  const faults = {
    fail: { count: 0, status: 500 },
    delay: { ms: 0, count: Infinity, when: 'after' },
    drop: { count: 0, when: 'before' },
  };
  const state = { reports: new Map(), byExternal: new Map(), requests: [], creations: 0, lastWebhook: null };
  let seq = 0;

  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const readBody = (req) =>
    new Promise((resolve, reject) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  const parse = (buf) => {
    try {
      return buf.length ? JSON.parse(buf.toString('utf8')) : {};
    } catch {
      return undefined;
    }
  };
  const view = (r) => ({ ...r, payload: r.payload });

  async function receive(req, res) {
    const raw = await readBody(req);
    const key = req.headers['idempotency-key'];
    const entry = { at: new Date().toISOString(), key: key ?? null, outcome: '' };
    state.requests.push(entry);
    const ts = req.headers['x-province-timestamp'];
    const sig = String(req.headers['x-province-signature'] ?? '');
    const expected = ts ? sign(cfg.secret, ts, raw) : '';
    if (!ts || sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
      entry.outcome = 'bad_signature';
      return json(res, 401, { error: 'bad_signature' });
    }
    if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) {
      entry.outcome = 'stale';
      return json(res, 401, { error: 'stale_timestamp' });
    }
    if (typeof key !== 'string' || !UUID.test(key)) {
      entry.outcome = 'no_key';
      return json(res, 400, { error: 'idempotency_key_required' });
    }
    const payload = parse(raw);
    if (!payload || typeof payload.reportId !== 'string' || typeof payload.title !== 'string') {
      entry.outcome = 'invalid';
      return json(res, 400, { error: 'invalid_report' });
    }
    const delay = faults.delay.ms > 0 && faults.delay.count > 0 ? faults.delay : null;
    if (delay) delay.count--;
    if (delay?.when === 'before') await sleep(delay.ms);
    if (faults.fail.count > 0) {
      faults.fail.count--;
      entry.outcome = `failed_${faults.fail.status}`;
      return json(res, faults.fail.status, { error: 'injected_failure' });
    }
    const drop = faults.drop.count > 0 ? faults.drop.when : null;
    if (drop) faults.drop.count--;
    if (drop === 'before') {
      entry.outcome = 'dropped';
      return req.socket.destroy();
    }
    const hash = createHash('sha256').update(raw).digest('hex');
    let r = state.reports.get(key);
    let status = 200;
    if (r) {
      if (r.hash !== hash) {
        entry.outcome = 'key_reused';
        return json(res, 422, { error: 'idempotency_key_reused_with_another_body' });
      }
      r.deliveries++;
      entry.outcome = 'duplicate';
    } else {
      state.creations++;
      const externalId = `PA-${new Date().getFullYear()}-${String(++seq).padStart(6, '0')}`;
      r = { externalId, key, hash, payload, receivedAt: entry.at, deliveries: 1, status: 'received' };
      state.reports.set(key, r);
      state.byExternal.set(externalId, r);
      entry.outcome = 'created';
      status = 201;
    }
    entry.externalId = r.externalId;
    if (drop === 'after') return req.socket.destroy();
    if (delay?.when === 'after') await sleep(delay.ms);
    if (res.destroyed || req.socket.destroyed) return;
    json(res, status, { externalId: r.externalId, duplicate: status === 200 });
  }

  async function sendWebhook({ headers, body }) {
    const res = await fetch(cfg.webhookUrl, { method: 'POST', headers, body });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  }

  async function update(body) {
    if (!cfg.webhookUrl) throw Object.assign(new Error('no webhookUrl configured'), { status: 409 });
    const r = state.byExternal.get(body.externalId);
    if (!r) throw Object.assign(new Error(`unknown externalId ${body.externalId}`), { status: 404 });
    const event = {
      eventId: body.eventId ?? randomUUID(),
      externalId: r.externalId,
      reportId: r.payload.reportId,
      status: body.status,
      ...(body.answer !== undefined ? { answer: body.answer } : {}),
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
      ...(body.department !== undefined ? { department: body.department } : {}),
      occurredAt: new Date().toISOString(),
    };
    const text = JSON.stringify(event);
    const ts = Math.floor(Date.now() / 1000) - (body.tamper === 'stale' ? 600 : 0);
    let signature = sign(cfg.secret, ts, text);
    if (body.tamper === 'signature') signature = sign('not-the-shared-secret', ts, text);
    const request = {
      headers: {
        'content-type': 'application/json',
        'x-province-timestamp': String(ts),
        'x-province-signature': signature,
      },
      body: text,
    };
    state.lastWebhook = request;
    const responses = [];
    for (let i = 0; i < (body.times ?? 1); i++) responses.push(await sendWebhook(request));
    if (responses.some((x) => x.status === 200)) r.status = body.status;
    return { eventId: event.eventId, responses };
  }

  async function control(req, res, path) {
    const body = parse(await readBody(req)) ?? {};
    switch (path) {
      case '/control/fail':
        faults.fail = { count: body.count ?? 1, status: body.status ?? 500 };
        return json(res, 200, faults.fail);
      case '/control/delay':
        faults.delay = { ms: body.ms ?? 0, count: body.count ?? Infinity, when: body.when ?? 'after' };
        return json(res, 200, { ...faults.delay, count: body.count ?? null });
      case '/control/drop':
        faults.drop = { count: body.count ?? 1, when: body.when ?? 'before' };
        return json(res, 200, faults.drop);
      case '/control/config':
        if (body.webhookUrl !== undefined) cfg.webhookUrl = body.webhookUrl;
        if (body.secret !== undefined) cfg.secret = body.secret;
        return json(res, 200, { webhookUrl: cfg.webhookUrl ?? null });
      case '/control/update':
        return json(res, 200, await update(body));
      case '/control/replay':
        if (!state.lastWebhook) return json(res, 409, { error: 'nothing_to_replay' });
        return json(res, 200, await sendWebhook(state.lastWebhook));
      case '/control/reset':
        faults.fail.count = 0;
        faults.delay = { ms: 0, count: Infinity, when: 'after' };
        faults.drop.count = 0;
        if (body.data) {
          state.reports.clear();
          state.byExternal.clear();
          state.requests.length = 0;
          state.creations = 0;
        }
        return json(res, 200, { ok: true });
      default:
        return json(res, 404, { error: 'not_found' });
    }
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const run = async () => {
      if (req.method === 'POST' && path === '/api/reports') return receive(req, res);
      if (req.method === 'GET' && path === '/api/reports')
        return json(res, 200, {
          reports: [...state.reports.values()].map(view),
          creations: state.creations,
          requests: state.requests,
        });
      if (req.method === 'GET' && path.startsWith('/api/reports/')) {
        const r = state.byExternal.get(decodeURIComponent(path.slice('/api/reports/'.length)));
        return r ? json(res, 200, view(r)) : json(res, 404, { error: 'not_found' });
      }
      if (req.method === 'POST' && path.startsWith('/control/')) return control(req, res, path);
      return json(res, 404, { error: 'not_found' });
    };
    run().catch((err) => {
      if (!res.headersSent && !res.destroyed) json(res, err.status ?? 500, { error: err.message });
    });
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = `http://${host}:${address.port}`;
  return {
    url,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const sim = await startProvinceSim({
    port: Number(arg('port', process.env.PORT ?? 8099)),
    host: arg('host', '127.0.0.1'),
    secret: arg('secret', process.env.PROVINCE_FEEDBACK_SECRET ?? DEV_SECRET),
    webhookUrl: arg(
      'webhook',
      process.env.PROVINCE_WEBHOOK_URL ??
        'http://127.0.0.1:8080/api/v1/integrations/province-feedback/webhook',
    ),
  });
  console.log(`province-feedback-sim listening on ${sim.url}`);
  console.log(`  our side: PROVINCE_FEEDBACK_URL=${sim.url}/api/reports`);
  const stop = () => sim.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
