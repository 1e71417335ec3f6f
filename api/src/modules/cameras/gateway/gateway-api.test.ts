import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCameras, type TestCameras } from '../../../../../scripts/test-cameras.mjs';
import { bearer, registerCitizen, startTestApi, type TestApi } from '../../../../test/helpers.ts';
import { makeAccount } from '../../work/companies.testkit.ts';
import { ffmpegChildren, openViewer, refusal, waitFor } from './testing.ts';

/** The gateway as the product wires it: the real API, its registry and status, real tokens, real cameras. */
describe('live video through the API', () => {
  let cams: TestCameras;
  let api: TestApi;
  let operator: string;
  let citizen: string;
  const wsUrl = (id: string) => `${api.url.replace('http', 'ws')}/api/v1/cameras/${id}/live`;
  let seq = 0;
  const create = async (rtspUrl: string) => {
    const res = await api.request(
      'POST',
      '/api/v1/cameras',
      { code: `live-${process.pid}-${++seq}`, name: 'Nút giao Lê Duẩn', rtspUrl, lat: 12.67, lng: 108.04 },
      bearer(operator),
    );
    if (res.status !== 201) throw new Error(`create ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    cams = await startTestCameras({ count: 2 });
    api = await startTestApi({ CAMERA_HEALTH_INTERVAL_MS: '0', CAMERA_GRACE_MS: '500' });
    operator = (await makeAccount(api, ['ioc_operator'])).token;
    citizen = (await registerCitizen(api)).accessToken;
  });
  afterAll(async () => {
    await api?.close();
    await cams?.close();
  });

  it('an operator watches a registered camera; its live state reaches the registry', async () => {
    const id = await create(cams.urls[0]!);
    const v = openViewer(wsUrl(id), operator);
    await v.waitFor(() => v.pictures() >= 10, 20_000, 'pictures');
    await api.services.cameraStatus.flush();
    const res = await api.request('GET', `/api/v1/cameras/${id}`, undefined, bearer(operator));
    expect(res.body.status).toMatchObject({ state: 'live', viewers: 1, transcoding: true });
    // Who watched which camera, from where, is in the audit log.
    const [views] = await api.sequelize.query(
      `SELECT actor_id, ip FROM audit_log WHERE action = 'camera.live.view' AND entity_id = :id`,
      { replacements: { id } },
    );
    expect(views).toHaveLength(1);
    expect((views[0] as { ip: string | null }).ip).toMatch(/127\.0\.0\.1/);
    v.ws.close();
    await v.closed;
    await waitFor(() => ffmpegChildren().length === 0, 5000, 'ffmpeg to stop after the grace period');
  });

  it("a citizen's token is refused at the upgrade (403), no token 401, an unknown camera 404", async () => {
    const id = await create(cams.urls[0]!);
    const r = await refusal(wsUrl(id), citizen);
    expect(r).toMatchObject({ status: 403, upgraded: false, body: { code: 'permission_required' } });
    expect(await refusal(wsUrl(id), null)).toMatchObject({ status: 401, body: { code: 'token_missing' } });
    const unknown = '7d0c3a43-0000-4000-8000-000000000001';
    expect(await refusal(wsUrl(unknown), operator)).toMatchObject({
      status: 404,
      body: { code: 'camera_not_found' },
    });
    expect(ffmpegChildren()).toEqual([]);
  });

  it('readdressing, disabling or deleting a camera closes its viewers with 4410 camera_changed', async () => {
    const id = await create(cams.urls[0]!);
    const v1 = openViewer(wsUrl(id), operator);
    await v1.waitFor(() => v1.pictures() >= 1, 20_000, 'pictures');
    const put = await api.request(
      'PUT',
      `/api/v1/cameras/${id}`,
      { rtspUrl: cams.urls[1] },
      bearer(operator),
    );
    expect(put.status).toBe(200);
    expect(await v1.closed).toEqual({ code: 4410, reason: 'camera_changed' });

    const v2 = openViewer(wsUrl(id), operator); // now the other feed
    await v2.waitFor(() => v2.pictures() >= 1, 20_000, 'pictures of the new address');
    await api.request('PUT', `/api/v1/cameras/${id}`, { enabled: false }, bearer(operator));
    expect(await v2.closed).toEqual({ code: 4410, reason: 'camera_changed' });
    expect(await refusal(wsUrl(id), operator)).toMatchObject({
      status: 409,
      body: { code: 'camera_disabled' },
    });

    await api.request('PUT', `/api/v1/cameras/${id}`, { enabled: true }, bearer(operator));
    const v3 = openViewer(wsUrl(id), operator);
    await v3.waitFor(() => v3.pictures() >= 1, 20_000, 'pictures again');
    expect((await api.request('DELETE', `/api/v1/cameras/${id}`, undefined, bearer(operator))).status).toBe(
      204,
    );
    expect(await v3.closed).toEqual({ code: 4410, reason: 'camera_changed' });
    await waitFor(() => ffmpegChildren().length === 0, 5000, 'ffmpeg to stop');
  });
});
