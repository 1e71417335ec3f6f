import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import { loadConfig, ConfigError } from './config.ts';
import { createLogger } from './platform/logger.ts';
import { openDatabase } from './db/database.ts';
import { migrate, pendingMigrations } from './db/migrate.ts';
import { createTokenSigner, loadSigningKey } from './platform/auth/tokens.ts';
import { createSmsProvider } from './modules/identity/sms.ts';
import { createApp } from './app.ts';
import { answerClientErrors } from './platform/problem.ts';
import { ensureAdmin, seedDemo, seedReference } from './seed.ts';
import { nationalPhone } from './modules/identity/phone.ts';
import { closeFaceEngines } from './modules/ekyc/face/index.ts';
import { createForwardingWorker } from './modules/feedback/forwarding/worker.ts';

/** Entry for Node (tsx) and Deno: config → database → migrations → seed → listen → graceful shutdown. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config);
  const db = await openDatabase(config, log);
  const applied = await migrate(db.sequelize);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const signer = createTokenSigner(loadSigningKey(config), config, {
    onListenerError: (err, sid) => log.error({ err, sid }, 'session-end listener failed'),
  });
  let migrationsDone = false;
  const { app, services } = createApp({
    config,
    log,
    sequelize: db.sequelize,
    signer,
    sms: createSmsProvider(config, log),
    redis,
    async ready() {
      await db.sequelize.query('SELECT 1');
      migrationsDone ||= (await pendingMigrations(db.sequelize)).length === 0;
      return {
        ok: migrationsDone,
        checks: { database: 'ok', migrations: migrationsDone ? 'ok' : 'pending' },
      };
    },
  });
  await seedReference(db.sequelize, log);
  const admin = await ensureAdmin(config, services, log);
  const demo = config.seedDemo ? await seedDemo(db.sequelize, services, log) : [];

  // Retention: raw eKYC images go EKYC_IMAGE_RETENTION_DAYS after the decision; checked now and hourly.
  const purge = () =>
    services.ekyc
      .purgeImages()
      .then((n) => n && log.info({ cases: n }, 'eKYC images past retention deleted'))
      .catch((err: unknown) => log.error({ err }, 'eKYC retention sweep failed'));
  await purge();
  const retention = setInterval(purge, 3600_000);
  retention.unref();

  // Job postings past their deadline become 'expired' (search also hides them at query time); every minute.
  const expireJobs = () =>
    services.postings
      .expireDue()
      .then((n) => n && log.info({ postings: n }, 'job postings expired'))
      .catch((err: unknown) => log.error({ err }, 'job posting expiry sweep failed'));
  await expireJobs();
  const jobExpiry = setInterval(expireJobs, 60_000);
  jobExpiry.unref();

  // Forwarding accepted reports to the province's handling system: only when its endpoint is configured.
  const forwarder =
    config.PROVINCE_FEEDBACK_URL && config.provinceFeedbackSecret
      ? createForwardingWorker({
          sequelize: db.sequelize,
          log,
          forwarding: services.forwarding,
          options: {
            url: config.PROVINCE_FEEDBACK_URL,
            secret: config.provinceFeedbackSecret,
            maxAttempts: config.PROVINCE_FEEDBACK_MAX_ATTEMPTS,
            pollMs: config.PROVINCE_FEEDBACK_POLL_MS,
            timeoutMs: config.PROVINCE_FEEDBACK_TIMEOUT_MS,
            backoffMs: config.PROVINCE_FEEDBACK_BACKOFF_MS,
            backoffMaxMs: config.PROVINCE_FEEDBACK_BACKOFF_MAX_MS,
          },
        })
      : undefined;
  forwarder?.start();
  // In development, the demo cameras' feeds: 8 RTSP test cameras (GStreamer) on TEST_CAMERAS_PORT…+7.
  const testCameras = await startDemoTestCameras(config, log);
  // Sessions signed out through another API instance: their access tokens are refused here too.
  await services.sessions.sync.start();
  // Stills of the cameras nobody watches, every CAMERA_HEALTH_INTERVAL_MS (0 = off).
  services.cameraHealth.start();

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  answerClientErrors(server);
  services.cameraLive.attach(server); // live camera video: WebSockets on /api/v1/cameras/{id}/live
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : config.PORT;
  const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
  log.info({ port, embeddedDatabase: db.embedded }, 'listening');
  if (!config.isProduction) {
    const lines = [
      '',
      `  Đắk Lắk ID is running (${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`,
      `    Citizen app (mobile-lite):  ${base}/`,
      `    IOC console:                ${base}/console/`,
      `    API docs:                   ${base}/api/docs/`,
      `    OpenAPI:                    ${base}/api/openapi.json`,
      `    SMS outbox (dev codes):     ${config.smsOutboxFile}`,
    ];
    if (testCameras.line) lines.push(testCameras.line);
    if (admin) lines.push('', `  Administrator: ${nationalPhone(admin.phone)} / ${admin.password}`);
    if (demo.length) {
      lines.push('  Demo accounts (demo data):');
      for (const a of demo)
        lines.push(
          `    ${nationalPhone(a.phone)} / ${a.password}  — ${a.fullName} [${a.roles.join(', ') || 'citizen'}]`,
        );
    }
    console.log(lines.join('\n') + '\n');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS);
    // Live viewers get 1001 and every ffmpeg stops (upgraded sockets would otherwise hold server.close).
    await services.cameraLive.close();
    services.cameraStatus.close(); // open status streams (SSE) end, else server.close waits for them
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(force);
    clearInterval(retention);
    clearInterval(jobExpiry);
    await forwarder?.stop();
    await services.sessions.sync.stop();
    await services.cameraHealth.stop();
    await testCameras.close();
    await closeFaceEngines();
    await redis?.quit().catch(() => undefined);
    await db.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The 8 test cameras behind the demo cameras (development, TEST_CAMERAS=auto, demo data), when GStreamer is here. */
async function startDemoTestCameras(
  config: ReturnType<typeof loadConfig>,
  log: ReturnType<typeof createLogger>,
): Promise<{ line: string | null; close(): Promise<void> }> {
  const none = { line: null, close: async () => undefined };
  if (config.isProduction || config.TEST_CAMERAS !== 'auto' || !config.seedDemo) return none;
  const { startTestCameras, gstreamerAvailable } = await import('../../scripts/test-cameras.mjs');
  const first = config.TEST_CAMERAS_PORT;
  if (!gstreamerAvailable())
    return {
      ...none,
      line:
        '    Test cameras:               off — GStreamer is not installed (apt-get install python3-gi ' +
        'gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly)',
    };
  try {
    const cams = await startTestCameras({ count: 8, basePort: first });
    return {
      line: `    Test cameras (demo feeds):  rtsp://127.0.0.1:${first}…${first + 7}/live (GStreamer)`,
      close: () => cams.close(),
    };
  } catch (err) {
    log.warn({ err }, 'test cameras not started');
    return {
      ...none,
      line: `    Test cameras:               not started (ports ${first}…${first + 7} in use?)`,
    };
  }
}

main().catch((err: unknown) => {
  console.error('Đắk Lắk ID failed to start:', err);
  process.exit(1);
});
