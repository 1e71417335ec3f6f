import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Writable } from 'node:stream';
import { startTestApi, newPhone, type TestApi } from '../../test/helpers.ts';

// Captures the structured log of a real app: every line of a request carries its id; a 500 hides its cause.
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    cb();
  },
});

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, sink);
});
afterAll(() => api.close());

describe('structured logs', () => {
  it('puts the request id on every line written while serving a request, from any module', async () => {
    const phone = newPhone();
    const r = await api.request(
      'POST',
      '/api/v1/auth/otp',
      { phone, purpose: 'register' },
      { 'x-request-id': 'req-otp-123456' },
    );
    expect(r.status).toBe(202);
    await new Promise((res) => setTimeout(res, 50));
    const mine = lines.filter((l) => l.reqId === 'req-otp-123456');
    expect(mine.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['sms written to the development outbox', 'request']),
    );
    expect(
      lines.filter((l) => l.msg === 'sms written to the development outbox' && l.reqId !== 'req-otp-123456'),
    ).toEqual([]);
    const access = mine.find((l) => l.msg === 'request');
    expect(access).toMatchObject({ method: 'POST', url: '/api/v1/auth/otp', status: 202 });
  });
  it('never logs passwords or codes', async () => {
    await api.request('POST', '/api/v1/auth/login', { phone: newPhone(), password: 'SieuBiMat123' });
    expect(JSON.stringify(lines)).not.toContain('SieuBiMat123');
  });
});

describe('server errors', () => {
  it('a 500 returns only the request id; the cause is logged', async () => {
    await api.sequelize.query('ALTER TABLE communes RENAME TO communes_gone');
    try {
      const r = await api.request('GET', '/api/v1/communes', undefined, { 'x-request-id': 'req-500-abcdef' });
      expect(r.status).toBe(500);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body).toMatchObject({ status: 500, code: 'internal', requestId: 'req-500-abcdef' });
      expect(JSON.stringify(r.body)).not.toMatch(/communes|relation|sql|stack/i);
      const logged = lines.find((l) => l.reqId === 'req-500-abcdef' && l.level === 50);
      expect(JSON.stringify(logged)).toMatch(/communes/);
    } finally {
      await api.sequelize.query('ALTER TABLE communes_gone RENAME TO communes');
    }
  });
});
