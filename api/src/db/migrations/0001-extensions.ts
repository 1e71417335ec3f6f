import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  await sql.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it for accent-insensitive search.
  await sql.query(`
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D')) $$`);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP FUNCTION IF EXISTS f_unaccent(text)');
};
