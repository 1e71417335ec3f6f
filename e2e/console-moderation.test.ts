import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, consoleSignIn, type Product } from './harness.ts';

const EMPLOYER = { phone: '0905000005', password: 'DemoDakLak2026' };
const MODERATOR = { phone: '0905000003', password: 'DemoDakLak2026' };

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

/** A 10-digit tax code whose 10th digit is the check digit over the first nine (weights of the tax office). */
function taxCode(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (let n = Date.now() % 1_000_000; ; n++) {
    const first9 = `608${String(n % 1_000_000).padStart(6, '0')}`;
    const r = [...first9].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0) % 11;
    if (r !== 0) return first9 + String(10 - r);
  }
}

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${product.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

interface Company {
  id: string;
  name: string;
  status: string;
  rejectionReason: string | null;
}
async function myCompany(token: string, id: string): Promise<Company> {
  const mine = await call(token, 'GET', '/api/v1/work/companies/mine');
  assert.equal(mine.status, 200);
  const found = (mine.body.items as Company[]).find((c) => c.id === id);
  assert.ok(found, 'the company is among the employer’s companies');
  return found;
}

/** Open the moderation page's company tab, newest first, and the row of the given listing. */
async function openItem(page: Page, name: string) {
  await page.getByTestId('mod-refresh').click();
  const row = page.getByTestId('mod-queue').getByRole('row').filter({ hasText: name });
  await row.first().waitFor();
  await row.first().click();
  await page.waitForURL(/\/console\/moderation\/[0-9a-f-]{36}\?/);
  await page.getByTestId('mod-item-title').filter({ hasText: name }).waitFor();
}

test('a moderator rejects a new company with a reason, the employer fixes it, the moderator approves', async () => {
  const employer = (await product.login(EMPLOYER.phone, EMPLOYER.password)).accessToken;
  const name = `Công ty TNHH Cơ khí Ea Kao ${Date.now() % 100000}`;
  const tax = taxCode();
  const created = await call(employer, 'POST', '/api/v1/work/companies', {
    name,
    taxCode: tax,
    address: 'Lô B2, Cụm công nghiệp Ea Kao',
    communeCode: '24175',
    industry: 'C',
    size: '50-199',
    contact: { name: 'Lê Thị Hạnh', phone: '0262 3850 123', email: 'tuyendung@cokhieakao.vn' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const companyId = created.body.id as string;
  assert.equal(created.body.status, 'pending');

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, MODERATOR.phone, MODERATOR.password);
  await page.getByTestId('nav-moderation').click();
  await page.waitForURL(/\/console\/moderation/);

  // Pending counts per kind; the company tab, newest first, both kept in the address.
  const companyTab = page.locator('[data-testid="mod-kind-tabs"] [data-kind="company"]');
  await companyTab.waitFor();
  await companyTab.click();
  await page.getByLabel('Thứ tự').click();
  await page.getByRole('option', { name: 'Mới nhất trước' }).click();
  await page.waitForURL(/kind=company&order=newest/);
  await page.screenshot({ path: shot('console-moderation-queue'), animations: 'disabled' });

  // The drawer shows the snapshot as labelled fields.
  await openItem(page, name);
  await page
    .locator('[data-testid="mod-snapshot"] [data-field="taxCode"]')
    .filter({ hasText: tax })
    .waitFor();
  const contact = await page.locator('[data-testid="mod-snapshot"] [data-field="contact"]').textContent();
  assert.match(contact ?? '', /Lê Thị Hạnh/);
  await page.screenshot({ path: shot('console-moderation-item'), animations: 'disabled' });

  // R opens the reject dialog; it cannot be confirmed without a reason.
  await page.keyboard.press('r');
  const dialog = page.getByTestId('mod-decision-dialog');
  await dialog.waitFor();
  assert.equal(await page.getByTestId('mod-confirm-decision').isDisabled(), true);
  const reason = 'Mã số thuế không khớp với giấy chứng nhận đăng ký doanh nghiệp; địa chỉ cần ghi rõ số lô.';
  await page.getByTestId('mod-decision-reason').fill(reason);
  await page.screenshot({ path: shot('console-moderation-reject-dialog'), animations: 'disabled' });
  await page.getByTestId('mod-confirm-decision').click();
  await page.locator('[data-testid="mod-item-status"][data-status="rejected"]').waitFor();
  await page.getByTestId('mod-item-decided').filter({ hasText: reason }).waitFor();

  // The employer sees the rejection, its reason and a notification.
  const rejected = await myCompany(employer, companyId);
  assert.equal(rejected.status, 'rejected');
  assert.equal(rejected.rejectionReason, reason);
  const notes = await call(employer, 'GET', '/api/v1/me/notifications');
  assert.equal(notes.status, 200);
  const note = (notes.body.items as { kind: string; entityId: string | null; body: unknown }[]).find(
    (n) => n.kind === 'moderation.rejected' && n.entityId === companyId,
  );
  assert.ok(note, 'a rejection notification for the company');
  assert.match(JSON.stringify(note.body), /Mã số thuế không khớp/);

  // Esc closes the drawer; the item left the pending queue.
  await page.keyboard.press('Escape');
  await page.waitForURL(/\/console\/moderation\?/);
  await page
    .getByTestId('mod-queue')
    .getByRole('row')
    .filter({ hasText: name })
    .waitFor({ state: 'detached' });

  // The employer fixes the address: the company is pending again and back in the queue.
  const edited = await call(employer, 'PATCH', `/api/v1/work/companies/${companyId}`, {
    address: 'Lô B2-07, Cụm công nghiệp Ea Kao',
  });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(edited.body.status, 'pending');

  await openItem(page, name);
  await page
    .locator('[data-testid="mod-snapshot"] [data-field="address"]')
    .filter({ hasText: 'Lô B2-07' })
    .waitFor();
  await page.keyboard.press('a');
  await dialog.waitFor();
  await page.getByTestId('mod-confirm-decision').click();
  await page.locator('[data-testid="mod-item-status"][data-status="approved"]').waitFor();
  await page.screenshot({ path: shot('console-moderation-approved'), animations: 'disabled' });

  assert.equal((await myCompany(employer, companyId)).status, 'verified');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an administrator adds an industrial cluster, is told a point outside the province, then deactivates it', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, '0905000001', 'DakLak@2026');
  await page.getByTestId('nav-users').waitFor();
  await page.goto(`${product.url}/console/workforce/zones`);
  const grid = page.getByTestId('zones-grid');
  await grid.getByRole('row').filter({ hasText: 'kcn-' }).first().waitFor();

  const code = `ccn-e2e-${Date.now() % 100000}`;
  await page.getByTestId('zone-add').click();
  const dialog = page.getByTestId('zone-dialog');
  await page.getByTestId('zone-code').fill(code);
  await page.getByTestId('zone-name').fill('Cụm công nghiệp Thử nghiệm E2E');
  await page.getByTestId('zone-commune').fill('Hòa Phú');
  await page.getByRole('option', { name: 'Xã Hòa Phú', exact: true }).click();
  await page.getByTestId('zone-lat').fill('21,03');
  await page.getByTestId('zone-lng').fill('105,85');
  await page.getByTestId('zone-save').click();
  // Hà Nội is outside the province: the API says so under the latitude.
  await dialog.getByText('ngoài tỉnh', { exact: false }).first().waitFor();
  await page.screenshot({ path: shot('console-zones-outside'), animations: 'disabled' });
  await page.getByTestId('zone-lat').fill('12,62');
  await page.getByTestId('zone-lng').fill('107,97');
  await page.getByTestId('zone-save').click();
  await dialog.waitFor({ state: 'detached' });
  const row = grid.getByRole('row').filter({ hasText: code });
  await row.waitFor();
  await page.screenshot({ path: shot('console-zones'), animations: 'disabled' });

  // Deactivated: hidden from the default list, shown with "show deactivated".
  await row.click();
  await dialog.waitFor();
  await page.getByTestId('zone-active').uncheck();
  await page.getByTestId('zone-save').click();
  await dialog.waitFor({ state: 'detached' });
  await row.waitFor({ state: 'detached' });
  await page.getByLabel('Hiện cả khu đã ngừng').check();
  await row.filter({ hasText: 'Đã ngừng' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('an item another moderator decided meanwhile is shown as decided, not as an error', async () => {
  const employer = (await product.login(EMPLOYER.phone, EMPLOYER.password)).accessToken;
  // The other moderator: the administrator, through the API.
  const other = (await product.login('0905000001', 'DakLak@2026')).accessToken;
  const name = `Công ty CP Nông sản Krông Pắc ${Date.now() % 100000}`;
  const created = await call(employer, 'POST', '/api/v1/work/companies', {
    name,
    taxCode: taxCode(),
    address: '45 Giải Phóng, thị trấn Phước An',
    communeCode: '24175',
    industry: 'A',
    size: '10-49',
    contact: { name: 'Phạm Văn Đức', phone: '0262 3521 777' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const queue = await call(other, 'GET', '/api/v1/moderation/queue?kind=company&order=newest&pageSize=100');
  const item = (queue.body.items as { id: string; entityId: string }[]).find(
    (i) => i.entityId === created.body.id,
  );
  assert.ok(item);

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, MODERATOR.phone, MODERATOR.password);
  await page.getByTestId('nav-moderation').waitFor();
  await page.goto(`${product.url}/console/moderation/${item.id}?kind=company`);
  await page.getByTestId('mod-item-title').filter({ hasText: name }).waitFor();

  const decided = await call(other, 'POST', `/api/v1/moderation/items/${item.id}/decision`, {
    decision: 'reject',
    reason: 'Thiếu giấy phép kinh doanh.',
  });
  assert.equal(decided.status, 200);

  await page.getByTestId('mod-approve').click();
  await page.getByTestId('mod-confirm-decision').click();
  await page.getByTestId('mod-already-decided').waitFor();
  await page.locator('[data-testid="mod-item-status"][data-status="rejected"]').waitFor();
  await page.getByTestId('mod-item-decided').filter({ hasText: 'Thiếu giấy phép kinh doanh.' }).waitFor();
  assert.equal(await page.getByTestId('mod-decision-dialog').count(), 0);
  await page.screenshot({ path: shot('console-moderation-conflict'), animations: 'disabled' });
  await page.close();
});
