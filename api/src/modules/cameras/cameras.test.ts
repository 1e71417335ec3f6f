import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerCitizen, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { makeAccount } from '../work/companies.testkit.ts';

let api: TestApi;
let ioc: Awaited<ReturnType<typeof makeAccount>>;
let citizen: string;
let closedPort: number;

/** A port nothing listens on: connecting is refused at once. */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

beforeAll(async () => {
  api = await startTestApi({ CAMERA_HEALTH_INTERVAL_MS: '0', CAMERA_PROBE_TIMEOUT_MS: '3000' });
  ioc = await makeAccount(api, ['ioc_operator']);
  citizen = (await registerCitizen(api)).accessToken;
  closedPort = await freePort();
});
afterAll(() => api.close());

let seq = 0;
const input = (over: Record<string, unknown> = {}) => ({
  code: `cam-${process.pid}-${++seq}`,
  name: 'Ngã Sáu Buôn Ma Thuột',
  rtspUrl: `rtsp://admin:BiMat%40123@127.0.0.1:${closedPort}/live`,
  lat: 12.6667,
  lng: 108.0383,
  communeCode: '24121',
  tags: ['nút giao', 'trung tâm'],
  ...over,
});
const create = async (over: Record<string, unknown> = {}) => {
  const res = await api.request('POST', '/api/v1/cameras', input(over), bearer(ioc.token));
  if (res.status !== 201) throw new Error(`create ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

describe('camera registry', () => {
  it('creates a camera, tests its feed, and never shows the address nor its credentials', async () => {
    const res = await api.request('POST', '/api/v1/cameras', input(), bearer(ioc.token));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Ngã Sáu Buôn Ma Thuột',
      rtspHost: `127.0.0.1:${closedPort}`,
      hasCredentials: true,
      enabled: true,
      private: false,
      state: 'unknown',
      tags: ['nút giao', 'trung tâm'],
      status: { state: 'unknown', viewers: 0, transcoding: false },
      probe: { reachable: false, code: 'unreachable' },
    });
    expect(res.body.probe.messages.vi).toMatch(/Không kết nối được/);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('BiMat');
    expect(text).not.toContain('admin');
    expect(text).not.toContain('/live');

    const one = await api.request('GET', `/api/v1/cameras/${res.body.id}`, undefined, bearer(ioc.token));
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain('BiMat');

    const [rows] = await api.sequelize.query(`SELECT rtsp_sealed, rtsp_host FROM cameras WHERE id = :id`, {
      replacements: { id: res.body.id },
    });
    const row = (rows as Array<{ rtsp_sealed: string; rtsp_host: string }>)[0]!;
    expect(row.rtsp_sealed).not.toContain('BiMat');
    expect(row.rtsp_host).toBe(`127.0.0.1:${closedPort}`);
    // The gateway gets the address with the credentials put back.
    const src = await api.services.cameras.source(res.body.id);
    expect(src?.url).toBe(`rtsp://admin:BiMat%40123@127.0.0.1:${closedPort}/live`);

    const [auditRows] = await api.sequelize.query(
      `SELECT action, actor_id, details FROM audit_log WHERE entity_type = 'camera' AND entity_id = :id`,
      { replacements: { id: res.body.id } },
    );
    expect(auditRows).toHaveLength(1);
    expect(auditRows[0]).toMatchObject({ action: 'camera.create', actor_id: ioc.id });
    expect(JSON.stringify(auditRows)).not.toContain('BiMat');
    expect(JSON.stringify(auditRows)).not.toContain('/live');
  });

  it('rejects bad input with bilingual messages, a taken code with 409, an unknown commune with 400', async () => {
    const bad = await api.request(
      'POST',
      '/api/v1/cameras',
      input({ code: 'mã có dấu', rtspUrl: 'http://example.com/x' }),
      bearer(ioc.token),
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const byPath = Object.fromEntries(
      (bad.body.errors as Array<{ path: string; code: string; messages: { vi: string } }>).map((f) => [
        f.path,
        f,
      ]),
    );
    expect(byPath['body.code']?.code).toBe('camera_code_format');
    expect(byPath['body.rtspUrl']?.code).toBe('rtsp_url_format');
    expect(byPath['body.rtspUrl']?.messages.vi).toContain('Địa chỉ luồng');

    const first = await create();
    const dup = await api.request('POST', '/api/v1/cameras', input({ code: first.code }), bearer(ioc.token));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('camera_code_taken');

    const commune = await api.request(
      'POST',
      '/api/v1/cameras',
      input({ communeCode: '99999' }),
      bearer(ioc.token),
    );
    expect(commune.status).toBe(400);
    expect(commune.body.errors[0]).toMatchObject({ path: 'communeCode', code: 'commune_unknown' });
  });

  it('updates fields, keeps or clears the credentials, and deletes', async () => {
    const cam = await create();
    const upd = await api.request(
      'PUT',
      `/api/v1/cameras/${cam.id}`,
      { name: 'Nguyễn Tất Thành × Lê Duẩn', private: true },
      bearer(ioc.token),
    );
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({
      name: 'Nguyễn Tất Thành × Lê Duẩn',
      private: true,
      hasCredentials: true,
      probe: null,
    });

    const re = await api.request(
      'PUT',
      `/api/v1/cameras/${cam.id}`,
      { rtspUrl: `rtsp://10.0.0.9:${closedPort}/cam2` },
      bearer(ioc.token),
    );
    expect(re.status).toBe(200);
    expect(re.body.rtspHost).toBe(`10.0.0.9:${closedPort}`);
    expect(re.body.hasCredentials).toBe(true);
    expect(re.body.probe).not.toBeNull();
    expect((await api.services.cameras.source(cam.id))?.url).toBe(
      `rtsp://admin:BiMat%40123@10.0.0.9:${closedPort}/cam2`,
    );

    const clear = await api.request(
      'PUT',
      `/api/v1/cameras/${cam.id}`,
      { clearCredentials: true },
      bearer(ioc.token),
    );
    expect(clear.body.hasCredentials).toBe(false);
    expect((await api.services.cameras.source(cam.id))?.url).toBe(`rtsp://10.0.0.9:${closedPort}/cam2`);

    const [auditRows] = await api.sequelize.query(
      `SELECT action, details FROM audit_log WHERE entity_type = 'camera' AND entity_id = :id ORDER BY id`,
      { replacements: { id: cam.id } },
    );
    expect((auditRows as Array<{ action: string }>).map((a) => a.action)).toEqual([
      'camera.create',
      'camera.update',
      'camera.update',
      'camera.update',
    ]);
    expect(JSON.stringify(auditRows)).not.toContain('BiMat');
    expect(JSON.stringify(auditRows)).not.toContain('cam2');

    const del = await api.request('DELETE', `/api/v1/cameras/${cam.id}`, undefined, bearer(ioc.token));
    expect(del.status).toBe(204);
    const gone = await api.request('GET', `/api/v1/cameras/${cam.id}`, undefined, bearer(ioc.token));
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('camera_not_found');
  });

  it('citizens get 403 on operator routes; anonymous and citizens see only public enabled cameras', async () => {
    const pub = await create({ name: 'Phan Bội Châu công khai' });
    const priv = await create({ name: 'Phan Bội Châu nội bộ', private: true });
    const off = await create({ name: 'Phan Bội Châu tắt', enabled: false });

    for (const [method, path, body] of [
      ['GET', '/api/v1/cameras/all'],
      ['GET', `/api/v1/cameras/${pub.id}`],
      ['POST', '/api/v1/cameras', input()],
      ['PUT', `/api/v1/cameras/${pub.id}`, { name: 'Đổi tên' }],
      ['DELETE', `/api/v1/cameras/${pub.id}`],
      ['POST', '/api/v1/cameras/bulk', { ids: [pub.id], action: 'disable' }],
      ['GET', '/api/v1/cameras/events'],
      ['GET', '/api/v1/cameras/layouts'],
    ] as Array<[string, string, unknown?]>) {
      const r = await api.request(method, path, body, bearer(citizen));
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.code).toBe('permission_required');
      const anon = await api.request(method, path, body);
      expect(anon.status, `${method} ${path} anonymous`).toBe(401);
    }

    const list = await api.request('GET', '/api/v1/cameras?q=phan boi chau');
    expect(list.status).toBe(200);
    const names = list.body.items.map((c: { name: string }) => c.name);
    expect(names).toContain('Phan Bội Châu công khai');
    expect(names).not.toContain('Phan Bội Châu nội bộ');
    expect(names).not.toContain('Phan Bội Châu tắt');
    expect(list.body.items[0]).not.toHaveProperty('rtspHost');
    expect(list.body.items[0]).not.toHaveProperty('private');

    expect((await api.request('GET', `/api/v1/cameras/${pub.id}/public`)).status).toBe(200);
    expect(
      (await api.request('GET', `/api/v1/cameras/${priv.id}/public`, undefined, bearer(citizen))).status,
    ).toBe(404);
    expect((await api.request('GET', `/api/v1/cameras/${off.id}/public`)).status).toBe(404);

    const all = await api.request(
      'GET',
      '/api/v1/cameras/all?q=PHAN BOI CHAU&sort=name',
      undefined,
      bearer(ioc.token),
    );
    expect(all.body.items.map((c: { name: string }) => c.name)).toEqual([
      'Phan Bội Châu công khai',
      'Phan Bội Châu nội bộ',
      'Phan Bội Châu tắt',
    ]);
    expect(all.body.total).toBe(3);
    expect(all.body.counts).toEqual({ unknown: 3 });
    expect(all.body.tags).toContain('nút giao');
    const disabled = await api.request(
      'GET',
      '/api/v1/cameras/all?q=phan boi chau&enabled=false',
      undefined,
      bearer(ioc.token),
    );
    expect(disabled.body.items.map((c: { name: string }) => c.name)).toEqual(['Phan Bội Châu tắt']);
    const paged = await api.request(
      'GET',
      '/api/v1/cameras/all?q=phan boi chau&limit=1&offset=1',
      undefined,
      bearer(ioc.token),
    );
    expect(paged.body).toMatchObject({ total: 3, items: [{ name: 'Phan Bội Châu nội bộ' }] });
    // The state filter narrows the items; the per-state counts ignore it (they label the state chips).
    const byState = await api.request(
      'GET',
      '/api/v1/cameras/all?q=phan boi chau&state=live,offline&sort=state',
      undefined,
      bearer(ioc.token),
    );
    expect(byState.body).toMatchObject({ total: 0, items: [], counts: { unknown: 3 } });
    const unknown = await api.request('GET', '/api/v1/cameras?q=phan boi chau&state=unknown');
    expect(unknown.body.total).toBe(1);
  });

  it('enables, disables and deletes in bulk, audited per camera', async () => {
    const a = await create({ name: 'Bulk A' });
    const b = await create({ name: 'Bulk B' });
    const dis = await api.request(
      'POST',
      '/api/v1/cameras/bulk',
      { ids: [a.id, b.id], action: 'disable' },
      bearer(ioc.token),
    );
    expect(dis.body).toEqual({ updated: 2, deleted: 0 });
    const again = await api.request(
      'POST',
      '/api/v1/cameras/bulk',
      { ids: [a.id, b.id], action: 'disable' },
      bearer(ioc.token),
    );
    expect(again.body).toEqual({ updated: 0, deleted: 0 });
    expect(
      (await api.request('GET', `/api/v1/cameras/${a.id}`, undefined, bearer(ioc.token))).body.enabled,
    ).toBe(false);
    const del = await api.request(
      'POST',
      '/api/v1/cameras/bulk',
      { ids: [a.id, b.id], action: 'delete' },
      bearer(ioc.token),
    );
    expect(del.body).toEqual({ updated: 0, deleted: 2 });
    const [auditRows] = await api.sequelize.query(
      `SELECT action FROM audit_log WHERE entity_type = 'camera' AND entity_id IN (:ids) AND details->>'bulk' = 'true'`,
      { replacements: { ids: [a.id, b.id] } },
    );
    expect(auditRows).toHaveLength(4);
  });

  it('probes a feed before saving (unreachable) and needs an address or a camera', async () => {
    const r = await api.request(
      'POST',
      '/api/v1/cameras/probe',
      { rtspUrl: `rtsp://127.0.0.1:${closedPort}/x` },
      bearer(ioc.token),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ reachable: false, code: 'unreachable', codec: null });
    expect(r.body.messages.en).toMatch(/Could not connect/);
    const none = await api.request('POST', '/api/v1/cameras/probe', {}, bearer(ioc.token));
    expect(none.status).toBe(400);
    expect(none.body.errors[0].code).toBe('rtsp_url_required');
  });
});
