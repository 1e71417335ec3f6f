import { z } from '../../platform/zod.ts';
import { bilingualIssue } from '../../platform/validation.ts';

/**
 * Traffic cameras. The RTSP address and its credentials go in (create, update, import, probe) and never come
 * out: operators see the host only (`rtspHost`) and whether credentials are set.
 */
export const CameraState = z
  .enum(['unknown', 'connecting', 'live', 'offline', 'error'])
  .describe(
    'unknown: never checked; connecting: the transcoder is opening the feed; live: frames arrive; ' +
      'offline: the camera does not answer; error: it answers but the feed cannot be read (message says why)',
  );

const Code = z
  .string()
  .trim()
  .refine(
    (s) => /^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/.test(s) && s.length <= 40,
    bilingualIssue(
      'camera_code_format',
      'Mã camera gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (tối đa 40 ký tự).',
      'A camera code has letters without accents, digits, dots, hyphens or underscores (at most 40).',
    ),
  );

export const RtspUrl = z
  .string()
  .trim()
  .max(1000)
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'rtsp:' || u.protocol === 'rtsps:') && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    bilingualIssue(
      'rtsp_url_format',
      'Địa chỉ luồng phải có dạng rtsp://máy-chủ[:cổng]/đường-dẫn.',
      'The stream address must look like rtsp://host[:port]/path.',
    ),
  )
  .describe('rtsp:// or rtsps:// address; credentials may be given here or in username/password');

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u);

export const CameraParams = z.strictObject({ id: z.uuid() });
export const SnapshotQuery = z
  .strictObject({
    w: z
      .enum(['160', '320', '640'])
      .optional()
      .describe(
        'A smaller copy of the still, this many pixels wide (list thumbnails); the full still when omitted',
      ),
    t: z.string().max(40).optional().describe('Ignored: lets a client get past its own cache ("Làm mới")'),
  })
  .openapi('SnapshotQuery');

const Fields = {
  name: z.string().trim().min(2).max(200),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .optional(),
  address: z.string().trim().max(300).nullable().optional(),
  direction: z.string().trim().max(120).nullable().optional().describe('e.g. "Hướng về Ngã Sáu"'),
  tags: z.array(Tag).max(20).optional(),
  username: z.string().max(200).optional().describe('RTSP user; sealed at rest'),
  password: z.string().max(200).optional().describe('RTSP password; sealed at rest'),
  enabled: z.boolean().optional(),
  private: z.boolean().optional().describe('Operators only: hidden from citizens, no public snapshot'),
};

export const CameraCreate = z
  .strictObject({ code: Code, rtspUrl: RtspUrl, ...Fields })
  .openapi('CameraCreate');

export const CameraUpdate = z
  .strictObject({
    code: Code.optional(),
    rtspUrl: RtspUrl.optional().describe('Omit to keep the current address (it is never shown)'),
    name: Fields.name.optional(),
    lat: Fields.lat.optional(),
    lng: Fields.lng.optional(),
    communeCode: Fields.communeCode,
    address: Fields.address,
    direction: Fields.direction,
    tags: Fields.tags,
    username: Fields.username,
    password: Fields.password,
    clearCredentials: z.boolean().optional().describe('true removes the stored user and password'),
    enabled: Fields.enabled,
    private: Fields.private,
  })
  .openapi('CameraUpdate');

export const CameraProbeInput = z
  .strictObject({
    rtspUrl: RtspUrl.optional(),
    username: Fields.username,
    password: Fields.password,
    cameraId: z
      .uuid()
      .optional()
      .describe('Test the stored address of this camera (or its stored credentials)'),
  })
  .openapi('CameraProbeInput');

export const CameraProbe = z
  .object({
    reachable: z.boolean(),
    code: z
      .enum(['ok', 'unreachable', 'timeout', 'unauthorized', 'not_found', 'no_video', 'error'])
      .describe('Why it failed, if it did'),
    message: z.string().describe('Vietnamese explanation'),
    messages: z.object({ vi: z.string(), en: z.string() }),
    codec: z.string().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    fps: z.number().nullable(),
    ms: z.number().int().describe('How long the test took'),
  })
  .openapi('CameraProbe');

export const CameraStatus = z
  .object({
    state: CameraState,
    message: z.string().nullable().describe('ffmpeg’s or the probe’s message when offline or in error'),
    since: z.string().describe('When the camera entered this state'),
    lastFrameAt: z.string().nullable(),
    bitrateKbps: z.number().int().nullable(),
    fps: z.number().nullable(),
    viewers: z.number().int().describe('Live viewers now (0 when no transcoder runs)'),
    transcoding: z.boolean(),
  })
  .openapi('CameraStatus');

/** What a citizen sees. */
export const PublicCamera = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    lat: z.number(),
    lng: z.number(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    address: z.string().nullable(),
    direction: z.string().nullable(),
    tags: z.array(z.string()),
    state: CameraState,
    snapshotAt: z.string().nullable().describe('Time of the cached still, if any'),
  })
  .openapi('PublicCamera');

/** What an operator sees: never the RTSP address itself nor its credentials. */
export const Camera = PublicCamera.extend({
  enabled: z.boolean(),
  private: z.boolean(),
  demo: z.boolean(),
  rtspHost: z.string().describe('host[:port] of the feed, for recognising it; the address is never shown'),
  hasCredentials: z.boolean(),
  status: CameraStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('Camera');

export const CameraSaved = Camera.extend({
  probe: CameraProbe.nullable().describe(
    'Result of testing the feed on save (null when the address did not change)',
  ),
}).openapi('CameraSaved');

const Bool = z.enum(['true', 'false']);
export const CameraListQuery = z
  .strictObject({
    q: z.string().trim().max(100).optional().describe('Name, code, address or commune, accents ignored'),
    state: z
      .union([CameraState, z.string().regex(/^[a-z]+(,[a-z]+)*$/)])
      .optional()
      .describe('One state or several separated by commas'),
    tag: z.string().trim().max(40).optional(),
    communeCode: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    enabled: Bool.optional().describe('Operators: only enabled (true) or disabled (false) cameras'),
    sort: z.enum(['name', 'code', 'state', 'updated']).default('name'),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .openapi('CameraListQuery');

export const PublicCameraList = z
  .object({ items: z.array(PublicCamera), total: z.number().int() })
  .openapi('PublicCameraList');
export const CameraList = z
  .object({
    items: z.array(Camera),
    total: z.number().int(),
    counts: z.record(z.string(), z.number().int()).describe('Cameras per state over the filtered set'),
    tags: z.array(z.string()).describe('Every tag in use, for filters'),
  })
  .openapi('CameraList');

export const CameraBulkInput = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(500),
    action: z.enum(['enable', 'disable', 'delete']),
  })
  .openapi('CameraBulkInput');
export const CameraBulkResult = z
  .object({ updated: z.number().int(), deleted: z.number().int() })
  .openapi('CameraBulkResult');

export const CameraImportQuery = z
  .strictObject({ dryRun: Bool.default('false').describe('Check every row and save nothing') })
  .openapi('CameraImportQuery');
export const CameraImportInput = z
  .strictObject({
    csv: z
      .string()
      .min(1)
      .max(2_000_000)
      .describe(
        'CSV with a header row: code,name,lat,lng,commune_code,address,direction,tags,rtsp_url,username,password,' +
          'private,enabled (tags separated by ";"; private/enabled: true/false/1/0/có/không). A row whose code ' +
          'exists updates that camera.',
      ),
  })
  .openapi('CameraImportInput');
export const CameraImportResult = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    errors: z.array(
      z.object({
        line: z.number().int().describe('Line of the CSV (the header is line 1)'),
        field: z.string().nullable(),
        code: z.string(),
        message: z.string(),
        messages: z.object({ vi: z.string(), en: z.string() }),
      }),
    ),
  })
  .openapi('CameraImportResult');

export const CameraEvent = z
  .object({
    id: z.string(),
    cameraId: z.string(),
    cameraName: z.string(),
    state: CameraState,
    previousState: CameraState.nullable(),
    message: z.string().nullable(),
    at: z.string(),
    durationMs: z.number().int().nullable().describe('How long this state lasted (null while it lasts)'),
  })
  .openapi('CameraEvent');
export const CameraEventQuery = z
  .strictObject({
    cameraId: z.uuid().optional(),
    state: CameraState.optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    before: z.coerce.number().int().positive().optional().describe('Keyset: events with a smaller id'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .openapi('CameraEventQuery');
export const CameraEventList = z
  .object({ items: z.array(CameraEvent), nextBefore: z.number().int().nullable() })
  .openapi('CameraEventList');

const Grid = z.number().int().min(1).max(4).describe('1×1, 2×2, 3×3 or 4×4');
const LayoutFields = {
  name: z.string().trim().min(1).max(80),
  grid: Grid,
  tiles: z
    .array(z.uuid().nullable())
    .max(16)
    .describe('Camera of each tile, row by row (null = empty); at most grid² entries'),
  cycleCameraIds: z.array(z.uuid()).max(200).default([]).describe('Group auto-cycled through the tiles'),
  cycleSeconds: z
    .number()
    .int()
    .refine(
      (n) => n === 0 || (n >= 5 && n <= 3600),
      bilingualIssue(
        'cycle_seconds_range',
        'Chu kỳ tự chuyển là 0 (tắt) hoặc từ 5 đến 3600 giây.',
        'The auto-cycle period is 0 (off) or 5 to 3600 seconds.',
      ),
    )
    .default(0),
};
export const WallLayoutInput = z.strictObject(LayoutFields).openapi('WallLayoutInput');
export const WallLayout = z
  .object({
    id: z.string(),
    name: z.string(),
    grid: z.number().int(),
    tiles: z.array(z.string().nullable()),
    cycleCameraIds: z.array(z.string()),
    cycleSeconds: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('WallLayout');
export const WallLayoutList = z.object({ items: z.array(WallLayout) }).openapi('WallLayoutList');
export const WallLayoutParams = z.strictObject({ id: z.uuid() });

export type CameraCreateInput = z.output<typeof CameraCreate>;
export type CameraUpdateInput = z.output<typeof CameraUpdate>;
export type CameraListInput = z.output<typeof CameraListQuery>;
export type CameraProbeResult = z.output<typeof CameraProbe>;
export type CameraStateValue = z.output<typeof CameraState>;
export type CameraDto = z.output<typeof Camera>;
export type WallLayoutInputValue = z.output<typeof WallLayoutInput>;
