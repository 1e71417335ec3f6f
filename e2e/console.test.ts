import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  root,
  consoleSignIn,
  ADMIN,
  DEMO_CITIZEN,
  newNationalPhone,
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

  // Export what the filters show: the role grants, as CSV for a spreadsheet; the export is audited itself.
  await page.getByTestId('audit-action').fill('user.role_grant');
  const filtered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/admin/audit?') && r.url().includes('action='),
  );
  await page.getByTestId('audit-action').press('Enter');
  await filtered;
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^nhat-ky-kiem-toan-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await file.path()) as string, 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
  const lines = csv.slice(1).trim().split('\r\n');
  assert.match(lines[0] ?? '', /^Mã bản ghi,Thời điểm \(giờ Việt Nam UTC\+7\),/);
  assert.ok(lines.length >= 2);
  assert.ok(lines.slice(1).every((l) => l.includes(',user.role_grant,user,')));
  assert.match(csv, /"\{""role"":""moderator""/);
  await page.getByText(/Đã tải nhat-ky-kiem-toan-/).waitFor();
  await page.getByTestId('audit-action').fill('audit.export');
  await page.getByTestId('audit-action').press('Enter');
  await page.getByRole('row').filter({ hasText: 'audit.export' }).first().waitFor();
  await page.screenshot({ path: shot('console-audit-export') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an administrator changes the role of accounts picked from two searches; the last admin is refused', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Another browser profile than the first test's: the console asks this workstation for the SMS code.
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, ADMIN.phone, ADMIN.password);
  await page.getByTestId('nav-users').click();
  const pick = async (phone: string) => {
    await page.getByTestId('user-search').fill(phone);
    const row = page.getByRole('row').filter({ hasText: phone });
    await row.first().waitFor();
    await page.getByRole('row').nth(2).waitFor({ state: 'detached' });
    await row.first().getByRole('checkbox').check();
  };
  const chooseRole = async (label: string) => {
    await page.getByTestId('users-bulk-dialog').getByRole('combobox').click();
    await page.getByRole('option', { name: label, exact: true }).click();
  };
  await pick('0905000005');
  await pick('0905000006');
  assert.match((await page.getByTestId('users-selection').textContent()) ?? '', /Đã chọn 2 tài khoản/);

  await page.getByTestId('users-bulk-open').click();
  await chooseRole('Hộ kinh doanh');
  await page.getByTestId('users-bulk-confirm').click();
  const granted = page.getByTestId('users-bulk-result').locator('li[data-ok="true"]');
  await granted.nth(1).waitFor();
  assert.equal(await page.getByTestId('users-bulk-result').locator('li[data-ok="false"]').count(), 0);
  await page.screenshot({ path: shot('console-users-bulk-granted') });
  await page.getByRole('button', { name: 'Đóng' }).click();
  for (const who of [DEMO_CITIZEN, { phone: '0905000005', password: DEMO_CITIZEN.password }])
    assert.ok((await product.login(who.phone, who.password)).user.roles.includes('merchant'));

  // Revoking the administrator role from the citizen and the only administrator: the latter is refused, stays
  // selected, and revoking asks for a second click first.
  // Everything went through: nothing stays selected.
  assert.equal(await page.getByTestId('users-selection').count(), 0);
  await pick('0905000006');
  await pick('0905000001');
  await page.getByTestId('users-bulk-open').click();
  await page.getByTestId('users-bulk-revoke').click();
  await chooseRole('Quản trị viên');
  await page.getByTestId('users-bulk-confirm').click();
  await page.getByTestId('users-bulk-warning').waitFor();
  await page.getByTestId('users-bulk-confirm').click();
  const refused = page.getByTestId('users-bulk-result').locator('li[data-ok="false"]');
  await refused.waitFor();
  assert.match((await refused.textContent()) ?? '', /quản trị viên cuối cùng/);
  assert.match((await refused.textContent()) ?? '', /0905000001/);
  const untouched = page.getByTestId('users-bulk-result').locator('li[data-ok="true"]');
  assert.match((await untouched.textContent()) ?? '', /0905000006.*Không có vai trò này/);
  await page.screenshot({ path: shot('console-users-bulk-refused') });
  await page.getByRole('button', { name: 'Đóng' }).click();
  assert.match((await page.getByTestId('users-selection').textContent()) ?? '', /Đã chọn 1 tài khoản/);
  // The list, reloaded: the administrator keeps the role.
  await page
    .getByRole('row')
    .filter({ hasText: '0905000001' })
    .filter({ hasText: 'Quản trị viên' })
    .first()
    .waitFor();
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
  assert.match((await page.getByTestId('login-step').textContent()) ?? '', /điện thoại mới|mã xác thực/i);
  await page.screenshot({ path: shot('console-new-workstation') });
  await page.getByTestId('login-otp').fill(product.lastCode('+84905000002'));
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-ekyc').waitFor();
  await fresh.close();
});

test('a level-2 operator on a new workstation also shows a portrait matching the ID card', async () => {
  const faces = path.join(root, '..', 'shared', 'fixtures', 'faces');
  const officer = await product.login('0905000004', 'DemoDakLak2026');
  const form = new FormData();
  for (const [k, v] of Object.entries({
    cccdNumber: '066204880004',
    fullName: 'Demo Cán bộ Sở',
    dateOfBirth: '2004-05-06',
    sex: 'male',
  }))
    form.set(k, v);
  form.set('cardFront', new Blob([fs.readFileSync(path.join(faces, 'lowres', 'lr_obama.jpg'))]), 'front.jpg');
  form.set('cardBack', new Blob([fs.readFileSync(path.join(faces, 'rose_img1.jpg'))]), 'back.jpg');
  form.set('selfie', new Blob([fs.readFileSync(path.join(faces, 'obama2.jpg'))]), 'selfie.jpg');
  const ekyc = await fetch(`${product.url}/api/v1/ekyc/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer.accessToken}` },
    body: form,
  });
  assert.equal(((await ekyc.json()) as { status: string }).status, 'approved');

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, '0905000004', 'DemoDakLak2026');
  await page.getByTestId('login-selfie-pick').waitFor();
  await page.screenshot({ path: shot('console-new-workstation-selfie') });
  await page.getByTestId('login-selfie').setInputFiles(path.join(faces, 'biden.jpg'));
  await page.getByTestId('login-submit').click();
  await page
    .getByText(/không khớp|does not match/)
    .first()
    .waitFor();
  await page.getByTestId('login-selfie').setInputFiles(path.join(faces, 'obama3.jpg'));
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-feedback').waitFor();
  await context.close();
});

test('an administrator signs an account out everywhere; its access token stops at once', async () => {
  const android =
    'Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
  /** A new account registered from a device with this User-Agent. */
  const register = async (fullName: string, userAgent: string) => {
    const national = newNationalPhone();
    const post = (p: string, body: object) =>
      fetch(`${product.url}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': userAgent },
        body: JSON.stringify(body),
      });
    assert.equal((await post('/api/v1/auth/otp', { phone: national, purpose: 'register' })).status, 202);
    const res = await post('/api/v1/auth/register', {
      phone: national,
      otp: product.lastCode(`+84${national.slice(1)}`),
      password: 'MatKhau2026',
      fullName,
    });
    const body = (await res.json()) as { accessToken: string; user: { id: string } };
    return { national, password: 'MatKhau2026', accessToken: body.accessToken, id: body.user.id };
  };
  const meWith = (token: string) =>
    fetch(`${product.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  // A citizen signed in on an Android phone.
  const citizen = await register('Ksor Thị Mai', android);
  const national = citizen.national;
  const me = () => meWith(citizen.accessToken);
  assert.equal((await me()).status, 200);
  // An administrator of its own (the demo administrator signed in on several new workstations already, and a new
  // one would wait out the 60 s between SMS codes): the role is written as the first administrator's seed is.
  const admin = await register('Y Blô Quản Trị', 'e2e');
  const db = new pg.Client({ connectionString: product.databaseUrl });
  await db.connect();
  await db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'admin')`, [admin.id]);
  await db.end();

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, admin.national, admin.password);
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-search').fill(national);
  const row = page.getByRole('row').filter({ hasText: 'Ksor Thị Mai' });
  await row.first().click();
  const drawer = page.getByTestId('user-drawer');
  // Sessions are read (and the reading audited) only when asked for.
  await drawer.getByTestId('user-sessions-show').click();
  const item = drawer.getByTestId('user-session');
  await item.first().waitFor();
  assert.equal(await item.count(), 1);
  assert.match(
    (await item.first().textContent()) ?? '',
    /Chrome 120 · Android 10.*Hoạt động lần cuối .*IP 127\.0\.0\.1/,
  );
  await drawer.getByTestId('user-sessions').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('console-user-sessions') });

  await drawer.getByTestId('user-sessions-end').click();
  await page.getByTestId('user-sessions-end-confirm').click();
  await page.getByText('Đã đăng xuất Ksor Thị Mai khỏi 1 phiên.').waitFor();
  await drawer.getByTestId('user-sessions-none').waitFor();
  const refused = await me();
  assert.equal(refused.status, 401);
  assert.equal(((await refused.json()) as { code: string }).code, 'session_ended');

  await page.getByRole('button', { name: 'Đóng' }).click();
  await drawer.waitFor({ state: 'detached' });
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-action').fill('user.sessions_*');
  const filtered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/admin/audit?') && r.url().includes('action='),
  );
  await page.getByTestId('audit-action').press('Enter');
  await filtered;
  await page.getByRole('row').filter({ hasText: 'user.sessions_end' }).first().waitFor();
  await page.getByRole('row').filter({ hasText: 'user.sessions_view' }).first().waitFor();

  // The administrator's own account, also signed in elsewhere: the user menu signs the other places out.
  const elsewhere = admin.accessToken; // the sign-in of its registration
  const adminMe = () => meWith(elsewhere);
  assert.equal((await adminMe()).status, 200);
  await page.getByTestId('user-menu').click();
  await page.getByTestId('end-other-sessions').click();
  await page.getByTestId('end-other-sessions-confirm').click();
  await page.getByText(/^Đã đăng xuất \d+ phiên khác\.$/).waitFor();
  assert.equal((await adminMe()).status, 401);
  // This workstation stays signed in.
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-search').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
