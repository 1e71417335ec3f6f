import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    -- Idempotent submission: the client's key, unique per account (NULLs never collide).
    ALTER TABLE feedback_reports ADD COLUMN client_key uuid;
    ALTER TABLE feedback_reports ADD CONSTRAINT feedback_client_key_uq UNIQUE (user_id, client_key);
    -- A photo's GPS position, kept only when the citizen allowed it.
    ALTER TABLE feedback_photos ADD COLUMN lat double precision, ADD COLUMN lng double precision;
    -- Officers of a department (notifications) and per-department deadline counts.
    CREATE INDEX officer_departments_department_idx ON officer_departments (department);
    CREATE INDEX feedback_department_due_idx ON feedback_reports (department, due_at)
      WHERE status IN ('accepted', 'assigned', 'in_progress');
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP INDEX feedback_department_due_idx;
    DROP INDEX officer_departments_department_idx;
    ALTER TABLE feedback_photos DROP COLUMN lat, DROP COLUMN lng;
    ALTER TABLE feedback_reports DROP CONSTRAINT feedback_client_key_uq, DROP COLUMN client_key;
  `);
};
