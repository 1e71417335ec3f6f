import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCameras, gstreamerAvailable } from '../../../../scripts/test-cameras.mjs';
import { bearer, registerCitizen, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { makeAccount } from '../work/companies.testkit.ts';

const MAX_AGE = 3000;
let api: TestApi;
let ioc: Awaited<ReturnType<typeof makeAccount>>;
let citizen: string;
let cams: Awaited<ReturnType<typeof startTestCameras>>;

beforeAll(async () => {
  if (!gstreamerAvailable()) throw new Error('GStreamer RTSP server missing: these tests need a real camera');
  cams = await startTestCameras({ count: 2 });
  api = await startTestApi({
    CAMERA_HEALTH_INTERVAL_MS: '0',
    CAMERA_SNAPSHOT_MAX_AGE_MS: String(MAX_AGE),
    CAMERA_PROBE_TIMEOUT_MS: '5000',
    RATE_LIMIT_IP_PER_MINUTE: '100000',
    CAMERA_SNAPSHOTS_PER_MINUTE: '120',
  });
  ioc = await makeAccount(api, ['ioc_operator']);
  citizen = (await registerCitizen(api)).accessToken;
}, 60_000);
afterAll(async () => {
  await cams?.close();
  await api?.close();
});

let seq = 0;
async function addCamera(url: string, over: Record<string, unknown> = {}) {
  const res = await api.request(
    'POST',
    '/api/v1/cameras',
    {
      code: `snap-${process.pid}-${++seq}`,
      name: `Camera thử ${seq}`,
      rtspUrl: url,
      lat: 13.0955,
      lng: 109.3209,
      ...over,
    },
    bearer(ioc.token),
  );
  if (res.status !== 201) throw new Error(`create ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; probe: Record<string, unknown> };
}
const snapshot = (id: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/api/v1/cameras/${id}/snapshot.jpg`, { headers });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Offset of a JPEG's start-of-frame marker (FF C0 baseline / FF C2 progressive). */
function findSof(jpeg: Buffer): number {
  for (let i = 2; i < jpeg.length - 9; i++)
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) return i;
  throw new Error('no SOF marker');
}

describe('snapshots and probes against a real RTSP camera', () => {
  it('probes a live feed: ok, H.264 640×360', async () => {
    const cam = await addCamera(cams.urls[0]!);
    expect(cam.probe).toMatchObject({ reachable: true, code: 'ok', codec: 'h264', width: 640, height: 360 });
    const r = await api.request('POST', '/api/v1/cameras/probe', { cameraId: cam.id }, bearer(ioc.token));
    expect(r.body).toMatchObject({ code: 'ok', reachable: true });
    const wrongPath = await api.request(
      'POST',
      '/api/v1/cameras/probe',
      { rtspUrl: cams.urls[0]!.replace('/live', '/khong-co') },
      bearer(ioc.token),
    );
    expect(wrongPath.body).toMatchObject({ code: 'not_found', reachable: true });
  });

  it('serves a real JPEG, takes one capture per max age even for concurrent requests', async () => {
    const cam = await addCamera(cams.urls[0]!);
    const before = api.services.cameraSnapshots.captures();
    const [a, b, c] = await Promise.all([snapshot(cam.id), snapshot(cam.id), snapshot(cam.id)]);
    expect(api.services.cameraSnapshots.captures()).toBe(before + 1);
    for (const r of [a!, b!, c!]) {
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/jpeg');
      expect(r.headers.get('x-camera-state')).toBe('live');
      expect(r.headers.get('cache-control')).toMatch(/^public, max-age=[0-3]$/);
    }
    const jpeg = Buffer.from(await a!.arrayBuffer());
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(jpeg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(jpeg.length).toBeGreaterThan(2000);
    // Browsers on another origin (the console in Electron) may read the still's headers and the request id.
    expect(a!.headers.get('access-control-expose-headers')).toMatch(
      /x-request-id.*X-Snapshot-Taken-At, X-Camera-State/,
    );
    const takenAt = a!.headers.get('x-snapshot-taken-at');
    expect(b!.headers.get('x-snapshot-taken-at')).toBe(takenAt);
    expect(new Date(a!.headers.get('last-modified')!).getTime()).toBe(
      Math.floor(Date.parse(takenAt!) / 1000) * 1000,
    );

    const again = await snapshot(cam.id);
    expect(again.headers.get('x-snapshot-taken-at')).toBe(takenAt);
    // A thumbnail is a smaller copy of the same still: same time, its own ETag, no new capture.
    const thumb = await fetch(`${api.url}/api/v1/cameras/${cam.id}/snapshot.jpg?w=160`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('x-snapshot-taken-at')).toBe(takenAt);
    expect(thumb.headers.get('etag')).not.toBe(a!.headers.get('etag'));
    const small = Buffer.from(await thumb.arrayBuffer());
    expect(small.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(small.length).toBeLessThan(jpeg.length);
    expect(small.readUInt16BE(findSof(small) + 7)).toBe(160); // SOF: height at +5, width at +7
    const badWidth = await fetch(`${api.url}/api/v1/cameras/${cam.id}/snapshot.jpg?w=999`);
    expect(badWidth.status).toBe(400);
    const notModified = await snapshot(cam.id, { 'if-none-match': a!.headers.get('etag')! });
    expect(notModified.status).toBe(304);
    expect(api.services.cameraSnapshots.captures()).toBe(before + 1);

    await sleep(MAX_AGE + 100);
    const fresh = await snapshot(cam.id);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-snapshot-taken-at')).not.toBe(takenAt);
    expect(api.services.cameraSnapshots.captures()).toBe(before + 2);

    // The still's time is listed; the snapshot made the camera live.
    await api.services.cameraStatus.flush();
    const pub = await api.request('GET', `/api/v1/cameras/${cam.id}/public`);
    expect(pub.body).toMatchObject({ state: 'live', snapshotAt: fresh.headers.get('x-snapshot-taken-at') });
  });

  it('hides a private camera’s still from citizens and anonymous callers (404), not from operators', async () => {
    const cam = await addCamera(cams.urls[0]!, { private: true });
    expect((await snapshot(cam.id)).status).toBe(404);
    const asCitizen = await snapshot(cam.id, bearer(citizen));
    expect(asCitizen.status).toBe(404);
    expect(((await asCitizen.json()) as { code: string }).code).toBe('camera_not_found');
    const asOperator = await snapshot(cam.id, bearer(ioc.token));
    expect(asOperator.status).toBe(200);
    expect(asOperator.headers.get('cache-control')).toMatch(/^private/);
  });

  it('a camera that goes down: the stale still with X-Camera-State offline; none ever → 503 camera_offline', async () => {
    const cam = await addCamera(cams.urls[1]!);
    const first = await snapshot(cam.id);
    expect(first.status).toBe(200);
    const takenAt = first.headers.get('x-snapshot-taken-at');
    await cams.stop(1);
    try {
      await sleep(MAX_AGE + 100);
      const stale = await snapshot(cam.id);
      expect(stale.status).toBe(200);
      expect(stale.headers.get('x-camera-state')).toBe('offline');
      expect(stale.headers.get('x-snapshot-taken-at')).toBe(takenAt);

      await api.services.cameraStatus.flush();
      const one = await api.request('GET', `/api/v1/cameras/${cam.id}`, undefined, bearer(ioc.token));
      expect(one.body.status.state).toBe('offline');
      expect(one.body.status.message).toMatch(/Không kết nối được/);

      const never = await addCamera(cams.urls[1]!);
      expect(never.probe).toMatchObject({ reachable: false, code: 'unreachable' });
      const none = await snapshot(never.id);
      expect(none.status).toBe(503);
      expect(none.headers.get('content-type')).toContain('application/problem+json');
      const body = (await none.json()) as { code: string };
      expect(body.code).toBe('camera_offline');
      const en = await snapshot(never.id, { 'accept-language': 'en' });
      expect(((await en.json()) as { detail: string }).detail).toMatch(/offline/);
    } finally {
      await cams.start(1);
    }
  });

  it('rate-limits snapshot requests per IP with a 429 problem', async () => {
    const cam = await addCamera(cams.urls[0]!);
    let limited: Response | undefined;
    for (let i = 0; i < 130 && !limited; i++) {
      const r = await snapshot(cam.id);
      if (r.status === 429) limited = r;
      else await r.arrayBuffer();
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited!.json()) as { code: string }).code).toBe('rate_limited');
  });
});
