import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';
import { makeStaff, submitReport, triage } from './staff.testkit.ts';

// The console's staff view through real HTTP: who sees what, internal notes, photos, map, deadlines.
let api: TestApi;
let ioc: { id: string; token: string };
let sxd: { id: string; token: string };
let syt: { id: string; token: string };
let moderator: { id: string; token: string };
let citizen: Awaited<ReturnType<typeof registerCitizen>>;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  ioc = await makeStaff(api, ['ioc_operator']);
  sxd = await makeStaff(api, ['officer'], ['sxd']);
  syt = await makeStaff(api, ['officer'], ['syt']);
  moderator = await makeStaff(api, ['moderator']);
  citizen = await registerCitizen(api, undefined, undefined, 'Trần Thị Bình');
});
afterAll(() => api.close());

const get = (path: string, token: string) => api.request('GET', `/api/v1${path}`, undefined, bearer(token));
const jpeg = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#4a7' } })
    .jpeg()
    .toBuffer();

describe('staff detail', () => {
  it('shows the report in full to triage staff and its department; 404 to another department and to non-handlers', async () => {
    const made = await submitReport(api, citizen.accessToken, { photos: [await jpeg()] });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect((await triage(api, ioc.token, id, { action: 'accept' })).status).toBe(204);
    const note = await api.request(
      'POST',
      `/api/v1/feedback/${id}/notes`,
      { text: 'Ghi chú nội bộ: cần phối hợp điện lực.' },
      bearer(ioc.token),
    );
    expect(note.status).toBe(204);

    const full = await get(`/feedback/${id}/staff`, ioc.token);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({
      id,
      category: 'traffic',
      categoryName: 'Giao thông',
      status: 'accepted',
      department: 'sxd',
      departmentName: 'Sở Xây dựng',
      lat: 12.6667,
      lng: 108.05,
      deadline: 'ok',
      reopenCount: 0,
      duplicates: [],
      reporter: { id: citizen.user.id, fullName: 'Trần Thị Bình', phone: citizen.phone },
      photos: [{ n: 1, kind: 'report', width: 320, height: 240, lat: null, lng: null }],
    });
    expect(full.body.communeCode).toMatch(/^\d{5}$/);
    expect(full.body.acceptedAt).toBeTruthy();
    const internal = full.body.timeline.filter((e: { internal: boolean }) => e.internal);
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({
      note: 'Ghi chú nội bộ: cần phối hợp điện lực.',
      actorName: 'Cán Bộ Thử',
    });
    expect(full.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'submitted',
      'accepted',
      'accepted',
    ]);

    // The citizen never sees the internal note.
    const own = await get(`/feedback/${id}`, citizen.accessToken);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toContain('Ghi chú nội bộ');
    expect(own.body.timeline).toHaveLength(2);

    // The department's officer sees it; another department's officer and a moderator get 404 as for a missing id.
    expect((await get(`/feedback/${id}/staff`, sxd.token)).status).toBe(200);
    for (const token of [syt.token, moderator.token]) {
      const other = await get(`/feedback/${id}/staff`, token);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('feedback_not_found');
      expect((await get(`/feedback/${id}/staff/photos/1`, token)).status).toBe(404);
    }
    expect((await get(`/feedback/${id}/staff`, citizen.accessToken)).status).toBe(403);
    expect((await get('/feedback/00000000-0000-4000-8000-000000000000/staff', ioc.token)).status).toBe(404);

    // Photos for staff.
    const photo = await fetch(`${api.url}/api/v1/feedback/${id}/staff/photos/1?size=thumb`, {
      headers: bearer(sxd.token),
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).format).toBe('jpeg');
    expect((await get(`/feedback/${id}/staff/photos/2`, ioc.token)).status).toBe(404);

    // Every staff view is audited.
    const [row] = await api.sequelize.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'feedback.staff_view' AND entity_id = :id`,
      { replacements: { id }, type: 'SELECT' as never },
    );
    expect(Number(row?.n)).toBe(2);
  });

  it('lists the duplicates of a report', async () => {
    const a = (await submitReport(api, citizen.accessToken)).body.id as string;
    const b = (await submitReport(api, citizen.accessToken, { fields: { title: 'Ổ gà nữa ở đây' } })).body
      .id as string;
    expect((await triage(api, ioc.token, b, { action: 'duplicate', originalId: a })).status).toBe(204);
    const orig = await get(`/feedback/${a}/staff`, ioc.token);
    expect(orig.body.duplicates).toEqual([{ id: b, title: 'Ổ gà nữa ở đây', status: 'duplicate' }]);
    expect((await get(`/feedback/${b}/staff`, ioc.token)).body.duplicateOf).toBe(a);
  });
});

describe('queue fields, map, deadlines, departments', () => {
  it('gives the commune centroid for a report placed only by commune, the department name and the deadline state', async () => {
    const communes = await api.request('GET', '/api/v1/communes');
    const commune = communes.body.items[0] as { code: string; lat: number; lng: number; name: string };
    const id = (
      await submitReport(api, citizen.accessToken, {
        fields: { lat: '', lng: '', communeCode: commune.code, address: '12 Lê Duẩn', category: 'health' },
      })
    ).body.id as string;
    expect((await triage(api, ioc.token, id, { action: 'accept' })).status).toBe(204);
    const page = await get(`/feedback/queue?commune=${commune.code}&category=health`, ioc.token);
    expect(page.status).toBe(200);
    expect(page.body.items[0]).toMatchObject({
      id,
      lat: commune.lat,
      lng: commune.lng,
      communeName: commune.name,
      department: 'syt',
      departmentName: 'Sở Y tế',
      deadline: 'ok',
    });

    // Overdue and due soon, set directly in the database.
    await api.sequelize.query(
      `UPDATE feedback_reports SET due_at = now() - interval '1 hour' WHERE id = :id`,
      {
        replacements: { id },
      },
    );
    const map = await get(`/feedback/map?status=accepted&status=assigned&category=health`, ioc.token);
    expect(map.status).toBe(200);
    expect(map.body.truncated).toBe(false);
    expect(map.body.points).toContainEqual({
      id,
      lat: commune.lat,
      lng: commune.lng,
      status: 'accepted',
      deadline: 'overdue',
    });
    expect((await get(`/feedback/map?status=resolved&category=health`, ioc.token)).body.points).toEqual([]);
    expect((await get(`/feedback/map?status=bogus`, ioc.token)).status).toBe(400);
    // The syt officer sees the point; the sxd officer does not.
    expect(
      (await get(`/feedback/map?category=health`, syt.token)).body.points.map((p: { id: string }) => p.id),
    ).toContain(id);
    expect((await get(`/feedback/map?category=health`, sxd.token)).body.points).toEqual([]);

    const board = await get('/feedback/deadlines', ioc.token);
    expect(board.status).toBe(200);
    expect(board.body.departments).toHaveLength(6);
    expect(board.body.departments.find((d: { department: string }) => d.department === 'syt')).toMatchObject({
      departmentName: 'Sở Y tế',
      open: 1,
      dueSoon: 0,
      overdue: 1,
    });
    await api.sequelize.query(
      `UPDATE feedback_reports SET due_at = now() + interval '3 hours' WHERE id = :id`,
      {
        replacements: { id },
      },
    );
    const officerBoard = await get('/feedback/deadlines', syt.token);
    expect(officerBoard.body.departments).toEqual([
      { department: 'syt', departmentName: 'Sở Y tế', open: 1, dueSoon: 1, overdue: 0 },
    ]);

    const depts = await get('/feedback/departments', sxd.token);
    expect(depts.body.items).toContainEqual({
      code: 'sxd',
      name: 'Sở Xây dựng',
      nameEn: 'Department of Construction',
    });
    expect((await get('/feedback/departments', citizen.accessToken)).status).toBe(403);
  });
});
