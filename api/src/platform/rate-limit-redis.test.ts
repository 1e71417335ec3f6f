import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { startTestApi, type TestApi } from '../../test/helpers.ts';

// Several API instances share limits through Redis (REDIS_URL); CI starts the server on 6379.
const prefix = `dlid-test-${process.pid}-${Date.now()}:`;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: prefix,
    RATE_LIMIT_IP_PER_MINUTE: '5',
  });
});
afterAll(async () => {
  const keys = await api.redis?.keys(`${prefix}*`);
  if (keys?.length) await api.redis?.del(...keys);
  await api.close();
});

describe('rate limits in Redis', () => {
  it('counts in Redis and refuses past the limit', async () => {
    for (let i = 0; i < 5; i++) expect((await api.request('GET', '/api/v1/communes/22015')).status).toBe(200);
    const keys = await api.redis?.keys(`${prefix}rl:ip:*`);
    expect(keys).toHaveLength(1);
    expect(Number(await api.redis?.get(keys?.[0] as string))).toBe(5);
    const r = await api.request('GET', '/api/v1/communes/22015');
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('rate_limited');
  });
  it('a second instance sees the same counter', async () => {
    const keys = await api.redis?.keys(`${prefix}rl:ip:*`);
    const key = keys?.[0] as string;
    // Simulate another instance's traffic by writing to the shared counter directly.
    await api.redis?.del(key);
    expect((await api.request('GET', '/api/v1/communes/22015')).status).toBe(200);
    await api.redis?.incrby(key, 10);
    expect((await api.request('GET', '/api/v1/communes/22015')).status).toBe(429);
  });
});

describe('camera snapshot limit in Redis', () => {
  const snapPrefix = `dlid-test-snap-${process.pid}-${Date.now()}:`;
  let snapApi: TestApi;
  beforeAll(async () => {
    snapApi = await startTestApi({
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: snapPrefix,
      CAMERA_SNAPSHOTS_PER_MINUTE: '3',
      CAMERA_HEALTH_INTERVAL_MS: '0',
    });
  });
  afterAll(async () => {
    const keys = await snapApi.redis?.keys(`${snapPrefix}*`);
    if (keys?.length) await snapApi.redis?.del(...keys);
    await snapApi.close();
  });

  it('counts snapshot requests in Redis, so every instance refuses past the limit', async () => {
    const path = '/api/v1/cameras/00000000-0000-4000-8000-000000000000/snapshot.jpg';
    expect((await snapApi.request('GET', path)).status).toBe(404);
    const keys = await snapApi.redis?.keys(`${snapPrefix}rl:snapshot:*`);
    expect(keys).toHaveLength(1);
    expect(Number(await snapApi.redis?.get(keys?.[0] as string))).toBe(1);
    // Another instance's requests land on the same counter.
    await snapApi.redis?.incrby(keys?.[0] as string, 2);
    const r = await snapApi.request('GET', path);
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('rate_limited');
  });
});
