import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startTestApi, newPhone, bearer, type TestApi, type TestResponse } from '../../../test/helpers.ts';
import { ROOT_DIR } from '../../config.ts';

// Signing in on a new phone: an SMS code, and for a level-2 account a selfie matched to the card portrait.
const FACES = path.join(ROOT_DIR, '..', 'shared', 'fixtures', 'faces');
const photo = (name: string) => fs.readFileSync(path.join(FACES, name));

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
});
afterAll(() => api.close());

const device = () => ({ 'x-device-id': randomUUID() });
const backdate = (phone: string) =>
  api.sequelize.query(
    `UPDATE otp_codes SET created_at = created_at - interval '61 seconds' WHERE phone = :p`,
    { replacements: { p: phone } },
  );

async function registerOn(dev: Record<string, string>) {
  const phone = newPhone();
  await api.request('POST', '/api/v1/auth/otp', { phone, purpose: 'register' });
  const r = await api.request(
    'POST',
    '/api/v1/auth/register',
    { phone, otp: api.lastCode(phone), password: 'MatKhau2026', fullName: 'Nguyễn Văn An' },
    dev,
  );
  expect(r.status).toBe(201);
  await backdate(phone);
  return { phone, token: r.body.accessToken as string };
}

const login = (phone: string, dev: Record<string, string>, extra: Record<string, string> = {}) =>
  api.request('POST', '/api/v1/auth/login', { phone, password: 'MatKhau2026', ...extra }, dev);

async function selfie(ticket: string, dev: Record<string, string>, file: Buffer): Promise<TestResponse> {
  const form = new FormData();
  form.set('ticket', ticket);
  form.set('selfie', new Blob([file]), 'selfie.jpg');
  const res = await fetch(`${api.url}/api/v1/auth/device-selfie`, {
    method: 'POST',
    headers: dev,
    body: form,
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe('a new phone', () => {
  it('tells the owner in the app when the account signs in on a new phone, not for the first or a known one', async () => {
    const d1 = device();
    const d2 = {
      ...device(),
      'user-agent':
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
    };
    const c = await registerOn(d1);
    const notices = async () =>
      (
        (await api.request('GET', '/api/v1/me/notifications?limit=50', undefined, bearer(c.token))).body
          .items as Array<{
          kind: string;
          body: { vi: string; en: string };
          link: string;
        }>
      ).filter((n) => n.kind === 'security.new_device');
    expect((await login(c.phone, d1)).status).toBe(200);
    expect(await notices()).toEqual([]);
    await login(c.phone, d2);
    expect(await notices()).toEqual([]); // only asked for the code so far
    expect((await login(c.phone, d2, { otp: api.lastCode(c.phone) })).status).toBe(200);
    const [notice, ...more] = await notices();
    expect(more).toEqual([]);
    expect(notice?.body.vi).toMatch(/Safari 17 · iOS 17\.1 \(IP [\d.:a-f]+\)\. Nếu không phải bạn/);
    expect(notice?.link).toBe('#/profile');
    expect((await login(c.phone, d2)).status).toBe(200);
    expect(await notices()).toHaveLength(1);
  });

  it('the phone used at sign-up is known; another needs the SMS code, then it is known too', async () => {
    const d1 = device();
    const d2 = device();
    const c = await registerOn(d1);
    expect((await login(c.phone, d1)).status).toBe(200);
    const first = await login(c.phone, d2);
    expect(first.status).toBe(401);
    expect(first.body.code).toBe('new_device_otp_required');
    const code = api.lastCode(c.phone);
    const wrong = await login(c.phone, d2, { otp: code === '000000' ? '111111' : '000000' });
    expect(wrong.body.code).toBe('otp_invalid');
    expect((await login(c.phone, d2, { otp: code })).status).toBe(200);
    expect((await login(c.phone, d2)).status).toBe(200);
    // No device id at all counts as an unknown phone.
    expect((await login(c.phone, {})).body.code).toBe('new_device_otp_required');
  });
  it('over the hourly quota of codes, a new phone is told that no code went out and when to try again', async () => {
    const c = await registerOn(device());
    // Four more codes to this number in the last hour (with the sign-up code: five, the default quota).
    await api.sequelize.query(
      `INSERT INTO otp_codes (phone, purpose, code_hash, expires_at, consumed_at, created_at)
       SELECT :p, 'login', 'x', now(), now(), now() - make_interval(mins => m) FROM generate_series(2, 5) AS m`,
      { replacements: { p: c.phone } },
    );
    const sent = () =>
      fs
        .readFileSync(api.outbox, 'utf8')
        .split('\n')
        .filter((l) => l.includes(c.phone)).length;
    const before = sent();
    const r = await login(c.phone, device());
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('new_device_otp_required');
    expect(r.body.codeSent).toBe(false);
    expect(r.body.resendAfter).toBeGreaterThan(3000);
    expect(r.body.messages.vi).toMatch(/chưa gửi mã mới/);
    expect(r.body.messages.en).toMatch(/no new code was sent/);
    expect(sent()).toBe(before);
    // Under the quota the answer says a code went out, and one did.
    const other = await registerOn(device());
    const ok = await login(other.phone, device());
    expect(ok.body).toMatchObject({ code: 'new_device_otp_required', codeSent: true });
    expect(ok.body.messages.en).toMatch(/code just sent/);
  });
  it('a wrong password on a new phone sends no code', async () => {
    const c = await registerOn(device());
    const before = fs
      .readFileSync(api.outbox, 'utf8')
      .split('\n')
      .filter((l) => l.includes(c.phone)).length;
    const r = await api.request(
      'POST',
      '/api/v1/auth/login',
      { phone: c.phone, password: 'Sai12345' },
      device(),
    );
    expect(r.body.code).toBe('invalid_credentials');
    expect(
      fs
        .readFileSync(api.outbox, 'utf8')
        .split('\n')
        .filter((l) => l.includes(c.phone)).length,
    ).toBe(before);
  });
  it('a level-2 account also needs a selfie that matches the card portrait', async () => {
    const d1 = device();
    const c = await registerOn(d1);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      cccdNumber: '066204990001',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '2004-05-06',
      sex: 'male',
    }))
      form.set(k, v);
    form.set('cardFront', new Blob([photo('lowres/lr_obama.jpg')]), 'f.jpg');
    form.set('cardBack', new Blob([photo('rose_img1.jpg')]), 'b.jpg');
    form.set('selfie', new Blob([photo('obama2.jpg')]), 's.jpg');
    const ekyc = await fetch(`${api.url}/api/v1/ekyc/cases`, {
      method: 'POST',
      headers: bearer(c.token),
      body: form,
    });
    expect(((await ekyc.json()) as { status: string }).status).toBe('approved');

    const d3 = device();
    const step1 = await login(c.phone, d3);
    expect(step1.body.code, JSON.stringify(step1.body)).toBe('new_device_otp_required');
    const step2 = await login(c.phone, d3, { otp: api.lastCode(c.phone) });
    expect(step2.status).toBe(401);
    expect(step2.body.code).toBe('new_device_selfie_required');
    const ticket = step2.body.ticket as string;
    expect((await selfie(ticket, device(), photo('obama3.jpg'))).body.code).toBe('device_ticket_invalid');
    const other = await selfie(ticket, d3, photo('biden.jpg'));
    expect(other.body).toMatchObject({ code: 'selfie_mismatch', triesLeft: 1 });
    const ok = await selfie(ticket, d3, photo('obama3.jpg'));
    expect(ok.status).toBe(200);
    expect(ok.body.user.identityLevel).toBe(2);
    expect((await selfie(ticket, d3, photo('obama3.jpg'))).body.code).toBe('device_ticket_invalid');
    expect((await login(c.phone, d3)).status).toBe(200);
  });
});
