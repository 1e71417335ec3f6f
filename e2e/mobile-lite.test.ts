import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  newNationalPhone,
  mobileRegister,
  mobileSignIn,
  watchErrors,
  type Product,
} from './harness.ts';

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

test('a citizen registers in mobile-lite with the SMS code, signs out and signs in again', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${product.url}/`);
  await page.getByTestId('service-feedback').waitFor();
  await page.screenshot({ path: shot('mobile-home'), fullPage: true });

  const national = newNationalPhone();
  const e164 = `+84${national.slice(1)}`;
  await page.getByTestId('nav-register').first().click();
  await page.locator('input[name="phone"]').fill(national);
  await page.getByTestId('send-otp').click();
  await page.locator('input[name="otp"]').waitFor();
  // The code arrives by SMS: the development provider writes it to the outbox file.
  let code = '';
  for (let i = 0; i < 50 && !code; i++) {
    try {
      code = product.lastCode(e164);
    } catch {
      await page.waitForTimeout(100);
    }
  }
  assert.match(code, /^\d{6}$/);
  await page.locator('input[name="otp"]').fill(code);
  await page.locator('input[name="fullName"]').fill('Y Niê Êban');
  await page.locator('input[name="password"]').fill('MatKhau2026');
  await page.screenshot({ path: shot('mobile-register') });
  await page.getByTestId('register-submit').click();

  await page.getByTestId('profile-name').waitFor();
  assert.equal((await page.getByTestId('profile-name').textContent())?.trim(), 'Y Niê Êban');
  assert.equal(await page.getByTestId('profile-phone').getAttribute('data-e164'), e164);
  await page.screenshot({ path: shot('mobile-profile'), fullPage: true });

  await page.getByTestId('logout').click();
  await page.getByTestId('nav-login').first().waitFor();
  await page.getByTestId('nav-login').first().click();
  await page.locator('input[name="phone"]').fill(national);
  await page.locator('input[name="password"]').fill('wrong-pass-1');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('alert-error').waitFor();
  assert.match((await page.getByTestId('alert-error').textContent()) ?? '', /không đúng/);
  await page.locator('input[name="password"]').fill('MatKhau2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('profile-name').waitFor();

  // Two tabs opening together renew the session together. The renewals are held back so that they overlap:
  // without the tabs taking turns, both would present the same refresh token and the server would end the session.
  const second = await context.newPage();
  let renewals = 0;
  await context.route('**/api/v1/auth/refresh', async (route) => {
    renewals++;
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await Promise.all([page.reload(), second.goto(`${product.url}/#/profile`)]);
  await Promise.all([
    page.getByTestId('profile-name').waitFor(),
    second.getByTestId('profile-name').waitFor(),
  ]);
  assert.ok(renewals >= 2, `renewals: ${renewals}`);
  // The session was not ended: each tab renews again (one after the other) and stays signed in.
  for (const tab of [page, second]) {
    await tab.reload();
    await tab.getByTestId('profile-name').waitFor();
  }
  assert.ok(renewals >= 4, `renewals: ${renewals}`);
  assert.equal(await page.getByTestId('nav-login').count(), 0);
  assert.equal(await second.getByTestId('nav-login').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a service that is not built yet says so instead of showing a fake page', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${product.url}/`);
  await page.getByTestId('service-rentals').click();
  await page.getByTestId('service-soon').waitFor();
  assert.match((await page.getByTestId('service-soon').textContent()) ?? '', /Chưa hoạt động/);
  await page.close();
});

test('the app is an installable PWA with a service worker', async () => {
  const page = await browser.newPage();
  await page.goto(`${product.url}/`);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.ok(manifestHref);
  const manifest = (await (await fetch(new URL(manifestHref, product.url))).json()) as {
    icons: unknown[];
    lang: string;
  };
  assert.equal(manifest.lang, 'vi');
  assert.ok(manifest.icons.length >= 2);
  const registered = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return !!reg.active;
  });
  assert.equal(registered, true);
  await page.close();
});

test('a citizen who forgot the password sets a new one with a code, then signs in', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${product.url}/#/reset`);
  await page.locator('input[name="phone"]').fill('0905000006');
  await page.getByTestId('send-otp').click();
  await page.locator('input[name="otp"]').waitFor();
  await page.locator('input[name="otp"]').fill(product.lastCode('+84905000006'));
  await page.locator('input[name="password"]').fill('MatKhauMoi2027');
  await page.getByTestId('reset-submit').click();
  await page.getByTestId('login-submit').waitFor();
  await page.locator('input[name="phone"]').fill('0905000006');
  await page.locator('input[name="password"]').fill('MatKhauMoi2027');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('profile-name').waitFor();
  assert.match((await page.getByTestId('profile-name').textContent()) ?? '', /Nguyễn Văn An/);
  await page.close();
});

test('a citizen sees where the account is signed in and signs a lost phone out; it is signed out at once', async () => {
  const android =
    'Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
  const windows =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'vi-VN',
    userAgent: android,
  });
  const laptop = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'vi-VN',
    userAgent: windows,
  });
  const lost = await phone.newPage();
  const here = await laptop.newPage();
  const errors = watchErrors(here, watchErrors(lost));
  const who = { phone: newNationalPhone(), fullName: 'H Hen Niê', password: 'MatKhau2026' };
  await mobileRegister(lost, product, who);
  await mobileSignIn(here, product, who);

  await here.goto(`${product.url}/#/profile`);
  const card = here.getByTestId('sessions-card');
  await card.getByTestId('session-item').nth(1).waitFor();
  const items = card.getByTestId('session-item');
  assert.equal(await items.count(), 2);
  assert.equal(await items.first().getAttribute('data-current'), 'true');
  assert.match((await items.first().textContent()) ?? '', /Chrome 120 · Windows 10.*Thiết bị này/);
  assert.match(
    (await items.nth(1).textContent()) ?? '',
    /Chrome 120 · Android 10.*Hoạt động lần cuối \d\d:\d\d, \d\d\/\d\d\/\d{4}/,
  );
  await card.scrollIntoViewIfNeeded();
  await here.screenshot({ path: shot('mobile-sessions'), fullPage: true });

  // The lost phone: one tap asks, the second signs it out.
  await items.nth(1).getByTestId('session-end').click();
  await items.nth(1).getByTestId('session-end-confirm').click();
  await card.getByText('Đã đăng xuất «Chrome 120 · Android 10».').waitFor();
  assert.equal(await items.count(), 1);
  assert.equal(await card.getByTestId('sessions-end-others').count(), 0, 'no other device left');

  // On the lost phone the very next request finds the session over: back to the sign-in screen.
  await lost.reload();
  await lost.getByTestId('nav-login').first().waitFor();
  await lost.getByText('đã được đăng xuất từ thiết bị khác').waitFor();
  await lost.screenshot({ path: shot('mobile-session-ended') });
  assert.equal(await lost.getByTestId('profile-name').count(), 0);
  // The laptop stays signed in.
  await here.reload();
  await here.getByTestId('profile-name').waitFor();
  assert.deepEqual(errors, []);
  await phone.close();
  await laptop.close();
});
