import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { createSequelize } from '../src/db/sequelize.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedReference } from '../src/seed.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    runId: string;
  }
}

/** Migrate one template database; every test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'silent' });
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (adminUrl) {
    const u = new URL(adminUrl);
    u.pathname = '/postgres';
    adminUrl = u.toString();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-test-pg-'));
    fs.chmodSync(dir, 0o755); // PostgreSQL runs as its own user when we are root
    const emb = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      port: 54339,
      database: 'postgres',
      log,
    });
    adminUrl = emb.url;
    stopEmbedded = async () => {
      await emb.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const templateDb = `dlid_tmpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const tu = new URL(adminUrl);
  tu.pathname = `/${templateDb}`;
  const sequelize = createSequelize(tu.toString());
  await migrate(sequelize);
  await seedReference(sequelize, log);
  await sequelize.close();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);
  project.provide('runId', runId);

  return async () => {
    const dbs = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`dlid_t_${runId}_%`, templateDb],
    );
    for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await stopEmbedded?.();
  };
}
