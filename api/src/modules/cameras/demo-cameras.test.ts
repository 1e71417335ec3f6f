import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { bearer, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { seedDemo } from '../../seed.ts';
import { makeAccount } from '../work/companies.testkit.ts';
import { DEMO_CAMERAS } from './demo-cameras.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ CAMERA_HEALTH_INTERVAL_MS: '0', TEST_CAMERAS_PORT: '18600' });
  await api.sequelize.query(
    `INSERT INTO industrial_zones (code, name, kind) VALUES ('kcn-hoa-phu', 'KCN Hòa Phú', 'zone'),
       ('kcn-an-phu', 'KCN An Phú', 'zone'), ('kcn-hoa-hiep', 'KCN Hòa Hiệp', 'zone') ON CONFLICT DO NOTHING`,
  );
  await seedDemo(api.sequelize, api.services, pino({ level: 'silent' }));
}, 120_000);
afterAll(() => api.close());

describe('demo cameras', () => {
  it('seeds eight labelled demo cameras at real communes, fed by the local test cameras, once', async () => {
    const ioc = await makeAccount(api, ['ioc_operator']);
    const all = await api.request('GET', '/api/v1/cameras/all?sort=code', undefined, bearer(ioc.token));
    expect(all.body.total).toBe(8);
    for (const c of all.body.items) {
      expect(c.demo).toBe(true);
      expect(c.name).toMatch(/\(Dữ liệu mẫu\)$/);
      expect(c.communeName).toMatch(/^(Phường|Xã) /);
      expect(c.rtspHost).toMatch(/^127\.0\.0\.1:186\d\d$/);
    }
    const urls = await Promise.all(
      DEMO_CAMERAS.map(async (d) => {
        const cam = all.body.items.find((c: { code: string }) => c.code === d.code);
        return (await api.services.cameras.source(cam.id))?.url;
      }),
    );
    expect(urls).toEqual(DEMO_CAMERAS.map((_, i) => `rtsp://127.0.0.1:${18600 + i}/live`));
    expect(all.body.tags).toEqual(expect.arrayContaining(['nút giao', 'quốc lộ', 'trường học']));

    const pub = await api.request('GET', '/api/v1/cameras?q=nga sau');
    expect(pub.body.items.map((c: { code: string }) => c.code)).toContain('bmt-nga-sau');
    const tuyHoa = await api.request('GET', '/api/v1/cameras?communeCode=22015');
    expect(tuyHoa.body.items.map((c: { code: string }) => c.code)).toEqual(['th-tran-hung-dao-le-loi']);

    await seedDemo(api.sequelize, api.services, pino({ level: 'silent' }));
    const again = await api.request('GET', '/api/v1/cameras/all', undefined, bearer(ioc.token));
    expect(again.body.total).toBe(8);
  });
});
