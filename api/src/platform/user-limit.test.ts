import { describe, it, expect } from 'vitest';
import { startTestApi, registerCitizen, bearer } from '../../test/helpers.ts';

// Its own file: models are bound to one database connection per test process.
describe('per-account limits', () => {
  it('each account has its own budget', async () => {
    const small = await startTestApi({
      RATE_LIMIT_USER_PER_MINUTE: '3',
      RATE_LIMIT_AUTH_IP_PER_MINUTE: '100',
    });
    try {
      const a = await registerCitizen(small);
      const b = await registerCitizen(small);
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await small.request('GET', '/api/v1/me', undefined, bearer(a.accessToken))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await small.request('GET', '/api/v1/me', undefined, bearer(b.accessToken))).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
