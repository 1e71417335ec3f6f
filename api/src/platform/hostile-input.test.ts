// Every documented route, called by an account holding every role, with hostile path parameters, query strings and
// bodies: a client mistake must be a 4xx problem (with Vietnamese and English messages), never a 500 or a hang.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApi, newPhone, bearer, type TestApi } from '../../test/helpers.ts';
import { ROLES } from './auth/permissions.ts';

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const PATH_VALUES = [
  'abc',
  '-1',
  '1e309',
  "' OR 1=1--",
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(3000),
  '00000000-0000-4000-8000-000000000000',
  '%F0%9F%92%A9',
];
const QUERY_VALUES = [
  '-1',
  'abc',
  '99999999999999999999',
  "'; DROP TABLE users;--",
  '%',
  '',
  'x'.repeat(3000),
];

let api: TestApi;
let doc: Doc;
const account = { phone: newPhone(), password: 'TatCaQuyen2026' };
let token = '';

async function signIn() {
  const r = await api.request('POST', '/api/v1/auth/login', account);
  expect(r.status).toBe(200);
  token = r.body.accessToken;
}

beforeAll(async () => {
  api = await startTestApi({
    RATE_LIMIT_AUTH_IP_PER_MINUTE: '100000',
    RATE_LIMIT_IP_PER_MINUTE: '1000000',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
  });
  await api.services.users.ensureUser({ ...account, fullName: 'Tài Khoản Đủ Quyền', roles: [...ROLES] });
  await signIn();
  doc = (await api.request('GET', '/api/openapi.json')).body;
}, 60_000);
afterAll(() => api.close());

/** A value of the wrong type for a schema (a number for a string, a string for anything else). */
function wrongFor(schema: Schema | undefined): unknown {
  const s = resolve(schema);
  const type = Array.isArray(s?.type) ? s.type[0] : s?.type;
  if (type === 'string') return 12345;
  if (type === 'array') return 'not-a-list';
  if (type === 'object') return [1, 2];
  return 'not-a-number';
}

function resolve(schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 5; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''];
  const inner = s?.allOf?.[0] ?? s?.anyOf?.[0] ?? s?.oneOf?.[0];
  return inner && !s?.properties ? resolve(inner) : s;
}

function bodiesFor(op: Operation): unknown[] {
  const bodies: unknown[] = [
    [],
    'text',
    null,
    42,
    { ['__proto__']: { admin: true } },
    { constructor: { x: 1 } },
  ];
  const schema = resolve(op.requestBody?.content['application/json']?.schema);
  const props = Object.entries(schema?.properties ?? {});
  if (props.length) {
    bodies.push(Object.fromEntries(props.map(([k, v]) => [k, wrongFor(v)])));
    bodies.push(Object.fromEntries(props.map(([k]) => [k, null])));
    bodies.push(Object.fromEntries(props.map(([k]) => [k, 'x'.repeat(5000)])));
    bodies.push(Object.fromEntries(props.map(([k]) => [k, { nested: [{ deeper: '\u0000' }] }])));
  }
  return bodies;
}

interface Outcome {
  status: number;
  type: string;
  body: string;
}

/** A request that never waits on an open stream: an event stream's headers are enough. */
async function call(method: string, url: string, body?: unknown): Promise<Outcome> {
  const res = await fetch(api.url + url, {
    method,
    headers: {
      ...bearer(token),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, type, body: '' };
  }
  return { status: res.status, type, body: await res.text() };
}

function problemsIn(label: string, o: Outcome): string[] {
  if (o.status >= 500) return [`${label} → ${o.status} ${o.body.slice(0, 200)}`];
  if (o.status < 400) return [];
  if (!o.type.startsWith('application/problem+json')) return [`${label} → ${o.status} as ${o.type}`];
  const p = JSON.parse(o.body) as { code?: unknown; messages?: { vi?: unknown; en?: unknown } };
  if (typeof p.code !== 'string' || typeof p.messages?.vi !== 'string' || typeof p.messages?.en !== 'string')
    return [`${label} → ${o.status} without a code and both languages: ${o.body.slice(0, 200)}`];
  return [];
}

describe('hostile input on every documented route', () => {
  it('answers 4xx problems in both languages, never a 500, for bad path parameters, queries and bodies', async () => {
    const failures: string[] = [];
    let calls = 0;
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ method: m.toUpperCase(), path: p, op })),
    );
    expect(ops.length).toBeGreaterThan(100);
    // Routes that end the caller's own session go last, so the sweep keeps its token as long as possible.
    const last = (p: string) => /logout|sessions/.test(p);
    ops.sort((a, b) => Number(last(a.path)) - Number(last(b.path)));
    for (const { method, path, op } of ops) {
      const hasParams = path.includes('{');
      const urls = hasParams ? PATH_VALUES.map((v) => path.replace(/\{\w+\}/g, v)) : [path];
      const sane = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const queryNames = (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name);
      const queries = QUERY_VALUES.map(
        (v) =>
          `?${(queryNames.length ? queryNames : ['page'])
            .map((n) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`)
            .join('&')}&${encodeURIComponent('a[b][c]')}=1`,
      );
      const attempts: Array<[string, unknown]> = urls.map((u) => [u, method === 'GET' ? undefined : {}]);
      if (method === 'GET' || method === 'DELETE')
        for (const q of queries) attempts.push([sane + q, undefined]);
      if (op.requestBody?.content['application/json'])
        for (const b of bodiesFor(op)) attempts.push([sane, b]);
      for (const [url, body] of attempts) {
        const o = await call(method, url, body);
        calls++;
        failures.push(
          ...problemsIn(`${method} ${url.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 80)}`, o),
        );
        if (o.status === 401 && /session_ended|token_invalid/.test(o.body)) await signIn();
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);
});
