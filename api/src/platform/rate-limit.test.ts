import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { startTestApi, type TestApi } from '../../test/helpers.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_IP_PER_MINUTE: '8', RATE_LIMIT_AUTH_IP_PER_MINUTE: '3' });
});
afterAll(() => api.close());

describe('rate limits', () => {
  it('limits sign-in attempts per IP with a 429 problem and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await api.request('POST', '/api/v1/auth/login', { phone: '0905123456', password: 'wrong1pass' }))
          .status,
      );
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[3]).toBe(429);
    const r = await api.request('POST', '/api/v1/auth/login', {
      phone: '0905123456',
      password: 'wrong1pass',
    });
    expect(r.body.code).toBe('rate_limited');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });
  it('limits all API calls per IP', async () => {
    let last = 0;
    for (let i = 0; i < 10; i++) last = (await api.request('GET', '/api/v1/communes/22015')).status;
    expect(last).toBe(429);
  });
});
