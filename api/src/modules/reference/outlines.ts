import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';
import { NotFound } from '../../platform/errors.ts';
import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: unknown;
}

interface Loaded {
  body: string;
  etag: string;
}

export const ATTRIBUTION =
  'Ranh giới hành chính: sapnhap.bando.com.vn, qua vietnamese-provinces-database (MIT)';
const pick = (p: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) if (p[k] !== undefined && p[k] !== null && p[k] !== '') return String(p[k]);
  return null;
};

/**
 * Outlines (GeoJSON) of the communes and of the province, read from the configured files (never copied into the
 * repository), parsed once and served with long cache headers. Every feature carries `code` and `name`.
 */
export function createOutlines(opts: {
  communeFile?: string | undefined;
  provinceFile?: string | undefined;
}) {
  const cache = new Map<string, Loaded | null>();

  function load(kind: 'communes' | 'province', file: string | undefined): Loaded {
    if (!cache.has(kind)) {
      let loaded: Loaded | null = null;
      const full = file && file !== 'none' ? path.resolve(ROOT_DIR, file) : '';
      if (full && fs.existsSync(full)) {
        const geo = JSON.parse(fs.readFileSync(full, 'utf8')) as {
          type: string;
          features?: Feature[];
          geometry?: unknown;
          properties?: Record<string, unknown>;
        };
        const features: Feature[] =
          geo.type === 'FeatureCollection'
            ? (geo.features ?? [])
            : geo.type === 'Feature'
              ? [geo as Feature]
              : [{ type: 'Feature', properties: {}, geometry: geo }];
        const out = {
          type: 'FeatureCollection',
          attribution: ATTRIBUTION,
          features: features.map((f) => {
            const p = f.properties ?? {};
            return {
              type: 'Feature',
              properties: {
                ...p,
                code: pick(p, ['code', 'ma', 'MA', 'ma_xa', 'maXa', 'id']),
                name: pick(p, ['name', 'ten', 'TEN', 'ten_xa', 'tenXa', 'fullName']),
              },
              geometry: f.geometry,
            };
          }),
        };
        const body = JSON.stringify(out);
        loaded = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      }
      cache.set(kind, loaded);
    }
    const hit = cache.get(kind);
    if (!hit)
      throw new NotFound('outline_not_configured', {
        vi: 'Chưa cấu hình tệp ranh giới hành chính trên máy chủ.',
        en: 'No outline file is configured on the server.',
      });
    return hit;
  }

  return {
    communes: () => load('communes', opts.communeFile),
    province: () => load('province', opts.provinceFile),
  };
}

export type Outlines = ReturnType<typeof createOutlines>;

const tags = ['Danh mục (reference)'];
const GeoJson = z
  .object({
    type: z.literal('FeatureCollection'),
    attribution: z.string(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.looseObject({ code: z.string().nullable(), name: z.string().nullable() }),
        geometry: z.unknown(),
      }),
    ),
  })
  .openapi('OutlineCollection');

export function outlineRoutes(s: Outlines): RouteSpec[] {
  const serve = (which: 'communes' | 'province') =>
    route({
      method: 'get',
      path: which === 'communes' ? '/reference/communes/outlines' : '/reference/province/outline',
      tags,
      summary:
        which === 'communes'
          ? 'Outlines of the 102 communes and wards (GeoJSON; `code`, `name` on each feature)'
          : 'Outline of the province (GeoJSON)',
      description: `For map display. Credit "${ATTRIBUTION}" where drawn. Cached for a day; revalidate with the ETag.`,
      access: 'public',
      responses: {
        200: { description: 'GeoJSON', contentType: 'application/geo+json', schema: GeoJson },
        304: { description: 'Not modified' },
        404: { description: 'No outline file configured', schema: Problem },
      },
      handler: ({ req, res }) => {
        const o = which === 'communes' ? s.communes() : s.province();
        res.setHeader('ETag', o.etag);
        res.setHeader('Cache-Control', 'public, max-age=86400, stale-while-revalidate=604800');
        if (req.get('if-none-match') === o.etag) {
          res.status(304).end();
          return;
        }
        res.type('application/geo+json').send(o.body);
      },
    });
  return [serve('communes'), serve('province')];
}
