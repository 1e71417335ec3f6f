import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      phone text NOT NULL UNIQUE CHECK (phone ~ '^\\+84[0-9]{9}$'),
      full_name text NOT NULL,
      password_hash text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      identity_level smallint NOT NULL DEFAULT 0 CHECK (identity_level BETWEEN 0 AND 2),
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX users_name_trgm ON users USING gin (f_unaccent(lower(full_name)) gin_trgm_ops);
    CREATE INDEX users_created_idx ON users (created_at DESC);

    CREATE TABLE user_roles (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL,
      granted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, role)
    );
    CREATE INDEX user_roles_role_idx ON user_roles (role);

    CREATE TABLE otp_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      phone text NOT NULL,
      purpose text NOT NULL CHECK (purpose IN ('register', 'login', 'reset')),
      code_hash text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      consumed_at timestamptz,
      ip text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX otp_codes_phone_idx ON otp_codes (phone, purpose, created_at DESC);

    CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      family_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz,
      ip text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
    CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(
    'DROP TABLE refresh_tokens; DROP TABLE otp_codes; DROP TABLE user_roles; DROP TABLE users;',
  );
};
