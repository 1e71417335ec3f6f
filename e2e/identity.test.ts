import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  newNationalPhone,
  mobileRegister,
  watchErrors,
  DEMO_CITIZEN,
  type Product,
} from './harness.ts';

/**
 * Identity level 1 in mobile-lite: declaring the citizen ID card (CCCD) from its QR, the personal QR
 * code, and an officer checking it — signed out, on another phone.
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

/** A valid CCCD number unique to this run: Đắk Lắk (066), a man born 2000–2099 (2), born 2004 (04). */
let serial = 0;
function newCccd(): string {
  serial++;
  return `066204${String((Date.now() + serial * 7919) % 1_000_000).padStart(6, '0')}`;
}

/** The QR printed on a chip card: CCCD|CMND|name|DDMMYYYY|sex|address|DDMMYYYY(issued). */
const cardQr = (cccd: string, name = 'Nguyễn Văn An') =>
  `${cccd}|241234567|${name}|06052004|Nam|Thôn 3, Xã Hòa Phú, Đắk Lắk|15082021`;

/** Registers a new citizen through the app's own screens; ends on the profile. */
async function register(page: Page, fullName: string): Promise<string> {
  const phone = newNationalPhone();
  await mobileRegister(page, product, { phone, fullName, password: 'MatKhau2026' });
  return phone;
}

/** Waits for the next personal QR the app fetches and returns its token. */
async function nextQrToken(page: Page, trigger: () => Promise<unknown>): Promise<string> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/qr/me') && r.status() === 200),
    trigger(),
  ]);
  return ((await response.json()) as { token: string }).token;
}

/** Pastes a token into the verifier and waits for the verdict card to show `expected`. */
async function checkToken(page: Page, token: string, expected: string): Promise<void> {
  await page.getByTestId('verify-token').fill(token);
  await page.getByTestId('verify-submit').click();
  // The previous verdict goes away while the new one is fetched.
  await page.locator(`[data-testid="verify-result"][data-status="${expected}"]`).waitFor({ timeout: 10_000 });
}

let declaredCccd = '';

test('a citizen declares the CCCD from the card QR, shows the personal QR, an officer checks it', async () => {
  const page = await browser.newPage({ viewport: VIEWPORT, locale: 'vi-VN' });
  const errors = watchErrors(page);
  await page.clock.install();
  await register(page, 'Nguyễn Văn An');

  // Level 0: the identity card offers the declaration, no personal QR yet.
  const card = page.getByTestId('identity-card');
  assert.equal(await card.getAttribute('data-level'), '0');
  assert.equal(await page.getByTestId('open-my-qr').count(), 0);
  assert.match((await page.getByTestId('identity-declare').textContent()) ?? '', /Khai báo CCCD/);
  await page.screenshot({ path: shot('identity-profile-level0'), fullPage: true });

  await page.getByTestId('identity-declare').click();
  await page.getByTestId('scan-card-qr').waitFor();
  await page.screenshot({ path: shot('identity-declare-empty'), fullPage: true });

  // This Chromium has no BarcodeDetector: the app says so and offers the text box instead.
  await page.getByTestId('scan-card-qr').click();
  assert.equal(await page.getByTestId('scan-problem').getAttribute('data-problem'), 'unsupported');
  const cccd = newCccd();
  await page.getByTestId('qr-paste').fill(cardQr(cccd));
  await page.screenshot({ path: shot('identity-declare-paste'), fullPage: true });
  await page.getByTestId('qr-paste-submit').click();
  await page.getByTestId('qr-read').waitFor();
  assert.equal(await page.locator('input[name="cccdNumber"]').inputValue(), cccd);
  assert.equal(await page.locator('input[name="fullName"]').inputValue(), 'Nguyễn Văn An');
  assert.equal(await page.locator('input[name="dateOfBirth"]').inputValue(), '2004-05-06');
  assert.equal(await page.locator('input[name="sex"][value="male"]').isChecked(), true);
  assert.equal(await page.locator('input[name="sex"][value="female"]').isChecked(), false);
  assert.match((await page.getByTestId('qr-read').textContent()) ?? '', /Đã đọc từ mã QR/);
  // The form scrolled into view: what was read, and the button to send it.
  await page.screenshot({ path: shot('identity-declare-prefilled') });

  await page.getByTestId('identity-submit').click();
  await page.locator('[data-testid="identity-card"][data-level="1"]').waitFor();
  await page.getByTestId('identity-cccd').waitFor();
  assert.equal(await page.getByTestId('identity-cccd').textContent(), `066*******${cccd.slice(-2)}`);
  assert.match((await page.getByTestId('alert-info').textContent()) ?? '', /mức 1/);
  assert.match((await page.getByTestId('identity-declare').textContent()) ?? '', /Cập nhật/);
  await page.screenshot({ path: shot('identity-profile-level1'), fullPage: true });
  declaredCccd = cccd;

  // The personal QR, from the profile.
  let token = await nextQrToken(page, () => page.getByTestId('open-my-qr').click());
  const qr = page.getByTestId('my-qr');
  await qr.locator('svg').waitFor();
  const box = await qr.boundingBox();
  assert.ok(box && box.width >= 280 && Math.abs(box.width - box.height) < 2, `QR box ${JSON.stringify(box)}`);
  assert.match((await page.getByTestId('qr-countdown').textContent()) ?? '', /Hết hạn sau [45]:\d\d/);
  assert.match((await page.locator('.qr-card').textContent()) ?? '', /066\*{7}\d\d/);
  await page.screenshot({ path: shot('identity-my-qr'), fullPage: true });

  // "Làm mới" fetches a new code; so does the timer, 20 s before the 5-minute code expires.
  const refreshed = await nextQrToken(page, () => page.getByTestId('qr-refresh').click());
  assert.notEqual(refreshed, token);
  const renewed = await nextQrToken(page, () => page.clock.fastForward('04:41'));
  assert.notEqual(renewed, refreshed);
  token = renewed;
  assert.match((await page.getByTestId('qr-countdown').textContent()) ?? '', /Hết hạn sau (5:00|4:[45]\d)/);

  // Home has the personal QR near the top, and the officers' link.
  await page.goto(`${product.url}/#/`);
  await page.getByTestId('home-my-qr').waitFor();
  await page.getByTestId('home-verify-qr').waitFor();
  await page.screenshot({ path: shot('identity-home-signed-in') });

  // An officer's phone, signed out.
  const officerContext = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const officer = await officerContext.newPage();
  const officerErrors = watchErrors(officer);
  await officer.goto(`${product.url}/`);
  await officer.getByTestId('nav-login').waitFor();
  await officer.getByTestId('home-verify-qr').click();
  await officer.getByTestId('verify-token').waitFor();
  await officer.screenshot({ path: shot('identity-verify-empty'), fullPage: true });

  await checkToken(officer, token, 'valid');
  const result = officer.getByTestId('verify-result');
  assert.match((await result.textContent()) ?? '', /Hợp lệ/);
  assert.equal(await officer.getByTestId('verify-name').textContent(), 'Nguyễn Văn An');
  assert.equal(await officer.getByTestId('verify-cccd').textContent(), `066*******${cccd.slice(-2)}`);
  assert.match((await result.textContent()) ?? '', /Mức 1 — Đã khai báo CCCD/);
  await officer.screenshot({ path: shot('identity-verify-valid'), fullPage: true });
  await officer.getByTestId('lang-toggle').click();
  assert.match((await result.textContent()) ?? '', /Valid.*Level 1 — Citizen ID \(CCCD\) declared/);
  await officer.screenshot({ path: shot('identity-verify-valid-en') });
  await officer.getByTestId('lang-toggle').click();

  // The same code again: someone is showing a copy.
  await checkToken(officer, token, 'replayed');
  assert.match((await result.textContent()) ?? '', /Đã được kiểm tra lúc \d\d:\d\d — có thể là ảnh chụp lại/);
  await officer.screenshot({ path: shot('identity-verify-replayed'), fullPage: true });

  // A code whose signature was changed.
  const [head, payload, signature = ''] = token.split('.');
  const i = Math.floor(signature.length / 2);
  const tampered = `${head}.${payload}.${signature.slice(0, i)}${signature[i] === 'A' ? 'B' : 'A'}${signature.slice(i + 1)}`;
  await checkToken(officer, tampered, 'forged');
  assert.match((await result.textContent()) ?? '', /Giả mạo/);
  await officer.screenshot({ path: shot('identity-verify-forged'), fullPage: true });

  // Not a code of ours at all.
  await checkToken(officer, 'https://example.com/not-a-token', 'malformed');

  assert.deepEqual(errors, []);
  assert.deepEqual(officerErrors, []);
  await officerContext.close();
  await page.close();
});

test('the API explains a declaration that contradicts the number, under the CCCD input', async () => {
  const page = await browser.newPage({ viewport: VIEWPORT, locale: 'vi-VN' });
  const errors = watchErrors(page);
  await page.goto(`${product.url}/#/login`);
  await page.locator('input[name="phone"]').fill(DEMO_CITIZEN.phone);
  await page.locator('input[name="password"]').fill(DEMO_CITIZEN.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('identity-card').waitFor();

  // Level 0 has no personal QR: the screen says why and leads to the declaration.
  await page.goto(`${product.url}/#/qr`);
  await page.getByTestId('qr-level-required').waitFor();
  assert.match((await page.getByTestId('qr-level-required').textContent()) ?? '', /mức 1/);
  await page.screenshot({ path: shot('identity-my-qr-level0'), fullPage: true });
  await page.getByTestId('qr-declare').click();
  await page.getByTestId('identity-submit').waitFor();

  // The local check first: not 12 digits.
  await page.locator('input[name="cccdNumber"]').fill('06620400123');
  await page.getByTestId('identity-submit').click();
  assert.match((await page.getByTestId('error-cccdNumber').textContent()) ?? '', /12 chữ số/);
  assert.match((await page.getByTestId('error-dateOfBirth').textContent()) ?? '', /ngày sinh/);
  assert.match((await page.getByTestId('error-sex').textContent()) ?? '', /giới tính/);

  // Digit 4 is 2 (a man born 2000–2099) but "female" is chosen: the API's message stands under the number.
  const cccd = newCccd();
  await page.locator('input[name="cccdNumber"]').fill(cccd);
  await page.locator('input[name="fullName"]').fill('Nguyễn Thị Bình');
  await page.locator('input[name="dateOfBirth"]').fill('2004-05-06');
  await page.locator('input[name="sex"][value="female"]').check();
  await page.getByTestId('identity-submit').click();
  await page.getByTestId('alert-error').waitFor();
  assert.match(
    (await page.getByTestId('error-cccdNumber').textContent()) ?? '',
    /Chữ số thứ 4 của số CCCD ứng với giới tính nam/,
  );
  assert.equal(await page.getByTestId('error-sex').count(), 0);
  // The first input to correct has the focus and is in view.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'cccdNumber');
  await page.screenshot({ path: shot('identity-declare-sex-mismatch') });

  // A number another account already declared: the case goes to an officer, and the screen says so.
  if (declaredCccd) {
    await page.locator('input[name="cccdNumber"]').fill(declaredCccd);
    await page.locator('input[name="fullName"]').fill('Nguyễn Văn An');
    await page.locator('input[name="sex"][value="male"]').check();
    await page.getByTestId('identity-submit').click();
    const conflict = page.getByTestId('identity-conflict');
    await conflict.waitFor();
    assert.equal(await conflict.getAttribute('data-code'), 'cccd_taken');
    assert.match((await conflict.textContent()) ?? '', /cán bộ/);
    await page.screenshot({ path: shot('identity-declare-taken') });
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('with a camera and a BarcodeDetector, scanning fills the form and checks a code', async () => {
  // Chromium's fake camera, and a stand-in BarcodeDetector (Linux Chromium has none) that "sees"
  // the text the test puts in window.__qr once the video plays.
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
  // A string, not a function: tsx would add helpers to a function's source that the page lacks.
  const stub = {
    content: `window.BarcodeDetector = class {
      static getSupportedFormats() { return Promise.resolve(['qr_code', 'ean_13']); }
      detect(video) { return Promise.resolve(window.__qr && video.videoWidth > 0 ? [{ rawValue: window.__qr }] : []); }
    };`,
  };
  try {
    const context = await cameraBrowser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
    await context.addInitScript(stub);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await register(page, 'Trần Văn Cường');
    await page.getByTestId('identity-declare').click();
    await page.getByTestId('scan-card-qr').click();
    await page.getByTestId('camera').waitFor();
    await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0);
    await page.screenshot({ path: shot('identity-declare-camera') });
    const cccd = newCccd();
    await page.evaluate((text) => Object.assign(window, { __qr: text }), cardQr(cccd, 'Trần Văn Cường'));
    await page.getByTestId('qr-read').waitFor();
    assert.equal(await page.getByTestId('camera').count(), 0);
    assert.equal(await page.locator('input[name="cccdNumber"]').inputValue(), cccd);
    assert.equal(await page.locator('input[name="fullName"]').inputValue(), 'Trần Văn Cường');
    // The camera is off once the code is read.
    assert.equal(
      await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement | null) === null),
      true,
    );
    await page.getByTestId('identity-submit').click();
    await page.locator('[data-testid="identity-card"][data-level="1"]').waitFor();
    const token = await nextQrToken(page, () => page.getByTestId('open-my-qr').click());

    const officer = await (await cameraBrowser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' })).newPage();
    await officer.context().addInitScript(stub);
    await officer.goto(`${product.url}/#/qr/verify`);
    await officer.getByTestId('verify-scan').click();
    await officer.getByTestId('camera').waitFor();
    await officer.evaluate((text) => Object.assign(window, { __qr: text }), token);
    const result = officer.getByTestId('verify-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-status'), 'valid');
    assert.equal(await officer.getByTestId('verify-name').textContent(), 'Trần Văn Cường');
    assert.deepEqual(errors, []);
  } finally {
    await cameraBrowser.close();
  }
});
