import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCameras, type TestCameras } from '../../../../../scripts/test-cameras.mjs';
import { ffmpegChildren, openViewer, startHarness, waitFor, type Harness } from './testing.ts';

describe('live gateway: outages, the transcoder cap, slow viewers', () => {
  let cams: TestCameras;
  let h: Harness;
  let operator: string;

  beforeAll(async () => {
    cams = await startTestCameras({ count: 3 });
    h = await startHarness({
      CAMERA_GRACE_MS: '500',
      CAMERA_MAX_TRANSCODERS: '2',
      CAMERA_STALL_MS: '3000',
      CAMERA_BACKOFF_MS: '200',
      CAMERA_BACKOFF_MAX_MS: '1000',
      CAMERA_SLOW_VIEWER_BYTES: String(256 * 1024),
      CAMERA_STREAM_BITRATE_KBPS: '4000',
    });
    operator = await h.token(['ioc_operator']);
  });
  afterAll(async () => {
    await h?.close();
    await cams?.close();
  });

  it('a camera that dies is reported offline, and live again when it returns; the viewer stays connected', async () => {
    const id = h.addCamera(cams.urls[0]!);
    const v = openViewer(h.wsUrl(id), operator);
    await v.waitFor(() => v.pictures() >= 10, 20_000, 'pictures');
    await cams.stop(0);
    await v.waitFor(() => v.statuses.some((s) => s.state === 'offline'), 10_000, 'an offline status frame');
    const offline = h.reports.find((r) => r.cameraId === id && r.report.state === 'offline');
    expect(offline?.report.message).toEqual(expect.any(String));
    // While down, the gateway retries with backoff (connection refused each time) and keeps the viewer.
    await new Promise((r) => setTimeout(r, 1500));
    expect(v.ws.readyState).toBe(v.ws.OPEN);
    expect(h.gateway.stats(id).viewers).toBe(1);
    const before = v.pictures();
    const liveReports = h.reports.filter((r) => r.cameraId === id && r.report.state === 'live').length;
    await cams.start(0);
    await v.waitFor(() => v.pictures() >= before + 25, 20_000, 'pictures after the camera came back');
    expect(v.statuses.at(-1)?.state).toBe('live');
    expect(h.reports.filter((r) => r.cameraId === id && r.report.state === 'live').length).toBeGreaterThan(
      liveReports,
    );
    // The retries while it was down did not flap connecting/offline in the outage history.
    const states = h.reports.filter((r) => r.cameraId === id).map((r) => r.report.state);
    expect(states.filter((s, i) => s !== states[i - 1])).toEqual(['connecting', 'live', 'offline', 'live']);
    expect(ffmpegChildren()).toHaveLength(1);
    v.ws.close();
    await v.closed;
    await waitFor(() => ffmpegChildren().length === 0, 5000, 'ffmpeg to stop');
  });

  it('past CAMERA_MAX_TRANSCODERS a new camera is refused with 1013 camera_busy; an idle one makes room', async () => {
    const [a, b, c] = cams.urls.map((u) => h.addCamera(u));
    const va = openViewer(h.wsUrl(a!), operator);
    const vb = openViewer(h.wsUrl(b!), operator);
    await Promise.all([va, vb].map((v) => v.waitFor(() => v.pictures() >= 1, 20_000, 'pictures')));
    const vc = openViewer(h.wsUrl(c!), operator);
    await vc.opened;
    expect(await vc.closed).toEqual({ code: 1013, reason: 'camera_busy' });
    expect(ffmpegChildren()).toHaveLength(2);
    // Another viewer of a running camera needs no new transcoder.
    const va2 = openViewer(h.wsUrl(a!), operator);
    await va2.waitFor(() => va2.pictures() >= 1, 5000, 'pictures');
    // b's last viewer leaves: during its grace period, c may take its place.
    vb.ws.close();
    await vb.closed;
    await waitFor(() => h.gateway.stats(b!).viewers === 0, 3000, 'b without viewers');
    const vc2 = openViewer(h.wsUrl(c!), operator);
    await vc2.waitFor(() => vc2.pictures() >= 1, 20_000, 'pictures of c');
    expect(h.gateway.stats(b!).transcoding).toBe(false);
    await waitFor(() => ffmpegChildren().length === 2, 5000, 'two transcoders');
    for (const v of [va, va2, vc2]) v.ws.close();
    await waitFor(() => ffmpegChildren().length === 0, 5000, 'ffmpeg to stop');
  });

  it('a viewer that never reads is dropped (4008) without slowing another', async () => {
    const id = h.addCamera(cams.urls[1]!);
    const good = openViewer(h.wsUrl(id), operator);
    await good.waitFor(() => good.pictures() >= 5, 20_000, 'pictures');
    // A raw client that completes the handshake and then never reads its socket again.
    const port = Number(new URL(h.url).port);
    const stuck = net.connect(port, '127.0.0.1');
    stuck.setNoDelay(true);
    await new Promise((r) => stuck.once('connect', r));
    stuck.write(
      `GET /api/v1/cameras/${id}/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n` +
        `Sec-WebSocket-Protocol: dlid.bearer, ${operator}\r\n\r\n`,
    );
    await new Promise((r) => stuck.once('data', r)); // 101 Switching Protocols
    stuck.pause();
    await waitFor(() => h.gateway.stats(id).viewers === 2, 3000, 'two viewers');
    const start = Date.now();
    const startPictures = good.pictures();
    await waitFor(() => h.gateway.stats(id).viewers === 1, 60_000, 'the stuck viewer to be dropped');
    const seconds = (Date.now() - start) / 1000;
    // The good viewer kept its pace meanwhile (25 fps; allow for start-up jitter).
    const rate = (good.pictures() - startPictures) / seconds;
    expect(rate).toBeGreaterThan(20);
    const t = good.pictures();
    await good.waitFor(() => good.pictures() >= t + 25, 3000, 'another second of pictures');
    expect(good.ws.readyState).toBe(good.ws.OPEN);
    stuck.destroy();
    good.ws.close();
    await waitFor(() => ffmpegChildren().length === 0, 5000, 'ffmpeg to stop');
  }, 90_000);
});

describe('live gateway without ffmpeg', () => {
  it('reports an error state, keeps retrying and never crashes', async () => {
    const h = await startHarness({
      FFMPEG_PATH: '/nonexistent/ffmpeg',
      CAMERA_BACKOFF_MS: '100',
      CAMERA_BACKOFF_MAX_MS: '200',
      CAMERA_GRACE_MS: '0',
    });
    try {
      const id = h.addCamera('rtsp://127.0.0.1:9/live');
      const v = openViewer(h.wsUrl(id), await h.token(['ioc_operator']));
      await v.waitFor(() => v.statuses.some((s) => s.state === 'error'), 5000, 'an error status');
      expect(v.statuses.find((s) => s.state === 'error')?.message).toMatch(/Không tìm thấy ffmpeg/);
      expect(h.reports.find((r) => r.report.state === 'error')?.report.message).toMatch(
        /Không tìm thấy ffmpeg/,
      );
      await new Promise((r) => setTimeout(r, 600)); // several retries
      expect(v.ws.readyState).toBe(v.ws.OPEN);
      v.ws.close();
      await v.closed;
      await waitFor(() => h.gateway.stats(id).viewers === 0, 3000, 'no viewer');
    } finally {
      await h.close();
    }
  });

  it("an unreachable camera goes offline with ffmpeg's message, credentials removed", async () => {
    const h = await startHarness({ CAMERA_BACKOFF_MS: '5000', CAMERA_GRACE_MS: '0' });
    try {
      const id = h.addCamera('rtsp://admin:s3cret@127.0.0.1:9/live');
      const v = openViewer(h.wsUrl(id), await h.token(['ioc_operator']));
      await v.waitFor(() => v.statuses.some((s) => s.state === 'offline'), 10_000, 'an offline status');
      const message = v.statuses.find((s) => s.state === 'offline')!.message!;
      expect(message).toMatch(/refused/i);
      expect(message).not.toContain('s3cret');
      expect(JSON.stringify(h.reports)).not.toContain('s3cret');
      v.ws.close();
    } finally {
      await h.close();
    }
  });
});
