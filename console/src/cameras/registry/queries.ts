import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { vnLocalToIso } from '../../time';
import type { CameraCreate, CameraState, CameraUpdate } from './form';

export type CameraListQuery = NonNullable<paths['/api/v1/cameras/all']['get']['parameters']['query']>;
export type CameraEventQuery = NonNullable<paths['/api/v1/cameras/events']['get']['parameters']['query']>;
export type BulkAction = components['schemas']['CameraBulkInput']['action'];

export const PAGE_SIZES = [25, 50, 100] as const;

/** The registry table's filters, sort and page. */
export interface RegistryFilters {
  q: string;
  states: CameraState[];
  tag: string;
  communeCode: string;
  /** '' = all, 'true' = enabled only, 'false' = disabled only. */
  enabled: '' | 'true' | 'false';
  sort: 'name' | 'code' | 'state' | 'updated';
  page: number;
  pageSize: number;
}

export const EMPTY_REGISTRY_FILTERS: RegistryFilters = {
  q: '',
  states: [],
  tag: '',
  communeCode: '',
  enabled: '',
  sort: 'name',
  page: 0,
  pageSize: 25,
};

/** Filters → GET /cameras/all query (offset paging). */
export function buildCameraListQuery(f: RegistryFilters): CameraListQuery {
  const query: CameraListQuery = { sort: f.sort, limit: f.pageSize, offset: f.page * f.pageSize };
  if (f.q.trim()) query.q = f.q.trim().slice(0, 100);
  if (f.states.length) query.state = f.states.join(',');
  if (f.tag) query.tag = f.tag;
  if (/^\d{5}$/.test(f.communeCode)) query.communeCode = f.communeCode;
  if (f.enabled) query.enabled = f.enabled;
  return query;
}

/** The grid column a sort belongs to, and back (the api sorts one way per field). */
const SORT_FIELDS = { name: 'name', code: 'code', state: 'state', updated: 'updatedAt' } as const;
export function sortToModel(sort: RegistryFilters['sort']): { field: string; sort: 'asc' | 'desc' }[] {
  return [{ field: SORT_FIELDS[sort], sort: sort === 'updated' ? 'desc' : 'asc' }];
}
export function modelToSort(
  model: readonly { field: string; sort?: 'asc' | 'desc' | null }[],
): RegistryFilters['sort'] {
  const field = model[0]?.sort ? model[0].field : 'name';
  const found = (Object.keys(SORT_FIELDS) as RegistryFilters['sort'][]).find((k) => SORT_FIELDS[k] === field);
  return found ?? 'name';
}

/** The outage tab's filters. */
export interface OutageFilters {
  cameraId: string;
  state: CameraState | '';
  /** datetime-local value read as Vietnam time, or ''. */
  since: string;
}

/** Filters (+ keyset cursor) → GET /cameras/events query. */
export function buildEventQuery(f: OutageFilters, before: number | null, limit = 100): CameraEventQuery {
  const query: CameraEventQuery = { limit };
  if (f.cameraId) query.cameraId = f.cameraId;
  if (f.state) query.state = f.state;
  const since = vnLocalToIso(f.since);
  if (since) query.since = since;
  if (before !== null) query.before = before;
  return query;
}

export const listCameras = (query: CameraListQuery, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/cameras/all', { params: { query }, signal }));

/** Every camera matching the filters (the export and the outage tab's camera list), page after page. */
export async function listAllCameras(
  filters: Omit<CameraListQuery, 'limit' | 'offset'>,
  signal?: AbortSignal,
): Promise<components['schemas']['Camera'][]> {
  const out: components['schemas']['Camera'][] = [];
  for (let offset = 0; offset < 100_000; offset += 1000) {
    const page = await listCameras({ ...filters, limit: 1000, offset }, signal);
    out.push(...page.items);
    if (page.items.length < 1000 || out.length >= page.total) break;
  }
  return out;
}

export const listEvents = (query: CameraEventQuery, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/cameras/events', { params: { query }, signal }));

export const createCamera = (body: CameraCreate) => unwrap(api.POST('/api/v1/cameras', { body }));

export const updateCamera = (id: string, body: CameraUpdate) =>
  unwrap(api.PUT('/api/v1/cameras/{id}', { params: { path: { id } }, body }));

export const probeCamera = (body: components['schemas']['CameraProbeInput']) =>
  unwrap(api.POST('/api/v1/cameras/probe', { body }));

export const bulkCameras = (ids: string[], action: BulkAction) =>
  unwrap(api.POST('/api/v1/cameras/bulk', { body: { ids, action } }));

export const importCameras = (csv: string, dryRun: boolean) =>
  unwrap(
    api.POST('/api/v1/cameras/import', {
      params: { query: { dryRun: dryRun ? 'true' : 'false' } },
      body: { csv },
    }),
  );

export const listCommunes = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/communes', { signal }));
