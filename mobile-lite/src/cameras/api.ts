import { attempt, type Outcome } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { maxAgeSeconds, snapshotUrl, type CameraState } from './format';
import { boundsOfRings, ringsOf, type Bounds } from './map';

export type PublicCamera = components['schemas']['PublicCamera'];

export interface CameraQuery {
  q?: string;
  tag?: string;
  communeCode?: string;
}

/** Public cameras (works signed out). */
export function listCameras(query: CameraQuery) {
  return attempt(() => api.GET('/api/v1/cameras', { params: { query: { ...query, limit: 1000 } } }));
}

export function getCamera(id: string) {
  return attempt(() => api.GET('/api/v1/cameras/{id}/public', { params: { path: { id } } }));
}

export type Snapshot =
  | {
      ok: true;
      /** An object URL of the picture (revoke it when replaced). */
      url: string;
      takenAt: string | null;
      etag: string | null;
      /** Seconds until the server may take the next still. */
      maxAge: number | null;
      state: CameraState | null;
    }
  | { ok: false; status: number | null; state: CameraState | null };

/**
 * The latest still of a camera, read with fetch so its time (X-Snapshot-Taken-At) and the camera's state are
 * known. `bust` gives a new address so no cache answers for the server. Sent without the sign-in token: the
 * picture is public, and an expired token must not cost a refusal.
 */
export async function fetchSnapshot(id: string, bust?: number): Promise<Snapshot> {
  try {
    const res = await fetch(snapshotUrl(id, bust), { cache: bust === undefined ? 'default' : 'no-store' });
    const state = res.headers.get('X-Camera-State') as CameraState | null;
    if (!res.ok) return { ok: false, status: res.status, state };
    const blob = await res.blob();
    return {
      ok: true,
      url: URL.createObjectURL(blob),
      takenAt: res.headers.get('X-Snapshot-Taken-At') ?? res.headers.get('Last-Modified'),
      etag: res.headers.get('ETag'),
      maxAge: maxAgeSeconds(res.headers.get('Cache-Control')),
      state,
    };
  } catch {
    return { ok: false, status: null, state: null };
  }
}

export interface Outline {
  rings: number[][][];
  bounds: Bounds;
}

let outline: Promise<Outline | null> | null = null;

/**
 * The province outline (≈40 KB gzip, cached by the browser for a day), fetched the first time the map is shown;
 * null when the server has none configured or the network failed (the map then draws the pins alone).
 */
export function provinceOutline(): Promise<Outline | null> {
  outline ??= fetch('/api/v1/reference/province/outline')
    .then(async (res) => {
      if (!res.ok) return null;
      const geo = (await res.json()) as {
        features?: { geometry: { type: string; coordinates?: unknown } }[];
      };
      const rings = (geo.features ?? []).flatMap((f) => ringsOf(f.geometry));
      const bounds = boundsOfRings(rings);
      return bounds ? { rings, bounds } : null;
    })
    .catch(() => null)
    .then((o) => {
      if (!o) outline = null; // try again next time
      return o;
    });
  return outline;
}

export type { Outcome };
