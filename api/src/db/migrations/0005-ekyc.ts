import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE ekyc_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('approved', 'rejected', 'review')),
      decided_by text CHECK (decided_by IN ('auto', 'officer')),
      reviewer_id uuid REFERENCES users(id) ON DELETE SET NULL,
      reasons text[] NOT NULL DEFAULT '{}',
      similarity double precision,
      accept_threshold double precision NOT NULL,
      reject_threshold double precision NOT NULL,
      cccd_hash text NOT NULL,
      cccd_masked text NOT NULL,
      declared_sealed text NOT NULL,
      qr_sealed text,
      commune_code text REFERENCES communes(code),
      decision_reason text,
      timings jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz,
      images_deleted_at timestamptz
    );
    CREATE INDEX ekyc_cases_queue_idx ON ekyc_cases (created_at) WHERE status = 'review';
    CREATE INDEX ekyc_cases_user_idx ON ekyc_cases (user_id, created_at DESC);
    CREATE INDEX ekyc_cases_cccd_idx ON ekyc_cases (cccd_hash);
    CREATE UNIQUE INDEX ekyc_cases_one_open ON ekyc_cases (user_id) WHERE status = 'review';

    CREATE TABLE ekyc_images (
      case_id uuid NOT NULL REFERENCES ekyc_cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('card_front', 'card_back', 'selfie', 'card_face', 'selfie_face')),
      content_type text NOT NULL,
      size_bytes integer NOT NULL,
      sealed bytea NOT NULL,
      PRIMARY KEY (case_id, kind)
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE ekyc_images; DROP TABLE ekyc_cases;');
};
