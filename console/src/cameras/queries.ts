import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useApiQuery } from '../useApiQuery';
import type { LayoutBody } from './wall/layout';

export type Camera = components['schemas']['Camera'];
export type CameraEvent = components['schemas']['CameraEvent'];
export type WallLayout = components['schemas']['WallLayout'];

/** The map page's filters that the api applies (the state filter is applied on the live statuses instead). */
export interface CameraFilters {
  q: string;
  tag: string;
  communeCode: string;
}
export const NO_FILTERS: CameraFilters = { q: '', tag: '', communeCode: '' };

/** Query of GET /cameras/all: empty filters left out, every camera in one page. */
export function cameraListQuery(f: CameraFilters): {
  q?: string;
  tag?: string;
  communeCode?: string;
  limit: number;
  sort: 'name';
} {
  const q = f.q.trim();
  return {
    ...(q ? { q } : {}),
    ...(f.tag ? { tag: f.tag } : {}),
    ...(/^\d{5}$/.test(f.communeCode) ? { communeCode: f.communeCode } : {}),
    limit: 1000,
    sort: 'name',
  };
}

/** The cameras an operator sees (cameras:view), filtered. */
export function useCameraList(filters: CameraFilters = NO_FILTERS) {
  const query = cameraListQuery(filters);
  return useApiQuery(`cameras:${JSON.stringify(query)}`, (signal) =>
    unwrap(api.GET('/api/v1/cameras/all', { params: { query }, signal })),
  );
}

export function useCamera(id: string | null) {
  return useApiQuery(id ? `camera:${id}` : null, (signal) =>
    unwrap(api.GET('/api/v1/cameras/{id}', { params: { path: { id: id ?? '' } }, signal })),
  );
}

/** The recent state changes (outages) of one camera, newest first. `bump` reloads when it changes. */
export function useCameraEvents(cameraId: string | null, bump = '', limit = 20) {
  return useApiQuery(cameraId ? `camera-events:${cameraId}:${limit}:${bump}` : null, (signal) =>
    unwrap(
      api.GET('/api/v1/cameras/events', { params: { query: { cameraId: cameraId ?? '', limit } }, signal }),
    ),
  );
}

/** Communes and wards, for the filter. */
export function useCommunes() {
  return useApiQuery('communes', (signal) => unwrap(api.GET('/api/v1/communes', { signal })));
}

/** This operator's saved wall layouts. */
export function useWallLayouts() {
  return useApiQuery('wall-layouts', (signal) => unwrap(api.GET('/api/v1/cameras/layouts', { signal })));
}

export const createLayout = (body: LayoutBody) => unwrap(api.POST('/api/v1/cameras/layouts', { body }));
export const updateLayout = (id: string, body: LayoutBody) =>
  unwrap(api.PUT('/api/v1/cameras/layouts/{id}', { params: { path: { id } }, body }));
export const deleteLayout = (id: string) =>
  unwrap(api.DELETE('/api/v1/cameras/layouts/{id}', { params: { path: { id } } }));
