import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApi, registerCitizen, bearer, type TestApi } from '../../../test/helpers.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000' });
});
afterAll(() => api.close());

describe('notifications', () => {
  it('lists newest first with cursor paging, counts unread, marks read; each account sees only its own', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    for (let i = 1; i <= 5; i++) {
      await api.services.notifications.notify(a.user.id, {
        kind: 'test',
        title: { vi: `Tin ${i}`, en: `News ${i}` },
      });
      await new Promise((r) => setTimeout(r, 5));
    }
    const p1 = await api.request('GET', '/api/v1/me/notifications?limit=2', undefined, bearer(a.accessToken));
    expect(p1.body.items.map((n: { title: { vi: string } }) => n.title.vi)).toEqual(['Tin 5', 'Tin 4']);
    expect(p1.body.unread).toBe(5);
    const p2 = await api.request(
      'GET',
      `/api/v1/me/notifications?limit=2&before=${encodeURIComponent(p1.body.nextCursor)}`,
      undefined,
      bearer(a.accessToken),
    );
    expect(p2.body.items.map((n: { title: { vi: string } }) => n.title.vi)).toEqual(['Tin 3', 'Tin 2']);
    const other = await api.request(
      'POST',
      `/api/v1/me/notifications/${p1.body.items[0].id}/read`,
      undefined,
      bearer(b.accessToken),
    );
    expect(other.status).toBe(404);
    expect(
      (await api.request('GET', '/api/v1/me/notifications', undefined, bearer(b.accessToken))).body.items,
    ).toEqual([]);
    expect(
      (await api.request('POST', '/api/v1/me/notifications/read-all', undefined, bearer(a.accessToken))).body
        .marked,
    ).toBe(5);
    expect(
      (await api.request('GET', '/api/v1/me/notifications?unread=true', undefined, bearer(a.accessToken)))
        .body.items,
    ).toEqual([]);
    expect(
      (await api.request('GET', '/api/v1/me/notifications?limit=0', undefined, bearer(a.accessToken))).status,
    ).toBe(400);
  });
});
