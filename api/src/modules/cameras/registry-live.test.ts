import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCameras, gstreamerAvailable } from '../../../../scripts/test-cameras.mjs';
import { bearer, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { makeAccount } from '../work/companies.testkit.ts';
import { openViewer, refusal } from './gateway/testing.ts';

// The registry and the live gateway together, through the whole app: what an operator changes reaches the viewers.
let api: TestApi;
let ioc: Awaited<ReturnType<typeof makeAccount>>;
let cams: Awaited<ReturnType<typeof startTestCameras>>;

beforeAll(async () => {
  if (!gstreamerAvailable()) throw new Error('GStreamer RTSP server missing: these tests need a real camera');
  cams = await startTestCameras({ count: 2 });
  api = await startTestApi({ CAMERA_HEALTH_INTERVAL_MS: '0', CAMERA_GRACE_MS: '0' });
  ioc = await makeAccount(api, ['ioc_operator']);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await cams?.close();
});

let seq = 0;
async function addCamera(url: string) {
  const res = await api.request(
    'POST',
    '/api/v1/cameras',
    {
      code: `live-${process.pid}-${++seq}`,
      name: `Camera trực tiếp ${seq}`,
      rtspUrl: url,
      lat: 12.7,
      lng: 108.1,
    },
    bearer(ioc.token),
  );
  if (res.status !== 201) throw new Error(`create ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}
const wsUrl = (id: string) => `${api.url.replace('http', 'ws')}/api/v1/cameras/${id}/live`;
const get = async (id: string) =>
  (await api.request('GET', `/api/v1/cameras/${id}`, undefined, bearer(ioc.token))).body;

describe('registry changes reach live viewers', () => {
  it('shows viewers and the transcoder in the camera’s status; disabling closes them with 4410, then 409', async () => {
    const cam = await addCamera(cams.urls[0]!);
    const v = openViewer(wsUrl(cam.id), ioc.token);
    await v.opened;
    await v.waitFor(() => v.pictures() >= 5, 20_000, 'pictures');
    const during = await get(cam.id);
    expect(during.status).toMatchObject({ viewers: 1, transcoding: true });
    // The gateway's reports went through the status sink: the camera is live with metrics in the outage history.
    await api.services.cameraStatus.flush();
    expect((await get(cam.id)).status.state).toBe('live');
    const hist = await api.request(
      'GET',
      `/api/v1/cameras/events?cameraId=${cam.id}`,
      undefined,
      bearer(ioc.token),
    );
    expect(hist.body.items.map((e: { state: string }) => e.state)).toEqual(['live', 'connecting']);

    // A camera someone watches is left to the gateway by the health check.
    const before = api.services.cameraSnapshots.captures();
    await api.services.cameraHealth.checkNow();
    expect(api.services.cameraSnapshots.captures()).toBe(before);

    const off = await api.request('PUT', `/api/v1/cameras/${cam.id}`, { enabled: false }, bearer(ioc.token));
    expect(off.status).toBe(200);
    expect(await v.closed).toEqual({ code: 4410, reason: 'camera_changed' });
    const refused = await refusal(wsUrl(cam.id), ioc.token);
    expect(refused).toMatchObject({ status: 409, upgraded: false, body: { code: 'camera_disabled' } });
  });

  it('readdressing or deleting a watched camera closes its viewers with 4410', async () => {
    const cam = await addCamera(cams.urls[0]!);
    const v = openViewer(wsUrl(cam.id), ioc.token);
    await v.opened;
    await v.waitFor(() => v.pictures() >= 1, 20_000, 'a picture');
    const moved = await api.request(
      'PUT',
      `/api/v1/cameras/${cam.id}`,
      { rtspUrl: cams.urls[1] },
      bearer(ioc.token),
    );
    expect(moved.body.probe).toMatchObject({ code: 'ok' });
    expect((await v.closed).code).toBe(4410);

    const again = openViewer(wsUrl(cam.id), ioc.token);
    await again.opened;
    await again.waitFor(() => again.pictures() >= 1, 20_000, 'a picture of the new feed');
    expect(
      (await api.request('DELETE', `/api/v1/cameras/${cam.id}`, undefined, bearer(ioc.token))).status,
    ).toBe(204);
    expect((await again.closed).code).toBe(4410);
    expect((await refusal(wsUrl(cam.id), ioc.token)).status).toBe(404);
  });
});
