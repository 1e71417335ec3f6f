import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, ADMIN, DEMO_CITIZEN, type Product } from './harness.ts';

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

async function signIn(page: Page, phone: string, password: string) {
  await page.goto(`${product.url}/console/`);
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press('Enter');
}

test('a citizen is refused by the console', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, DEMO_CITIZEN.phone, DEMO_CITIZEN.password);
  await page.getByTestId('login-refused').waitFor();
  assert.match((await page.getByTestId('login-refused').textContent()) ?? '', /không có quyền/);
  assert.equal(await page.getByTestId('nav-users').count(), 0);
  await page.screenshot({ path: shot('console-refused') });
  await page.close();
});

test('an administrator signs in, grants a role, and sees it in the audit log', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, ADMIN.phone, ADMIN.password);
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-search').fill('0905000006');
  const row = page
    .getByRole('row')
    .filter({ hasText: '0905000006' })
    .or(page.getByRole('row').filter({ hasText: '+84905000006' }));
  await row.first().waitFor();
  await page.screenshot({ path: shot('console-users') });
  await row.first().click();
  await page.getByTestId('grant-role-select').waitFor();
  await page.getByTestId('grant-role-select').selectOption('moderator');
  await page.getByTestId('grant-role').click();
  await page.getByTestId('role-chip-moderator').waitFor();
  await page.screenshot({ path: shot('console-user-drawer') });

  // The API agrees: the citizen now holds the moderator role.
  const login = await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password);
  assert.ok(login.user.roles.includes('moderator'));

  await page.keyboard.press('Escape');
  await page.getByTestId('nav-audit').click();
  await page.getByText('user.role_grant').first().waitFor();
  await page.screenshot({ path: shot('console-audit') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an operator on a new workstation is asked for the SMS code', async () => {
  const known = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const first = await known.newPage();
  await first.goto(`${product.url}/console/`);
  await first.locator('input[name="phone"]').fill('0905000002');
  await first.locator('input[name="password"]').fill('DemoDakLak2026');
  await first.getByTestId('login-submit').click();
  await first.getByTestId('nav-ekyc').waitFor();
  await known.close();

  // Another browser profile: a workstation this account has never used.
  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await fresh.newPage();
  await page.goto(`${product.url}/console/`);
  await page.locator('input[name="phone"]').fill('0905000002');
  await page.locator('input[name="password"]').fill('DemoDakLak2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-otp').waitFor();
  assert.match((await page.getByTestId('login-error').textContent()) ?? '', /điện thoại mới|mã xác thực/i);
  await page.screenshot({ path: shot('console-new-workstation') });
  await page.getByTestId('login-otp').fill(product.lastCode('+84905000002'));
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-ekyc').waitFor();
  await fresh.close();
});
