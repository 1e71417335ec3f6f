import type { Migration } from '../migrate.ts';

/**
 * Forwarding accepted reports to the province's handling system: an outbox written in the same transaction as the
 * acceptance, worked by a leased claim (FOR UPDATE SKIP LOCKED), and the webhook events already applied (replays).
 */
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE feedback_outbox (
      id bigserial PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES feedback_reports(id) ON DELETE CASCADE,
      kind text NOT NULL DEFAULT 'create' CHECK (kind IN ('create')),
      idempotency_key uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
      payload jsonb NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      last_error text,
      external_id text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (report_id, kind)
    );
    CREATE INDEX feedback_outbox_due_idx ON feedback_outbox (next_attempt_at) WHERE state IN ('pending', 'sending');
    CREATE INDEX feedback_outbox_state_idx ON feedback_outbox (state, updated_at DESC);

    ALTER TABLE feedback_reports ADD COLUMN external_id text;
    CREATE UNIQUE INDEX feedback_reports_external_idx ON feedback_reports (external_id) WHERE external_id IS NOT NULL;

    CREATE TABLE province_webhook_events (
      event_id text PRIMARY KEY,
      report_id uuid REFERENCES feedback_reports(id) ON DELETE SET NULL,
      status text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP TABLE province_webhook_events;
    DROP INDEX feedback_reports_external_idx;
    ALTER TABLE feedback_reports DROP COLUMN external_id;
    DROP TABLE feedback_outbox;`);
};
