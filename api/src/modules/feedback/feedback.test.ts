import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import {
  startTestApi,
  registerCitizen,
  bearer,
  type TestApi,
  type TestResponse,
} from '../../../test/helpers.ts';
import { ROOT_DIR } from '../../config.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
});
afterAll(() => api.close());

const BMT = { lat: '12.6667', lng: '108.05' }; // Buôn Ma Thuột
const text = {
  category: 'environment',
  title: 'Rác thải đổ trộm',
  description: 'Rác thải sinh hoạt bị đổ trộm ven đường suốt một tuần nay.',
};

async function submit(
  token: string,
  fields: Record<string, string>,
  photos: Buffer[] = [],
): Promise<TestResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const [i, p] of photos.entries())
    form.append('photos', new Blob([p], { type: 'image/jpeg' }), `p${i}.jpg`);
  const res = await fetch(`${api.url}/api/v1/feedback`, {
    method: 'POST',
    headers: bearer(token),
    body: form,
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const jpegWithGps = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#557744' } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'TestCam', Copyright: 'Toa do 12.6667N 108.05E' } })
    .toBuffer();

describe('submitting feedback', () => {
  it('lists the categories with their deadlines', async () => {
    const r = await api.request('GET', '/api/v1/feedback/categories');
    expect(r.body.items.map((c: { code: string }) => c.code)).toEqual([
      'public_admin',
      'environment',
      'traffic',
      'urban_order',
      'health',
      'education',
      'security',
      'other',
    ]);
    expect(r.body.items.find((c: { code: string }) => c.code === 'traffic')).toMatchObject({
      deadlineDays: 5,
      onSite: true,
    });
  });
  it('creates a report at a map point with photos: commune found, metadata dropped, thumbnail made, timeline started', async () => {
    const c = await registerCitizen(api);
    const photo = await jpegWithGps();
    const r = await submit(c.accessToken, { ...text, ...BMT }, [photo, photo]);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      status: 'submitted',
      photos: 2,
      communeName: expect.stringMatching(/Buôn Ma Thuột|Tân Lập|Ea Kao|Tân An|Thành Nhất/),
    });
    expect(r.body.timeline).toEqual([expect.objectContaining({ status: 'submitted' })]);
    const full = await fetch(`${api.url}/api/v1/feedback/${r.body.id}/photos/1`, {
      headers: bearer(c.accessToken),
    });
    const meta = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    const thumb = await fetch(`${api.url}/api/v1/feedback/${r.body.id}/photos/2?size=thumb`, {
      headers: bearer(c.accessToken),
    });
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
  });
  it('accepts a commune and an address instead of a point', async () => {
    const c = await registerCitizen(api);
    const r = await submit(c.accessToken, { ...text, communeCode: '22015', address: '12 Trần Hưng Đạo' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ communeName: 'Phường Tuy Hòa', lat: null, address: '12 Trần Hưng Đạo' });
  });
  it('names each problem: unknown category, outside the province, no place, short or long text, bad photos', async () => {
    const c = await registerCitizen(api);
    const codes = async (fields: Record<string, string>, photos: Buffer[] = []) =>
      (await submit(c.accessToken, fields, photos)).body.errors?.map(
        (e: { path: string; code: string }) => `${e.path}:${e.code}`,
      );
    expect(await codes({ ...text, ...BMT, category: 'weather' })).toEqual(['body.category:unknown_category']);
    expect(await codes({ ...text, lat: '21.0278', lng: '105.8342' })).toEqual(['body.lat:outside_province']);
    expect(await codes({ ...text, lat: '12.6' })).toEqual(['body.lat:location_incomplete']);
    expect(await codes(text)).toEqual(['body.communeCode:location_required']);
    expect(await codes({ ...text, communeCode: '22015' })).toEqual(['body.address:required']);
    expect(await codes({ ...text, ...BMT, description: 'ngắn' })).toEqual(['body.description:too_small']);
    expect(await codes({ ...text, ...BMT, description: 'x'.repeat(4001) })).toEqual([
      'body.description:too_big',
    ]);
    expect(await codes({ ...text, ...BMT }, [Buffer.from('%PDF-1.4 not an image')])).toEqual([
      'files.photos[0]:image_type',
    ]);
    const seven = await submit(c.accessToken, { ...text, ...BMT }, Array(7).fill(await jpegWithGps()));
    expect(seven.status).toBe(400);
    expect(
      (await api.request('GET', '/api/v1/feedback/mine', undefined, bearer(c.accessToken))).body.items,
    ).toEqual([]);
  });
});

describe('my reports', () => {
  it('each account sees only its own: someone else’s id answers 404 like a missing one', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    const r = await submit(a.accessToken, { ...text, ...BMT }, [await jpegWithGps()]);
    const other = await api.request('GET', `/api/v1/feedback/${r.body.id}`, undefined, bearer(b.accessToken));
    const missing = await api.request(
      'GET',
      '/api/v1/feedback/00000000-0000-4000-8000-000000000000',
      undefined,
      bearer(b.accessToken),
    );
    expect(other.status).toBe(404);
    expect(other.body.code).toBe(missing.body.code);
    expect(
      (await fetch(`${api.url}/api/v1/feedback/${r.body.id}/photos/1`, { headers: bearer(b.accessToken) }))
        .status,
    ).toBe(404);
  });
  it('pages newest first with a cursor', async () => {
    const c = await registerCitizen(api);
    for (let i = 1; i <= 5; i++) await submit(c.accessToken, { ...text, title: `Phản ánh số ${i}`, ...BMT });
    const p1 = await api.request('GET', '/api/v1/feedback/mine?limit=2', undefined, bearer(c.accessToken));
    expect(p1.body.items.map((x: { title: string }) => x.title)).toEqual(['Phản ánh số 5', 'Phản ánh số 4']);
    const p3 = await api.request(
      'GET',
      `/api/v1/feedback/mine?limit=2&cursor=${p1.body.nextCursor}`,
      undefined,
      bearer(c.accessToken),
    );
    expect(p3.body.items.map((x: { title: string }) => x.title)).toEqual(['Phản ánh số 3', 'Phản ánh số 2']);
    expect(
      (await api.request('GET', '/api/v1/feedback/mine?cursor=garbage', undefined, bearer(c.accessToken)))
        .status,
    ).toBe(400);
  });
});

it('the province outline file is where the configuration says', () => {
  expect(
    fs.existsSync(
      path.join(ROOT_DIR, '..', 'shared', 'reference', 'daklak', 'daklak_province_boundary_2025.geojson'),
    ),
  ).toBe(true);
});
