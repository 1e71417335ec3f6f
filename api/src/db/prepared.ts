import type { Sequelize } from 'sequelize';
import type pg from 'pg';

/** A query the hottest routes run many times a second, prepared once per pooled connection. */
export interface PreparedQuery {
  /** Unique per SQL text: PostgreSQL keeps the plan under this name on each connection. */
  name: string;
  text: string;
}

/**
 * Run a named prepared statement on one of Sequelize's pooled connections. PostgreSQL parses and
 * plans it once per connection instead of once per request (Sequelize's own `query` sends a new
 * text every time). For reads outside a transaction; writes go through the models.
 */
export async function runPrepared<R extends pg.QueryResultRow>(
  sequelize: Sequelize,
  q: PreparedQuery,
  values: unknown[],
): Promise<R[]> {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(o: { type: 'read' | 'write' }): Promise<pg.ClientBase>;
    releaseConnection(c: pg.ClientBase): Promise<void>;
  };
  const client = await manager.getConnection({ type: 'read' });
  try {
    const result = await client.query<R>({ name: q.name, text: q.text, values });
    return result.rows;
  } finally {
    await manager.releaseConnection(client);
  }
}
