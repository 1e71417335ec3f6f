import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import type { CameraStatusSink, LiveStreams, StatusReport } from './cameras.types.ts';
import type { CameraStateValue } from './cameras.schemas.ts';

export interface CameraStatusDto {
  state: CameraStateValue;
  message: string | null;
  since: string;
  lastFrameAt: string | null;
  bitrateKbps: number | null;
  fps: number | null;
  viewers: number;
  transcoding: boolean;
}
export type StatusMessage = { cameraId: string } & CameraStatusDto;
export type StatusListener = (m: StatusMessage) => void;

export interface StatusRow {
  id: string;
  state: CameraStateValue;
  state_message: string | null;
  state_since: Date | string;
  last_frame_at: Date | string | null;
  bitrate_kbps: number | null;
  fps: number | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function statusDto(r: StatusRow, live: LiveStreams): CameraStatusDto {
  const stats = live.stats(r.id);
  return {
    state: r.state,
    message: r.state_message,
    since: iso(r.state_since)!,
    lastFrameAt: iso(r.last_frame_at),
    bitrateKbps: r.bitrate_kbps,
    fps: r.fps === null ? null : Math.round(r.fps * 100) / 100,
    viewers: stats.viewers,
    transcoding: stats.transcoding,
  };
}

export interface CameraStatusService extends CameraStatusSink {
  subscribe(listener: StatusListener): () => void;
  /** Every camera's status now (the first SSE message). */
  snapshot(): Promise<StatusMessage[]>;
  /** Resolves when every report received so far is written (tests, shutdown). */
  flush(): Promise<void>;
  /** Called when the server shuts down (open status streams end then). Returns an unsubscribe. */
  onClose(fn: () => void): () => void;
  /** Shutdown: end every open status stream so the HTTP server can close. */
  close(): void;
}

/**
 * The registry's side of the live state: a change of state → one camera_status_events row + the cameras row,
 * pushed at once; metrics alone are written and pushed at most every `metricsEveryMs` per camera.
 * Reports of one camera are written in order (one chain per camera).
 */
export function createCameraStatus(deps: {
  sequelize: Sequelize;
  log: Logger;
  live: () => LiveStreams;
  metricsEveryMs?: number;
}): CameraStatusService {
  const { sequelize, log } = deps;
  const every = deps.metricsEveryMs ?? 5_000;
  const listeners = new Set<StatusListener>();
  const closers = new Set<() => void>();
  const chains = new Map<string, Promise<void>>();
  const lastMetrics = new Map<string, number>();

  const push = (row: StatusRow) => {
    const m = { cameraId: row.id, ...statusDto(row, deps.live()) };
    for (const l of listeners) {
      try {
        l(m);
      } catch (err) {
        log.warn({ err }, 'camera status listener failed');
      }
    }
  };

  async function write(cameraId: string, r: StatusReport): Promise<void> {
    const metrics = {
      lastFrameAt: r.lastFrameAt ?? null,
      bitrate: r.bitrateKbps === undefined || r.bitrateKbps === null ? null : Math.round(r.bitrateKbps),
      fps: r.fps ?? null,
    };
    const row = await sequelize.transaction(async (transaction) => {
      const [cur] = await sequelize.query<{ state: CameraStateValue; state_message: string | null }>(
        'SELECT state, state_message FROM cameras WHERE id = :id FOR UPDATE',
        { replacements: { id: cameraId }, type: QueryTypes.SELECT, transaction },
      );
      if (!cur) return null; // deleted meanwhile
      // A transcoder starting for a camera already known live (the health check saw it) is not news: opening an
      // idle camera would otherwise write live → connecting → live into the outage history every time.
      if (r.state === 'connecting' && cur.state === 'live') return null;
      const changed = cur.state !== r.state;
      if (!changed) {
        const now = Date.now();
        const messageChanged = (r.message ?? null) !== cur.state_message && r.message !== undefined;
        if (!messageChanged && now - (lastMetrics.get(cameraId) ?? 0) < every) return null;
        lastMetrics.set(cameraId, now);
      } else {
        lastMetrics.set(cameraId, Date.now());
        await sequelize.query(
          `INSERT INTO camera_status_events (camera_id, state, previous_state, message)
           VALUES (:id, :state, :prev, :message)`,
          {
            replacements: { id: cameraId, state: r.state, prev: cur.state, message: r.message ?? null },
            transaction,
          },
        );
      }
      const [rows] = await sequelize.query(
        `UPDATE cameras SET state = :state,
           state_message = CASE WHEN :keepMessage THEN state_message ELSE CAST(:message AS text) END,
           state_since = CASE WHEN :changed THEN now() ELSE state_since END,
           last_frame_at = coalesce(CAST(:lastFrameAt AS timestamptz), last_frame_at),
           bitrate_kbps = CASE WHEN NOT :live THEN NULL
             ELSE coalesce(CAST(:bitrate AS integer), CASE WHEN :changed THEN NULL ELSE bitrate_kbps END) END,
           fps = CASE WHEN NOT :live THEN NULL
             ELSE coalesce(CAST(:fps AS real), CASE WHEN :changed THEN NULL ELSE fps END) END
         WHERE id = :id
         RETURNING id, state, state_message, state_since, last_frame_at, bitrate_kbps, fps`,
        {
          replacements: {
            id: cameraId,
            state: r.state,
            keepMessage: !changed && r.message === undefined,
            message: r.message ?? null,
            changed,
            lastFrameAt: metrics.lastFrameAt,
            live: r.state === 'live',
            bitrate: metrics.bitrate,
            fps: metrics.fps,
          },
          transaction,
        },
      );
      return (rows as StatusRow[])[0] ?? null;
    });
    if (row) push(row);
  }

  return {
    report(cameraId, r) {
      const prev = chains.get(cameraId) ?? Promise.resolve();
      const next = prev
        .then(() => write(cameraId, r))
        .catch((err: unknown) => log.warn({ err, cameraId }, 'camera status write failed'));
      chains.set(cameraId, next);
      void next.then(() => {
        if (chains.get(cameraId) === next) chains.delete(cameraId);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async snapshot() {
      const rows = await sequelize.query<StatusRow>(
        `SELECT id, state, state_message, state_since, last_frame_at, bitrate_kbps, fps FROM cameras ORDER BY name`,
        { type: QueryTypes.SELECT },
      );
      return rows.map((r) => ({ cameraId: r.id, ...statusDto(r, deps.live()) }));
    },
    async flush() {
      await Promise.all([...chains.values()]);
    },
    onClose(fn) {
      closers.add(fn);
      return () => closers.delete(fn);
    },
    close() {
      for (const fn of [...closers]) fn();
    },
  };
}
