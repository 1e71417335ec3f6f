import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      ip text,
      user_agent text,
      request_id text,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
    CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id DESC);
    CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

    CREATE TABLE seed_runs (
      name text PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE communes (
      code text PRIMARY KEY,
      name text NOT NULL,
      name_en text NOT NULL,
      type text NOT NULL CHECK (type IN ('ward', 'commune')),
      area_km2 double precision,
      lat double precision NOT NULL,
      lng double precision NOT NULL,
      bbox double precision[] NOT NULL,
      merged_from text NOT NULL DEFAULT ''
    );
    CREATE INDEX communes_name_trgm ON communes USING gin (f_unaccent(lower(name)) gin_trgm_ops);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE communes; DROP TABLE seed_runs; DROP TABLE audit_log;');
};
