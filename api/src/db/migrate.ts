import { Umzug, SequelizeStorage, type MigrationFn } from 'umzug';
import type { Sequelize } from 'sequelize';
import * as m0001 from './migrations/0001-extensions.ts';
import * as m0002 from './migrations/0002-platform.ts';
import * as m0003 from './migrations/0003-identity.ts';
import * as m0004 from './migrations/0004-citizen-identity.ts';
import * as m0005 from './migrations/0005-ekyc.ts';
import * as m0006 from './migrations/0006-passkeys.ts';
import * as m0007 from './migrations/0007-devices.ts';
import * as m0008 from './migrations/0008-notifications.ts';
import * as m0009 from './migrations/0009-feedback.ts';
import * as m0010 from './migrations/0010-feedback-lifecycle.ts';
import * as m0011 from './migrations/0011-feedback-forwarding.ts';
import * as m0012 from './migrations/0012-feedback-publication.ts';
import * as m0013 from './migrations/0013-feedback-staff.ts';
import * as m0014 from './migrations/0014-feedback-indexes.ts';
import * as m0015 from './migrations/0015-work.ts';
import * as m0017 from './migrations/0017-job-search-index.ts';
import * as m0019 from './migrations/0019-workforce-rollup.ts';
import * as m0020 from './migrations/0020-job-words.ts';
import * as m0021 from './migrations/0021-job-phrase-index.ts';
import * as m0022 from './migrations/0022-cameras.ts';

export type Migration = MigrationFn<Sequelize>;

/** Listed explicitly (not globbed) so Node, Deno and bundlers load the same set. */
const MIGRATIONS: Array<[string, { up: Migration; down: Migration }]> = [
  ['0001-extensions', m0001],
  ['0002-platform', m0002],
  ['0003-identity', m0003],
  ['0004-citizen-identity', m0004],
  ['0005-ekyc', m0005],
  ['0006-passkeys', m0006],
  ['0007-devices', m0007],
  ['0008-notifications', m0008],
  ['0009-feedback', m0009],
  ['0010-feedback-lifecycle', m0010],
  ['0011-feedback-forwarding', m0011],
  ['0012-feedback-publication', m0012],
  ['0013-feedback-staff', m0013],
  ['0014-feedback-indexes', m0014],
  ['0015-work', m0015],
  ['0017-job-search-index', m0017],
  ['0019-workforce-rollup', m0019],
  ['0020-job-words', m0020],
  ['0021-job-phrase-index', m0021],
  ['0022-cameras', m0022],
];

export function createMigrator(sequelize: Sequelize) {
  return new Umzug<Sequelize>({
    migrations: MIGRATIONS.map(([name, m]) => ({ name, up: m.up, down: m.down })),
    context: sequelize,
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

/** Run pending migrations; a lock keeps two starting instances from migrating at once. */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  // Hold the lock on one connection taken out of the pool for the whole run.
  const manager = sequelize.connectionManager as unknown as {
    getConnection(o: { type: 'write' }): Promise<LockConnection>;
    releaseConnection(c: LockConnection): Promise<void>;
  };
  const conn = await manager.getConnection({ type: 'write' });
  try {
    await conn.query('SELECT pg_advisory_lock(7366001)');
    try {
      const done = await createMigrator(sequelize).up();
      return done.map((m) => m.name);
    } finally {
      await conn.query('SELECT pg_advisory_unlock(7366001)');
    }
  } finally {
    await manager.releaseConnection(conn);
  }
}

interface LockConnection {
  query(sql: string): Promise<unknown>;
}

export async function pendingMigrations(sequelize: Sequelize): Promise<string[]> {
  return (await createMigrator(sequelize).pending()).map((m) => m.name);
}
