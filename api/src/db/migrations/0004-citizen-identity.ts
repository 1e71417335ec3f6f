import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE citizen_identities (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      cccd_hash text NOT NULL UNIQUE,
      cccd_sealed text NOT NULL,
      cccd_masked text NOT NULL,
      full_name text NOT NULL,
      date_of_birth date NOT NULL,
      sex text NOT NULL CHECK (sex IN ('male', 'female')),
      birth_province_code text NOT NULL,
      address_sealed text,
      issued_on date,
      source text NOT NULL CHECK (source IN ('manual', 'qr')),
      declared_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE identity_flags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL,
      other_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      details jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by uuid REFERENCES users(id) ON DELETE SET NULL
    );
    CREATE INDEX identity_flags_open_idx ON identity_flags (created_at) WHERE resolved_at IS NULL;

    CREATE TABLE qr_verifications (
      jti text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      verified_at timestamptz NOT NULL DEFAULT now(),
      verifier_id uuid,
      ip text,
      expires_at timestamptz NOT NULL
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE qr_verifications; DROP TABLE identity_flags; DROP TABLE citizen_identities;');
};
