import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { QueryTypes } from 'sequelize';
import {
  startTestApi,
  registerCitizen,
  bearer,
  newPhone,
  type TestApi,
  type TestResponse,
} from '../../../test/helpers.ts';
import { ROOT_DIR } from '../../config.ts';

// The whole eKYC path over real HTTP: multipart upload → image checks → onnxruntime face matching →
// one transaction (case, sealed images, identity level) → review queue → decision → retention.
const FACES = path.join(ROOT_DIR, '..', 'shared', 'fixtures', 'faces');
const photo = (name: string) => fs.readFileSync(path.join(FACES, name));

let api: TestApi;
let officer: string;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '1000', RATE_LIMIT_IP_PER_MINUTE: '5000' });
  const phone = newPhone();
  await api.services.users.ensureUser({
    phone,
    fullName: 'Cán Bộ Định Danh',
    password: 'Officer2026x',
    roles: ['ioc_operator'],
  });
  officer = (await api.request('POST', '/api/v1/auth/login', { phone, password: 'Officer2026x' })).body
    .accessToken;
}, 120_000);
afterAll(() => api.close());

let serial = 500000;
const man2004 = () => `066204${String(++serial).padStart(6, '0')}`;
const qrFor = (n: string, name = 'Nguyễn Văn An') =>
  `${n}|241234567|${name}|06052004|Nam|Thôn 3, Xã Hòa Phú, tỉnh Đắk Lắk|15082021`;

async function submit(
  token: string,
  opts: {
    card?: Buffer;
    back?: Buffer;
    selfie?: Buffer | null;
    cccd?: string;
    qrText?: string;
    extra?: Record<string, Blob>;
  } = {},
) {
  const form = new FormData();
  form.set('cccdNumber', opts.cccd ?? man2004());
  form.set('fullName', 'Nguyễn Văn An');
  form.set('dateOfBirth', '2004-05-06');
  form.set('sex', 'male');
  if (opts.qrText) form.set('qrText', opts.qrText);
  form.set(
    'cardFront',
    new Blob([opts.card ?? photo('lowres/lr_obama.jpg')], { type: 'image/jpeg' }),
    'front.jpg',
  );
  form.set('cardBack', new Blob([opts.back ?? photo('rose_img1.jpg')], { type: 'image/jpeg' }), 'back.jpg');
  if (opts.selfie !== null)
    form.set('selfie', new Blob([opts.selfie ?? photo('obama2.jpg')], { type: 'image/jpeg' }), 'selfie.jpg');
  for (const [k, v] of Object.entries(opts.extra ?? {})) form.set(k, v, `${k}.bin`);
  const res = await fetch(`${api.url}/api/v1/ekyc/cases`, {
    method: 'POST',
    headers: bearer(token),
    body: form,
  });
  return { status: res.status, body: (await res.json()) as TestResponse['body'] };
}

const countCases = async () =>
  Number(
    (
      await api.sequelize.query<{ n: string }>('SELECT count(*) AS n FROM ekyc_cases', {
        type: QueryTypes.SELECT,
      })
    )[0]?.n,
  );
const level = async (token: string) =>
  (await api.request('GET', '/api/v1/me', undefined, bearer(token))).body.identityLevel;

describe('automatic decisions', () => {
  it('the same person on card and selfie → approved, identity level 2, images stored encrypted', async () => {
    const c = await registerCitizen(api);
    const r = await submit(c.accessToken);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'approved', reasons: [] });
    expect(r.body.similarity).toBeGreaterThan(0.45);
    expect(r.body.nextStep.vi).toMatch(/mức 2/);
    expect(await level(c.accessToken)).toBe(2);
    const imgs = await api.sequelize.query<{ kind: string; sealed: Buffer }>(
      'SELECT kind, sealed FROM ekyc_images WHERE case_id = :id',
      {
        replacements: { id: r.body.id },
        type: QueryTypes.SELECT,
      },
    );
    expect(imgs.map((i) => i.kind).sort()).toEqual([
      'card_back',
      'card_face',
      'card_front',
      'selfie',
      'selfie_face',
    ]);
    for (const i of imgs) expect(i.sealed.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    const again = await submit(c.accessToken);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_verified');
  });
  it('different people → rejected with the reason and what to do next', async () => {
    const c = await registerCitizen(api);
    const r = await submit(c.accessToken, { selfie: photo('biden.jpg') });
    expect(r.body.status).toBe('rejected');
    expect(r.body.reasons).toContain('similarity_below_reject_threshold');
    expect(r.body.similarity).toBeLessThan(0.25);
    expect(r.body.nextStep.vi).toMatch(/không khớp/);
    expect(await level(c.accessToken)).toBe(0);
  });
  it('a selfie without a face → rejected with its reason (retake the selfie)', async () => {
    const c = await registerCitizen(api);
    const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8899aa' } })
      .jpeg()
      .toBuffer();
    const r = await submit(c.accessToken, { selfie: blank });
    expect(r.body.status).toBe('rejected');
    expect(r.body.reasons).toContain('selfie_no_face');
    expect(r.body.nextStep.vi).toMatch(/chụp lại/);
  });
});

describe('review queue', () => {
  it('declared data not matching the QR → review; an officer sees everything, each view audited, and approves', async () => {
    const c = await registerCitizen(api);
    const n = man2004();
    const r = await submit(c.accessToken, { cccd: n, qrText: qrFor(n, 'Nguyễn Văn Bình') });
    expect(r.body.status).toBe('review');
    expect(r.body.reasons).toContain('qr_mismatch');
    expect(r.body.nextStep.vi).toMatch(/cán bộ/);
    expect((await submit(c.accessToken)).body.code).toBe('ekyc_case_open');

    const q = await api.request('GET', '/api/v1/ekyc/review?reason=qr_mismatch', undefined, bearer(officer));
    const item = q.body.items.find((i: { id: string }) => i.id === r.body.id);
    expect(item).toMatchObject({ communeName: 'Xã Hòa Phú', cccdMasked: `066*******${n.slice(-2)}` });
    const commune = await api.request(
      'GET',
      `/api/v1/ekyc/review?commune=${item.communeCode}`,
      undefined,
      bearer(officer),
    );
    expect(commune.body.items.map((i: { id: string }) => i.id)).toContain(r.body.id);

    const d = await api.request('GET', `/api/v1/ekyc/review/${r.body.id}`, undefined, bearer(officer));
    expect(d.body.declared).toMatchObject({ cccdNumber: n, fullName: 'Nguyễn Văn An' });
    expect(d.body.qr).toMatchObject({ cccdNumber: n, fullName: 'Nguyễn Văn Bình' });
    expect(d.body.thresholds).toEqual({ accept: 0.45, reject: 0.25 });
    expect(d.body).toMatchObject({ qrMismatch: ['fullName'], communeName: 'Xã Hòa Phú' });
    expect(item.thresholds).toEqual({ accept: 0.45, reject: 0.25 });
    expect(d.body.images.sort()).toEqual(['card_back', 'card_face', 'card_front', 'selfie', 'selfie_face']);
    const img = await fetch(`${api.url}/api/v1/ekyc/review/${r.body.id}/images/selfie_face`, {
      headers: bearer(officer),
    });
    expect(img.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await img.arrayBuffer())).metadata()).width).toBe(112);
    const front = await fetch(`${api.url}/api/v1/ekyc/review/${r.body.id}/images/card_front`, {
      headers: bearer(officer),
    });
    expect((await sharp(Buffer.from(await front.arrayBuffer())).metadata()).exif).toBeUndefined();

    const audits = await api.sequelize.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = :id ORDER BY id`,
      { replacements: { id: r.body.id }, type: QueryTypes.SELECT },
    );
    expect(audits.map((a) => a.action)).toEqual([
      'ekyc.submit',
      'ekyc.case_view',
      'ekyc.image_view',
      'ekyc.image_view',
    ]);

    const ok = await api.request(
      'POST',
      `/api/v1/ekyc/review/${r.body.id}/decision`,
      { decision: 'approve', reason: 'Đã đối chiếu thẻ gốc' },
      bearer(officer),
    );
    expect(ok.body.status).toBe('approved');
    expect(await level(c.accessToken)).toBe(2);
    const print = await api.sequelize.query<{ face_embedding_sealed: string | null }>(
      'SELECT face_embedding_sealed FROM citizen_identities WHERE user_id = :id',
      { replacements: { id: c.user.id }, type: QueryTypes.SELECT },
    );
    expect(print[0]?.face_embedding_sealed).toMatch(/^v1\./); // kept for sign-in on a new phone
    const mine = await api.request(
      'GET',
      `/api/v1/ekyc/cases/${r.body.id}`,
      undefined,
      bearer(c.accessToken),
    );
    expect(mine.body).toMatchObject({ status: 'approved', decisionReason: 'Đã đối chiếu thẻ gốc' });
    const twice = await api.request(
      'POST',
      `/api/v1/ekyc/review/${r.body.id}/decision`,
      { decision: 'reject', reason: 'x y z' },
      bearer(officer),
    );
    expect(twice.body.code).toBe('ekyc_case_decided');
  });
  it('a number already used by another account → review, flagged', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    const n = man2004();
    await api.request(
      'PUT',
      '/api/v1/me/identity',
      { cccdNumber: n, fullName: 'Nguyễn Văn An', dateOfBirth: '2004-05-06', sex: 'male' },
      bearer(a.accessToken),
    );
    const r = await submit(b.accessToken, { cccd: n });
    expect(r.body.status).toBe('review');
    expect(r.body.reasons).toContain('cccd_taken');
    const d = await api.request('GET', `/api/v1/ekyc/review/${r.body.id}`, undefined, bearer(officer));
    expect(d.status).toBe(200);
    const decided = await api.request(
      'POST',
      `/api/v1/ekyc/review/${r.body.id}/decision`,
      { decision: 'approve', reason: 'thử duyệt' },
      bearer(officer),
    );
    expect(decided.body.code).toBe('cccd_owned_by_other');
    expect(d.body.earlierCases).toEqual([]);
    const rejected = await api.request(
      'POST',
      `/api/v1/ekyc/review/${r.body.id}/decision`,
      { decision: 'reject', reason: 'Số CCCD của người khác' },
      bearer(officer),
    );
    expect(rejected.body.status).toBe('rejected');
  });
  it('only ekyc:review sees the queue and the images; a citizen sees only their own cases', async () => {
    const a = await registerCitizen(api);
    const b = await registerCitizen(api);
    const r = await submit(a.accessToken, { selfie: photo('biden.jpg') });
    expect(
      (await api.request('GET', `/api/v1/ekyc/cases/${r.body.id}`, undefined, bearer(b.accessToken))).status,
    ).toBe(404);
    expect((await api.request('GET', '/api/v1/ekyc/review', undefined, bearer(a.accessToken))).status).toBe(
      403,
    );
    expect(
      (
        await api.request(
          'GET',
          `/api/v1/ekyc/review/${r.body.id}/images/selfie`,
          undefined,
          bearer(a.accessToken),
        )
      ).status,
    ).toBe(403);
    expect(
      (await api.request('GET', '/api/v1/ekyc/cases', undefined, bearer(a.accessToken))).body.items,
    ).toHaveLength(1);
  });
});

describe('bad input leaves nothing behind', () => {
  it('refuses non-images, truncated images, oversized files, missing and unknown files', async () => {
    const c = await registerCitizen(api);
    const before = await countCases();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
    const notImage = await submit(c.accessToken, { card: pdf });
    expect(notImage.status).toBe(400);
    expect(notImage.body.errors[0]).toMatchObject({ path: 'files.cardFront', code: 'image_type' });
    const full = photo('obama2.jpg');
    const truncated = await submit(c.accessToken, { selfie: full.subarray(0, Math.floor(full.length / 2)) });
    expect(truncated.body.errors[0]).toMatchObject({ path: 'files.selfie', code: 'image_unreadable' });
    const huge = await submit(c.accessToken, {
      back: Buffer.concat([photo('rose_img1.jpg'), Buffer.alloc(9 * 1024 * 1024)]),
    });
    expect(huge.status).toBe(413);
    const missing = await submit(c.accessToken, { selfie: null });
    expect(missing.body.errors[0]).toMatchObject({ path: 'files.selfie', code: 'required' });
    const unknown = await submit(c.accessToken, { extra: { passport: new Blob([full]) } });
    expect(unknown.status).toBe(400);
    const badNumber = await submit(c.accessToken, { cccd: '066304000001' });
    expect(badNumber.body.errors[0]).toMatchObject({ path: 'body.cccdNumber', code: 'cccd_sex_mismatch' });
    const json = await api.request(
      'POST',
      '/api/v1/ekyc/cases',
      { cccdNumber: '066204000001' },
      bearer(c.accessToken),
    );
    expect(json.body.code).toBe('multipart_expected');
    expect(await countCases()).toBe(before);
  });
});

describe('retention', () => {
  it('deletes raw images after the configured days, keeping the decision and scores', async () => {
    const c = await registerCitizen(api);
    const r = await submit(c.accessToken, { selfie: photo('biden.jpg') });
    expect(await api.services.ekyc.purgeImages(new Date())).toBe(0);
    const purged = await api.services.ekyc.purgeImages(new Date(Date.now() + 31 * 86400_000));
    expect(purged).toBeGreaterThanOrEqual(1);
    const left = await api.sequelize.query('SELECT 1 FROM ekyc_images WHERE case_id = :id', {
      replacements: { id: r.body.id },
      type: QueryTypes.SELECT,
    });
    expect(left).toHaveLength(0);
    const d = await api.request('GET', `/api/v1/ekyc/review/${r.body.id}`, undefined, bearer(officer));
    expect(d.body).toMatchObject({ status: 'rejected', images: [] });
    expect(d.body.similarity).toBeLessThan(0.25);
    expect(d.body.imagesDeletedAt).toBeTruthy();
    const img = await api.request(
      'GET',
      `/api/v1/ekyc/review/${r.body.id}/images/selfie`,
      undefined,
      bearer(officer),
    );
    expect(img.body.code).toBe('image_deleted');
  });
});
