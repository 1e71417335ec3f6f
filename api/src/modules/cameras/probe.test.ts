import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { probeRtsp } from './probe.ts';
import { captureJpeg } from './snapshots.ts';

// Real ffprobe against real TCP servers that behave like broken cameras: one refuses every login (RTSP 401),
// one accepts the connection and never answers.
const config = loadConfig({ NODE_ENV: 'test' });
const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
async function serve(onData: (socket: net.Socket, text: string) => void): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8').on('data', (d: string) => onData(socket, d));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return (server.address() as net.AddressInfo).port;
}
let authPort = 0;
let silentPort = 0;
const requests: string[] = [];
beforeAll(async () => {
  authPort = await serve((socket, text) => {
    requests.push(text);
    const cseq = /CSeq: *(\d+)/i.exec(text)?.[1] ?? '1';
    socket.write(
      `RTSP/1.0 401 Unauthorized\r\nCSeq: ${cseq}\r\nWWW-Authenticate: Basic realm="camera"\r\nContent-Length: 0\r\n\r\n`,
    );
  });
  silentPort = await serve(() => undefined);
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const opts = (timeoutMs: number) => ({ ffprobePath: config.FFPROBE_PATH, timeoutMs });

describe('probe classification with real ffprobe', () => {
  it('a camera refusing the credentials is unauthorized (reachable), and the password is sent, not shown', async () => {
    const r = await probeRtsp(`rtsp://admin:SaiMatKhau@127.0.0.1:${authPort}/live`, opts(4000));
    expect(r).toMatchObject({ code: 'unauthorized', reachable: true, codec: null });
    expect(r.messages.vi).toContain('từ chối tên đăng nhập hoặc mật khẩu');
    expect(JSON.stringify(r)).not.toContain('SaiMatKhau');
    expect(requests.join('')).toContain(
      `Authorization: Basic ${Buffer.from('admin:SaiMatKhau').toString('base64')}`,
    );
  });

  it('a camera that accepts the connection and never answers times out within the limit', async () => {
    const started = Date.now();
    const r = await probeRtsp(`rtsp://127.0.0.1:${silentPort}/live`, opts(1500));
    expect(r).toMatchObject({ code: 'timeout', reachable: false });
    expect(r.messages.en).toBe('The camera did not answer in time.');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(r.ms).toBeGreaterThanOrEqual(1000);
  });

  it('a missing ffprobe is an error, not a crash', async () => {
    const r = await probeRtsp(`rtsp://127.0.0.1:${silentPort}/live`, {
      ffprobePath: '/nonexistent/ffprobe',
      timeoutMs: 1000,
    });
    expect(r.code).toBe('error');
    expect(await captureJpeg('/nonexistent/ffmpeg', `rtsp://127.0.0.1:${silentPort}/live`, 1000)).toEqual({
      ok: false,
      code: 'error',
    });
  });

  it('a still from a camera that never answers times out; one refusing the login is unauthorized', async () => {
    expect(await captureJpeg(config.FFMPEG_PATH, `rtsp://127.0.0.1:${silentPort}/live`, 1000)).toEqual({
      ok: false,
      code: 'timeout',
    });
    expect(await captureJpeg(config.FFMPEG_PATH, `rtsp://a:b@127.0.0.1:${authPort}/live`, 3000)).toEqual({
      ok: false,
      code: 'unauthorized',
    });
  });
});
