import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  root,
  consoleSignIn,
  DEMO_CITIZEN,
  type Product,
} from './harness.ts';

const IOC_OPERATOR = { phone: '0905000002', password: 'DemoDakLak2026' };
const faces = path.join(root, '..', 'shared', 'fixtures', 'faces');

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

async function apiLogin(credentials: { phone: string; password: string }): Promise<string> {
  return (await product.login(credentials.phone, credentials.password)).accessToken;
}

const photo = (name: string) => new Blob([fs.readFileSync(path.join(faces, name))], { type: 'image/jpeg' });

/** The demo citizen submits a case whose declared name differs from the card QR: it waits for review. */
async function submitMismatchedCase(
  token: string,
): Promise<{ id: string; status: string; reasons: string[] }> {
  const form = new FormData();
  form.set('cccdNumber', '066204001234');
  form.set('fullName', 'Nguyễn Văn An');
  form.set('dateOfBirth', '2004-05-06');
  form.set('sex', 'male');
  form.set(
    'qrText',
    '066204001234|241234567|Nguyễn Văn Bình|06052004|Nam|Thôn 3, Xã Hòa Phú, tỉnh Đắk Lắk|15082021',
  );
  form.set('cardFront', photo('lowres/lr_obama.jpg'), 'front.jpg');
  form.set('cardBack', photo('rose_img1.jpg'), 'back.jpg');
  form.set('selfie', photo('obama2.jpg'), 'selfie.jpg');
  const res = await fetch(`${product.url}/api/v1/ekyc/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { id: string; status: string; reasons: string[] };
}

async function signIn(page: Page, phone: string, password: string) {
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, phone, password);
}

test('an IOC operator reviews an eKYC case and approves it', async () => {
  const citizenToken = await apiLogin(DEMO_CITIZEN);
  const submitted = await submitMismatchedCase(citizenToken);
  assert.equal(submitted.status, 'review');
  assert.ok(submitted.reasons.includes('qr_mismatch'), submitted.reasons.join(','));

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, IOC_OPERATOR.phone, IOC_OPERATOR.password);
  await page.getByTestId('nav-ekyc').click();
  await page.waitForURL(/\/console\/ekyc$/);

  // The case is in the queue with its reason labelled.
  const row = page.getByRole('row').filter({ hasText: 'Demo Công dân Nguyễn Văn An' });
  await row.first().waitFor();
  // Once the queue shows, no "not available yet" panel is left on the page.
  assert.equal(await page.getByTestId('not-available').count(), 0);
  assert.match((await row.first().textContent()) ?? '', /Khai báo khác mã QR trên thẻ/);
  assert.match((await row.first().textContent()) ?? '', /0905000006/);
  assert.match((await row.first().textContent()) ?? '', /066\*+34/);

  // Filters: the commune is found without accents; a minimum age the case has not reached empties the queue.
  await page.getByTestId('ekyc-commune-filter').fill('hoa phu');
  await page.getByRole('option', { name: 'Xã Hòa Phú', exact: true }).click();
  await row.first().waitFor();
  await page.getByTestId('ekyc-min-age').fill('5');
  await page.getByText('Không có hồ sơ nào chờ duyệt khớp bộ lọc.').waitFor();
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await row.first().waitFor();

  // Keyboard: focus a cell of the row and press Enter.
  await row.first().getByRole('gridcell').nth(1).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('ekyc-case').waitFor();
  await page.waitForURL(new RegExp(`/console/ekyc/${submitted.id}$`));

  // Both aligned face crops load (112×112 PNGs through the bearer-authorised image endpoint).
  for (const kind of ['card_face', 'selfie_face']) {
    const img = page.getByTestId(`face-${kind}`);
    await img.waitFor();
    await page.waitForFunction(
      (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0,
      await img.elementHandle(),
    );
    assert.equal(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth), 112, kind);
  }
  for (const kind of ['card_front', 'card_back', 'selfie']) await page.getByTestId(`image-${kind}`).waitFor();

  // The name differs from the QR and is highlighted; the number and date of birth match.
  assert.equal(await page.getByTestId('compare-fullName').getAttribute('data-match'), 'false');
  assert.equal(await page.getByTestId('compare-cccdNumber').getAttribute('data-match'), 'true');
  assert.equal(await page.getByTestId('compare-dateOfBirth').getAttribute('data-match'), 'true');
  assert.match((await page.getByTestId('compare-fullName').textContent()) ?? '', /Nguyễn Văn Bình/);
  const highlighted = await page
    .getByTestId('compare-fullName')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(highlighted, 'rgba(0, 0, 0, 0)');
  await page.getByTestId('similarity-gauge').waitFor();
  await page.getByTestId('shortcut-hint').waitFor();
  await page.screenshot({ path: shot('console-ekyc-case'), animations: 'disabled' });
  await page.getByTestId('image-selfie').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('console-ekyc-case-images'), animations: 'disabled' });

  // Esc closes the case; the queue now knows the thresholds and colours the score.
  await page.keyboard.press('Escape');
  await page.waitForURL(/\/console\/ekyc$/);
  await page.getByTestId('ekyc-case').waitFor({ state: 'detached' });
  assert.notEqual(await row.first().locator('[data-tone]').getAttribute('data-tone'), 'default');
  await page.screenshot({ path: shot('console-ekyc-queue'), animations: 'disabled' });

  // Open it again with the mouse; A opens the approve dialog; a reason, then confirm.
  await row.first().click();
  await page.getByTestId('ekyc-case').waitFor();
  await page.getByTestId('face-card_face').waitFor();
  await page.keyboard.press('a');
  await page.getByTestId('decision-dialog').waitFor();
  assert.equal(await page.getByTestId('confirm-decision').isDisabled(), true);
  await page
    .getByTestId('decision-reason')
    .fill('Đối chiếu trực quan: cùng một người; tên trên QR là tên đúng.');
  await page.screenshot({ path: shot('console-ekyc-decision'), animations: 'disabled' });
  await page.getByTestId('confirm-decision').click();
  await page.getByTestId('snackbar').waitFor();
  assert.match((await page.getByTestId('snackbar').textContent()) ?? '', /Đã duyệt hồ sơ/);
  await page.locator('[data-testid="case-status"][data-status="approved"]').waitFor();
  await page.getByTestId('case-decided').waitFor();
  await page.screenshot({ path: shot('console-ekyc-approved'), animations: 'disabled' });

  // Closing the case: it has left the queue.
  await page.keyboard.press('Escape');
  await page.waitForURL(/\/console\/ekyc$/);
  await page.getByText('Không có hồ sơ nào chờ duyệt khớp bộ lọc.').waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: 'Demo Công dân Nguyễn Văn An' }).count(), 0);

  // The citizen has reached identity level 2.
  const me = await fetch(`${product.url}/api/v1/me`, {
    headers: { authorization: `Bearer ${citizenToken}` },
  });
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as { identityLevel: number }).identityLevel, 2);

  assert.deepEqual(errors, []);
  await page.close();
});

test('the same number from another account is flagged, and approving it shows the api refusal', async () => {
  // Runs after the approval above: 066204001234 now belongs to the demo citizen.
  const employerToken = await apiLogin({ phone: '0905000005', password: 'DemoDakLak2026' });
  const submitted = await submitMismatchedCase(employerToken);
  assert.equal(submitted.status, 'review');
  assert.ok(submitted.reasons.includes('cccd_taken'), submitted.reasons.join(','));

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${product.url}/console/ekyc/${submitted.id}`);
  await consoleSignIn(page, product, IOC_OPERATOR.phone, IOC_OPERATOR.password);
  await page.getByTestId('ekyc-case').waitFor();
  await page.getByTestId('other-account-warning').waitFor();
  await page.locator('[data-reason="cccd_taken"]').first().waitFor();
  const other = page.locator('[data-testid="earlier-case"][data-same-account="false"]');
  assert.equal(await other.count(), 1);
  assert.match((await other.textContent()) ?? '', /Cùng số CCCD, tài khoản khác/);
  await page.getByTestId('face-selfie_face').waitFor();
  await page.getByTestId('earlier-cases').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('console-ekyc-other-account'), animations: 'disabled' });

  // Approving is refused by the api (409 cccd_owned_by_other): its message is shown, the case stays open.
  await page.getByTestId('approve').click();
  await page.getByRole('dialog').getByRole('button').filter({ hasText: 'Đối chiếu trực quan' }).click();
  await page.getByTestId('confirm-decision').click();
  await page.getByTestId('decision-dialog').getByTestId('problem').waitFor();
  assert.match(
    (await page.getByTestId('decision-dialog').getByTestId('problem').textContent()) ?? '',
    /gắn với một tài khoản khác/,
  );
  await page.getByTestId('decision-dialog').getByRole('button', { name: 'Hủy' }).click();
  assert.equal(await page.getByTestId('case-status').getAttribute('data-status'), 'review');

  // Rejecting works: R opens the reject dialog.
  await page.getByTestId('case-name').click();
  await page.keyboard.press('r');
  await page.getByTestId('decision-reason').fill('Số CCCD đã được định danh cho tài khoản khác.');
  await page.getByTestId('confirm-decision').click();
  await page.locator('[data-testid="case-status"][data-status="rejected"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('an account without ekyc:review gets the not-allowed panel', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // The moderator demo account opens the console but may not review identities.
  await signIn(page, '0905000003', 'DemoDakLak2026');
  await page.getByTestId('nav-moderation').waitFor();
  assert.equal(await page.getByTestId('nav-ekyc').count(), 0);
  await page.goto(`${product.url}/console/ekyc`);
  await page.getByText('Không có quyền').first().waitFor();
  await page.close();
});
