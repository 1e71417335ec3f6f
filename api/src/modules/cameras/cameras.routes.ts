import { z } from '../../platform/zod.ts';
import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import {
  Camera,
  CameraBulkInput,
  CameraBulkResult,
  CameraCreate,
  CameraEventList,
  CameraEventQuery,
  CameraImportInput,
  CameraImportQuery,
  CameraImportResult,
  CameraList,
  CameraListQuery,
  CameraParams,
  SnapshotQuery,
  CameraProbe,
  CameraProbeInput,
  CameraSaved,
  CameraUpdate,
  PublicCamera,
  PublicCameraList,
  WallLayout,
  WallLayoutInput,
  WallLayoutList,
  WallLayoutParams,
} from './cameras.schemas.ts';
import type { CameraRegistry } from './cameras.service.ts';
import type { CameraEvents } from './events.ts';
import type { WallLayouts } from './layouts.ts';
import type { Snapshots } from './snapshots.ts';
import { createThumbnails } from './thumbnails.ts';
import type { CameraStatusService } from './status.ts';
import type { createCameraImport } from './cameras.import.ts';
import { sendSnapshot, snapshotLimiter, streamStatus } from './cameras.http.ts';
import type { Store } from 'express-rate-limit';

export interface CameraRouteDeps {
  registry: CameraRegistry;
  events: CameraEvents;
  layouts: WallLayouts;
  snapshots: Snapshots;
  status: CameraStatusService;
  importCsv: ReturnType<typeof createCameraImport>;
  snapshotsPerMinute?: number;
  /** Where snapshot requests are counted: Redis when several API instances run, else memory. */
  snapshotLimitStore?: Store;
  /** Sessions that end (signed out, revoked): their open status streams end with them. */
  sessionEnded?: (listener: (sid: string) => void) => () => void;
}

const tags = ['Camera giao thông (cameras)'];
const notFound = { description: 'No such camera', schema: Problem };

/** Fixed paths come before /cameras/{id}. */
export function cameraRoutes(d: CameraRouteDeps): RouteSpec[] {
  const limit = snapshotLimiter(d.snapshotsPerMinute, d.snapshotLimitStore);
  const thumbnails = createThumbnails();
  return [
    route({
      method: 'get',
      path: '/cameras',
      tags,
      summary: 'Public traffic cameras (enabled, not private), with their state',
      access: 'public',
      query: CameraListQuery,
      responses: { 200: { description: 'Cameras', schema: PublicCameraList } },
      handler: ({ query }) => d.registry.listPublic(query),
    }),
    route({
      method: 'get',
      path: '/cameras/all',
      tags,
      summary: 'Every camera with its live status, per-state counts and tags in use (operators)',
      access: 'cameras:view',
      query: CameraListQuery,
      responses: { 200: { description: 'Cameras', schema: CameraList } },
      handler: ({ query }) => d.registry.listAll(query),
    }),
    route({
      method: 'get',
      path: '/cameras/events',
      tags,
      summary: 'Outage history: changes of state, newest first (keyset paging by `before`)',
      access: 'cameras:view',
      query: CameraEventQuery,
      responses: { 200: { description: 'Events', schema: CameraEventList } },
      handler: ({ query }) => d.events.list(query),
    }),
    route({
      method: 'get',
      path: '/cameras/events/stream',
      tags,
      summary: 'Live status of every camera (Server-Sent Events)',
      description:
        'text/event-stream. First `event: snapshot` with {items: [{cameraId, ...CameraStatus}]}, then `event: status` ' +
        'with {cameraId, ...CameraStatus} on every change of state (metrics at most every 5 s per camera); ' +
        '`: ping` every 15 s; `event: expired` then the end of the stream when the access token expires ' +
        '(`{code: "token_expired"}`) or its session is signed out (`{code: "session_ended"}`).',
      access: 'cameras:view',
      responses: {
        200: { description: 'Event stream', schema: z.string(), contentType: 'text/event-stream' },
      },
      handler: ({ req, res, auth }) =>
        streamStatus(d.status, req, res, { sessionId: auth.sessionId, sessionEnded: d.sessionEnded }),
    }),
    route({
      method: 'get',
      path: '/cameras/layouts',
      tags,
      summary: 'My saved camera-wall layouts',
      access: 'cameras:view',
      responses: { 200: { description: 'Layouts', schema: WallLayoutList } },
      handler: ({ auth }) => d.layouts.list(auth.userId),
    }),
    route({
      method: 'post',
      path: '/cameras/layouts',
      tags,
      summary: 'Save a camera-wall layout (name unique per operator)',
      access: 'cameras:view',
      body: WallLayoutInput,
      responses: {
        201: { description: 'Saved', schema: WallLayout },
        409: { description: 'Name taken', schema: Problem },
      },
      handler: ({ auth, body, actor }) => d.layouts.create(auth.userId, body, actor),
    }),
    route({
      method: 'put',
      path: '/cameras/layouts/{id}',
      tags,
      summary: 'Change one of my layouts',
      access: 'cameras:view',
      params: WallLayoutParams,
      body: WallLayoutInput,
      responses: {
        200: { description: 'Saved', schema: WallLayout },
        404: { description: 'No such layout', schema: Problem },
        409: { description: 'Name taken', schema: Problem },
      },
      handler: ({ auth, params, body, actor }) => d.layouts.update(auth.userId, params.id, body, actor),
    }),
    route({
      method: 'delete',
      path: '/cameras/layouts/{id}',
      tags,
      summary: 'Delete one of my layouts',
      access: 'cameras:view',
      params: WallLayoutParams,
      responses: { 204: { description: 'Deleted' }, 404: { description: 'No such layout', schema: Problem } },
      handler: async ({ auth, params, actor }) => {
        await d.layouts.remove(auth.userId, params.id, actor);
      },
    }),
    route({
      method: 'post',
      path: '/cameras/probe',
      tags,
      summary: 'Test a feed (a new address, or a camera’s stored one) before saving; audited',
      access: 'cameras:manage',
      body: CameraProbeInput,
      responses: { 200: { description: 'Result', schema: CameraProbe }, 404: notFound },
      handler: ({ body, actor }) => d.registry.probeInput(body, actor),
    }),
    route({
      method: 'post',
      path: '/cameras/bulk',
      tags,
      summary: 'Enable, disable or delete several cameras; audited per camera',
      access: 'cameras:manage',
      body: CameraBulkInput,
      responses: { 200: { description: 'Done', schema: CameraBulkResult } },
      handler: ({ body, actor }) => d.registry.bulk(body, actor),
    }),
    route({
      method: 'post',
      path: '/cameras/import',
      tags,
      summary: 'Import cameras from CSV: all rows or none; `dryRun=true` checks only',
      access: 'cameras:manage',
      query: CameraImportQuery,
      body: CameraImportInput,
      responses: { 200: { description: 'Result (errors per line)', schema: CameraImportResult } },
      handler: ({ query, body, actor }) => d.importCsv(body.csv, query.dryRun === 'true', actor),
    }),
    route({
      method: 'post',
      path: '/cameras',
      tags,
      summary:
        'Add a camera; its feed is tested and the result returned (saved even when unreachable); audited',
      access: 'cameras:manage',
      body: CameraCreate,
      responses: {
        201: { description: 'Saved', schema: CameraSaved },
        409: { description: 'Code taken', schema: Problem },
      },
      handler: ({ body, actor }) => d.registry.create(body, actor),
    }),
    route({
      method: 'get',
      path: '/cameras/{id}',
      tags,
      summary: 'One camera with its live status (operators)',
      access: 'cameras:view',
      params: CameraParams,
      responses: { 200: { description: 'Camera', schema: Camera }, 404: notFound },
      handler: ({ params }) => d.registry.get(params.id),
    }),
    route({
      method: 'get',
      path: '/cameras/{id}/public',
      tags,
      summary: 'One public camera',
      access: 'public',
      params: CameraParams,
      responses: { 200: { description: 'Camera', schema: PublicCamera }, 404: notFound },
      handler: ({ params }) => d.registry.getPublic(params.id),
    }),
    route({
      method: 'get',
      path: '/cameras/{id}/snapshot.jpg',
      tags,
      summary: 'Latest still (JPEG), taken at most every CAMERA_SNAPSHOT_MAX_AGE_MS; rate-limited per IP',
      description:
        'Public for enabled non-private cameras; private ones need cameras:view (else 404). Headers X-Snapshot-Taken-At, ' +
        'Last-Modified, ETag, Cache-Control, X-Camera-State (offline: a stale still of a camera that is down).',
      access: 'public',
      params: CameraParams,
      query: SnapshotQuery,
      responses: {
        200: {
          description: 'JPEG',
          schema: z.string().meta({ format: 'binary' }),
          contentType: 'image/jpeg',
        },
        404: notFound,
        429: { description: 'Too many requests', schema: Problem },
        503: { description: 'camera_offline: no still can be had', schema: Problem },
      },
      handler: async ({ params, query, auth, req, res }) => {
        await limit(req, res);
        await sendSnapshot(
          { ...d, thumbnails },
          params.id,
          query.w === undefined ? undefined : Number(query.w),
          auth,
          req,
          res,
        );
      },
    }),
    route({
      method: 'put',
      path: '/cameras/{id}',
      tags,
      summary:
        'Change a camera; a new address or credentials are tested; disabling or readdressing closes its live views',
      access: 'cameras:manage',
      params: CameraParams,
      body: CameraUpdate,
      responses: {
        200: { description: 'Saved', schema: CameraSaved },
        404: notFound,
        409: { description: 'Code taken', schema: Problem },
      },
      handler: ({ params, body, actor }) => d.registry.update(params.id, body, actor),
    }),
    route({
      method: 'delete',
      path: '/cameras/{id}',
      tags,
      summary: 'Delete a camera (and its outage history); audited',
      access: 'cameras:manage',
      params: CameraParams,
      responses: { 204: { description: 'Deleted' }, 404: notFound },
      handler: async ({ params, actor }) => {
        await d.registry.remove(params.id, actor);
      },
    }),
  ];
}
