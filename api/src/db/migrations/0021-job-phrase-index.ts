import type { Migration } from '../migrate.ts';

/**
 * Job search by phrase: the pairs of neighbouring words of search_text ("cong nhan", "nhan may", …) in a GIN index
 * with the equality filters, so a phrase of two words or more is looked up by its pairs — postings that hold the
 * words side by side — instead of every posting holding the words anywhere, which LIKE then had to read and
 * mostly throw away (≈4.5× faster for "cong nhan may" + commune + salary over 200,000 postings; npm run bench:jobs).
 */
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE FUNCTION job_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT p.w1 || ' ' || p.w2), '{}') FROM (
        SELECT x.w AS w1, lead(x.w) OVER (ORDER BY x.i) AS w2
        FROM regexp_split_to_table(t, '[^[:alnum:]]+') WITH ORDINALITY AS x(w, i) WHERE x.w <> ''
      ) p WHERE p.w2 IS NOT NULL
    $$;
    CREATE INDEX job_postings_search_pairs ON job_postings
      USING gin (job_bigrams(search_text), zone_code, commune_code, industry, employment_type)
      WHERE status = 'published';
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP INDEX IF EXISTS job_postings_search_pairs;
    DROP FUNCTION IF EXISTS job_bigrams(text);
  `);
};
