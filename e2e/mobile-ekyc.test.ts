import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  newNationalPhone,
  root,
  watchErrors,
  smsTexts,
  nextSmsCode,
  mobileRegister,
  type Product,
} from './harness.ts';

/**
 * mobile-lite, identity level 2 and the phone as a factor: a citizen verifies the face (eKYC) with photos
 * of the card and a selfie, adds a passkey and signs in with it, then signs in on a new phone — SMS code,
 * then a selfie matched to the card portrait.
 */
let product: Product;
let browser: Browser;
before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await product?.stop();
});

const VIEWPORT = { width: 360, height: 740 };
const FACES = path.join(root, '..', 'shared', 'fixtures', 'faces');
const CARD_FRONT = path.join(FACES, 'lowres', 'lr_obama.jpg');
const CARD_BACK = path.join(FACES, 'rose_img1.jpg');
const SELFIE = path.join(FACES, 'obama2.jpg');
const NEW_PHONE_SELFIE = path.join(FACES, 'obama3.jpg');
const PASSWORD = 'MatKhau2026';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A valid CCCD unique to this run: Đắk Lắk (066), a man born in the 2000s (2), in 2004 (04). */
const newCccd = () => `066204${String((Date.now() * 7 + process.pid) % 1_000_000).padStart(6, '0')}`;

const register = (page: Page, origin: string, phone: string, fullName: string) =>
  mobileRegister(page, product, { phone, fullName, password: PASSWORD }, origin);

async function pick(
  page: Page,
  testId: string,
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  await page.getByTestId(testId).setInputFiles(file);
  await page.getByTestId(`${testId}-preview`).waitFor();
}

/** A real JPEG, but only 160×120: the API refuses it as too small (it needs 200 px a side). */
async function tinyJpeg(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const b64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#6a8';
    ctx.fillRect(0, 0, 160, 120);
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b as Blob), 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  return { name: 'back-small.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') };
}

const step = (page: Page, name: string) =>
  page.locator(`[data-testid="ekyc"][data-step="${name}"]`).waitFor();

test('eKYC in the app, a passkey, and signing in on a new phone with code and selfie', async () => {
  // WebAuthn needs a domain, not an IP: the first phone opens the app as localhost.
  const origin = product.url.replace('127.0.0.1', 'localhost');
  const phone1: BrowserContext = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await phone1.newPage();
  const errors = watchErrors(page);
  const requestDevices = new Set<string>();
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) requestDevices.add(r.headers()['x-device-id'] ?? '');
  });

  const national = newNationalPhone();
  const e164 = `+84${national.slice(1)}`;
  await register(page, origin, national, 'Y Niê Êban');
  const deviceId = await page.evaluate(() => localStorage.getItem('dlid.deviceId'));
  assert.match(deviceId ?? '', UUID);
  assert.deepEqual([...requestDevices], [deviceId], 'every API request carries the phone id');

  // Level 0: the identity card offers face verification; the passkey card is there.
  await page.getByTestId('passkeys-card').waitFor();
  await page.getByTestId('passkeys-empty').waitFor();
  assert.match((await page.getByTestId('ekyc-start').textContent()) ?? '', /Xác thực khuôn mặt để đạt mức 2/);
  await page.screenshot({ path: shot('mobile-ekyc-profile-level0'), fullPage: true });

  // Step 1: the card data.
  await page.getByTestId('ekyc-start').click();
  await step(page, 'data');
  await page.screenshot({ path: shot('mobile-ekyc-1-data-empty'), fullPage: true });
  await page.getByTestId('ekyc-next').click();
  await page.getByTestId('error-cccdNumber').waitFor();
  const cccd = newCccd();
  await page.locator('input[name="cccdNumber"]').fill(cccd);
  await page.locator('input[name="fullName"]').fill('Y Niê Êban');
  await page.locator('input[name="dateOfBirth"]').fill('2004-05-06');
  await page.locator('input[name="sex"][value="male"]').check();
  await page.getByTestId('ekyc-next').click();

  // Step 2: the card's front (the fallback file input; this Chromium has no camera).
  await step(page, 'cardFront');
  assert.equal(await page.getByTestId('ekyc-file-cardFront').getAttribute('accept'), 'image/*');
  await page.screenshot({ path: shot('mobile-ekyc-2-card-front-empty'), fullPage: true });
  await pick(page, 'ekyc-file-cardFront', CARD_FRONT);
  await page.screenshot({ path: shot('mobile-ekyc-2-card-front'), fullPage: true });
  await page.getByTestId('ekyc-next').click();

  // Step 3: the back — first a photo the API will refuse as too small.
  await step(page, 'cardBack');
  await pick(page, 'ekyc-file-cardBack', await tinyJpeg(page));
  await page.getByTestId('ekyc-next').click();

  // Step 4: the selfie.
  await step(page, 'selfie');
  await page.screenshot({ path: shot('mobile-ekyc-4-selfie-empty'), fullPage: true });
  await pick(page, 'ekyc-file-selfie', SELFIE);
  await page.getByTestId('ekyc-next').click();

  // Step 5: review, send → the API names the card back: the app goes back to that step.
  await step(page, 'review');
  for (const s of ['cardFront', 'cardBack', 'selfie']) await page.getByTestId(`ekyc-thumb-${s}`).waitFor();
  assert.equal(await page.getByTestId('ekyc-review-cccd').textContent(), cccd);
  await page.screenshot({ path: shot('mobile-ekyc-5-review'), fullPage: true });
  await page.getByTestId('ekyc-submit').click();
  await step(page, 'cardBack');
  await page.getByTestId('error-ekyc-file-cardBack').waitFor();
  assert.match((await page.getByTestId('error-ekyc-file-cardBack').textContent()) ?? '', /quá nhỏ/);
  await page.screenshot({ path: shot('mobile-ekyc-3-card-back-refused'), fullPage: true });
  await pick(page, 'ekyc-file-cardBack', CARD_BACK);
  assert.equal(await page.getByTestId('error-ekyc-file-cardBack').count(), 0);
  await page.screenshot({ path: shot('mobile-ekyc-3-card-back'), fullPage: true });
  await page.getByTestId('ekyc-next').click();
  await step(page, 'selfie');
  await page.screenshot({ path: shot('mobile-ekyc-4-selfie'), fullPage: true });
  await page.getByTestId('ekyc-next').click();
  await step(page, 'review');
  await page.getByTestId('ekyc-submit').click();

  const result = page.getByTestId('ekyc-result');
  await result.waitFor({ timeout: 60_000 });
  assert.equal(await result.getAttribute('data-status'), 'approved', (await result.textContent()) ?? '');
  assert.match((await page.getByTestId('ekyc-next-step').textContent()) ?? '', /mức 2/);
  await page.screenshot({ path: shot('mobile-ekyc-6-result'), fullPage: true });

  await page.getByTestId('ekyc-done').click();
  await page.locator('[data-testid="identity-level"][data-level="2"]').waitFor();
  assert.equal(await page.getByTestId('ekyc-start').count(), 0);
  await page.screenshot({ path: shot('mobile-ekyc-profile-level2'), fullPage: true });

  // The history of cases.
  await page.getByTestId('ekyc-cases-link').click();
  await page.getByTestId('ekyc-cases').waitFor();
  assert.deepEqual(
    await page.getByTestId('ekyc-case').evaluateAll((els) => els.map((e) => e.dataset.status)),
    ['approved'],
  );
  await page.screenshot({ path: shot('mobile-ekyc-cases'), fullPage: true });

  // A passkey for this phone (a virtual platform authenticator: fingerprint / face unlock simulated).
  const cdp = await phone1.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await page.goto(`${origin}/#/profile`);
  await page.getByTestId('passkey-add').click();
  await page.getByTestId('passkey-item').waitFor();
  assert.equal(await page.getByTestId('passkey-item').count(), 1);
  await page.getByTestId('passkeys-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('mobile-passkeys') });

  await page.getByTestId('logout').click();
  await page.getByTestId('nav-login').first().click();
  await page.getByTestId('passkey-login').waitFor();
  await page.screenshot({ path: shot('mobile-login-passkey'), fullPage: true });
  await page.getByTestId('passkey-login').click();
  await page.getByTestId('profile-name').waitFor();
  assert.equal((await page.getByTestId('profile-name').textContent())?.trim(), 'Y Niê Êban');

  // The passkey was used; it can be removed after a confirmation.
  await page.getByTestId('passkey-item').waitFor();
  assert.doesNotMatch((await page.getByTestId('passkey-item').textContent()) ?? '', /chưa dùng/);
  await page.getByTestId('passkey-remove').click();
  await page.getByTestId('passkey-remove-confirm').waitFor();
  await page.getByTestId('passkeys-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('mobile-passkeys-remove') });
  await page.getByTestId('passkey-remove-confirm').click();
  await page.getByTestId('passkeys-empty').waitFor();
  assert.deepEqual(errors, []);

  // A new phone: nothing in its storage, so a new device id.
  const phone2 = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page2 = await phone2.newPage();
  const errors2 = watchErrors(page2);
  await page2.goto(`${product.url}/#/login`);
  await page2.locator('input[name="phone"]').fill(national);
  await page2.locator('input[name="password"]').fill(PASSWORD);
  const seen = smsTexts(product, e164).length;
  await page2.getByTestId('login-submit').click();
  await page2.getByTestId('login-otp').waitFor();
  const deviceId2 = await page2.evaluate(() => localStorage.getItem('dlid.deviceId'));
  assert.match(deviceId2 ?? '', UUID);
  assert.notEqual(deviceId2, deviceId);
  assert.match((await page2.getByTestId('login-new-device').textContent()) ?? '', /điện thoại mới/);
  assert.equal(await page2.getByTestId('login-otp-resend').isDisabled(), true);
  await page2.screenshot({ path: shot('mobile-login-new-phone-otp'), fullPage: true });

  await page2.getByTestId('login-otp').fill('000000');
  await page2.getByTestId('login-otp-submit').click();
  await page2.getByTestId('error-otp').waitFor();
  await page2.getByTestId('login-otp').fill(await nextSmsCode(page2, product, e164, seen));
  await page2.getByTestId('login-otp-submit').click();

  // Level 2: a selfie, matched to the card portrait.
  await page2.getByTestId('device-selfie').waitFor();
  await page2.screenshot({ path: shot('mobile-login-new-phone-selfie-empty'), fullPage: true });
  await pick(page2, 'device-selfie-file', NEW_PHONE_SELFIE);
  await page2.screenshot({ path: shot('mobile-login-new-phone-selfie'), fullPage: true });
  await page2.getByTestId('device-selfie-submit').click();
  await page2.getByTestId('profile-name').waitFor({ timeout: 30_000 });
  await page2.locator('[data-testid="identity-level"][data-level="2"]').waitFor();
  assert.deepEqual(errors2, []);

  // The second phone is known now: the password alone signs in there.
  await page2.getByTestId('logout').click();
  await page2.getByTestId('nav-login').first().click();
  await page2.locator('input[name="phone"]').fill(national);
  await page2.locator('input[name="password"]').fill(PASSWORD);
  await page2.getByTestId('login-submit').click();
  await page2.getByTestId('profile-name').waitFor();

  await phone2.close();
  await phone1.close();
});

test('a refused verification is taken again; on a new phone a different face is refused', async () => {
  const origin = product.url.replace('127.0.0.1', 'localhost');
  const phone1 = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await phone1.newPage();
  const errors1 = watchErrors(page);
  const national = newNationalPhone();
  const e164 = `+84${national.slice(1)}`;
  await register(page, origin, national, 'Nguyễn Văn Bình');
  await page.getByTestId('ekyc-start').click();
  await page.locator('input[name="cccdNumber"]').fill(newCccd());
  await page.locator('input[name="dateOfBirth"]').fill('2004-05-06');
  await page.locator('input[name="sex"][value="male"]').check();
  await page.getByTestId('ekyc-next').click();
  await pick(page, 'ekyc-file-cardFront', CARD_FRONT);
  await page.getByTestId('ekyc-next').click();
  await pick(page, 'ekyc-file-cardBack', CARD_BACK);
  await page.getByTestId('ekyc-next').click();
  // Someone else's face: refused at once.
  await pick(page, 'ekyc-file-selfie', path.join(FACES, 'biden.jpg'));
  await page.getByTestId('ekyc-next').click();
  await page.getByTestId('ekyc-submit').click();
  await page.locator('[data-testid="ekyc-result"][data-status="rejected"]').waitFor({ timeout: 60_000 });
  assert.match((await page.getByTestId('ekyc-next-step').textContent()) ?? '', /không khớp/);
  await page.screenshot({ path: shot('mobile-ekyc-6-result-rejected'), fullPage: true });

  // "Take again": a face that does not match → the card front and the selfie again; the back stays.
  await page.getByTestId('ekyc-retake').click();
  await step(page, 'cardFront');
  assert.equal(await page.getByTestId('ekyc-file-cardFront-preview').count(), 0);
  await pick(page, 'ekyc-file-cardFront', CARD_FRONT);
  await page.getByTestId('ekyc-next').click();
  await page.getByTestId('ekyc-file-cardBack-preview').waitFor();
  await page.getByTestId('ekyc-next').click();
  await step(page, 'selfie');
  assert.equal(await page.getByTestId('ekyc-file-selfie-preview').count(), 0);
  await pick(page, 'ekyc-file-selfie', SELFIE);
  await page.getByTestId('ekyc-next').click();
  await page.getByTestId('ekyc-submit').click();
  await page.locator('[data-testid="ekyc-result"][data-status="approved"]').waitFor({ timeout: 60_000 });

  // Both cases are in the history, newest first.
  await page.goto(`${origin}/#/ekyc/cases`);
  await page.getByTestId('ekyc-cases').waitFor();
  assert.deepEqual(
    await page.getByTestId('ekyc-case').evaluateAll((els) => els.map((e) => e.dataset.status)),
    ['approved', 'rejected'],
  );
  await page.screenshot({ path: shot('mobile-ekyc-cases-two'), fullPage: true });
  await page.getByTestId('ekyc-case-open').last().click();
  await page.getByTestId('ekyc-case-detail').waitFor();
  assert.deepEqual(
    await page.getByTestId('ekyc-case').evaluateAll((els) => els.map((e) => e.dataset.status)),
    ['rejected'],
  );
  await page.screenshot({ path: shot('mobile-ekyc-case'), fullPage: true });
  assert.deepEqual(errors1, []);
  await phone1.close();

  const phone2 = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page2 = await phone2.newPage();
  const errors = watchErrors(page2);
  await page2.goto(`${product.url}/#/login`);
  await page2.locator('input[name="phone"]').fill(national);
  await page2.locator('input[name="password"]').fill(PASSWORD);
  const seen = smsTexts(product, e164).length;
  await page2.getByTestId('login-submit').click();
  await page2.getByTestId('login-otp').fill(await nextSmsCode(page2, product, e164, seen));
  await page2.getByTestId('login-otp-submit').click();
  await page2.getByTestId('device-selfie').waitFor();
  await pick(page2, 'device-selfie-file', path.join(FACES, 'biden.jpg'));
  await page2.getByTestId('device-selfie-submit').click();
  await page2.getByTestId('device-selfie-tries').waitFor({ timeout: 30_000 });
  assert.equal(await page2.getByTestId('device-selfie-tries').getAttribute('data-tries-left'), '2');
  assert.match((await page2.getByTestId('device-selfie-error').textContent()) ?? '', /Còn 2 lần thử/);
  await page2.screenshot({ path: shot('mobile-login-new-phone-selfie-refused'), fullPage: true });
  assert.equal(await page2.getByTestId('profile-name').count(), 0);
  assert.deepEqual(errors, []);
  await phone2.close();
});

test('with a camera: the card in a card-shaped frame, the face in an oval, pictures scaled down', async () => {
  const cameraBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
  try {
    const context = await cameraBrowser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await register(page, product.url, newNationalPhone(), 'H Hen Niê');
    await page.getByTestId('ekyc-start').click();
    await page.locator('input[name="cccdNumber"]').fill(newCccd());
    await page.locator('input[name="dateOfBirth"]').fill('2004-05-06');
    await page.locator('input[name="sex"][value="male"]').check();
    await page.getByTestId('ekyc-next').click();

    const shoot = async (testId: string, name: string) => {
      await page.getByTestId(`${testId}-camera`).click();
      await page.getByTestId('photo-camera').waitFor();
      await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
      await page.screenshot({ path: shot(name) });
      await page.getByTestId('photo-take').click();
      await page.getByTestId(`${testId}-preview`).waitFor();
      // The camera is off once the picture is taken.
      assert.equal(await page.locator('video').count(), 0);
      const size = await page
        .getByTestId(`${testId}-preview`)
        .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
      assert.ok(size[0]! > 0 && Math.max(size[0]!, size[1]!) <= 1600, `photo ${size.join('×')}`);
    };
    await shoot('ekyc-file-cardFront', 'mobile-ekyc-camera-card');
    await page.getByTestId('ekyc-next').click();
    await pick(page, 'ekyc-file-cardBack', CARD_BACK);
    await page.getByTestId('ekyc-next').click();
    await shoot('ekyc-file-selfie', 'mobile-ekyc-camera-face');
    await page.getByTestId('ekyc-next').click();
    await step(page, 'review');
    for (const s of ['cardFront', 'cardBack', 'selfie']) await page.getByTestId(`ekyc-thumb-${s}`).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await cameraBrowser.close();
  }
});

test('data that contradicts the card QR waits for an officer, and the app says so everywhere', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await register(page, product.url, newNationalPhone(), 'Lê Thị Hoa');
  await page.getByTestId('ekyc-start').click();
  // The card QR fills the form; the name is then changed by hand: a person must compare.
  const cccd = newCccd();
  await page.getByTestId('qr-paste-open').click();
  await page
    .getByTestId('qr-paste')
    .fill(`${cccd}|241234567|Lê Văn Hùng|06052004|Nam|Thôn 3, Xã Hòa Phú, Đắk Lắk|15082021`);
  await page.getByTestId('qr-paste-submit').click();
  await page.getByTestId('qr-read').waitFor();
  assert.equal(await page.locator('input[name="cccdNumber"]').inputValue(), cccd);
  await page.locator('input[name="fullName"]').fill('Lê Văn Hưng');
  await page.getByTestId('ekyc-next').click();
  await pick(page, 'ekyc-file-cardFront', CARD_FRONT);
  await page.getByTestId('ekyc-next').click();
  await pick(page, 'ekyc-file-cardBack', CARD_BACK);
  await page.getByTestId('ekyc-next').click();
  await pick(page, 'ekyc-file-selfie', SELFIE);
  await page.getByTestId('ekyc-next').click();
  await page.getByTestId('ekyc-submit').click();
  await page.locator('[data-testid="ekyc-result"][data-status="review"]').waitFor({ timeout: 60_000 });
  assert.match((await page.getByTestId('ekyc-result').textContent()) ?? '', /Đang chờ cán bộ kiểm tra/);
  await page.screenshot({ path: shot('mobile-ekyc-6-result-review'), fullPage: true });

  // The profile shows the wait instead of the start button; the eKYC screen shows the open case.
  await page.getByTestId('ekyc-done').click();
  await page.getByTestId('ekyc-waiting').waitFor();
  assert.equal(await page.getByTestId('ekyc-start').count(), 0);
  await page.goto(`${product.url}/#/ekyc`);
  await page.locator('[data-testid="ekyc-open-case"][data-status="review"]').waitFor();
  assert.equal(await page.getByTestId('ekyc-submit').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
