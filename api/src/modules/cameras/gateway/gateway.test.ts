import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCameras, type TestCameras } from '../../../../../scripts/test-cameras.mjs';
import { ffmpegChildren, openViewer, refusal, startHarness, waitFor, type Harness } from './testing.ts';

const SEQ = Buffer.from([0, 0, 1, 0xb3]);
const GRACE_MS = 2500;

describe('live gateway: one ffmpeg per camera, fan-out, grace period', () => {
  let cams: TestCameras;
  let h: Harness;
  let operator: string;

  beforeAll(async () => {
    cams = await startTestCameras({ count: 1 });
    h = await startHarness({ CAMERA_GRACE_MS: String(GRACE_MS), CAMERA_MAX_TRANSCODERS: '4' });
    operator = await h.token(['ioc_operator']);
  });
  afterAll(async () => {
    await h?.close();
    await cams?.close();
  });

  it('20 viewers of one camera share exactly one ffmpeg; each gets the jsmp header and MPEG-1 pictures', async () => {
    const id = h.addCamera(cams.urls[0]!);
    expect(ffmpegChildren()).toEqual([]);
    const viewers = Array.from({ length: 20 }, () => openViewer(h.wsUrl(id), operator));
    await Promise.all(viewers.map((v) => v.opened));
    for (const v of viewers) expect(v.ws.protocol).toBe('dlid.bearer');
    await Promise.all(
      viewers.map((v) => v.waitFor(() => v.pictures() >= 25, 20_000, 'a second of pictures')),
    );
    expect(ffmpegChildren()).toHaveLength(1);
    expect(h.gateway.pids()).toEqual(ffmpegChildren());
    // The feed is read over RTSP/TCP with a socket timeout: input options before `-i`, raw MPEG-1 out.
    const args = fs.readFileSync(`/proc/${ffmpegChildren()[0]}/cmdline`, 'utf8').split('\0');
    expect(args.slice(1, 6)).toEqual([
      '-rtsp_transport',
      'tcp',
      '-timeout',
      expect.stringMatching(/^\d+$/),
      '-i',
    ]);
    expect(args[args.lastIndexOf('-f') + 1]).toBe('mpeg1video'); // ours, after the muxer's own -f mpegts
    expect(h.gateway.transcoders()).toBe(1);
    expect(h.gateway.stats(id)).toEqual({ viewers: 20, transcoding: true });
    for (const v of viewers) {
      const header = v.binary[0]!;
      expect(header.subarray(0, 4).toString('latin1')).toBe('jsmp');
      expect(header.readUInt16BE(4)).toBe(640);
      expect(header.readUInt16BE(6)).toBe(360);
      const video = Buffer.concat(v.binary.slice(1));
      expect(video.subarray(0, 4)).toEqual(SEQ); // the stream starts at a sequence header
      expect(v.statuses.some((s) => s.state === 'live')).toBe(true);
    }
    // connecting → live was reported to the registry, then live again with metrics.
    const states = h.reports.filter((r) => r.cameraId === id).map((r) => r.report.state);
    expect(states.slice(0, 2)).toEqual(['connecting', 'live']);

    // A late viewer of the running stream: header, then the current GOP from its sequence header, at once.
    const late = openViewer(h.wsUrl(id), operator);
    const t0 = Date.now();
    await late.waitFor(() => late.pictures() >= 1, 5000, 'the first picture');
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(late.binary[1]!.subarray(0, 4)).toEqual(SEQ);
    expect(ffmpegChildren()).toHaveLength(1);

    for (const v of [...viewers, late]) v.ws.close();
    await Promise.all([...viewers, late].map((v) => v.closed));
    await waitFor(() => h.gateway.stats(id).viewers === 0, 5000, 'viewers gone');
    const left = Date.now();
    // Still running during the grace period…
    await new Promise((r) => setTimeout(r, GRACE_MS - 800));
    expect(ffmpegChildren()).toHaveLength(1);
    // …and stopped after it.
    await waitFor(() => ffmpegChildren().length === 0, GRACE_MS + 5000, 'ffmpeg to stop');
    expect(Date.now() - left).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(h.gateway.transcoders()).toBe(0);
  });

  it('a viewer coming back within the grace period reuses the running ffmpeg', async () => {
    const id = h.addCamera(cams.urls[0]!);
    const a = openViewer(h.wsUrl(id), operator);
    await a.waitFor(() => a.pictures() >= 5, 20_000, 'pictures');
    const [pid] = ffmpegChildren();
    a.ws.close();
    await a.closed;
    await new Promise((r) => setTimeout(r, 500));
    const b = openViewer(h.wsUrl(id), operator);
    await b.waitFor(() => b.pictures() >= 5, 5000, 'pictures');
    expect(ffmpegChildren()).toEqual([pid]);
    b.ws.close();
    await b.closed;
    await waitFor(() => ffmpegChildren().length === 0, GRACE_MS + 5000, 'ffmpeg to stop');
  });

  it('two cameras on the same feed: the second ffmpeg joining does not freeze the first stream', async () => {
    const a = h.addCamera(cams.urls[0]!);
    const b = h.addCamera(cams.urls[0]!);
    const va = openViewer(h.wsUrl(a), operator);
    await va.waitFor(() => va.pictures() >= 25, 20_000, 'pictures of a');
    for (let round = 0; round < 2; round++) {
      const vb = openViewer(h.wsUrl(b), operator);
      await vb.waitFor(() => vb.pictures() >= 1, 20_000, 'pictures of b');
      const n = va.pictures();
      await va.waitFor(() => va.pictures() >= n + 25, 2500, 'a second more of a');
      h.gateway.stop(b); // its viewer is closed at once, its ffmpeg gets SIGTERM (SIGKILL after 2 s)
      await vb.closed;
      await waitFor(() => ffmpegChildren().length === 1, 4000, "b's ffmpeg to stop");
    }
    h.gateway.stop(a);
    await va.closed;
  });

  it('stop(id) closes the viewers with 4410 camera_changed and ends the transcoder at once', async () => {
    const id = h.addCamera(cams.urls[0]!);
    const v = openViewer(h.wsUrl(id), operator);
    await v.waitFor(() => v.pictures() >= 1, 20_000, 'a picture');
    h.gateway.stop(id);
    expect(await v.closed).toEqual({ code: 4410, reason: 'camera_changed' });
    await waitFor(() => ffmpegChildren().length === 0, 3000, 'ffmpeg to stop');
  });

  it('closes the socket with 4401 token_expired when the access token expires', async () => {
    const id = h.addCamera(cams.urls[0]!);
    const v = openViewer(h.wsUrl(id), await h.token(['ioc_operator'], 3));
    await v.opened;
    expect(await v.closed).toEqual({ code: 4401, reason: 'token_expired' });
  });

  it('closes the socket with 4401 session_ended when the session is signed out, and refuses it afterwards', async () => {
    const id = h.addCamera(cams.urls[0]!);
    const sid = randomUUID();
    const token = await h.token(['ioc_operator'], undefined, sid);
    const v = openViewer(h.wsUrl(id), token);
    const other = openViewer(h.wsUrl(id), operator);
    await v.waitFor(() => v.pictures() >= 1, 20_000, 'a picture');
    h.endSession(sid);
    expect(await v.closed).toEqual({ code: 4401, reason: 'session_ended' });
    expect(await refusal(h.wsUrl(id), token)).toMatchObject({ status: 401, body: { code: 'session_ended' } });
    // Another session's viewer of the same camera keeps watching.
    const before = other.pictures();
    await other.waitFor(() => other.pictures() > before, 20_000, 'more pictures');
    other.ws.close();
  });

  it('refuses at the upgrade: no token 401, bad token 401, citizen 403, unknown camera 404, disabled 409', async () => {
    const id = h.addCamera(cams.urls[0]!);
    const off = h.addCamera(cams.urls[0]!, false);
    const none = await refusal(h.wsUrl(id), null);
    expect(none).toMatchObject({
      status: 401,
      upgraded: false,
      body: { code: 'token_missing', status: 401 },
    });
    expect(none.body.messages).toEqual({ vi: expect.stringContaining('đăng nhập'), en: expect.any(String) });
    expect(await refusal(h.wsUrl(id), 'not.a.token')).toMatchObject({
      status: 401,
      body: { code: 'token_invalid' },
    });
    const citizen = await refusal(h.wsUrl(id), await h.token([]), { 'accept-language': 'en' });
    expect(citizen).toMatchObject({ status: 403, upgraded: false, body: { code: 'permission_required' } });
    expect(citizen.body.detail).toBe('You do not have permission to watch live cameras.');
    expect(await refusal(h.wsUrl(id), await h.token(['ioc_operator'], -5))).toMatchObject({
      status: 401,
      body: { code: 'token_expired' },
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await refusal(h.wsUrl(unknown), operator)).toMatchObject({
      status: 404,
      body: { code: 'camera_not_found' },
    });
    expect(await refusal(h.wsUrl('nope'), operator)).toMatchObject({
      status: 404,
      body: { code: 'camera_not_found' },
    });
    expect(await refusal(h.wsUrl(off), operator)).toMatchObject({
      status: 409,
      body: { code: 'camera_disabled' },
    });
    // The token may also come as an Authorization header (tools); the admin may watch too.
    expect(
      await refusal(h.wsUrl(id), null, { authorization: `Bearer ${await h.token(['admin'])}` }),
    ).toMatchObject({
      status: 101,
      upgraded: true,
    });
    // No ffmpeg was started for any refused viewer.
    await waitFor(() => h.gateway.stats(id).viewers === 0, 3000, 'the admin viewer to leave');
  });
});
