#!/usr/bin/env node
/**
 * RTSP test cameras for development, tests and benches: each camera is its own `/usr/bin/python3 scripts/test-camera.py`
 * process (GStreamer RTSP server) on its own port, `rtsp://127.0.0.1:<port>/live`, 640×360 25 fps moving test pattern.
 *
 *   import { startTestCameras, gstreamerAvailable } from '../scripts/test-cameras.mjs';
 *   const cams = await startTestCameras({ count: 2, basePort }); // basePort omitted: free ports
 *   cams.urls; cams.ports; await cams.stop(0) // an outage; await cams.start(0) // back, same port; await cams.close();
 *
 * CLI: node scripts/test-cameras.mjs --count 8 --port 8554   (Ctrl-C stops them)
 * Needs the system python with GStreamer's RTSP server: apt-get install python3-gi gir1.2-gst-rtsp-server-1.0
 *   gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly
 */
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCRIPT = path.join(here, 'test-camera.py');
export const PYTHON = process.env.TEST_CAMERAS_PYTHON ?? '/usr/bin/python3';

let available;
/** True when the system python can import GStreamer's RTSP server (checked once). */
export function gstreamerAvailable() {
  if (available === undefined) {
    const r = spawnSync(
      PYTHON,
      [
        '-c',
        "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer",
      ],
      { stdio: 'ignore', timeout: 15_000 },
    );
    available = r.status === 0;
  }
  return available;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });

/** Spawns one camera and resolves once it printed "ready" (rejects when it exits first or takes over 15 s). */
function spawnCamera(port, name) {
  const child = spawn(PYTHON, [SCRIPT, '--port', String(port), '--name', name], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`test camera on port ${port} not ready after 15 s: ${stderr.trim()}`));
    }, 15_000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (/^ready$/m.test(out)) {
        clearTimeout(timer);
        child.stdout.resume();
        resolve(child);
      }
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`test camera on port ${port} exited (${code ?? signal}): ${stderr.trim()}`));
    });
  });
}

function kill(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `count` cameras on basePort, basePort+1, … (or free ports). Answers
 * { urls, ports, stop(i), start(i), close() }; stop(i) kills camera i (an outage), start(i) brings it back on its port.
 */
export async function startTestCameras({ count = 1, basePort, names } = {}) {
  if (!gstreamerAvailable()) {
    throw new Error(
      `GStreamer's RTSP server is not available to ${PYTHON} (apt-get install python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly)`,
    );
  }
  const ports = [];
  for (let i = 0; i < count; i++) ports.push(basePort ? basePort + i : await freePort());
  const label = (i) => names?.[i] ?? `CAM ${i + 1} :${ports[i]}`;
  const children = new Array(count);
  const started = await Promise.allSettled(ports.map((p, i) => spawnCamera(p, label(i))));
  started.forEach((r, i) => {
    if (r.status === 'fulfilled') children[i] = r.value;
  });
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(children.map(kill));
    throw failed.reason;
  }
  const check = (i) => {
    if (!Number.isInteger(i) || i < 0 || i >= count) throw new RangeError(`no test camera ${i}`);
  };
  return {
    urls: ports.map((p) => `rtsp://127.0.0.1:${p}/live`),
    ports,
    pids: () => children.map((c) => c?.pid ?? null),
    async stop(i) {
      check(i);
      const c = children[i];
      children[i] = undefined;
      await kill(c);
    },
    async start(i) {
      check(i);
      if (children[i]) return;
      // The port may linger for a moment after a kill: retry a few times.
      for (let attempt = 0; ; attempt++) {
        try {
          children[i] = await spawnCamera(ports[i], label(i));
          return;
        } catch (err) {
          if (attempt >= 5) throw err;
          await new Promise((r) => setTimeout(r, 300));
        }
      }
    },
    async close() {
      await Promise.all(children.map((c, i) => ((children[i] = undefined), kill(c))));
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const count = arg('count', 8);
  const basePort = arg('port', 8554);
  const cams = await startTestCameras({ count, basePort }).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
  for (const u of cams.urls) console.log(u);
  console.log(`${count} test cameras running; Ctrl-C stops them`);
  const quit = async () => {
    await cams.close();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
