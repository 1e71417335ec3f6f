import type { Migration } from '../migrate.ts';

/**
 * Publication of feedback reports (the province chooses which ones the public sees, with redacted text) and
 * the Open311 GeoReport v2 clients: keys are kept only as a keyed hash; each client files reports as its own
 * system account; a token per POSTed request.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    ALTER TABLE feedback_reports
      ADD COLUMN published boolean NOT NULL DEFAULT false,
      ADD COLUMN public_title text,
      ADD COLUMN public_description text,
      ADD COLUMN published_at timestamptz;
    CREATE INDEX feedback_published_idx ON feedback_reports (created_at DESC) WHERE published;

    CREATE TABLE open311_clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      key_prefix text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_used_at timestamptz
    );

    CREATE TABLE open311_requests (
      token text PRIMARY KEY,
      report_id uuid NOT NULL UNIQUE REFERENCES feedback_reports(id) ON DELETE CASCADE,
      client_id uuid NOT NULL REFERENCES open311_clients(id),
      contact text,
      media_url text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP TABLE open311_requests;
    DROP TABLE open311_clients;
    DROP INDEX feedback_published_idx;
    ALTER TABLE feedback_reports DROP COLUMN published, DROP COLUMN public_title,
      DROP COLUMN public_description, DROP COLUMN published_at;`);
};
