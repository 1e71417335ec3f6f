import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  consoleSignIn,
  watchErrors,
  DEMO_CITIZEN,
  type Product,
} from './harness.ts';

/**
 * Issue 4, end to end through the real UIs: the citizen submits a report with a photo in mobile-lite, the
 * operator finds it on the console's feedback page, accepts it and assigns it to the Department of
 * Construction (sxd), the sxd officer resolves it there with an answer and a photo of the result, and the
 * citizen — told by the bell — reads the answer, sees the photo and rates it 4 stars. The API is only asked
 * to confirm what the screens did.
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

const IOC_OPERATOR = { phone: '0905000002', password: 'DemoDakLak2026' };
const OFFICER_SXD = { phone: '0905000004', password: 'DemoDakLak2026' };
const PHONE = { width: 360, height: 740 };
const DESK = { width: 1600, height: 1000 };

/** A synthetic JPEG: a grey road with a dark pothole, or the same road patched. */
async function roadPhoto(fixed: boolean): Promise<Buffer> {
  const hole = fixed
    ? '<rect x="250" y="200" width="300" height="120" fill="#3d3d3d"/>'
    : '<ellipse cx="400" cy="260" rx="150" ry="60" fill="#1b1208"/><ellipse cx="400" cy="255" rx="120" ry="40" fill="#4a6a80"/>';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500">
    <rect width="800" height="500" fill="#8fb36b"/><polygon points="250,0 550,0 800,500 0,500" fill="#6e6e6e"/>
    <rect x="390" y="0" width="20" height="500" fill="#f5f5f5"/>${hole}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Wait until an <img> inside `box` has really loaded (decoded, with a width). */
async function loaded(box: Locator): Promise<void> {
  const img = box.locator('img').first();
  await img.waitFor();
  await img
    .page()
    .waitForFunction(
      (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0,
      await img.elementHandle(),
    );
}

/** Open a staff action's dialog in the report drawer, fill it, confirm, and wait for it to close. */
async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId(`fb-act-${action}`).click();
  const dialog = page.getByTestId('fb-action-dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByTestId('fb-action-confirm').click();
  await dialog.waitFor({ state: 'detached' });
}

async function getJson<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${product.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, `GET ${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

test('a citizen reports with a photo, staff resolve it on the console, the citizen reads the answer and rates it', async () => {
  const errors: string[] = [];
  const tag = Date.now().toString(36);
  const title = `Ổ gà sâu trên đường Nguyễn Tất Thành ${tag}`;
  const answer = 'Đã vá ổ gà bằng bê tông nhựa nóng; mặt đường đã bằng phẳng, xe qua lại bình thường.';
  const comment = 'Xử lý nhanh, cảm ơn Sở Xây dựng.';

  // 1. The citizen, on a phone: sign in, write the report, attach a photo, send it.
  const phone = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
  const mobile = await phone.newPage();
  watchErrors(mobile, errors);
  await mobile.goto(`${product.url}/#/login`);
  await mobile.locator('input[name="phone"]').fill(DEMO_CITIZEN.phone);
  await mobile.locator('input[name="password"]').fill(DEMO_CITIZEN.password);
  await mobile.getByTestId('login-submit').click();
  // A phone the account has not used yet is asked for the SMS code first.
  await mobile.locator('[data-testid="profile-name"], [data-testid="login-new-device"]').first().waitFor();
  if (await mobile.getByTestId('login-new-device').isVisible()) {
    await mobile.getByTestId('login-otp').fill(product.lastCode('+84905000006'));
    await mobile.getByTestId('login-otp-submit').click();
  }
  await mobile.getByTestId('profile-name').waitFor();

  await mobile.goto(`${product.url}/#/feedback/new`);
  await mobile.getByTestId('feedback-form').waitFor();
  await mobile.waitForFunction(
    () => document.querySelectorAll('[data-testid="feedback-category"] option').length > 1,
  );
  await mobile.waitForFunction(
    () => document.querySelectorAll('[data-testid="feedback-commune"] option').length > 100,
  );
  await mobile.getByTestId('feedback-category').selectOption('traffic');
  await mobile.locator('input[name="title"]').fill(title);
  await mobile
    .getByTestId('feedback-description')
    .fill('Ổ gà rộng gần một mét giữa làn xe máy, trời mưa đọng nước rất nguy hiểm cho người đi đường.');
  await mobile.getByTestId('feedback-commune').selectOption({ label: 'Phường Buôn Ma Thuột' });
  await mobile.getByTestId('feedback-address').fill('Trước số 250 Nguyễn Tất Thành');
  await mobile.getByTestId('feedback-photo-input').setInputFiles({
    name: 'o-ga.jpg',
    mimeType: 'image/jpeg',
    buffer: await roadPhoto(false),
  });
  await mobile.getByTestId('feedback-thumb').waitFor();
  await mobile.evaluate(() => window.scrollTo(0, 0)); // else the sticky header lands mid-page in the shot
  await mobile.screenshot({ path: shot('feedback-flow-1-form'), fullPage: true });
  await mobile.getByTestId('feedback-submit').click();
  await mobile.locator('[data-testid="feedback-detail"][data-status="submitted"]').waitFor();
  const id = /#\/feedback\/([0-9a-f-]{36})/.exec(mobile.url())?.[1];
  assert.ok(id, `the detail screen of the new report: ${mobile.url()}`);
  await loaded(mobile.getByTestId('feedback-photo'));
  // The demo citizen already has notifications: count from here.
  const citizen = await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password);
  const unreadCount = async () =>
    (await getJson<{ unread: number }>(citizen.accessToken, '/api/v1/me/notifications/unread-count')).unread;
  const unreadBefore = await unreadCount();

  // 2. The operator, on the console: the feedback page, the report found by its words, accepted, assigned.
  const opCtx = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
  const op = await opCtx.newPage();
  watchErrors(op, errors);
  await op.goto(`${product.url}/console/`);
  await consoleSignIn(op, product, IOC_OPERATOR.phone, IOC_OPERATOR.password);
  await op.getByTestId('nav-feedback').click();
  await op.waitForURL(/\/console\/feedback$/);
  await op.getByTestId('fb-filter-q').fill(`nguyen tat thanh ${tag}`);
  const row = op.getByTestId('fb-queue').getByRole('row').filter({ hasText: title });
  await row.waitFor();
  await row.click();
  await op.waitForURL(new RegExp(`/console/feedback/${id}`));
  const drawer = op.getByTestId('fb-report');
  await drawer.waitFor();
  assert.equal(await drawer.getByTestId('fb-report-title').textContent(), title);
  await loaded(op.getByTestId('fb-photo-1'));
  await act(op, 'accept');
  await drawer.locator('[data-testid="fb-status"][data-status="accepted"]').waitFor();
  await act(op, 'assign', async (dialog) => {
    await dialog.getByRole('combobox').click();
    await op.getByTestId('fb-department-sxd').click();
  });
  await drawer.locator('[data-testid="fb-status"][data-status="assigned"]').waitFor();
  assert.match((await drawer.getByTestId('fb-report-department').textContent()) ?? '', /Sở Xây dựng/);
  await op.screenshot({ path: shot('feedback-flow-2-assigned'), animations: 'disabled' });

  // 3. The sxd officer resolves it: traffic is handled on site, so the answer needs a photo of the result.
  const offCtx = await browser.newContext({ viewport: DESK, locale: 'vi-VN' });
  const off = await offCtx.newPage();
  watchErrors(off, errors);
  await off.goto(`${product.url}/console/feedback/${id}`);
  await consoleSignIn(off, product, OFFICER_SXD.phone, OFFICER_SXD.password);
  const odrawer = off.getByTestId('fb-report');
  await odrawer.locator('[data-testid="fb-status"][data-status="assigned"]').waitFor();
  await act(off, 'resolve', async (dialog) => {
    await dialog.getByTestId('fb-action-answer').fill(answer);
    assert.equal(await dialog.getByTestId('fb-action-confirm').isDisabled(), true, 'on site: photo required');
    await dialog.getByTestId('fb-action-photo').setInputFiles({
      name: 'da-va.jpg',
      mimeType: 'image/jpeg',
      buffer: await roadPhoto(true),
    });
  });
  await odrawer.locator('[data-testid="fb-status"][data-status="resolved"]').waitFor();
  await off.locator('[data-testid="fb-photo-2"][data-kind="result"]').waitFor();
  await loaded(off.getByTestId('fb-photo-2'));
  await off.screenshot({ path: shot('feedback-flow-3-resolved'), animations: 'disabled' });
  await offCtx.close();

  // 4. Back on the phone: the bell counts the news about this report before anything is opened.
  const news = await getJson<{ items: { kind: string; entityId: string | null; readAt: string | null }[] }>(
    citizen.accessToken,
    '/api/v1/me/notifications?unread=true&limit=100',
  );
  const kinds = news.items.filter((n) => n.entityId === id).map((n) => n.kind);
  assert.ok(kinds.includes('feedback.resolved'), `notifications about the report: ${kinds.join(', ')}`);
  const unread = await unreadCount();
  assert.ok(unread > unreadBefore, `unread ${unreadBefore} → ${unread}`);
  await mobile.goto(`${product.url}/#/feedback`);
  await mobile.reload();
  await mobile.waitForFunction(
    (n) => document.querySelector('[data-testid="bell-count"]')?.textContent === String(n),
    unread,
  );

  // The report: resolved, the officer's answer, the photo of the result; rated 4 stars with a comment.
  await mobile.locator(`[data-testid="feedback-item"][data-id="${id}"]`).click();
  await mobile.locator('[data-testid="feedback-detail"][data-status="resolved"]').waitFor();
  assert.equal(await mobile.getByTestId('feedback-status').getAttribute('data-status'), 'resolved');
  assert.equal((await mobile.locator('.fb-answer').first().textContent())?.trim(), answer);
  await loaded(mobile.getByTestId('feedback-result-photos'));
  await mobile.getByTestId('feedback-star-4').click();
  assert.equal(await mobile.getByTestId('feedback-star-4').getAttribute('aria-checked'), 'true');
  await mobile.locator('#f-comment').fill(comment);
  await mobile.getByTestId('feedback-rate-send').click();
  await mobile.getByTestId('feedback-rated').waitFor();
  await mobile.evaluate(() => window.scrollTo(0, 0));
  await mobile.screenshot({ path: shot('feedback-flow-4-rated'), fullPage: true });

  const mine = await getJson<{ status: string; answer: string; rating: number | null }>(
    citizen.accessToken,
    `/api/v1/feedback/${id}`,
  );
  assert.deepEqual(
    { status: mine.status, answer: mine.answer, rating: mine.rating },
    { status: 'resolved', answer, rating: 4 },
  );

  // Staff see the rating: in the API's staff view and in the operator's drawer.
  const operator = await product.login(IOC_OPERATOR.phone, IOC_OPERATOR.password);
  const staff = await getJson<{ rating: number | null; ratingComment: string | null; department: string }>(
    operator.accessToken,
    `/api/v1/feedback/${id}/staff`,
  );
  assert.deepEqual(
    { rating: staff.rating, ratingComment: staff.ratingComment, department: staff.department },
    { rating: 4, ratingComment: comment, department: 'sxd' },
  );
  await op.reload();
  await drawer.locator('[data-testid="fb-status"][data-status="resolved"]').waitFor();
  await drawer.getByText(comment, { exact: false }).waitFor();

  assert.deepEqual(errors, []);
  await opCtx.close();
  await phone.close();
});
