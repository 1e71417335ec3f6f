#!/usr/bin/env node
// `npm run bench:cameras`: the live-camera gateway on this machine, through the real API (api/src/main.ts in a child
// process, its own database) and real RTSP test cameras (GStreamer, scripts/test-cameras.mjs).
//  - time to first frame for a new viewer: cold (the camera's ffmpeg starts) and warm (joining a running stream);
//  - CPU (from /proc/<ffmpeg pid>/stat) and RSS per transcoded 640×360 25 fps stream, and the API's own CPU;
//  - baseline in the same run: ffmpeg alone reading the same RTSP feed to /dev/null (decode only), and ffmpeg alone
//    doing the gateway's very transcode to /dev/null (no Node in between); the ratios;
//  - capacity: one more camera stream (one viewer each) per step until the delivered fps of any stream falls below
//    BENCH_MIN_FPS (24) or the machine's CPU saturates (≥ 95 % of all cores busy).
// The camera streams read a small pool of test cameras (GStreamer's shared media: one encoder per test camera), so
// the x264 encoders that stand in for real cameras take little of the CPU being measured; their CPU is printed too.
// Env: BENCH_POOL (4 test cameras), BENCH_MAX_STREAMS (48), BENCH_STEP_SECONDS (6), BENCH_MIN_FPS (24), BENCH_RUNS (8).
import { spawn } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import WebSocket from 'ws';
import { apiModules, benchDatabase, benchLogin, quantile, secs, startBenchApi } from './bench-lib.mjs';
import { gstreamerAvailable, startTestCameras } from './test-cameras.mjs';
import { descendants, machineTicks, rssMb, sample } from './bench-proc.mjs';

const { migrate, createSequelize, seedReference, startEmbeddedPostgres, hashPassword } = await apiModules();

const POOL = Number(process.env.BENCH_POOL ?? 4);
const MAX_STREAMS = Number(process.env.BENCH_MAX_STREAMS ?? 48);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 6);
const MIN_FPS = Number(process.env.BENCH_MIN_FPS ?? 24);
const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const GRACE_MS = 1500;
const PASSWORD = 'BenchDakLak2026';
const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
const log = pino({ level: 'warn' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let benchDb;
let child;
let cams;
const sockets = new Set();

async function operator(db, base) {
  const hash = await hashPassword(PASSWORD);
  const { rows } = await db.query(
    `INSERT INTO users (phone, full_name, password_hash) VALUES ('+84960000002', 'Điều hành camera (bench)', $1)
     RETURNING id`,
    [hash],
  );
  await db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'citizen'), ($1, 'ioc_operator')`, [
    rows[0].id,
  ]);
  const { authorization } = await benchLogin(base, '0960000002', PASSWORD);
  return authorization.slice('Bearer '.length);
}

/** Registers `n` cameras through the API (each POST tests the feed), fed round-robin by the pool. */
async function createCameras(base, token, n, from) {
  const ids = [];
  for (let k = 0; k < n; k += 6)
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(6, n - k) }, (_, j) => createCamera(base, token, from + k + j)),
      )),
    );
  return ids;
}

async function createCamera(base, token, i) {
  const res = await fetch(`${base}/api/v1/cameras`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      code: `BENCH-${i}`,
      name: `Bench ${i}`,
      lat: 12.68 + i / 1000,
      lng: 108.04,
      rtspUrl: cams.urls[i % cams.urls.length],
    }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`create camera: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

const isPicture = (b, i) => b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 1 && b[i + 3] === 0;

/** A viewer: counts pictures (00 00 01 00); `first` resolves at the first picture, with the time since opening. */
function viewer(base, token, id) {
  const t0 = performance.now();
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/cameras/${id}/live`, ['dlid.bearer', token]);
  sockets.add(ws);
  const v = { ws, pictures: 0, bytes: 0, closed: false };
  let resolveFirst;
  v.first = new Promise((r) => (resolveFirst = r));
  ws.on('message', (data, binary) => {
    if (!binary) return;
    v.bytes += data.length;
    for (let i = data.indexOf(0); i !== -1 && i + 3 < data.length; i = data.indexOf(0, i + 1))
      if (isPicture(data, i)) v.pictures++;
    if (v.pictures > 0 && resolveFirst) {
      resolveFirst(performance.now() - t0);
      resolveFirst = null;
    }
  });
  ws.on('close', (code) => {
    v.closed = true;
    v.closeCode = code;
    sockets.delete(ws);
  });
  ws.on('error', () => undefined);
  v.close = () => new Promise((r) => (v.closed ? r() : (ws.once('close', r), ws.close())));
  return v;
}

const withTimeout = (p, ms, what) =>
  Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`timed out: ${what}`)))]);

/** CPU % (of one core) and RSS of a process running `args` for `seconds`, after a warm-up. */
async function baseline(args, seconds) {
  const p = spawn(FFMPEG, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  await sleep(3000);
  const a = sample([p.pid]);
  await sleep(seconds * 1000);
  const b = sample([p.pid]);
  const rss = rssMb(p.pid);
  p.kill('SIGKILL');
  await new Promise((r) => p.once('exit', r));
  return { cpu: ((b.ticks - a.ticks) / b.hz / ((b.at - a.at) / 1000)) * 100, rss };
}

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

async function main() {
  const t0 = performance.now();
  if (!gstreamerAvailable()) {
    console.error("bench:cameras needs GStreamer's RTSP server (see README: Traffic cameras)");
    process.exitCode = 1;
    return;
  }
  console.log(`bench:cameras — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  benchDb = await benchDatabase('cameras', { startEmbeddedPostgres, log });
  const sequelize = createSequelize(benchDb.url);
  await migrate(sequelize);
  await seedReference(sequelize, log);
  await sequelize.close();
  const db = new pg.Client({ connectionString: benchDb.url });
  await db.connect();
  db.on('error', () => {});
  cams = await startTestCameras({ count: POOL });
  const started = await startBenchApi({
    url: benchDb.url,
    dataDir: benchDb.tmp,
    env: {
      TEST_CAMERAS: 'off',
      CAMERA_HEALTH_INTERVAL_MS: '0',
      CAMERA_MAX_TRANSCODERS: String(MAX_STREAMS + RUNS + 8),
      CAMERA_GRACE_MS: String(GRACE_MS),
    },
  });
  child = started.child;
  const base = started.base;
  const token = await operator(db, base);
  await db.end();
  const apiPid = () => descendants(child.pid).find((p) => p.comm === 'node')?.pid ?? child.pid;
  const ffmpegs = () =>
    descendants(child.pid)
      .filter((p) => p.comm === 'ffmpeg')
      .map((p) => p.pid);
  const cameraPids = () => cams.pids().filter(Boolean);
  console.log(`  API up, ${POOL} test cameras (${secs(t0)})`);

  // 1. Time to first frame. Cold: a camera nobody watches (its ffmpeg starts); warm: a camera already watched.
  const coldIds = await createCameras(base, token, RUNS, 1000);
  const cold = [];
  for (const id of coldIds) {
    const v = viewer(base, token, id);
    cold.push(await withTimeout(v.first, 20_000, 'cold first frame'));
    await v.close();
  }
  const [warmId] = await createCameras(base, token, 1, 2000);
  const keeper = viewer(base, token, warmId);
  await withTimeout(keeper.first, 20_000, 'first frame');
  await sleep(2000);
  const warm = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const v = viewer(base, token, warmId);
    warm.push(await withTimeout(v.first, 10_000, 'warm first frame'));
    await v.close();
    await sleep(150 + Math.random() * 500); // join at various points of the GOP
  }

  // 2. One stream: CPU and RSS of its ffmpeg, the API's CPU, the delivered frame rate.
  await sleep(2000);
  const [pid1] = ffmpegs();
  const s0 = sample([pid1]);
  const a0 = sample([apiPid()]);
  const p0 = keeper.pictures;
  await sleep(10_000);
  const s1 = sample([pid1]);
  const a1 = sample([apiPid()]);
  const dt1 = (s1.at - s0.at) / 1000;
  const one = {
    cpu: ((s1.ticks - s0.ticks) / s1.hz / dt1) * 100,
    rss: rssMb(pid1),
    api: ((a1.ticks - a0.ticks) / a1.hz / dt1) * 100,
    fps: (keeper.pictures - p0) / dt1,
  };
  await keeper.close();
  await sleep(GRACE_MS + 1500);

  // 3. Baselines: ffmpeg alone on the same feed.
  const feed = cams.urls[0];
  const decode = await baseline(['-loglevel', 'error', '-i', feed, '-an', '-f', 'null', '/dev/null'], 10);
  const transcode = await baseline(
    [
      ...['-loglevel', 'error', '-i', feed, '-f', 'mpeg1video', '-b:v', '1000k', '-r', '25', '-s', '640x360'],
      ...['-bf', '0', '-g', '25', '-an', '-y', '/dev/null'],
    ],
    10,
  );
  const { ramp, sustained, limit } = await rampUp(base, token, ffmpegs, apiPid, cameraPids);

  console.log('\nTime to first frame (new viewer → first MPEG-1 picture), ms');
  console.log(
    `  cold (ffmpeg starts)     p50 ${fmt(quantile(cold, 0.5), 0)}  p95 ${fmt(quantile(cold, 0.95), 0)}  max ${fmt(Math.max(...cold), 0)}  (n=${cold.length})`,
  );
  console.log(
    `  warm (running stream)    p50 ${fmt(quantile(warm, 0.5), 0)}  p95 ${fmt(quantile(warm, 0.95), 0)}  max ${fmt(Math.max(...warm), 0)}  (n=${warm.length})`,
  );
  console.log('\nOne transcoded 640×360 25 fps stream (1000 kbit/s MPEG-1), % of one core');
  console.log(
    `  gateway ffmpeg           CPU ${fmt(one.cpu)} %   RSS ${fmt(one.rss, 0)} MB   delivered ${fmt(one.fps)} fps`,
  );
  console.log(`  API process (fan-out)    CPU ${fmt(one.api)} %`);
  console.log(
    `  baseline: ffmpeg → /dev/null, decode only       CPU ${fmt(decode.cpu)} %   RSS ${fmt(decode.rss, 0)} MB   gateway/baseline ×${fmt(one.cpu / decode.cpu, 2)}`,
  );
  console.log(
    `  baseline: ffmpeg → /dev/null, same transcode    CPU ${fmt(transcode.cpu)} %   RSS ${fmt(transcode.rss, 0)} MB   gateway/baseline ×${fmt(one.cpu / transcode.cpu, 2)}`,
  );
  console.log(`\nRamp (one viewer per stream, ${STEP_SECONDS} s per step after 3 s of warm-up)`);
  console.log(
    '  CPU in % of one core; "this run" and "other load" in % of all cores (machine-wide, from /proc/stat)',
  );
  console.log(
    '  streams  min fps  mean fps  ffmpeg CPU  per stream  API CPU  test cameras  viewers  this run  other load  ffmpeg RSS MB',
  );
  const col = (x, w, d = 1) => fmt(x, d).padStart(w);
  for (const r of ramp)
    console.log(
      `  ${String(r.n).padStart(7)}  ${col(r.minFps, 7)}  ${col(r.meanFps, 8)}  ${col(r.ffmpegCpu, 10)}  ${col(r.ffmpegCpu / r.n, 10)}` +
        `  ${col(r.apiCpu, 7)}  ${col(r.camCpu, 12)}  ${col(r.benchCpu, 7)}  ${col(r.ours, 8)}  ${col(r.others, 10)}  ${col(r.rss, 13, 0)}`,
    );
  const last = ramp.at(-1);
  if (last) {
    // The gateway alone (its ffmpegs and the API's fan-out), on an otherwise idle machine with the cameras elsewhere.
    const perStream = (last.ffmpegCpu + last.apiCpu) / last.n;
    console.log(
      `\nGateway cost per stream at ${last.n} streams: ${fmt(perStream)} % of one core (ffmpeg + API); ` +
        `projected for ${os.cpus().length} cores at 90 %: ≈${Math.floor((os.cpus().length * 90) / perStream)} streams`,
    );
  }
  console.log(
    `Sustained at ≥ ${MIN_FPS} fps on this ${os.cpus().length}-core machine, test cameras included: ${sustained} simultaneous streams` +
      ` (stopped: ${limit}) — whole run ${secs(t0)}`,
  );
}

/** Adds one camera stream per step until a stream falls below MIN_FPS or the machine is saturated. */
async function rampUp(base, token, ffmpegs, apiPid, cameraPids) {
  const ids = await createCameras(base, token, MAX_STREAMS, 0);
  const viewers = [];
  const ramp = [];
  let sustained = 0;
  let limit = `BENCH_MAX_STREAMS (${MAX_STREAMS}) reached`;
  for (let n = 1; n <= MAX_STREAMS; n++) {
    const v = viewer(base, token, ids[n - 1]);
    viewers.push(v);
    await withTimeout(v.first, 30_000, `first frame of stream ${n}`);
    await sleep(3000);
    const pids = ffmpegs();
    const m0 = machineTicks();
    const f0 = sample(pids);
    const a0 = sample([apiPid()]);
    const c0 = sample(cameraPids());
    const p0 = viewers.map((x) => x.pictures);
    const b0 = process.cpuUsage();
    await sleep(STEP_SECONDS * 1000);
    const b1 = process.cpuUsage(b0);
    const m1 = machineTicks();
    const f1 = sample(pids);
    const a1 = sample([apiPid()]);
    const c1 = sample(cameraPids());
    const dt = (f1.at - f0.at) / 1000;
    const fps = viewers.map((x, i) => (x.pictures - p0[i]) / dt);
    const core = (s0, s1) => ((s1.ticks - s0.ticks) / s1.hz / dt) * 100;
    const r = {
      n,
      minFps: Math.min(...fps),
      meanFps: fps.reduce((s, x) => s + x, 0) / fps.length,
      ffmpegCpu: core(f0, f1),
      apiCpu: core(a0, a1),
      camCpu: core(c0, c1),
      benchCpu: ((b1.user + b1.system) / 1e6 / dt) * 100,
      // all cores: 100 % = every core busy
      busy: (1 - (m1.idle - m0.idle) / (m1.total - m0.total)) * 100,
      rss: pids.reduce((s, p) => s + rssMb(p), 0),
    };
    r.ours = (r.ffmpegCpu + r.apiCpu + r.camCpu + r.benchCpu) / os.cpus().length; // % of all cores
    r.others = Math.max(0, r.busy - r.ours);
    ramp.push(r);
    process.stdout.write(
      `  ${n} streams: min ${fmt(r.minFps)} fps, this bench ${fmt(r.ours, 0)} % of the CPU, other load ${fmt(r.others, 0)} %\n`,
    );
    if (viewers.some((x) => x.closed)) {
      limit = `a viewer was closed (${viewers.find((x) => x.closed).closeCode})`;
      break;
    }
    if (r.minFps < MIN_FPS) {
      limit = `a stream fell to ${fmt(r.minFps)} fps`;
      break;
    }
    sustained = n;
    if (r.ours >= 95) {
      limit = `CPU saturated (${fmt(r.ours, 0)} % of all cores)`;
      break;
    }
  }
  await Promise.all(viewers.map((v) => v.close()));
  return { ramp, sustained, limit };
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const ws of sockets) ws.terminate();
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await cams?.close();
    await benchDb?.drop();
    process.exit(process.exitCode ?? 0);
  });
