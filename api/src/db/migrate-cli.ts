import { loadConfig } from '../config.ts';
import { createLogger } from '../platform/logger.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database) and exit. */
const config = loadConfig();
const log = createLogger(config);
const db = await openDatabase(config, log);
try {
  const applied = await migrate(db.sequelize);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
} finally {
  await db.close();
}
