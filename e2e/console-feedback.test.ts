import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, consoleSignIn, DEMO_CITIZEN, type Product } from './harness.ts';

const IOC_OPERATOR = { phone: '0905000002', password: 'DemoDakLak2026' };
const OFFICER_SXD = { phone: '0905000004', password: 'DemoDakLak2026' };

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

/** A synthetic photo: a grey road with a dark pothole (or, for the result, patched asphalt). */
async function roadPhoto(fixed: boolean): Promise<Buffer> {
  const hole = fixed
    ? '<rect x="250" y="200" width="300" height="120" fill="#3d3d3d"/>'
    : '<ellipse cx="400" cy="260" rx="150" ry="60" fill="#1b1208"/><ellipse cx="400" cy="255" rx="120" ry="40" fill="#4a6a80"/>';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500">
    <rect width="800" height="500" fill="#8fb36b"/><polygon points="250,0 550,0 800,500 0,500" fill="#6e6e6e"/>
    <rect x="390" y="0" width="20" height="500" fill="#f5f5f5"/>${hole}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function submitReport(token: string, title: string): Promise<string> {
  const form = new FormData();
  form.set('category', 'traffic');
  form.set('title', title);
  form.set(
    'description',
    'Ổ gà lớn giữa đường, xe máy đi qua rất nguy hiểm. Gọi tôi qua số 0905000006 nếu cần thêm thông tin.',
  );
  form.set('lat', '12.6675');
  form.set('lng', '108.0378');
  form.set('photos', new Blob([new Uint8Array(await roadPhoto(false))], { type: 'image/jpeg' }), 'o-ga.jpg');
  const res = await fetch(`${product.url}/api/v1/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { id: string }).id;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
/** The operator's browser storage once signed in: the workstation's device id, so later tests need no SMS code. */
let operatorState: StorageState | undefined;
const operatorContext = () =>
  browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'vi-VN',
    storageState: operatorState,
  });

async function signIn(page: Page, who: { phone: string; password: string }, path = '') {
  await page.goto(`${product.url}/console/${path}`);
  await consoleSignIn(page, product, who.phone, who.password);
}

async function loadedImage(page: Page, testId: string) {
  const img = page.getByTestId(testId).locator('img');
  await img.waitFor();
  await page.waitForFunction(
    (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0,
    await img.elementHandle(),
  );
}

async function act(
  page: Page,
  action: string,
  fill?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>,
) {
  await page.getByTestId(`fb-act-${action}`).click();
  const dialog = page.getByTestId('fb-action-dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByTestId('fb-action-confirm').click();
  await dialog.waitFor({ state: 'detached' });
}

test('an operator triages a citizen report on the console and the sxd officer resolves it', async () => {
  const citizen = await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password);
  const title = `Ổ gà trên đường Lê Duẩn ${Date.now().toString(36)}`;
  const id = await submitReport(citizen.accessToken, title);

  // The operator opens the feedback page: queue with the demo reports, and the map.
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, IOC_OPERATOR);
  await page.getByTestId('nav-feedback').click();
  operatorState = await ctx.storageState();
  await page.waitForURL(/\/console\/feedback$/);
  page.on('console', (m) => {
    if (m.type() === 'error') console.log('browser:', m.text());
  });
  await page
    .getByTestId('fb-queue')
    .getByRole('row')
    .nth(5)
    .waitFor()
    .catch(async (e: unknown) => {
      await page.screenshot({ path: shot('console-feedback-failure') });
      throw e;
    });
  assert.equal(await page.getByTestId('not-available').count(), 0);

  // The map draws: maplibre's canvas and deck.gl's canvas, the outlines loaded, points for the reports.
  const map = page.getByTestId('fb-map');
  await page.locator('[data-testid="fb-map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="fb-map"]')?.getAttribute('data-points')) > 100,
  );
  assert.ok((await map.locator('canvas').count()) >= 2, 'maplibre and deck.gl canvases');
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot('console-feedback-queue'), animations: 'disabled' });

  // Overdue demo reports show a red clock; the overdue filter goes into the URL.
  await page.getByTestId('fb-filter-overdue').click();
  await page.waitForURL(/overdue=true/);
  await page.locator('[data-testid="fb-deadline"][data-deadline="overdue"]').first().waitFor();
  const red = await page
    .locator('[data-testid="fb-deadline"][data-deadline="overdue"]')
    .first()
    .evaluate((el) => getComputedStyle(el).color);
  assert.match(red, /rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)/, red);
  await page.getByTestId('fb-filter-overdue').click();

  // Text filter (accents optional) + status filter find the new report; both go into the URL.
  await page.getByTestId('fb-filter-q').fill('o ga tren duong le duan');
  await page.waitForURL(/q=o\+ga/);
  await page
    .getByTestId('fb-filters')
    .getByRole('combobox', { name: /Trạng thái/ })
    .click();
  await page.getByTestId('fb-status-option-submitted').click();
  await page.keyboard.press('Escape');
  await page.waitForURL(/status=submitted/);
  const row = page.getByTestId('fb-queue').getByRole('row').filter({ hasText: title });
  await row.waitFor();
  assert.equal(await page.getByTestId('fb-queue').getByRole('row').count(), 2); // header + the report
  await page.waitForFunction(
    () => document.querySelector('[data-testid="fb-map"]')?.getAttribute('data-points') === '1',
  );

  // The map shows only that report: find its blue point in the map's pixels and click it there (a position in the
  // map element, not on the page: the page may scroll a little while the queue shrinks). The map may also still be
  // drawing the previous points when the count changes, so look again until a click opens the report.
  let found = false;
  let opened = false;
  for (let attempt = 0; attempt < 6 && !opened; attempt++) {
    await page.waitForTimeout(500);
    const box = await map.boundingBox();
    assert.ok(box);
    const { data: px, info } = await sharp(await map.screenshot())
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let hit: { x: number; y: number } | undefined;
    for (let y = 90; y < info.height - 30 && !hit; y++)
      for (let x = 0; x < info.width - 50 && !hit; x++) {
        const i = (y * info.width + x) * 3;
        const [r, g, b] = [px[i] ?? 0, px[i + 1] ?? 0, px[i + 2] ?? 0];
        if (r < 110 && g > 100 && g < 180 && b > 180) hit = { x: x + 2, y: y + 3 };
      }
    if (!hit) continue;
    found = true;
    const scale = box.width / info.width;
    await map.click({ position: { x: hit.x * scale, y: hit.y * scale } });
    opened = await page.waitForURL(new RegExp(`/console/feedback/${id}\\?`), { timeout: 3000 }).then(
      () => true,
      () => false,
    );
  }
  assert.ok(found, 'the submitted report is drawn on the map');
  assert.ok(opened, 'clicking its point on the map opens the report');
  await page.getByTestId('fb-report').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('fb-report').waitFor({ state: 'detached' });

  // Keyboard: Enter on a cell opens the report; Esc closes it.
  await row.getByRole('gridcell').nth(2).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/console/feedback/${id}\\?`));
  await page.getByTestId('fb-report').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('fb-report').waitFor({ state: 'detached' });
  await page.waitForURL(/\/console\/feedback\?/);

  // Opened with the mouse: reporter, photo, place, forwarding state, publication with masked phone number.
  await row.click();
  const drawer = page.getByTestId('fb-report');
  await drawer.waitFor();
  assert.equal(await drawer.getByTestId('fb-report-title').textContent(), title);
  await loadedImage(page, 'fb-photo-1');
  assert.match((await drawer.textContent()) ?? '', /0905000006/);
  await drawer.getByTestId('fb-forwarding').waitFor();
  await drawer.getByTestId('fb-publication').waitFor();
  const publicText = await drawer.getByTestId('fb-pub-description').inputValue();
  assert.doesNotMatch(publicText, /0905000006/, 'the suggested public text masks the phone number');
  await page.getByTestId('fb-photo-1').click();
  await loadedImage(page, 'fb-photo-full').catch(async () => {
    await page.getByTestId('fb-photo-full').waitFor();
  });
  await page.keyboard.press('Escape');

  // Accept, assign to the Department of Construction (sxd), add an internal note.
  await act(page, 'accept');
  await drawer.locator('[data-testid="fb-status"][data-status="accepted"]').waitFor();
  await drawer.locator('[data-deadline="ok"], [data-deadline="due_soon"]').first().waitFor();
  await act(page, 'assign', async (dialog) => {
    await dialog.getByRole('combobox').click();
    await page.getByTestId('fb-department-sxd').click();
  });
  await drawer.locator('[data-testid="fb-status"][data-status="assigned"]').waitFor();
  assert.match((await drawer.getByTestId('fb-report-department').textContent()) ?? '', /Sở Xây dựng/);
  const note = 'Nội bộ: đã gọi điện cho đội duy tu, chờ xe vật liệu.';
  await drawer.getByTestId('fb-note-text').fill(note);
  await drawer.getByTestId('fb-note-add').click();
  await drawer.locator('[data-testid="fb-event"][data-internal="true"]').filter({ hasText: note }).waitFor();
  await drawer.getByTestId('fb-internal-chip').first().waitFor();
  await page.screenshot({ path: shot('console-feedback-report'), animations: 'disabled' });
  assert.equal(errors.length, 0, errors.join('\n'));
  await ctx.close();

  // The sxd officer: the bell shows the assignment; clicking it opens the report.
  const octx = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' });
  const opage = await octx.newPage();
  opage.on('pageerror', (e) => errors.push(e.message));
  await signIn(opage, OFFICER_SXD);
  await opage.locator('[data-testid="bell"]:not([data-unread="0"])').waitFor();
  const unreadBefore = Number(await opage.getByTestId('bell').getAttribute('data-unread'));
  await opage.getByTestId('bell').click();
  const item = opage.getByTestId('bell-item').filter({ hasText: title }).first();
  await item.waitFor();
  await opage.screenshot({ path: shot('console-feedback-bell'), animations: 'disabled' });
  await item.click();
  await opage.waitForURL(new RegExp(`/console/feedback/${id}$`));
  // Opening it marked it read.
  await opage.locator(`[data-testid="bell"][data-unread="${unreadBefore - 1}"]`).waitFor();
  const odrawer = opage.getByTestId('fb-report');
  await odrawer.waitFor();
  // Officers handle; they do not triage.
  assert.equal(await opage.getByTestId('fb-act-accept').count(), 0);
  assert.equal(await opage.getByTestId('fb-act-assign').count(), 0);

  await act(opage, 'start');
  await odrawer.locator('[data-testid="fb-status"][data-status="in_progress"]').waitFor();
  const answer = 'Đã vá ổ gà bằng bê tông nhựa nóng ngày 27/11; mặt đường đã thông thoáng.';
  await act(opage, 'resolve', async (dialog) => {
    await dialog.getByTestId('fb-action-answer').fill(answer);
    assert.equal(await dialog.getByTestId('fb-action-confirm').isDisabled(), true, 'on site: photo required');
    await dialog.getByTestId('fb-action-photo').setInputFiles({
      name: 'ket-qua.jpg',
      mimeType: 'image/jpeg',
      buffer: await roadPhoto(true),
    });
  });
  await odrawer.locator('[data-testid="fb-status"][data-status="resolved"]').waitFor();
  await odrawer.getByTestId('fb-report-answer').waitFor();
  await opage.locator('[data-testid="fb-photo-2"][data-kind="result"]').waitFor();
  await loadedImage(opage, 'fb-photo-2');
  await opage.screenshot({ path: shot('console-feedback-resolved'), animations: 'disabled' });
  assert.equal(errors.length, 0, errors.join('\n'));
  await octx.close();

  // The citizen sees the answer, and never the internal note.
  const res = await fetch(`${product.url}/api/v1/feedback/${id}`, {
    headers: { authorization: `Bearer ${citizen.accessToken}` },
  });
  assert.equal(res.status, 200);
  const mine = (await res.json()) as { status: string; answer: string; timeline: { note: string | null }[] };
  assert.equal(mine.status, 'resolved');
  assert.equal(mine.answer, answer);
  assert.ok(!JSON.stringify(mine).includes('đội duy tu'), 'internal note leaked to the citizen');
});

test('bulk assign reports one result per report, and the heat layer draws', async () => {
  const ctx = await operatorContext();
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, IOC_OPERATOR, 'feedback?status=submitted&status=accepted&sort=createdAt');
  await page.getByTestId('fb-queue').getByRole('row').nth(3).waitFor();

  // One accepted report (can be assigned) and one just submitted (must be accepted first).
  const accepted = page
    .getByTestId('fb-queue')
    .getByRole('row')
    .filter({ has: page.locator('[data-status="accepted"]') })
    .first();
  const submitted = page
    .getByTestId('fb-queue')
    .getByRole('row')
    .filter({ has: page.locator('[data-status="submitted"]') })
    .first();
  const acceptedId = await accepted.getAttribute('data-id');
  const submittedId = await submitted.getAttribute('data-id');
  assert.ok(acceptedId && submittedId);
  await accepted.getByRole('checkbox').check();
  await submitted.getByRole('checkbox').check();
  await page.getByTestId('fb-selection').waitFor();
  assert.match((await page.getByTestId('fb-selection').textContent()) ?? '', /Đã chọn 2 phản ánh/);
  await page.getByTestId('fb-bulk-assign').click();
  const dialog = page.getByTestId('fb-bulk-dialog');
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: 'Sở Y tế' }).click();
  await dialog.getByTestId('fb-bulk-confirm').click();
  await dialog.getByTestId('fb-bulk-result').waitFor();
  const results = dialog.getByTestId('fb-bulk-result').locator('li');
  assert.equal(await results.count(), 2);
  assert.equal(await dialog.locator('li[data-ok="true"]').count(), 1);
  assert.equal(await dialog.locator('li[data-ok="false"]').count(), 1);
  assert.match((await dialog.locator('li[data-ok="false"]').textContent()) ?? '', /cần tiếp nhận trước/);
  assert.match((await dialog.textContent()) ?? '', /Giao 2 phản ánh/);
  assert.doesNotMatch((await dialog.textContent()) ?? '', /[0-9a-f]{8}-[0-9a-f]{4}-/, 'titles, not ids');
  await page.screenshot({ path: shot('console-feedback-bulk'), animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  // The refused report stays selected; the assigned one left this filtered queue.
  assert.match((await page.getByTestId('fb-selection').textContent()) ?? '', /Đã chọn 1 phản ánh/);
  await page.locator(`[data-id="${acceptedId}"]`).waitFor({ state: 'detached' });

  // In English the page speaks English.
  await page.getByTestId('lang-en').click();
  await page.getByRole('heading', { name: 'Citizen feedback' }).waitFor();
  await page.getByText('Overdue only').waitFor();
  await page.getByTestId('lang-vi').click();
  await page.getByRole('heading', { name: 'Phản ánh hiện trường' }).waitFor();

  // The heat layer toggles on without errors.
  await page.locator('[data-testid="fb-map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
  await page.getByTestId('fb-map-heat').click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('console-feedback-heat'), animations: 'disabled' });
  assert.equal(errors.length, 0, errors.join('\n'));
  await ctx.close();
});

test('an operator merges a duplicate into its original, rejects with a reason and publishes with redaction', async () => {
  const citizen = await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password);
  const tag = Date.now().toString(36);
  const originalId = await submitReport(citizen.accessToken, `Cây đổ chắn đường Hùng Vương ${tag}`);
  const copyId = await submitReport(citizen.accessToken, `Cây đổ giữa đường Hùng Vương ${tag} (gửi lại)`);
  const otherId = await submitReport(citizen.accessToken, `Hỏi thủ tục cấp đổi bằng lái ${tag}`);

  const ctx = await operatorContext();
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, IOC_OPERATOR, `feedback/${copyId}`);
  const drawer = page.getByTestId('fb-report');
  await drawer.waitFor().catch(async (e: unknown) => {
    await page.screenshot({ path: shot('console-feedback-failure') });
    throw e;
  });

  // Duplicate: search the original by words of its title (no accents), pick it, confirm.
  await act(page, 'duplicate', async (dialog) => {
    assert.equal(await dialog.getByTestId('fb-action-confirm').isDisabled(), true);
    await dialog.getByTestId('fb-original').fill(`cay do chan duong hung vuong ${tag}`);
    await page
      .getByRole('option')
      .filter({ hasText: `Cây đổ chắn đường Hùng Vương ${tag}` })
      .click();
  });
  await drawer.locator('[data-testid="fb-status"][data-status="duplicate"]').waitFor();
  await drawer.getByRole('button', { name: 'Mở phản ánh gốc' }).click();
  await page.waitForURL(new RegExp(`/console/feedback/${originalId}`));
  await drawer.getByText(`Cây đổ giữa đường Hùng Vương ${tag} (gửi lại)`).waitFor();

  // Publish the original: the suggested text has the phone number masked; publishing it is accepted.
  const description = drawer.getByTestId('fb-pub-description');
  await description.waitFor();
  assert.doesNotMatch(await description.inputValue(), /0905000006/);
  await drawer.getByTestId('fb-pub-save').click();
  await drawer.locator('[data-testid="fb-pub-state"][data-published="true"]').waitFor();
  // Putting the number back is refused by the api, with its message shown.
  await description.fill(`${await description.inputValue()} Liên hệ 0905000006.`);
  await drawer.getByTestId('fb-pub-save').click();
  await drawer
    .getByTestId('fb-publication')
    .getByText(/số điện thoại|thông tin cá nhân|personal/i)
    .first()
    .waitFor();
  await page.screenshot({ path: shot('console-feedback-publication'), animations: 'disabled' });

  // Reject another report: a reason of at least 5 characters is required.
  await page.goto(`${product.url}/console/feedback/${otherId}`);
  await drawer.waitFor();
  await act(page, 'reject', async (dialog) => {
    await dialog.getByTestId('fb-action-reason').fill('abc');
    assert.equal(await dialog.getByTestId('fb-action-confirm').isDisabled(), true);
    await dialog
      .getByTestId('fb-action-reason')
      .fill('Không thuộc phạm vi phản ánh hiện trường; xin liên hệ bộ phận một cửa.');
  });
  await drawer.locator('[data-testid="fb-status"][data-status="rejected"]').waitFor();
  assert.equal(await page.getByTestId('fb-actions').getByRole('button').count(), 1); // only "Đóng"
  assert.equal(errors.length, 0, errors.join('\n'));
  await ctx.close();

  // The citizen sees the duplicate link and the rejection reason.
  const get = async (id: string) =>
    (await (
      await fetch(`${product.url}/api/v1/feedback/${id}`, {
        headers: { authorization: `Bearer ${citizen.accessToken}` },
      })
    ).json()) as { status: string; duplicateOf: string | null; rejectionReason: string | null };
  assert.deepEqual((await get(copyId)).duplicateOf, originalId);
  assert.match((await get(otherId)).rejectionReason ?? '', /một cửa/);
});
