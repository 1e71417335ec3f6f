import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { makeAccount } from '../work/companies.testkit.ts';
import { parseCsv } from './cameras.import.ts';

let api: TestApi;
let ioc: Awaited<ReturnType<typeof makeAccount>>;
beforeAll(async () => {
  api = await startTestApi({ CAMERA_HEALTH_INTERVAL_MS: '0' });
  ioc = await makeAccount(api, ['ioc_operator']);
});
afterAll(() => api.close());

const HEADER =
  'code,name,lat,lng,commune_code,address,direction,tags,rtsp_url,username,password,private,enabled';
const importCsv = (csv: string, dryRun = false) =>
  api.request('POST', `/api/v1/cameras/import?dryRun=${dryRun}`, { csv }, bearer(ioc.token));
const count = async (like: string) =>
  Number(
    (
      (
        await api.sequelize.query('SELECT count(*) AS n FROM cameras WHERE code LIKE :like', {
          replacements: { like },
        })
      )[0] as Array<{ n: string }>
    )[0]!.n,
  );

describe('CSV parser', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps line numbers', () => {
    const { records, error } = parseCsv(
      '\uFEFFa,b,c\r\n1,"Ngã Sáu, BMT","nói ""xin chào"""\n\n2,"hai\ndòng",x\n3,,',
    );
    expect(error).toBeUndefined();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'Ngã Sáu, BMT', 'nói "xin chào"'] },
      { line: 4, cells: ['2', 'hai\ndòng', 'x'] },
      { line: 6, cells: ['3', '', ''] },
    ]);
    expect(parseCsv('a,b\n1,"open').error?.code).toBe('csv_unclosed_quote');
  });
});

describe('camera import', () => {
  it('dry run checks every row and saves nothing; then imports all rows', async () => {
    const csv = [
      HEADER,
      `imp-1,"Ngã Sáu, Buôn Ma Thuột",12.6667,108.0383,24121,,"Hướng về chợ",nút giao;trung tâm,rtsp://u:p@10.1.1.1/live,,,false,true`,
      `imp-2,QL26 Ea Kar,12.8085,108.4558,,,,quốc lộ,rtsp://10.1.1.2:554/h264,admin,"mật,khẩu",có,1`,
    ].join('\n');
    const dry = await importCsv(csv, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, created: 2, updated: 0, errors: [] });
    expect(await count('imp-%')).toBe(0);

    const real = await importCsv(csv);
    expect(real.body).toEqual({ dryRun: false, created: 2, updated: 0, errors: [] });
    const list = await api.request('GET', '/api/v1/cameras/all?q=imp-', undefined, bearer(ioc.token));
    const byCode = Object.fromEntries(list.body.items.map((c: { code: string }) => [c.code, c]));
    expect(byCode['imp-1']).toMatchObject({
      name: 'Ngã Sáu, Buôn Ma Thuột',
      communeCode: '24121',
      direction: 'Hướng về chợ',
      tags: ['nút giao', 'trung tâm'],
      rtspHost: '10.1.1.1',
      hasCredentials: true,
      private: false,
    });
    expect(byCode['imp-2']).toMatchObject({
      private: true,
      enabled: true,
      rtspHost: '10.1.1.2:554',
      communeCode: null,
    });
    expect((await api.services.cameras.source(byCode['imp-2'].id))?.url).toBe(
      'rtsp://admin:m%E1%BA%ADt%2Ckh%E1%BA%A9u@10.1.1.2:554/h264',
    );
    const [audits] = await api.sequelize.query(
      `SELECT details FROM audit_log WHERE action = 'camera.import'`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ details: { created: 2, updated: 0, codes: ['imp-1', 'imp-2'] } });
    expect(JSON.stringify(audits)).not.toContain('10.1.1');

    // A row whose code exists updates that camera (no address needed).
    const upd = await importCsv([HEADER, 'imp-1,Ngã Sáu (mới),12.6667,108.0383,,,,,,,,,false'].join('\n'));
    expect(upd.body).toMatchObject({ created: 0, updated: 1, errors: [] });
    const one = await api.request(
      'GET',
      `/api/v1/cameras/${byCode['imp-1'].id}`,
      undefined,
      bearer(ioc.token),
    );
    // Empty cells keep what the camera has.
    expect(one.body).toMatchObject({
      name: 'Ngã Sáu (mới)',
      enabled: false,
      rtspHost: '10.1.1.1',
      hasCredentials: true,
      tags: ['nút giao', 'trung tâm'],
      direction: 'Hướng về chợ',
    });
  });

  it('reports every bad row with its line, column and a bilingual message, and saves none', async () => {
    const csv = [
      HEADER,
      'bad-ok,Camera tốt,12.7,108.1,,,,,rtsp://10.2.2.2/live,,,,',
      'bad-2,Camera lỗi,abc,108.1,,,,,rtsp://10.2.2.3/live,,,,',
      'bad-3,X,12.7,108.1,99999,,,,http://10.2.2.4/live,,,maybe,',
      'bad-ok,Trùng mã,12.7,108.1,,,,,rtsp://10.2.2.5/live,,,,',
      'bad-5,Thiếu địa chỉ,12.7,108.1,,,,,,,,,',
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(0);
    const errs = res.body.errors.map((e: { line: number; field: string; code: string }) => [
      e.line,
      e.field,
      e.code,
    ]);
    expect(errs).toEqual(
      expect.arrayContaining([
        [3, 'lat', 'number_expected'],
        [4, 'name', 'too_small'],
        [4, 'rtsp_url', 'rtsp_url_format'],
        [4, 'private', 'boolean_expected'],
        [5, 'code', 'duplicate_code'],
        [6, 'rtsp_url', 'required'],
      ]),
    );
    const e = res.body.errors.find((x: { line: number; field: string }) => x.line === 3);
    expect(e.messages).toEqual({ vi: 'Cột lat phải là số.', en: 'Column lat must be a number.' });
    expect(await count('bad-%')).toBe(0);

    // An unknown commune is found when saving: the whole file is rolled back.
    const commune = await importCsv(
      [
        HEADER,
        'cm-1,Tốt,12.7,108.1,,,,,rtsp://10.3.3.1/live,,,,',
        'cm-2,Xã lạ,12.7,108.1,99999,,,,rtsp://10.3.3.2/live,,,,',
      ].join('\n'),
    );
    expect(commune.body).toMatchObject({
      created: 0,
      errors: [{ line: 3, field: 'commune_code', code: 'commune_unknown' }],
    });
    expect(await count('cm-%')).toBe(0);
  });

  it('refuses a header without the needed columns', async () => {
    const res = await importCsv('ma,ten\nx,y');
    expect(res.body.errors[0]).toMatchObject({ line: 1, code: 'csv_header' });
    expect(res.body.errors[0].messages.vi).toContain('thiếu: code, name, lat, lng');
    const citizenish = await makeAccount(api, []);
    const forbidden = await api.request(
      'POST',
      '/api/v1/cameras/import',
      { csv: HEADER },
      bearer(citizenish.token),
    );
    expect(forbidden.status).toBe(403);
  });
});
