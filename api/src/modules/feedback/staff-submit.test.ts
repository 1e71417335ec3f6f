import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import exifr from 'exifr';
import { QueryTypes } from 'sequelize';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';
import { makeStaff, submitReport, triage } from './staff.testkit.ts';

// Submission: Idempotency-Key, photo locations only with consent; officers told when a report becomes theirs.
let api: TestApi;
let ioc: { id: string; token: string };
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  ioc = await makeStaff(api, ['ioc_operator']);
});
afterAll(() => api.close());

const count = async (userId: string) =>
  Number(
    (
      await api.sequelize.query<{ n: string }>(
        'SELECT count(*) AS n FROM feedback_reports WHERE user_id = :userId',
        {
          replacements: { userId },
          type: QueryTypes.SELECT,
        },
      )
    )[0]?.n,
  );

/** A JPEG carrying an EXIF GPS position of 12°40′N 108°03′E (Buôn Ma Thuột). */
const gpsJpeg = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: '#6a8' } })
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '12/1 40/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 3/1 0/1',
      },
    })
    .toBuffer();

describe('Idempotency-Key', () => {
  it('the same key from the same account gives back the same report; another account with the key makes its own', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    const key = randomUUID();
    const first = await submitReport(api, a.accessToken, { headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const again = await submitReport(api, a.accessToken, { headers: { 'idempotency-key': key } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await count(a.user.id)).toBe(1);

    const other = await submitReport(api, b.accessToken, { headers: { 'idempotency-key': key } });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await count(b.user.id)).toBe(1);

    // A new key (or none) is a new report.
    expect(
      (await submitReport(api, a.accessToken, { headers: { 'idempotency-key': randomUUID() } })).status,
    ).toBe(201);
    expect((await submitReport(api, a.accessToken)).status).toBe(201);
    expect(await count(a.user.id)).toBe(3);

    const bad = await submitReport(api, a.accessToken, { headers: { 'idempotency-key': 'not-a-uuid' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({
      path: 'headers.idempotency-key',
      code: 'idempotency_key_invalid',
    });
  });

  it('two requests in flight with the same key make one report', async () => {
    const c = await registerCitizen(api);
    const key = randomUUID();
    const [x, y] = await Promise.all([
      submitReport(api, c.accessToken, { headers: { 'idempotency-key': key } }),
      submitReport(api, c.accessToken, { headers: { 'idempotency-key': key } }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    expect(x.body.id).toBe(y.body.id);
    expect(await count(c.user.id)).toBe(1);
  });
});

describe('keepPhotoLocation', () => {
  it('the test photo really carries a GPS position', async () => {
    expect(await exifr.gps(await gpsJpeg())).toEqual({ latitude: 12.666666666666666, longitude: 108.05 });
  });

  it('keeps the photo position only when allowed; the stored image never carries EXIF', async () => {
    const c = await registerCitizen(api);
    const kept = await submitReport(api, c.accessToken, {
      fields: { keepPhotoLocation: 'true' },
      photos: [
        await gpsJpeg(),
        await sharp({ create: { width: 300, height: 300, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
      ],
    });
    expect(kept.status).toBe(201);
    const dropped = await submitReport(api, c.accessToken, { photos: [await gpsJpeg()] });
    expect(dropped.status).toBe(201);
    const explicitFalse = await submitReport(api, c.accessToken, {
      fields: { keepPhotoLocation: 'false' },
      photos: [await gpsJpeg()],
    });
    expect(explicitFalse.status).toBe(201);

    const staff = async (id: string) =>
      (await api.request('GET', `/api/v1/feedback/${id}/staff`, undefined, bearer(ioc.token))).body;
    expect((await staff(kept.body.id)).photos).toEqual([
      { n: 1, kind: 'report', width: 400, height: 300, lat: 12.666667, lng: 108.05 },
      { n: 2, kind: 'report', width: 300, height: 300, lat: null, lng: null },
    ]);
    for (const id of [dropped.body.id, explicitFalse.body.id])
      expect((await staff(id)).photos[0]).toMatchObject({ lat: null, lng: null });

    const stored = await api.sequelize.query<{ image: Buffer; thumb: Buffer }>(
      'SELECT image, thumb FROM feedback_photos WHERE report_id IN (:ids)',
      { replacements: { ids: [kept.body.id, dropped.body.id] }, type: QueryTypes.SELECT },
    );
    for (const p of stored) {
      expect(await exifr.gps(p.image)).toBeUndefined();
      expect(await exifr.gps(p.thumb)).toBeUndefined();
    }
    expect(
      await submitReport(api, c.accessToken, {
        fields: { keepPhotoLocation: 'yes' },
        photos: [await gpsJpeg()],
      }),
    ).toMatchObject({ status: 400 });
  });

  it('places a report without a point at the first photo position, only with consent', async () => {
    const c = await registerCitizen(api);
    const noPlace = { lat: '', lng: '' };
    const refused = await submitReport(api, c.accessToken, { fields: noPlace, photos: [await gpsJpeg()] });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('location_required');

    const placed = await submitReport(api, c.accessToken, {
      fields: { ...noPlace, keepPhotoLocation: 'true' },
      photos: [await gpsJpeg()],
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ lat: 12.666667, lng: 108.05 });
    expect(placed.body.communeCode).toMatch(/^\d{5}$/);
  });
});

describe('officers are told when a report becomes their department’s', () => {
  it('on acceptance with the default department, on assignment and on bulk assignment', async () => {
    const sxd = await makeStaff(api, ['officer'], ['sxd']);
    const syt = await makeStaff(api, ['officer'], ['syt']);
    const told = async (token: string) =>
      (await api.request('GET', '/api/v1/me/notifications', undefined, bearer(token))).body.items.filter(
        (n: { kind: string }) => n.kind === 'feedback.department_assigned',
      );
    const c = await registerCitizen(api);
    const id = (await submitReport(api, c.accessToken)).body.id as string;
    expect((await triage(api, ioc.token, id, { action: 'accept' })).status).toBe(204);
    const [n] = await told(sxd.token);
    expect(n).toMatchObject({
      entityType: 'feedback',
      entityId: id,
      title: { vi: 'Phản ánh mới cho Sở Xây dựng' },
    });
    expect(await told(syt.token)).toEqual([]);
    // Assigning to the same department again tells nobody twice.
    expect((await triage(api, ioc.token, id, { action: 'assign', department: 'sxd' })).status).toBe(204);
    expect(await told(sxd.token)).toHaveLength(1);

    expect((await triage(api, ioc.token, id, { action: 'assign', department: 'syt' })).status).toBe(204);
    expect(await told(syt.token)).toHaveLength(1);

    const other = (await submitReport(api, c.accessToken, { fields: { category: 'health' } })).body
      .id as string;
    await triage(api, ioc.token, other, { action: 'accept' }); // syt by default
    expect(await told(syt.token)).toHaveLength(2);
    const bulk = await api.request(
      'POST',
      '/api/v1/feedback/bulk-assign',
      { ids: [id, other], department: 'sxd' },
      bearer(ioc.token),
    );
    expect(bulk.body.items.every((i: { ok: boolean }) => i.ok)).toBe(true);
    expect(await told(sxd.token)).toHaveLength(3);
  });
});
