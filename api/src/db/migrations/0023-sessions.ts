import type { Migration } from '../migrate.ts';

/**
 * Ended sessions: each API instance reads the sessions ended since its last look (sign-outs, revoked devices,
 * disabled accounts) so their access tokens stop at once everywhere; and a person's list of signed-in devices
 * reads their live sessions newest first.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE INDEX refresh_tokens_revoked_idx ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL;
    CREATE INDEX refresh_tokens_live_idx ON refresh_tokens (user_id, family_id, created_at DESC) WHERE revoked_at IS NULL;
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`DROP INDEX IF EXISTS refresh_tokens_revoked_idx, refresh_tokens_live_idx;`);
};
