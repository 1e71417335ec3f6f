import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerCitizen, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { makeAccount } from '../work/companies.testkit.ts';

let api: TestApi;
let a: Awaited<ReturnType<typeof makeAccount>>;
let b: Awaited<ReturnType<typeof makeAccount>>;
const cams: string[] = [];

beforeAll(async () => {
  api = await startTestApi({ CAMERA_HEALTH_INTERVAL_MS: '0' });
  a = await makeAccount(api, ['ioc_operator']);
  b = await makeAccount(api, ['ioc_operator'], 'Lê Văn Cường');
  for (let i = 0; i < 3; i++) {
    const r = await api.request(
      'POST',
      '/api/v1/cameras/import',
      { csv: `code,name,lat,lng,rtsp_url\nwall-${i},Camera tường ${i},12.7,108.1,rtsp://10.9.9.${i}/live` },
      bearer(a.token),
    );
    if (r.body.created !== 1) throw new Error(JSON.stringify(r.body));
  }
  const list = await api.request('GET', '/api/v1/cameras/all?q=wall-&sort=code', undefined, bearer(a.token));
  cams.push(...list.body.items.map((c: { id: string }) => c.id));
});
afterAll(() => api.close());

const layout = (over: Record<string, unknown> = {}) => ({
  name: 'Trung tâm BMT',
  grid: 2,
  tiles: [cams[0], null, cams[1]],
  cycleCameraIds: [cams[2]],
  cycleSeconds: 15,
  ...over,
});

describe('camera-wall layouts', () => {
  it('saves, lists, changes and deletes an operator’s own layouts', async () => {
    const created = await api.request('POST', '/api/v1/cameras/layouts', layout(), bearer(a.token));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Trung tâm BMT',
      grid: 2,
      tiles: [cams[0], null, cams[1]],
      cycleSeconds: 15,
    });
    const id = created.body.id as string;

    const mine = await api.request('GET', '/api/v1/cameras/layouts', undefined, bearer(a.token));
    expect(mine.body.items.map((l: { id: string }) => l.id)).toEqual([id]);
    const theirs = await api.request('GET', '/api/v1/cameras/layouts', undefined, bearer(b.token));
    expect(theirs.body.items).toEqual([]);

    // Another operator can neither change nor delete it, and may use the same name.
    expect(
      (await api.request('PUT', `/api/v1/cameras/layouts/${id}`, layout(), bearer(b.token))).status,
    ).toBe(404);
    expect(
      (await api.request('DELETE', `/api/v1/cameras/layouts/${id}`, undefined, bearer(b.token))).status,
    ).toBe(404);
    expect((await api.request('POST', '/api/v1/cameras/layouts', layout(), bearer(b.token))).status).toBe(
      201,
    );

    const dup = await api.request('POST', '/api/v1/cameras/layouts', layout(), bearer(a.token));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('layout_name_taken');

    const upd = await api.request(
      'PUT',
      `/api/v1/cameras/layouts/${id}`,
      layout({ name: 'Tuy Hòa', grid: 1, tiles: [cams[2]], cycleCameraIds: [], cycleSeconds: 0 }),
      bearer(a.token),
    );
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({
      name: 'Tuy Hòa',
      grid: 1,
      tiles: [cams[2]],
      cycleCameraIds: [],
      cycleSeconds: 0,
    });

    expect(
      (await api.request('DELETE', `/api/v1/cameras/layouts/${id}`, undefined, bearer(a.token))).status,
    ).toBe(204);
    expect(
      (await api.request('GET', '/api/v1/cameras/layouts', undefined, bearer(a.token))).body.items,
    ).toEqual([]);
    const [audits] = await api.sequelize.query(
      `SELECT action FROM audit_log WHERE entity_type = 'camera_layout' AND entity_id = :id ORDER BY id`,
      { replacements: { id } },
    );
    expect((audits as Array<{ action: string }>).map((x) => x.action)).toEqual([
      'camera_layout.create',
      'camera_layout.update',
      'camera_layout.delete',
    ]);
  });

  it('refuses more tiles than the grid holds, unknown cameras and a bad cycle period (400, bilingual)', async () => {
    const many = await api.request(
      'POST',
      '/api/v1/cameras/layouts',
      layout({ name: 'Quá nhiều', grid: 1, tiles: [cams[0], cams[1]] }),
      bearer(a.token),
    );
    expect(many.status).toBe(400);
    expect(many.body.errors[0]).toMatchObject({ path: 'tiles', code: 'tiles_exceed_grid' });
    expect(many.body.errors[0].messages).toEqual({
      vi: 'Lưới 1×1 có tối đa 1 ô.',
      en: 'A 1×1 grid holds at most 1 tile.',
    });

    const ghost = randomUUID();
    const unknown = await api.request(
      'POST',
      '/api/v1/cameras/layouts',
      layout({ name: 'Ma', tiles: [ghost] }),
      bearer(a.token),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'tiles', code: 'camera_unknown' });
    expect(unknown.body.errors[0].message).toContain(ghost);

    const cycle = await api.request(
      'POST',
      '/api/v1/cameras/layouts',
      layout({ name: 'Chu kỳ', cycleSeconds: 3 }),
      bearer(a.token),
    );
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].code).toBe('cycle_seconds_range');

    const citizen = await registerCitizen(api);
    expect(
      (await api.request('GET', '/api/v1/cameras/layouts', undefined, bearer(citizen.accessToken))).status,
    ).toBe(403);
  });
});
