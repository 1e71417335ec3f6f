import type { Migration } from '../migrate.ts';

/**
 * Indexes for the staff queue and "my reports" at a million reports (npm run bench:feedback): every sort the
 * queue offers has an index in its order, ending with id like the ORDER BY (so OFFSET pages and the deferred join
 * in queue.ts read the index only); category + commune together; the open reports by deadline have a partial
 * index (open = accepted, assigned, in progress: the only states with a running deadline); department + status
 * serve officers' counts; the accent-free title search reads a stored unaccented title (trigram index for rare
 * words, carried by the newest-first and status indexes for common ones).
 */
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    -- The accent-free lower-case title, kept beside the title: the text filter reads it without recomputing
    -- unaccent per row, and the newest-first index carries it so a search scans the index only.
    ALTER TABLE feedback_reports ADD COLUMN title_search text GENERATED ALWAYS AS (f_unaccent(lower(title))) STORED;
    DROP INDEX IF EXISTS feedback_queue_idx;
    CREATE INDEX feedback_status_created_idx ON feedback_reports (status, created_at DESC, id DESC)
      INCLUDE (title_search);
    CREATE INDEX feedback_created_idx ON feedback_reports (created_at DESC, id DESC) INCLUDE (title_search);
    CREATE INDEX feedback_open_due_idx ON feedback_reports (due_at, id)
      WHERE status IN ('accepted', 'assigned', 'in_progress');
    CREATE INDEX feedback_commune_created_idx ON feedback_reports (commune_code, created_at DESC, id DESC);
    CREATE INDEX feedback_category_created_idx ON feedback_reports (category, created_at DESC, id DESC);
    CREATE INDEX feedback_category_commune_idx ON feedback_reports (category, commune_code, created_at DESC, id DESC);
    CREATE INDEX feedback_department_status_idx ON feedback_reports (department, status, created_at DESC, id DESC);
    CREATE INDEX feedback_title_trgm ON feedback_reports USING gin (title_search gin_trgm_ops);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP INDEX feedback_title_trgm;
    DROP INDEX feedback_department_status_idx;
    DROP INDEX feedback_category_commune_idx;
    DROP INDEX feedback_category_created_idx;
    DROP INDEX feedback_commune_created_idx;
    DROP INDEX feedback_open_due_idx;
    DROP INDEX feedback_created_idx;
    DROP INDEX feedback_status_created_idx;
    CREATE INDEX feedback_queue_idx ON feedback_reports (status, created_at DESC);
    ALTER TABLE feedback_reports DROP COLUMN title_search;
  `);
};
