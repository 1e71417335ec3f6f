import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerCitizen, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { approveCompany, companyInput, makeAccount, registerCompany } from './companies.testkit.ts';

let api: TestApi;
let ioc: Awaited<ReturnType<typeof makeAccount>>;
beforeAll(async () => {
  api = await startTestApi();
  ioc = await makeAccount(api, ['ioc_operator']);
});
afterAll(() => api.close());

const newZone = (over: Record<string, unknown> = {}) => ({
  code: 'ccn-thu-nghiem',
  name: 'CCN Thử nghiệm',
  kind: 'cluster',
  communeCode: '24175',
  lat: 12.62,
  lng: 107.97,
  areaHa: 42.5,
  ...over,
});
const auditOf = async (code: string) =>
  (
    await api.sequelize.query(
      `SELECT action, actor_id, details FROM audit_log WHERE entity_type = 'industrial_zone' AND entity_id = :code ORDER BY id`,
      { replacements: { code } },
    )
  )[0] as Array<{ action: string; actor_id: string; details: Record<string, unknown> }>;

describe('industrial zones', () => {
  it('lists the seeded zones publicly with counts of verified companies', async () => {
    const list = await api.request('GET', '/api/v1/work/zones');
    expect(list.status).toBe(200);
    const codes = list.body.items.map((z: { code: string }) => z.code);
    for (const c of [
      'kcn-hoa-phu',
      'kcn-hoa-hiep',
      'kcn-hoa-tam',
      'khu-cnc-phu-yen',
      'kcn-dong-bac-song-cau',
      'ccn-tan-an-1',
    ])
      expect(codes).toContain(c);
    const hoaPhu = list.body.items.find((z: { code: string }) => z.code === 'kcn-hoa-phu');
    expect(hoaPhu).toMatchObject({
      kind: 'zone',
      communeCode: '24175',
      communeName: 'Xã Hòa Phú',
      active: true,
    });

    const before = hoaPhu.companies as number;
    const emp = await makeAccount(api, ['employer']);
    const moderator = await makeAccount(api, ['moderator']);
    const c = await registerCompany(api, emp.token, { zoneCode: 'kcn-hoa-phu' });
    expect((await api.request('GET', '/api/v1/work/zones/kcn-hoa-phu')).body.companies).toBe(before);
    await approveCompany(api, moderator.token, c.id);
    const after = await api.request('GET', '/api/v1/work/zones/kcn-hoa-phu');
    expect(after.body.companies).toBe(before + 1);
    expect((await api.request('GET', '/api/v1/work/zones/khong-co')).status).toBe(404);
  });

  it('only workforce:manage may add or edit zones', async () => {
    const citizen = await registerCitizen(api);
    expect(
      (await api.request('POST', '/api/v1/work/zones', newZone(), bearer(citizen.accessToken))).status,
    ).toBe(403);
    const moderator = await makeAccount(api, ['moderator']);
    expect(
      (await api.request('PUT', '/api/v1/work/zones/kcn-hoa-phu', { name: 'X' }, bearer(moderator.token)))
        .status,
    ).toBe(403);
    expect((await api.request('POST', '/api/v1/work/zones', newZone())).status).toBe(401);
  });

  it('validates the commune and the position, then creates, edits and deactivates with audit records', async () => {
    const badCommune = await api.request(
      'POST',
      '/api/v1/work/zones',
      newZone({ communeCode: '00001' }),
      bearer(ioc.token),
    );
    expect(badCommune.status).toBe(400);
    expect(badCommune.body.errors[0]).toMatchObject({ path: 'body.communeCode', code: 'commune_unknown' });
    // Hà Nội is not in Đắk Lắk.
    const outside = await api.request(
      'POST',
      '/api/v1/work/zones',
      newZone({ lat: 21.03, lng: 105.85 }),
      bearer(ioc.token),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0]).toMatchObject({ path: 'body.lat', code: 'outside_province' });
    const badCode = await api.request(
      'POST',
      '/api/v1/work/zones',
      newZone({ code: 'CCN Mới' }),
      bearer(ioc.token),
    );
    expect(badCode.body.errors[0].code).toBe('zone_code_format');

    const created = await api.request('POST', '/api/v1/work/zones', newZone(), bearer(ioc.token));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'ccn-thu-nghiem', areaHa: 42.5, active: true, companies: 0 });
    expect((await api.request('POST', '/api/v1/work/zones', newZone(), bearer(ioc.token))).status).toBe(409);

    const moved = await api.request(
      'PUT',
      '/api/v1/work/zones/ccn-thu-nghiem',
      { lat: 10.77, lng: 106.7 },
      bearer(ioc.token),
    );
    expect(moved.status).toBe(400);
    const renamed = await api.request(
      'PUT',
      '/api/v1/work/zones/ccn-thu-nghiem',
      { name: 'CCN Hòa Phú mở rộng', areaHa: 50 },
      bearer(ioc.token),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'CCN Hòa Phú mở rộng', areaHa: 50, lat: 12.62 });

    const off = await api.request(
      'PUT',
      '/api/v1/work/zones/ccn-thu-nghiem',
      { active: false },
      bearer(ioc.token),
    );
    expect(off.body.active).toBe(false);
    const list = await api.request('GET', '/api/v1/work/zones');
    expect(list.body.items.map((z: { code: string }) => z.code)).not.toContain('ccn-thu-nghiem');
    const all = await api.request('GET', '/api/v1/work/zones?includeInactive=true');
    expect(all.body.items.map((z: { code: string }) => z.code)).toContain('ccn-thu-nghiem');

    // A company cannot pick a deactivated zone.
    const emp = await makeAccount(api, ['employer']);
    const res = await api.request(
      'POST',
      '/api/v1/work/companies',
      companyInput({ zoneCode: 'ccn-thu-nghiem' }),
      bearer(emp.token),
    );
    expect(res.status).toBe(400);

    const trail = await auditOf('ccn-thu-nghiem');
    expect(trail.map((a) => a.action)).toEqual([
      'work.zone.create',
      'work.zone.update',
      'work.zone.deactivate',
    ]);
    expect(trail.every((a) => a.actor_id === ioc.id)).toBe(true);
    expect(trail[1]?.details).toMatchObject({ changes: { name: 'CCN Hòa Phú mở rộng', areaHa: 50 } });
  });
});

describe('the data file', () => {
  it('places every zone inside the province and in an existing commune', async () => {
    const { createProvinceShape } = await import('../reference/province.ts');
    const [bboxes] = (await api.sequelize.query('SELECT bbox FROM communes')) as [
      Array<{ bbox: number[] }>,
      unknown,
    ];
    const shape = createProvinceShape({
      boundaryFile: api.config.PROVINCE_BOUNDARY_FILE,
      bboxes: bboxes.map((b) => b.bbox),
    });
    const list = await api.request('GET', '/api/v1/work/zones?includeInactive=true');
    const seeded = list.body.items.filter((z: { code: string }) => z.code !== 'ccn-thu-nghiem');
    expect(seeded.length).toBeGreaterThanOrEqual(14);
    for (const z of seeded) {
      expect(z.communeName, z.code).toBeTruthy();
      expect(shape.contains(z.lat, z.lng), z.code).toBe(true);
    }
  });
});
