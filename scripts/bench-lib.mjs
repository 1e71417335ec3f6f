// Shared by the database benchmarks (bench-feedback, bench-jobs): a free port, quantiles, elapsed time, and a
// database of their own — on DATABASE_URL's server when set (dropped afterwards unless BENCH_KEEP_DB), else an
// embedded PostgreSQL in a temporary directory.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};

export const secs = (t) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/**
 * A benchmark's own database. `name` distinguishes the benchmarks (dlid_bench_<name>_<pid>); `startEmbeddedPostgres`
 * and `log` come from the api. Answers { url, tmp, drop() }; `tmp` is a directory the API may use as DATA_DIR.
 */
export async function benchDatabase(name, { startEmbeddedPostgres, log }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dlid-bench-${name}-`));
  fs.chmodSync(tmp, 0o755); // PostgreSQL runs as its own user when we are root
  let admin;
  let embedded;
  let url;
  const dbName = `dlid_bench_${name.replace(/\W/g, '_')}_${process.pid}`;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/postgres';
    admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    u.pathname = `/${dbName}`;
    url = u.toString();
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: await freePort(),
      database: 'daklak_bench',
      log,
    });
    url = embedded.url;
  }
  async function drop() {
    if (admin) {
      if (process.env.BENCH_KEEP_DB) console.log(`database kept: ${dbName}`);
      else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    await embedded?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { url, tmp, drop };
}
