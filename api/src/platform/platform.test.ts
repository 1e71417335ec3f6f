import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { startTestApi, type TestApi } from '../../test/helpers.ts';
import { buildDocumentOffline } from '../openapi-doc.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ CORS_ORIGINS: 'https://ioc.daklak.gov.vn', BODY_LIMIT_BYTES: '2048' });
});
afterAll(() => api.close());

describe('health and readiness', () => {
  it('answers /healthz and /readyz', async () => {
    const h = await api.request('GET', '/healthz');
    expect(h.status).toBe(200);
    expect(h.body.status).toBe('ok');
    const r = await api.request('GET', '/readyz');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });
});

describe('request ids and headers', () => {
  it('returns a request id, echoing a sane incoming one', async () => {
    const a = await api.request('GET', '/healthz');
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const b = await api.request('GET', '/healthz', undefined, { 'x-request-id': 'trace-12345678' });
    expect(b.headers.get('x-request-id')).toBe('trace-12345678');
    const c = await api.request('GET', '/healthz', undefined, { 'x-request-id': 'bad id with spaces' });
    expect(c.headers.get('x-request-id')).not.toBe('bad id with spaces');
  });
  it('sets security headers', async () => {
    const r = await api.request('GET', '/healthz');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-powered-by')).toBeNull();
  });
  it('allows CORS only for configured origins', async () => {
    const ok = await api.request('OPTIONS', '/api/v1/communes', undefined, {
      origin: 'https://ioc.daklak.gov.vn',
      'access-control-request-method': 'GET',
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://ioc.daklak.gov.vn');
    const bad = await api.request('GET', '/api/v1/communes', undefined, { origin: 'https://evil.example' });
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('problem+json for client mistakes', () => {
  it('invalid JSON → 400 invalid_json', async () => {
    const r = await api.request('POST', '/api/v1/auth/login', '{"phone": ');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(r.body.messages.vi).toMatch(/JSON/);
    expect(r.body.requestId).toBe(r.headers.get('x-request-id'));
  });
  it('unknown fields → 400 with one error per field', async () => {
    const r = await api.request('POST', '/api/v1/auth/otp', {
      phone: '0905123456',
      purpose: 'register',
      admin: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect(r.body.errors).toContainEqual(
      expect.objectContaining({ path: 'body.admin', code: 'unknown_field' }),
    );
  });
  it('wrong types and missing fields are named', async () => {
    const r = await api.request('POST', '/api/v1/auth/otp', { phone: 905123456 });
    expect(r.status).toBe(400);
    const byPath = Object.fromEntries(
      r.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    );
    expect(byPath['body.phone']).toBe('invalid_type');
    expect(byPath['body.purpose']).toBe('required');
  });
  it('too-large bodies → 413', async () => {
    const r = await api.request('POST', '/api/v1/auth/login', {
      phone: '0905123456',
      password: 'x'.repeat(5000),
    });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('body_too_large');
  });
  it('a body that does not decompress with its Content-Encoding → 400 body_not_decompressible; a real gzip body works', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const r = await api.request('POST', '/api/v1/auth/otp', '{"phone":"0912345678","purpose":"login"}', {
        'content-type': 'application/json',
        'content-encoding': encoding,
      });
      expect(r.status, encoding).toBe(400);
      expect(r.body.code).toBe('body_not_decompressible');
    }
    const zipped = await fetch(`${api.url}/api/v1/auth/otp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync('{"phone":"0912345678","purpose":"nothing"}'),
    });
    expect(zipped.status).toBe(400);
    expect(((await zipped.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe(
      'body.purpose',
    );
  });
  it('non-JSON bodies → 415', async () => {
    const r = await api.request('POST', '/api/v1/auth/login', 'phone=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(415);
  });
  it('unknown routes → 404, wrong method → 405 with Allow', async () => {
    const a = await api.request('GET', '/api/v1/nothing-here');
    expect(a.status).toBe(404);
    expect(a.body.code).toBe('route_not_found');
    const b = await api.request('DELETE', '/api/v1/auth/login');
    expect(b.status).toBe(405);
    expect(b.headers.get('allow')).toBe('POST');
  });
  it('every documented route is reached through its group router (none is a 404/405/500 of the router)', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => [m, p]));
    expect(ops.length).toBeGreaterThan(100);
    const unreached: string[] = [];
    for (const [method, p] of ops) {
      const url = (p as string).replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const r = await api.request((method as string).toUpperCase(), url, method === 'get' ? undefined : {});
      if (r.status === 405 || r.status >= 500 || r.body?.code === 'route_not_found')
        unreached.push(`${method} ${p} → ${r.status} ${r.body?.code}`);
    }
    expect(unreached).toEqual([]);
  });
  it('requests Node cannot parse get a problem too: a broken request line → 400, oversized headers → 431', async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const { port } = new URL(api.url);
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
        let out = '';
        socket.on('data', (d) => (out += d));
        socket.on('end', () => resolve(out));
        socket.on('error', reject);
      });
    const broken = await raw('GET /api/v1/me HTTP/1.1 extra\r\nHost: x\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 /);
    expect(broken).toMatch(/content-type: application\/problem\+json/i);
    const problem = JSON.parse(broken.slice(broken.indexOf('\r\n\r\n') + 4));
    expect(problem).toMatchObject({ status: 400, code: 'malformed_request' });
    expect(problem.messages.en).toMatch(/malformed/);
    const long = await raw(`GET /api/v1/work/jobs?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(long).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(long.slice(long.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 'headers_too_large' });
  });
  it('speaks English when asked', async () => {
    const r = await api.request('GET', '/api/v1/nothing', undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(r.body.detail).toMatch(/There is no API route/);
    const v = await api.request('GET', '/api/v1/nothing');
    expect(v.body.detail).toMatch(/Không có địa chỉ API/);
  });
  it('bad path parameters are a 400, not a 500', async () => {
    const r = await api.request('GET', '/api/v1/communes/abc');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toBe('params.code');
  });
});

describe('OpenAPI', () => {
  it('serves the document and the docs UI', async () => {
    const doc = await api.request('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/api/v1/auth/register');
    const ui = await fetch(`${api.url}/api/docs/`);
    expect(await ui.text()).toContain('swagger-ui-bundle.js');
    const bundle = await fetch(`${api.url}/api/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });
  it('the committed api/openapi.json is up to date (run `npm run openapi -w api`)', async () => {
    const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildDocumentOffline())));
  });
  it('every route declares at least one documented response', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body;
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>))
      for (const [m, op] of Object.entries(ops))
        expect(Object.keys(op.responses).length, `${m} ${p}`).toBeGreaterThan(0);
  });
});

describe('reference data', () => {
  it('lists the 102 communes and wards and finds them without accents', async () => {
    const all = await api.request('GET', '/api/v1/communes');
    expect(all.status, JSON.stringify(all.body).slice(0, 300)).toBe(200);
    expect(all.body.total).toBe(102);
    expect(all.body.items.filter((c: { type: string }) => c.type === 'ward')).toHaveLength(14);
    const found = await api.request('GET', '/api/v1/communes?q=buon%20ma%20thuot');
    expect(found.body.items.map((c: { name: string }) => c.name)).toContain('Phường Buôn Ma Thuột');
    const one = await api.request('GET', '/api/v1/communes/22015');
    expect(one.body.name).toBe('Phường Tuy Hòa');
    expect((await api.request('GET', '/api/v1/communes/99999')).status).toBe(404);
  });
});

describe('static clients', () => {
  it('redirects /console to /console/ once, never in a loop', async () => {
    const bare = await fetch(`${api.url}/console?x=1`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/?x=1');
    const slash = await fetch(`${api.url}/console/`, {
      redirect: 'manual',
      headers: { accept: 'text/html' },
    });
    expect(slash.status).not.toBe(301);
  });
  it('serves a clear page when a client is not built, and 404 problems for unknown non-HTML paths', async () => {
    const r = await fetch(`${api.url}/console/users`, { headers: { accept: 'text/html' } });
    expect([200, 503]).toContain(r.status);
    const n = await api.request('GET', '/nope.json', undefined, { accept: 'application/json' });
    expect(n.status).toBe(404);
  });
});
