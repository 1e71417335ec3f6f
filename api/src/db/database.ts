import path from 'node:path';
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { Config } from '../config.ts';
import { createSequelize } from './sequelize.ts';
import { startEmbeddedPostgres } from './embedded.ts';

export interface Database {
  url: string;
  sequelize: Sequelize;
  embedded: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL when given, else an embedded PostgreSQL with its data under DATA_DIR/pg. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  let url = config.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(config.DATA_DIR, 'pg'),
      port: config.EMBEDDED_PG_PORT,
      database: 'daklak_id',
      log,
    });
    url = pg.url;
    stopEmbedded = pg.stop;
  }
  const sequelize = createSequelize(url);
  try {
    await sequelize.authenticate();
  } catch (err) {
    await stopEmbedded?.();
    throw err;
  }
  return {
    url,
    sequelize,
    embedded: !!stopEmbedded,
    async close() {
      await sequelize.close();
      await stopEmbedded?.();
    },
  };
}
