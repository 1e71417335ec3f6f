import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    ALTER TABLE feedback_reports
      ADD COLUMN answer text,
      ADD COLUMN rejection_reason text,
      ADD COLUMN duplicate_of uuid REFERENCES feedback_reports(id),
      ADD COLUMN accepted_at timestamptz,
      ADD COLUMN resolved_at timestamptz,
      ADD COLUMN rating smallint CHECK (rating BETWEEN 1 AND 5),
      ADD COLUMN rating_comment text,
      ADD COLUMN reopen_count integer NOT NULL DEFAULT 0;
    ALTER TABLE feedback_photos ADD COLUMN kind text NOT NULL DEFAULT 'report' CHECK (kind IN ('report', 'result'));

    CREATE TABLE officer_departments (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      department text NOT NULL,
      PRIMARY KEY (user_id, department)
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP TABLE officer_departments;
    ALTER TABLE feedback_photos DROP COLUMN kind;
    ALTER TABLE feedback_reports DROP COLUMN answer, DROP COLUMN rejection_reason, DROP COLUMN duplicate_of,
      DROP COLUMN accepted_at, DROP COLUMN resolved_at, DROP COLUMN rating, DROP COLUMN rating_comment, DROP COLUMN reopen_count;`);
};
