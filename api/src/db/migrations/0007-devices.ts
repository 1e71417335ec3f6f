import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE known_devices (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      device_hash text NOT NULL,
      label text,
      first_seen timestamptz NOT NULL DEFAULT now(),
      last_seen timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, device_hash)
    );

    CREATE TABLE device_tickets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      device_hash text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      consumed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    ALTER TABLE citizen_identities ADD COLUMN face_embedding_sealed text;
    ALTER TABLE ekyc_cases ADD COLUMN card_embedding_sealed text;
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    ALTER TABLE ekyc_cases DROP COLUMN card_embedding_sealed;
    ALTER TABLE citizen_identities DROP COLUMN face_embedding_sealed;
    DROP TABLE device_tickets; DROP TABLE known_devices;`);
};
