import type { Migration } from '../migrate.ts';

export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL,
      title_vi text NOT NULL,
      title_en text NOT NULL,
      body_vi text NOT NULL DEFAULT '',
      body_en text NOT NULL DEFAULT '',
      link text,
      entity_type text,
      entity_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
    CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query('DROP TABLE notifications;');
};
