import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE feedback_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      category text NOT NULL,
      title text NOT NULL,
      description text NOT NULL,
      lat double precision,
      lng double precision,
      commune_code text REFERENCES communes(code),
      address text,
      status text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'rejected', 'duplicate')),
      department text,
      due_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((lat IS NOT NULL AND lng IS NOT NULL) OR commune_code IS NOT NULL)
    );
    CREATE INDEX feedback_mine_idx ON feedback_reports (user_id, created_at DESC, id DESC);
    CREATE INDEX feedback_queue_idx ON feedback_reports (status, created_at DESC);

    CREATE TABLE feedback_photos (
      report_id uuid NOT NULL REFERENCES feedback_reports(id) ON DELETE CASCADE,
      idx smallint NOT NULL,
      image bytea NOT NULL,
      thumb bytea NOT NULL,
      width integer NOT NULL,
      height integer NOT NULL,
      PRIMARY KEY (report_id, idx)
    );

    CREATE TABLE feedback_events (
      id bigserial PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES feedback_reports(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      department text,
      public_note text,
      internal boolean NOT NULL DEFAULT false
    );
    CREATE INDEX feedback_events_report_idx ON feedback_events (report_id, id);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE feedback_events; DROP TABLE feedback_photos; DROP TABLE feedback_reports;');
};
