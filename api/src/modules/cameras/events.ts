import { QueryTypes, type Sequelize } from 'sequelize';
import type { CameraStateValue } from './cameras.schemas.ts';

interface EventRow {
  id: string;
  camera_id: string;
  camera_name: string;
  state: CameraStateValue;
  previous_state: CameraStateValue | null;
  message: string | null;
  at: Date | string;
  ended_at: Date | string | null;
}

export interface EventQuery {
  cameraId?: string;
  state?: CameraStateValue;
  since?: string;
  before?: number;
  limit: number;
}

/**
 * The outage history: every change of a camera's state, newest first, keyset-paged by id. A state lasted until
 * the camera's next event (durationMs null while it lasts).
 */
export function createCameraEvents(deps: { sequelize: Sequelize }) {
  return {
    async list(q: EventQuery) {
      const where: string[] = [];
      const replacements: Record<string, unknown> = { limit: q.limit + 1 };
      if (q.cameraId) {
        where.push('e.camera_id = :cameraId');
        replacements.cameraId = q.cameraId;
      }
      if (q.state) {
        where.push('e.state = :state');
        replacements.state = q.state;
      }
      if (q.since) {
        where.push('e.at >= :since');
        replacements.since = q.since;
      }
      if (q.before) {
        where.push('e.id < :before');
        replacements.before = q.before;
      }
      const rows = await deps.sequelize.query<EventRow>(
        `SELECT e.id, e.camera_id, c.name AS camera_name, e.state, e.previous_state, e.message, e.at,
           (SELECT n.at FROM camera_status_events n
            WHERE n.camera_id = e.camera_id AND n.at >= e.at AND n.id > e.id
            ORDER BY n.at, n.id LIMIT 1) AS ended_at
         FROM camera_status_events e JOIN cameras c ON c.id = e.camera_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY e.id DESC LIMIT :limit`,
        { replacements, type: QueryTypes.SELECT },
      );
      const more = rows.length > q.limit;
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({
          id: String(r.id),
          cameraId: r.camera_id,
          cameraName: r.camera_name,
          state: r.state,
          previousState: r.previous_state,
          message: r.message,
          at: new Date(r.at).toISOString(),
          durationMs: r.ended_at === null ? null : new Date(r.ended_at).getTime() - new Date(r.at).getTime(),
        })),
        nextBefore: more ? Number(page[page.length - 1]!.id) : null,
      };
    },
  };
}

export type CameraEvents = ReturnType<typeof createCameraEvents>;
