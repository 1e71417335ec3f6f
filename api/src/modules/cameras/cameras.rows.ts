import type { LiveStreams } from './cameras.types.ts';
import type { CameraDto, CameraListInput, CameraStateValue } from './cameras.schemas.ts';
import { statusDto, type StatusRow } from './status.ts';

export interface CameraRow extends StatusRow {
  code: string;
  name: string;
  lat: number;
  lng: number;
  commune_code: string | null;
  commune_name: string | null;
  address: string | null;
  direction: string | null;
  tags: string[];
  rtsp_sealed: string;
  rtsp_host: string;
  has_credentials: boolean;
  enabled: boolean;
  private: boolean;
  demo: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

export const SELECT_CAMERAS = `SELECT c.*, co.name AS commune_name
  FROM cameras c LEFT JOIN communes co ON co.code = c.commune_code`;

export function publicDto(r: CameraRow, stillAt: Date | null) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    lat: r.lat,
    lng: r.lng,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    address: r.address,
    direction: r.direction,
    tags: r.tags,
    state: r.state,
    snapshotAt: stillAt ? stillAt.toISOString() : null,
  };
}

export function cameraDto(r: CameraRow, stillAt: Date | null, live: LiveStreams): CameraDto {
  return {
    ...publicDto(r, stillAt),
    enabled: r.enabled,
    private: r.private,
    demo: r.demo,
    rtspHost: r.rtsp_host,
    hasCredentials: r.has_credentials,
    status: statusDto(r, live),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const STATES: CameraStateValue[] = ['unknown', 'connecting', 'live', 'offline', 'error'];

/** WHERE clauses of a list (the state filter apart: the per-state counts ignore it). */
export function listWhere(q: CameraListInput, publicOnly: boolean) {
  const where: string[] = [];
  const replacements: Record<string, unknown> = {};
  if (publicOnly) where.push('c.enabled AND NOT c.private');
  if (q.q) {
    where.push(`position(f_unaccent(lower(:q)) IN f_unaccent(lower(
      c.name || ' ' || c.code || ' ' || coalesce(c.address, '') || ' ' || coalesce(c.direction, '') || ' ' ||
      coalesce(co.name, '') || ' ' || array_to_string(c.tags, ' ')))) > 0`);
    replacements.q = q.q;
  }
  if (q.tag) {
    where.push(':tag = ANY(c.tags)');
    replacements.tag = q.tag;
  }
  if (q.communeCode) {
    where.push('c.commune_code = :communeCode');
    replacements.communeCode = q.communeCode;
  }
  if (q.enabled && !publicOnly) where.push(q.enabled === 'true' ? 'c.enabled' : 'NOT c.enabled');
  let states: string[] | null = null;
  if (q.state) {
    states = q.state.split(',').filter((s) => (STATES as string[]).includes(s));
    replacements.states = states.length ? states : ['-'];
  }
  return { where, replacements, states };
}

export const ORDER: Record<CameraListInput['sort'], string> = {
  name: 'c.name, c.code',
  code: 'c.code',
  state: `array_position(ARRAY['error','offline','connecting','unknown','live']::varchar[], c.state), c.name`,
  updated: 'c.updated_at DESC, c.code',
};
