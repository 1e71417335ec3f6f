import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { QueryTypes } from 'sequelize';
import {
  startTestApi,
  registerCitizen,
  bearer,
  newPhone,
  type TestApi,
  type TestResponse,
} from '../../../test/helpers.ts';

// Open311 GeoReport v2 over real HTTP: what the public sees (only published reports, only redacted text),
// POST with API keys, tokens, filters, the servicerequestupdates extension, JSON and XML alike.
let api: TestApi;
let admin: string;
let ioc: string;
let apiKey: string;
let keyId: string;
const xml = new XMLParser({ parseTagValue: false });

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  const staff = async (roles: Array<'ioc_operator' | 'admin'>) => {
    const phone = newPhone();
    await api.services.users.ensureUser({ phone, fullName: 'Cán Bộ', password: 'CanBo2026x', roles });
    return (await api.request('POST', '/api/v1/auth/login', { phone, password: 'CanBo2026x' })).body
      .accessToken as string;
  };
  admin = await staff(['admin']);
  ioc = await staff(['ioc_operator']);
  const created = await api.request(
    'POST',
    '/api/v1/admin/open311-keys',
    { name: 'Ứng dụng thử' },
    bearer(admin),
  );
  expect(created.status).toBe(201);
  apiKey = created.body.key;
  keyId = created.body.id;
});
afterAll(() => api.close());

const get = async (p: string): Promise<TestResponse & { text: string }> => {
  const res = await fetch(`${api.url}/open311/v2/${p}`);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: p.includes('.xml') ? xml.parse(text) : JSON.parse(text),
  };
};
const post = async (fields: Record<string, string>, format = 'json') => {
  const res = await fetch(`${api.url}/open311/v2/requests.${format}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: format === 'xml' ? xml.parse(text) : JSON.parse(text),
  };
};
const valid = (extra: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: 'traffic',
  lat: '12.6667',
  long: '108.05',
  description: 'Đèn tín hiệu giao thông ở ngã tư bị hỏng từ sáng nay.',
  ...extra,
});

async function citizenReport(token: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ category: 'public_admin', lat: '12.6667', lng: '108.05', ...fields }))
    form.set(k, v);
  const res = await fetch(`${api.url}/api/v1/feedback`, {
    method: 'POST',
    headers: bearer(token),
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const publish = (id: string, publicTitle: string, publicDescription: string) =>
  api.request(
    'PUT',
    `/api/v1/feedback/${id}/publication`,
    { published: true, publicTitle, publicDescription },
    bearer(ioc),
  );
const triage = (id: string, body: object) =>
  api.request('POST', `/api/v1/feedback/${id}/triage`, body, bearer(ioc));

describe('Open311 discovery and services', () => {
  it('discovery in JSON and XML', async () => {
    const j = await get('discovery.json');
    expect(j.status).toBe(200);
    expect(j.headers.get('content-type')).toContain('application/json');
    expect(j.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['application/json', 'text/xml'],
    });
    expect(j.body.endpoints[0].url).toMatch(/\/open311\/v2$/);
    const x = await get('discovery.xml');
    expect(x.headers.get('content-type')).toContain('text/xml');
    expect(x.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(x.body.discovery.endpoints.endpoint.formats.format).toEqual(['application/json', 'text/xml']);
  });

  it('services are our categories; a service definition; an unknown one is 404 in either format', async () => {
    const j = await get('services.json');
    expect(j.body).toHaveLength(8);
    expect(j.body.find((s: { service_code: string }) => s.service_code === 'traffic')).toMatchObject({
      service_name: 'Giao thông',
      metadata: false,
      type: 'realtime',
      group: 'Sở Xây dựng',
    });
    const x = await get('services.xml');
    expect(x.body.services.service).toHaveLength(8);
    expect(x.body.services.service[2]).toMatchObject({ service_code: 'traffic', metadata: 'false' });
    expect((await get('services/traffic.json')).body).toEqual({ service_code: 'traffic', attributes: [] });
    expect((await get('services/traffic.xml')).body.service_definition.service_code).toBe('traffic');
    const missing = await get('services/nope.json');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.messages.en).toContain('nope');
    const missingXml = await get('services/nope.xml');
    expect(missingXml.status).toBe(404);
    expect(missingXml.body.errors.error.code).toBe('404');
    expect((await get('services.yaml')).status).toBe(404);
  });
});

describe('Open311 POST requests', () => {
  it('refuses a missing, wrong or revoked api_key with 403', async () => {
    const { api_key: _, ...noKey } = valid();
    const none = await post(noKey);
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('open311_api_key');
    expect((await post(valid({ api_key: 'o311_wrong' }))).status).toBe(403);
    // The key is checked before anything else.
    expect((await post({ service_code: 'nope' })).status).toBe(403);
    const x = await post(noKey, 'xml');
    expect(x.status).toBe(403);
    expect(x.body.errors.error).toMatchObject({ code: '403' });
    // A revoked key stops working.
    const other = await api.request('POST', '/api/v1/admin/open311-keys', { name: 'Tạm' }, bearer(admin));
    expect((await post(valid({ api_key: other.body.key }))).status).toBe(201);
    expect(
      (await api.request('DELETE', `/api/v1/admin/open311-keys/${other.body.id}`, undefined, bearer(admin)))
        .status,
    ).toBe(204);
    expect((await post(valid({ api_key: other.body.key }))).status).toBe(403);
  });

  it('creates a report of the client’s account, with a token; contact details kept only encrypted', async () => {
    const res = await post(valid({ email: 'ban@vidu.vn', first_name: 'Lan', phone: '0905111222' }));
    expect(res.status).toBe(201);
    const [created] = res.body;
    expect(created.service_request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.service_notice).toContain('5 ngày làm việc');
    const token = await get(`tokens/${created.token}.json`);
    expect(token.body).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);
    const tokenXml = await get(`tokens/${created.token}.xml`);
    expect(tokenXml.body.service_requests.request.service_request_id).toBe(created.service_request_id);
    expect((await get('tokens/nope.json')).status).toBe(404);
    const [row] = await api.sequelize.query<{ contact: string; full_name: string; category: string }>(
      `SELECT q.contact, u.full_name, r.category FROM open311_requests q JOIN feedback_reports r ON r.id = q.report_id
       JOIN users u ON u.id = r.user_id WHERE q.token = :t`,
      { replacements: { t: created.token }, type: QueryTypes.SELECT },
    );
    expect(row).toMatchObject({ full_name: 'Open311: Ứng dụng thử', category: 'traffic' });
    expect(row?.contact).not.toContain('0905111222');
    // Not published yet: invisible.
    expect((await get(`requests/${created.service_request_id}.json`)).status).toBe(404);
    // XML answer too.
    const x = await post(valid(), 'xml');
    expect(x.status).toBe(201);
    expect(x.body.service_requests.request.service_request_id).toMatch(/^[0-9a-f-]{36}$/);
    // The key list counts the requests and never shows a key.
    const keys = await api.request('GET', '/api/v1/admin/open311-keys', undefined, bearer(admin));
    const mine = keys.body.items.find((k: { id: string }) => k.id === keyId);
    expect(mine.requests).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(keys.body)).not.toContain(apiKey);
    expect((await api.request('GET', '/api/v1/admin/open311-keys', undefined, bearer(ioc))).status).toBe(403);
    expect(
      (await api.request('POST', '/api/v1/admin/open311-keys', { name: 'Không được' }, bearer(ioc))).status,
    ).toBe(403);
    const unknown = await api.request(
      'DELETE',
      '/api/v1/admin/open311-keys/00000000-0000-4000-8000-000000000000',
      undefined,
      bearer(admin),
    );
    expect(unknown.status).toBe(404);
    const audits = await api.sequelize.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'open311.%' ORDER BY id`,
      { type: QueryTypes.SELECT },
    );
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['open311.key_create', 'open311.key_revoke', 'open311.request_create']),
    );
  });

  it('refuses a point outside the province, an unknown service_code, no location and short text — each 400', async () => {
    const outside = await post(valid({ lat: '21.0285', long: '105.8542' }));
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('outside_province');
    expect(outside.body.errors[0].path).toBe('lat');
    const unknown = await post(valid({ service_code: 'potholes' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('unknown_service_code');
    const { lat: _a, long: _b, ...noPoint } = valid();
    expect((await post(noPoint)).body.code).toBe('location_required');
    expect((await post({ ...noPoint, lat: '12.6667' })).body.code).toBe('location_incomplete');
    const noCommune = await post({ ...noPoint, address_string: '12 Lê Duẩn, Hà Nội' });
    expect(noCommune.status).toBe(400);
    expect(noCommune.body.code).toBe('address_commune_unknown');
    const short = await post(valid({ description: 'Hỏng' }));
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('body.description');
    const shortXml = await post(valid({ description: 'Hỏng' }), 'xml');
    expect(shortXml.status).toBe(400);
    expect(String(shortXml.body.errors.error.description)).toContain('body.description');
  });

  it('finds the commune in address_string when there is no point', async () => {
    const { lat: _a, long: _b, ...noPoint } = valid();
    const res = await post({ ...noPoint, address_string: '12 Lê Duẩn, Phường Tuy Hòa' });
    expect(res.status).toBe(201);
    const [row] = await api.sequelize.query<{ commune_code: string; lat: number | null }>(
      'SELECT commune_code, lat FROM feedback_reports WHERE id = :id',
      { replacements: { id: res.body[0].service_request_id }, type: QueryTypes.SELECT },
    );
    expect(row).toEqual({ commune_code: '22015', lat: null });
  });
});

describe('Open311 GET requests', () => {
  let openId: string;
  let closedId: string;
  let hiddenId: string;
  const name = 'Trần Thị Bích';
  beforeAll(async () => {
    const c = await registerCitizen(api, newPhone(), 'MatKhau2026', name);
    openId = await citizenReport(c.accessToken, {
      title: 'Hồ sơ trễ hẹn',
      description: `Tôi là ${name}, SĐT 0905123456, hồ sơ đất đai trễ hẹn 2 tháng.`,
    });
    closedId = await citizenReport(c.accessToken, {
      category: 'traffic',
      title: 'Xe đỗ chắn lối',
      description: 'Xe 47A-123.45 đỗ chắn lối đi trước trường.',
    });
    hiddenId = await citizenReport(c.accessToken, {
      title: 'Không công bố',
      description: 'Phản ánh này không công bố.',
    });
    expect((await triage(openId, { action: 'accept' })).status).toBe(204);
    expect(
      (await triage(closedId, { action: 'reject', reason: 'Không thuộc thẩm quyền; gọi 0262 3812345.' }))
        .status,
    ).toBe(204);
    expect((await publish(openId, 'Hồ sơ đất đai trễ hẹn', 'Hồ sơ đất đai trễ hẹn 2 tháng.')).status).toBe(
      200,
    );
    expect((await publish(closedId, 'Xe đỗ chắn lối', 'Xe đỗ chắn lối đi trước trường.')).status).toBe(200);
  });

  it('lists only published reports, with their public text and never the reporter', async () => {
    const res = await get('requests.json');
    expect(res.status).toBe(200);
    const ids = res.body.map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([openId, closedId]));
    expect(ids).not.toContain(hiddenId);
    expect(res.text).not.toContain('0905123456');
    expect(res.text).not.toContain(name);
    expect(res.text).not.toContain('47A-123.45');
    expect(res.text).not.toContain('3812345');
    const open = res.body.find((r: { service_request_id: string }) => r.service_request_id === openId);
    expect(open).toMatchObject({
      status: 'open',
      service_code: 'public_admin',
      service_name: 'Hành chính công',
      description: 'Hồ sơ đất đai trễ hẹn 2 tháng.',
      agency_responsible: 'Văn phòng UBND tỉnh',
      lat: 12.6667,
      long: 108.05,
      status_notes: null,
    });
    expect(open.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(open.expected_datetime).toMatch(/\+07:00$/);
    const closed = res.body.find((r: { service_request_id: string }) => r.service_request_id === closedId);
    expect(closed).toMatchObject({ status: 'closed', detailed_status: 'rejected' });
    expect(closed.status_notes).toContain('Không thuộc thẩm quyền');
    expect(closed.status_notes).toContain('[số điện thoại đã ẩn]');
  });

  it('one request, and the same list in XML', async () => {
    const one = await get(`requests/${openId}.json`);
    expect(one.body).toHaveLength(1);
    expect(one.body[0].service_request_id).toBe(openId);
    expect((await get(`requests/${hiddenId}.json`)).status).toBe(404);
    expect((await get('requests/not-a-uuid.xml')).status).toBe(404);
    const x = await get(`requests.xml?service_request_id=${openId},${closedId}`);
    const items = x.body.service_requests.request;
    expect(items).toHaveLength(2);
    expect(items.map((r: { status: string }) => r.status).sort()).toEqual(['closed', 'open']);
    expect(x.text).not.toContain(name);
  });

  it('filters by status, service_code, dates and place; bad filters are 400', async () => {
    const ids = (r: TestResponse) => r.body.map((x: { service_request_id: string }) => x.service_request_id);
    expect(ids(await get('requests.json?status=closed'))).toEqual([closedId]);
    expect(ids(await get('requests.json?status=open'))).toEqual([openId]);
    expect(ids(await get('requests.json?status=open,closed')).sort()).toEqual([openId, closedId].sort());
    expect(ids(await get('requests.json?service_code=traffic'))).toEqual([closedId]);
    const future = new Date(Date.now() + 86400_000).toISOString();
    expect(ids(await get(`requests.json?start_date=${future}`))).toEqual([]);
    // An unencoded +07:00 offset still parses.
    expect(ids(await get('requests.json?start_date=2020-01-01T00:00:00+07:00')).length).toBe(2);
    expect(ids(await get('requests.json?lat=12.6667&long=108.05&radius=200')).length).toBe(2);
    expect(ids(await get('requests.json?lat=13.08&long=109.29&radius=200'))).toEqual([]);
    expect(ids(await get('requests.json?page_size=1'))).toHaveLength(1);
    expect((await get('requests.json?start_date=yesterday')).status).toBe(400);
    expect((await get('requests.json?status=pending')).status).toBe(400);
    expect((await get('requests.xml?service_request_id=x')).status).toBe(400);
  });

  it('withdrawn publication hides the report again', async () => {
    const id = await citizenReport((await registerCitizen(api)).accessToken, {
      title: 'Tạm công bố',
      description: 'Phản ánh sẽ được rút lại.',
    });
    expect((await publish(id, 'Tạm công bố', 'Phản ánh sẽ được rút lại.')).status).toBe(200);
    expect((await get(`requests/${id}.json`)).status).toBe(200);
    const off = await api.request(
      'PUT',
      `/api/v1/feedback/${id}/publication`,
      { published: false },
      bearer(ioc),
    );
    expect(off.body.published).toBe(false);
    expect((await get(`requests/${id}.json`)).status).toBe(404);
  });

  it('servicerequestupdates: the public timeline of published reports only', async () => {
    const res = await get(`servicerequestupdates.json?service_request_id=${openId},${closedId},${hiddenId}`);
    expect(res.status).toBe(200);
    const byReport = (id: string) =>
      res.body.filter((u: { service_request_id: string }) => u.service_request_id === id);
    expect(byReport(hiddenId)).toEqual([]);
    expect(byReport(openId).map((u: { external_status_code: string }) => u.external_status_code)).toEqual([
      'submitted',
      'accepted',
    ]);
    const rejected = byReport(closedId).at(-1);
    expect(rejected).toMatchObject({ status: 'closed', external_status_code: 'rejected' });
    expect(rejected.description).toContain('[số điện thoại đã ẩn]');
    expect(rejected.update_id).toMatch(/^\d+$/);
    expect(rejected.updated_datetime).toMatch(/\+07:00$/);
    const x = await get(`servicerequestupdates.xml?service_request_id=${closedId}`);
    const updates = x.body.service_request_updates.request_update;
    expect(updates.at(-1)).toMatchObject({ service_request_id: closedId, status: 'closed' });
    const none = await get(
      `servicerequestupdates.json?start_date=${new Date(Date.now() + 86400_000).toISOString()}`,
    );
    expect(none.body).toEqual([]);
  });
});
