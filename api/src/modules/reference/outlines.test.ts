import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/helpers.ts';

// Outlines from the configured GeoJSON files (../shared), through real HTTP.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('outlines', () => {
  it('serves the 102 commune outlines with code and name matching the communes, cached and revalidated', async () => {
    const res = await fetch(`${api.url}/api/v1/reference/communes/outlines`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=86400/);
    const geo = (await res.json()) as {
      type: string;
      attribution: string;
      features: Array<{ properties: { code: string; name: string }; geometry: { type: string } }>;
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.attribution).toContain('sapnhap.bando.com.vn');
    expect(geo.features).toHaveLength(102);
    const communes = await api.request('GET', '/api/v1/communes');
    const codes = new Set((communes.body.items as Array<{ code: string }>).map((c) => c.code));
    for (const f of geo.features) {
      expect(codes.has(f.properties.code)).toBe(true);
      expect(f.properties.name.length).toBeGreaterThan(1);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    const again = await fetch(`${api.url}/api/v1/reference/communes/outlines`, {
      headers: { 'if-none-match': res.headers.get('etag') as string },
    });
    expect(again.status).toBe(304);
  });

  it('serves the province outline', async () => {
    const res = await api.request('GET', '/api/v1/reference/province/outline');
    expect(res.status).toBe(200);
    expect(res.body.features[0].properties).toMatchObject({ code: '66', name: 'Đắk Lắk' });
  });

  it('answers a 404 problem when no file is configured or the file is missing', async () => {
    const other = await startTestApi({
      COMMUNE_OUTLINES_FILE: 'none',
      PROVINCE_BOUNDARY_FILE: '/nonexistent/x.geojson',
    });
    try {
      for (const p of ['/api/v1/reference/communes/outlines', '/api/v1/reference/province/outline']) {
        const res = await other.request('GET', p);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(res.body.code).toBe('outline_not_configured');
      }
    } finally {
      await other.close();
    }
  });
});
