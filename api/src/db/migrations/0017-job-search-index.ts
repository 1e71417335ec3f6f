import type { Migration } from '../migrate.ts';

/**
 * Job search: one GIN index holds the accent-free trigrams of search_text together with the usual equality
 * filters (zone, commune, industry, employment type), so a text search with filters intersects inside the index
 * and rechecks only the rows that pass every filter (btree_gin gives GIN the equality operators on text).
 * Newest-first and salary-first listings without text use their own btree indexes.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE EXTENSION IF NOT EXISTS btree_gin;
    DROP INDEX IF EXISTS job_postings_search_trgm;
    CREATE INDEX job_postings_search_trgm ON job_postings
      USING gin (search_text gin_trgm_ops, zone_code, commune_code, industry, employment_type)
      WHERE status = 'published';
    CREATE INDEX job_postings_salary_idx ON job_postings (COALESCE(salary_max, -1) DESC, id DESC)
      WHERE status = 'published';
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP INDEX IF EXISTS job_postings_salary_idx;
    DROP INDEX IF EXISTS job_postings_search_trgm;
    CREATE INDEX job_postings_search_trgm ON job_postings USING gin (search_text gin_trgm_ops)
      WHERE status = 'published';
  `);
};
