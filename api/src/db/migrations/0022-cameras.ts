import type { Migration } from '../migrate.ts';

/**
 * Traffic cameras: the registry (RTSP address and credentials sealed with AES-256-GCM, never sent to a client),
 * every change of live state (the outage history), and each operator's saved camera-wall layouts.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE cameras (
      id uuid PRIMARY KEY,
      code varchar(40) NOT NULL UNIQUE,
      name varchar(200) NOT NULL,
      lat double precision NOT NULL,
      lng double precision NOT NULL,
      commune_code varchar(5) REFERENCES communes(code),
      address varchar(300),
      direction varchar(120),
      tags text[] NOT NULL DEFAULT '{}',
      rtsp_sealed text NOT NULL,
      rtsp_host varchar(300) NOT NULL,
      has_credentials boolean NOT NULL DEFAULT false,
      enabled boolean NOT NULL DEFAULT true,
      private boolean NOT NULL DEFAULT false,
      demo boolean NOT NULL DEFAULT false,
      state varchar(12) NOT NULL DEFAULT 'unknown'
        CHECK (state IN ('unknown', 'connecting', 'live', 'offline', 'error')),
      state_message text,
      state_since timestamptz NOT NULL DEFAULT now(),
      last_frame_at timestamptz,
      bitrate_kbps integer,
      fps real,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX cameras_commune ON cameras (commune_code);
    CREATE INDEX cameras_tags ON cameras USING gin (tags);

    CREATE TABLE camera_status_events (
      id bigserial PRIMARY KEY,
      camera_id uuid NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
      state varchar(12) NOT NULL,
      previous_state varchar(12),
      message text,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX camera_status_events_camera_at ON camera_status_events (camera_id, at DESC);
    CREATE INDEX camera_status_events_at ON camera_status_events (at DESC);

    CREATE TABLE camera_wall_layouts (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name varchar(80) NOT NULL,
      grid smallint NOT NULL CHECK (grid BETWEEN 1 AND 4),
      tiles jsonb NOT NULL DEFAULT '[]',
      cycle_camera_ids jsonb NOT NULL DEFAULT '[]',
      cycle_seconds smallint NOT NULL DEFAULT 0 CHECK (cycle_seconds = 0 OR cycle_seconds BETWEEN 5 AND 3600),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (owner_id, name)
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`DROP TABLE IF EXISTS camera_wall_layouts, camera_status_events, cameras;`);
};
