import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, newNationalPhone, type Product } from './harness.ts';
import { DEMO_PASSWORD, PASSWORD, VIEWPORT, feedbackKit, photo, watchErrors } from './mobile-feedback.kit.ts';

/**
 * mobile-lite, citizen feedback: a report written with a photo while the phone is offline waits on the
 * phone (IndexedDB), is sent exactly once when the network returns — even with a second tab open, a lost
 * answer, a reload and another `online` event — then followed through acceptance, assignment and
 * resolution by staff (API calls), answered, rated 5 stars; the bell counts the notifications.
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
const { register, apiCall } = feedbackKit(() => product);

test('a report written offline is sent exactly once, followed to its answer, and rated', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const posts: string[] = [];
  const countPosts = (p: Page) =>
    p.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/feedback')
        posts.push(r.headers()['idempotency-key'] ?? '');
    });
  countPosts(page);

  const national = newNationalPhone();
  await register(page, national, 'Hồ Thị Phản Ánh');
  const citizen = await product.login(national, PASSWORD);
  const mine = async () =>
    (await apiCall(citizen.accessToken, 'GET', '/api/v1/feedback/mine')).items as { id: string }[];

  // From the home tile to the empty list, then the form.
  await page.goto(`${product.url}/#/`);
  await page.getByTestId('service-feedback').click();
  await page.getByTestId('feedback-empty').waitFor();
  await page.getByTestId('feedback-new').click();
  await page.getByTestId('feedback-form').waitFor();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="feedback-category"] option').length > 1,
  );
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="feedback-commune"] option').length > 100,
  );

  // Client-side checks first: nothing is stored or sent.
  await page.getByTestId('feedback-submit').click();
  await page.getByTestId('error-category').waitFor();
  await page.getByTestId('error-location').waitFor();
  assert.equal(posts.length, 0);

  await page.getByTestId('feedback-category').selectOption('traffic');
  await page.locator('input[name="title"]').fill('Ổ gà lớn giữa đường Lê Duẩn');
  await page
    .getByTestId('feedback-description')
    .fill('Ổ gà sâu khoảng 20 cm giữa làn xe máy, đã có người té ngã vào buổi tối.');
  await page.getByTestId('feedback-commune').selectOption({ label: 'Phường Buôn Ma Thuột' });
  await page.getByTestId('feedback-address').fill('Trước số 120 Lê Duẩn');
  await page.getByTestId('feedback-photo-input').setInputFiles(await photo(page, 'o-ga.jpg'));
  await page.getByTestId('feedback-thumb').waitFor();
  await page.screenshot({ path: shot('mobile-feedback-1-form'), fullPage: true });

  // A second tab of the app, open before the network goes: it also hears `online` later.
  const page2 = await context.newPage();
  countPosts(page2);
  await page2.goto(`${product.url}/#/feedback`);
  await page2.getByTestId('feedback-empty').waitFor();

  // Offline: the report is kept on the phone and shown as waiting.
  await context.setOffline(true);
  await page.getByTestId('feedback-submit').click();
  await page.getByTestId('feedback-drafts').waitFor();
  assert.match((await page.getByTestId('feedback-drafts').textContent()) ?? '', /Đang chờ gửi \(1\)/);
  assert.equal(await page.getByTestId('feedback-draft').getAttribute('data-state'), 'pending');
  await page2.getByTestId('feedback-drafts').waitFor(); // the other tab hears of the draft too
  await page.screenshot({ path: shot('mobile-feedback-2-waiting'), fullPage: true });
  assert.equal(posts.length, 0);
  assert.equal((await mine()).length, 0);

  // The first answer is lost on the way back: the server made the report, the phone never heard.
  let lost = 0;
  await context.route('**/api/v1/feedback', async (route) => {
    if (route.request().method() === 'POST' && lost === 0) {
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });

  // Online again: both tabs try; one sends; the lost answer is retried with the same key.
  await context.setOffline(false);
  await page.waitForFunction(() => !document.querySelector('[data-testid="feedback-draft"]'), undefined, {
    timeout: 30_000,
  });
  await page.getByTestId('feedback-item').first().waitFor({ timeout: 30_000 });
  assert.equal(lost, 1);
  assert.ok(posts.length >= 2, `the lost answer is retried (${posts.length} posts)`);
  assert.equal(new Set(posts).size, 1, 'every try carries the same Idempotency-Key');
  assert.equal((await mine()).length, 1);

  // A reload and another `online` event send nothing more.
  const postsBefore = posts.length;
  await page.reload();
  await page.getByTestId('feedback-item').first().waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page2.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(1500);
  assert.equal(posts.length, postsBefore);
  assert.equal(await page.getByTestId('feedback-item').count(), 1);
  assert.equal(await page.getByTestId('feedback-draft').count(), 0);
  const [report] = await mine();
  assert.equal((await mine()).length, 1);
  await page2.close();
  await page.screenshot({ path: shot('mobile-feedback-3-sent'), fullPage: true });

  // The report with its timeline.
  await page.getByTestId('feedback-item').first().click();
  await page.getByTestId('feedback-detail').waitFor();
  await page.getByTestId('feedback-timeline').waitFor();
  assert.equal(await page.locator('[data-testid="feedback-timeline"] li').count(), 1);
  assert.equal(await page.getByTestId('feedback-status').getAttribute('data-status'), 'submitted');
  await page.getByTestId('feedback-photo').locator('img').waitFor();

  // Staff: accept, assign to construction (sxd); the sxd officer starts and resolves it with a photo.
  const operator = await product.login('0905000002', DEMO_PASSWORD);
  const officer = await product.login('0905000004', DEMO_PASSWORD);
  const id = report!.id;
  await apiCall(operator.accessToken, 'POST', `/api/v1/feedback/${id}/triage`, { action: 'accept' });
  await apiCall(operator.accessToken, 'POST', `/api/v1/feedback/${id}/triage`, {
    action: 'assign',
    department: 'sxd',
  });
  const start = new FormData();
  start.set('action', 'start');
  await apiCall(officer.accessToken, 'POST', `/api/v1/feedback/${id}/handling`, start);
  const resolve = new FormData();
  resolve.set('action', 'resolve');
  resolve.set('answer', 'Đã vá ổ gà bằng bê tông nhựa ngày 27/11, mặt đường đã bằng phẳng.');
  const result = await photo(page, 'da-va.jpg');
  resolve.set('photo', new Blob([result.buffer], { type: 'image/jpeg' }), 'da-va.jpg');
  await apiCall(officer.accessToken, 'POST', `/api/v1/feedback/${id}/handling`, resolve);

  // The citizen sees the answer, the due date, every step with its department, and the bell's count.
  await page.reload();
  await page.getByTestId('feedback-answer').waitFor();
  assert.equal(await page.getByTestId('feedback-status').getAttribute('data-status'), 'resolved');
  assert.match((await page.getByTestId('feedback-answer').textContent()) ?? '', /Đã vá ổ gà/);
  assert.equal(await page.locator('[data-testid="feedback-timeline"] li').count(), 5);
  assert.match((await page.getByTestId('feedback-timeline').textContent()) ?? '', /Sở Xây dựng/);
  await page.getByTestId('feedback-due').waitFor();
  // The officer's photo of the result stands with the answer; the citizen's own photo apart.
  await page.getByTestId('feedback-result-photos').locator('img').waitFor();
  assert.equal(await page.getByTestId('feedback-photo').count(), 2);
  await page.getByTestId('feedback-result-photos').getByTestId('feedback-photo').click();
  await page.getByTestId('feedback-photo-full').locator('img').waitFor();
  assert.ok(
    await page
      .getByTestId('feedback-photo-full')
      .locator('img')
      .evaluate((i) => (i as HTMLImageElement).naturalWidth >= 800),
    'the full-size photo',
  );
  await page.getByTestId('feedback-photo-full').click();
  await page.getByTestId('feedback-photo-full').waitFor({ state: 'detached' });
  await page.getByTestId('bell-count').waitFor();
  const unread = Number(await page.getByTestId('bell-count').textContent());
  assert.ok(unread >= 4, `unread ${unread}`);
  await page.getByTestId('feedback-reopen').waitFor();
  await page.screenshot({ path: shot('mobile-feedback-4-answer'), fullPage: true });

  // Five stars.
  await page.getByTestId('feedback-star-5').click();
  await page.getByTestId('feedback-rate-send').click();
  await page.getByTestId('feedback-rated').waitFor();
  const rated = await apiCall(citizen.accessToken, 'GET', `/api/v1/feedback/${id}`);
  assert.equal(rated.rating, 5);
  await page.screenshot({ path: shot('mobile-feedback-5-rated'), fullPage: true });

  // The notifications: open one (it is marked read and leads to the report), then mark all read.
  await page.getByTestId('nav-bell').click();
  await page.getByTestId('notifications').waitFor();
  await page.screenshot({ path: shot('mobile-feedback-6-notifications'), fullPage: true });
  const first = page.getByTestId('notification').first();
  assert.equal(await first.getAttribute('data-read'), 'false');
  await first.click();
  await page.getByTestId('feedback-detail').waitFor();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent ?? 0) === n - 1,
    unread,
  );
  await page.getByTestId('nav-bell').click();
  await page.getByTestId('notifications-read-all').click();
  await page.getByTestId('bell-count').waitFor({ state: 'detached' });
  const count = await apiCall(citizen.accessToken, 'GET', '/api/v1/me/notifications/unread-count');
  assert.equal(count.unread, 0);

  // "Chưa được xử lý": reopened with a reason, within 7 days of the answer.
  await page.goto(`${product.url}/#/feedback/${id}`);
  await page.getByTestId('feedback-reopen').click();
  await page.getByTestId('feedback-reopen-reason').fill('ít');
  await page.getByTestId('feedback-reopen-send').click();
  await page.locator('.field-error').first().waitFor();
  await page.getByTestId('feedback-reopen-reason').fill('Ổ gà đã bị bong lớp nhựa sau trận mưa hôm qua.');
  await page.getByTestId('feedback-reopen-send').click();
  await page.locator('[data-testid="feedback-detail"][data-status="in_progress"]').waitFor();
  assert.match((await page.getByTestId('feedback-timeline').textContent()) ?? '', /bong lớp nhựa/);
  assert.equal(await page.getByTestId('feedback-reopen').count(), 0);

  assert.deepEqual(errors, []);
  await context.close();
});
