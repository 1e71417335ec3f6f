import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCameras, gstreamerAvailable } from '../../../../scripts/test-cameras.mjs';
import { bearer, registerCitizen, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { makeAccount } from '../work/companies.testkit.ts';

let api: TestApi;
let ioc: Awaited<ReturnType<typeof makeAccount>>;
let cams: Awaited<ReturnType<typeof startTestCameras>>;

beforeAll(async () => {
  if (!gstreamerAvailable()) throw new Error('GStreamer RTSP server missing: these tests need a real camera');
  cams = await startTestCameras({ count: 1 });
  api = await startTestApi({
    CAMERA_HEALTH_INTERVAL_MS: '0',
    CAMERA_SNAPSHOT_MAX_AGE_MS: '1000',
    CAMERA_PROBE_TIMEOUT_MS: '4000',
  });
  ioc = await makeAccount(api, ['ioc_operator']);
}, 60_000);
afterAll(async () => {
  await cams?.close();
  await api?.close();
});

let seq = 0;
async function addCamera(url: string, name = `Camera trạng thái ${++seq}`) {
  const r = await api.request(
    'POST',
    '/api/v1/cameras/import',
    { csv: `code,name,lat,lng,rtsp_url\nst-${process.pid}-${++seq},${name},12.7,108.1,${url}` },
    bearer(ioc.token),
  );
  if (r.body.created !== 1) throw new Error(JSON.stringify(r.body));
  const list = await api.request(
    'GET',
    `/api/v1/cameras/all?q=${encodeURIComponent(name)}`,
    undefined,
    bearer(ioc.token),
  );
  return list.body.items[0] as { id: string; name: string };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const events = (query = '') =>
  api.request('GET', `/api/v1/cameras/events${query}`, undefined, bearer(ioc.token));

/** Reads Server-Sent Events from a fetch body. */
async function openStream(token: string) {
  const ctrl = new AbortController();
  const res = await fetch(`${api.url}/api/v1/cameras/events/stream`, {
    headers: bearer(token),
    signal: ctrl.signal,
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  let ended = false;
  const received: Array<{ event: string; data: unknown }> = [];
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) received.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      /* aborted */
    }
    ended = true;
  })();
  const next = async (
    event: string,
    match: (d: Record<string, unknown>) => boolean = () => true,
    ms = 5000,
  ) => {
    const until = Date.now() + ms;
    for (;;) {
      const i = received.findIndex((m) => m.event === event && match(m.data as Record<string, unknown>));
      if (i >= 0) return received.splice(i, 1)[0]!.data as Record<string, unknown>;
      if (Date.now() > until || ended) throw new Error(`no ${event} event (got ${JSON.stringify(received)})`);
      await sleep(20);
    }
  };
  return { res, next, ended: () => ended, close: () => ctrl.abort(), done: pump };
}

describe('camera status, outage history and the status stream', () => {
  it('a transcoder starting for a camera already known live leaves no connecting entry in the history', async () => {
    const cam = await addCamera('rtsp://10.8.8.9/live');
    const sink = api.services.cameraStatus;
    sink.report(cam.id, { state: 'live', lastFrameAt: new Date() }); // the health check saw a frame
    sink.report(cam.id, { state: 'connecting' }); // someone opens it: the transcoder starts
    sink.report(cam.id, { state: 'live', lastFrameAt: new Date(), fps: 25 });
    sink.report(cam.id, { state: 'offline', message: 'Connection refused' });
    sink.report(cam.id, { state: 'connecting' }); // a retry after an outage is recorded
    await sink.flush();
    const hist = await events(`?cameraId=${cam.id}`);
    expect(hist.body.items.map((e: { state: string }) => e.state)).toEqual(['connecting', 'offline', 'live']);
  });

  it('records changes of state as events, throttles metrics, and pushes both to the stream', async () => {
    const cam = await addCamera('rtsp://10.8.8.8/live');
    const stream = await openStream(ioc.token);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const first = await stream.next('snapshot');
    const items = first.items as Array<{ cameraId: string; state: string }>;
    expect(items.find((i) => i.cameraId === cam.id)).toMatchObject({
      state: 'unknown',
      viewers: 0,
      transcoding: false,
    });

    const sink = api.services.cameraStatus;
    sink.report(cam.id, { state: 'connecting' });
    sink.report(cam.id, { state: 'live', lastFrameAt: new Date(), bitrateKbps: 980.4, fps: 25 });
    sink.report(cam.id, { state: 'live', lastFrameAt: new Date(), bitrateKbps: 500, fps: 12 }); // within 5 s: dropped
    await sink.flush();
    expect(
      await stream.next('status', (d) => d.cameraId === cam.id && d.state === 'connecting'),
    ).toBeTruthy();
    const live = await stream.next('status', (d) => d.cameraId === cam.id && d.state === 'live');
    expect(live).toMatchObject({ bitrateKbps: 980, fps: 25, message: null, viewers: 0 });
    await sleep(100);
    await expect(stream.next('status', (d) => d.cameraId === cam.id && d.fps === 12, 0)).rejects.toThrow();

    sink.report(cam.id, { state: 'offline', message: 'Connection refused' });
    await sink.flush();
    const off = await stream.next('status', (d) => d.cameraId === cam.id && d.state === 'offline');
    expect(off).toMatchObject({ message: 'Connection refused', bitrateKbps: null, fps: null });
    stream.close();

    const one = await api.request('GET', `/api/v1/cameras/${cam.id}`, undefined, bearer(ioc.token));
    expect(one.body.status).toMatchObject({ state: 'offline', message: 'Connection refused' });
    expect(one.body.status.lastFrameAt).not.toBeNull();

    const hist = await events(`?cameraId=${cam.id}`);
    expect(hist.status).toBe(200);
    expect(
      hist.body.items.map((e: { state: string; previousState: string }) => [e.previousState, e.state]),
    ).toEqual([
      ['live', 'offline'],
      ['connecting', 'live'],
      ['unknown', 'connecting'],
    ]);
    expect(hist.body.items[0]).toMatchObject({
      cameraName: cam.name,
      message: 'Connection refused',
      durationMs: null,
    });
    expect(hist.body.items[1].durationMs).toBeGreaterThanOrEqual(0);
    expect(new Date(hist.body.items[1].at).getTime() + hist.body.items[1].durationMs).toBe(
      new Date(hist.body.items[0].at).getTime(),
    );

    const page1 = await events(`?cameraId=${cam.id}&limit=2`);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextBefore).toBe(Number(page1.body.items[1].id));
    const page2 = await events(`?cameraId=${cam.id}&limit=2&before=${page1.body.nextBefore}`);
    expect(page2.body.items.map((e: { state: string }) => e.state)).toEqual(['connecting']);
    expect(page2.body.nextBefore).toBeNull();
    const offline = await events(`?cameraId=${cam.id}&state=offline`);
    expect(offline.body.items).toHaveLength(1);
  });

  it('the health check takes stills of unwatched cameras: live, then offline when the camera stops', async () => {
    const cam = await addCamera(cams.urls[0]!);
    const broken = await addCamera('rtsp://127.0.0.1:1/live');
    const before = api.services.cameraSnapshots.captures();
    const checked = await api.services.cameraHealth.checkNow();
    expect(checked).toBeGreaterThanOrEqual(2);
    expect(api.services.cameraSnapshots.captures()).toBeGreaterThanOrEqual(before + 2);
    await api.services.cameraStatus.flush();
    const get = async (id: string) =>
      (await api.request('GET', `/api/v1/cameras/${id}`, undefined, bearer(ioc.token))).body;
    expect((await get(cam.id)).status.state).toBe('live');
    expect((await get(cam.id)).snapshotAt).not.toBeNull();
    expect((await get(broken.id)).status.state).toBe('offline');

    await cams.stop(0);
    try {
      await sleep(1100);
      await api.services.cameraHealth.checkNow();
      await api.services.cameraStatus.flush();
      expect((await get(cam.id)).status.state).toBe('offline');
      const hist = await events(`?cameraId=${cam.id}`);
      expect(hist.body.items.map((e: { state: string }) => e.state)).toEqual(['offline', 'live']);
      expect(hist.body.items[1].durationMs).toBeGreaterThan(1000);
    } finally {
      await cams.start(0);
    }
  });

  it('the stream needs cameras:view and ends when the access token expires', async () => {
    const citizen = await registerCitizen(api);
    const refused = await fetch(`${api.url}/api/v1/cameras/events/stream`, {
      headers: bearer(citizen.accessToken),
    });
    expect(refused.status).toBe(403);
    expect((await fetch(`${api.url}/api/v1/cameras/events/stream`)).status).toBe(401);

    // A token of the operator that expires in 2 seconds.
    const key = api.signingKey;
    const kid = createHash('sha256')
      .update(createPublicKey(key).export({ type: 'spki', format: 'der' }))
      .digest('base64url')
      .slice(0, 8);
    const short = await new SignJWT({ roles: ['ioc_operator'], sid: randomBytes(8).toString('hex') })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
      .setSubject(ioc.id)
      .setIssuer(api.config.JWT_ISSUER)
      .setAudience('daklak-id-api')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(key);
    // Shutdown ends open streams (else the HTTP server would wait for them).
    const before = await openStream(ioc.token);
    await before.next('snapshot');
    api.services.cameraStatus.close();
    await before.done;
    expect(before.ended()).toBe(true);

    // Signed out: the stream of that session ends at once, not when its token expires.
    const signedIn = await api.request('POST', '/api/v1/auth/login', {
      phone: ioc.phone,
      password: 'ThuNghiem2026',
    });
    const mine = await openStream(signedIn.body.accessToken);
    await mine.next('snapshot');
    const other = await openStream(ioc.token);
    await other.next('snapshot');
    await api.request('POST', '/api/v1/auth/logout', { refreshToken: signedIn.body.refreshToken });
    expect(await mine.next('expired', () => true, 5000)).toEqual({ code: 'session_ended' });
    await mine.done;
    expect(other.ended()).toBe(false); // another session of the same operator keeps its stream
    other.close();
    await other.done;

    const stream = await openStream(short);
    expect(stream.res.status).toBe(200);
    await stream.next('snapshot');
    const expired = await stream.next('expired', () => true, 5000);
    expect(expired).toEqual({ code: 'token_expired' });
    await stream.done;
    expect(stream.ended()).toBe(true);
  });
});
