import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { startProduct, launchBrowser, shot, newNationalPhone, type Product } from './harness.ts';

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

const VIEWPORT = { width: 360, height: 740 };
const PASSWORD = 'MatKhau2026';
const DEMO_PASSWORD = 'DemoDakLak2026';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

function texts(phone: string): string[] {
  if (!fs.existsSync(product.outbox)) return [];
  return fs
    .readFileSync(product.outbox, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { to: string; text: string })
    .filter((m) => m.to === phone)
    .map((m) => m.text);
}

async function nextCode(page: Page, phone: string, seen: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const all = texts(phone);
    if (all.length > seen) return /(\d{6})/.exec(all[all.length - 1] ?? '')?.[1] ?? '';
    await page.waitForTimeout(100);
  }
  throw new Error(`no new SMS to ${phone}`);
}

async function register(page: Page, national: string, fullName: string): Promise<void> {
  await page.goto(`${product.url}/#/register`);
  await page.locator('input[name="phone"]').fill(national);
  await page.getByTestId('send-otp').click();
  await page.locator('input[name="otp"]').waitFor();
  await page.locator('input[name="otp"]').fill(await nextCode(page, `+84${national.slice(1)}`, 0));
  await page.locator('input[name="fullName"]').fill(fullName);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('identity-card').waitFor();
}

/** A real 800×600 JPEG drawn in the page (a road with a pothole, roughly). */
async function photo(page: Page, name: string) {
  const b64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#7a8a7a';
    ctx.fillRect(0, 0, 800, 600);
    ctx.fillStyle = '#333';
    ctx.beginPath();
    ctx.ellipse(400, 380, 160, 70, 0, 0, Math.PI * 2);
    ctx.fill();
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b as Blob), 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') };
}

async function apiCall(token: string, method: string, path: string, body?: object | FormData) {
  const res = await fetch(`${product.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
    },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

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

test('a draft the API refuses waits for a correction, is fixed and sent; another is deleted', async () => {
  // The phone says it is in Hà Nội: outside the province, which only the API knows.
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'vi-VN',
    permissions: ['geolocation'],
    geolocation: { latitude: 21.0285, longitude: 105.8542, accuracy: 15 },
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('dialog', (d) => void d.accept());
  const national = newNationalPhone();
  await register(page, national, 'Y Phản Ánh Niê');
  const citizen = await product.login(national, PASSWORD);
  const mine = async () =>
    (await apiCall(citizen.accessToken, 'GET', '/api/v1/feedback/mine')).items as { id: string }[];

  const fill = async (title: string) => {
    await page.goto(`${product.url}/#/feedback/new`);
    await page.getByTestId('feedback-form').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="feedback-category"] option').length > 1,
    );
    await page.getByTestId('feedback-category').selectOption('environment');
    await page.locator('input[name="title"]').fill(title);
    await page.getByTestId('feedback-description').fill('Khói bụi từ lò đốt rác bay vào khu dân cư mỗi tối.');
  };
  await fill('Khói từ lò đốt rác');
  await page.getByTestId('feedback-locate').click();
  await page.getByTestId('feedback-point').waitFor();

  await context.setOffline(true);
  await page.getByTestId('feedback-submit').click();
  await page.getByTestId('feedback-draft').waitFor();
  // A second draft, deleted before it is ever sent.
  await page.getByTestId('feedback-new').click();
  await page.getByTestId('feedback-form').waitFor();
  await page.getByTestId('feedback-category').selectOption('other');
  await page.locator('input[name="title"]').fill('Bản nháp sẽ xoá');
  await page.getByTestId('feedback-description').fill('Nội dung này không bao giờ được gửi đi.');
  await page.getByTestId('feedback-commune').selectOption({ label: 'Phường Buôn Ma Thuột' });
  await page.getByTestId('feedback-address').fill('Số 1 Lê Duẩn');
  await page.getByTestId('feedback-submit').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="feedback-draft"]').length === 2);
  await page.getByTestId('feedback-draft').nth(1).getByTestId('feedback-draft-delete').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="feedback-draft"]').length === 1);

  // Online: the API refuses the place; the draft stays, marked, with the API's words.
  await context.setOffline(false);
  await page.locator('[data-testid="feedback-draft"][data-state="needs_fix"]').waitFor({ timeout: 20_000 });
  assert.match((await page.getByTestId('feedback-draft-problem').textContent()) ?? '', /ngoài tỉnh/);
  await page.screenshot({ path: shot('mobile-feedback-7-needs-fix'), fullPage: true });
  assert.equal((await mine()).length, 0);

  // The citizen fixes the place and sends it (online now: straight to the report).
  await page.getByTestId('feedback-draft-edit').click();
  await page.getByTestId('error-location').waitFor();
  assert.equal(await page.locator('input[name="title"]').inputValue(), 'Khói từ lò đốt rác');
  await page.getByRole('button', { name: 'Bỏ vị trí này' }).click();
  await page.getByTestId('feedback-commune').selectOption({ label: 'Phường Buôn Ma Thuột' });
  await page.getByTestId('feedback-address').fill('Hẻm 45 Y Moan');
  await page.getByTestId('feedback-submit').click();
  await page.getByTestId('feedback-detail').waitFor();
  assert.equal((await mine()).length, 1);
  await page.goto(`${product.url}/#/feedback`);
  await page.getByTestId('feedback-item').first().waitFor();
  assert.equal(await page.getByTestId('feedback-draft').count(), 0);

  // 21 more reports: the list shows 20, then "Xem thêm" fetches the next page by its cursor.
  for (let i = 1; i <= 21; i++) {
    const form = new FormData();
    form.set('category', 'other');
    form.set('title', `Phản ánh số ${i}`);
    form.set('description', 'Nội dung phản ánh để thử phân trang danh sách.');
    form.set('communeCode', '24133');
    form.set('address', `Số ${i} Lê Duẩn`);
    await apiCall(citizen.accessToken, 'POST', '/api/v1/feedback', form);
  }
  await page.reload();
  await page.getByTestId('feedback-more').waitFor();
  assert.equal(await page.getByTestId('feedback-item').count(), 20);
  await page.getByTestId('feedback-more').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="feedback-item"]').length === 22);
  assert.equal(await page.getByTestId('feedback-more').count(), 0);
  const shown = await page
    .locator('[data-testid="feedback-item"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  assert.equal(new Set(shown).size, 22);
  assert.match((await page.getByTestId('feedback-item').last().textContent()) ?? '', /Khói từ lò đốt rác/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A JPEG carrying an EXIF GPS position of 12°40′N 108°03′E (Buôn Ma Thuột). */
const gpsJpeg = async () => ({
  name: 'gps.jpg',
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 800, height: 600, channels: 3, background: '#6a8' } })
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '12/1 40/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 3/1 0/1',
      },
    })
    .toBuffer(),
});

test("the photo's location leaves the phone only with the consent, and then can place the report", async () => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/feedback') posts++;
  });
  // What the server kept of each photo's position (the staff view shows it).
  const operator = await product.login('0905000002', DEMO_PASSWORD);
  const photoPosition = async (id: string) =>
    (await apiCall(operator.accessToken, 'GET', `/api/v1/feedback/${id}/staff`)).photos[0] as {
      lat: number | null;
      lng: number | null;
    };
  const national = newNationalPhone();
  await register(page, national, 'Lê Văn Ảnh');
  const citizen = await product.login(national, PASSWORD);
  const photoFile = await gpsJpeg();

  const start = async (title: string) => {
    await page.goto(`${product.url}/#/feedback/new`);
    await page.getByTestId('feedback-form').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="feedback-category"] option').length > 1,
    );
    await page.getByTestId('feedback-category').selectOption('environment');
    await page.locator('input[name="title"]').fill(title);
    await page.getByTestId('feedback-description').fill('Nước thải chảy tràn ra mặt đường, bốc mùi hôi.');
    await page.getByTestId('feedback-photo-input').setInputFiles(photoFile);
    await page.getByTestId('feedback-thumb').waitFor();
  };

  // With the consent and no other place: the original JPEG goes, and its position places the report.
  await start('Nước thải tràn đường');
  await page.getByTestId('feedback-keep-location').check();
  await page.getByTestId('feedback-submit').click();
  await page.getByTestId('feedback-detail').waitFor();
  const id = new URL(page.url()).hash.split('/')[2] as string;
  const placed = await apiCall(citizen.accessToken, 'GET', `/api/v1/feedback/${id}`);
  assert.ok(
    Math.abs(placed.lat - 12.6667) < 0.01 && Math.abs(placed.lng - 108.05) < 0.01,
    JSON.stringify(placed),
  );
  assert.notEqual((await photoPosition(id)).lat, null, 'the photo keeps its position');

  // Without it: a place is needed, and the photo is redrawn on the phone — no EXIF leaves it.
  await start('Nước thải tràn đường lần hai');
  await page.getByTestId('feedback-submit').click();
  await page.getByTestId('error-location').waitFor();
  await page.getByTestId('feedback-commune').selectOption({ label: 'Phường Buôn Ma Thuột' });
  await page.getByTestId('feedback-address').fill('Ngã ba Phan Chu Trinh');
  // Offline, so the bytes waiting in IndexedDB can be read: a JPEG without any EXIF block.
  await context.setOffline(true);
  await page.getByTestId('feedback-submit').click();
  await page.getByTestId('feedback-draft').waitFor();
  const stored = await page.evaluate(
    () =>
      new Promise<{ n: number; jpeg: boolean; exif: boolean; size: number }>((resolve, reject) => {
        const open = indexedDB.open('dlid-feedback');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = async () => {
            const drafts = all.result as { photos: Blob[] }[];
            const bytes = new Uint8Array(await (drafts[0]?.photos[0] as Blob).arrayBuffer());
            const text = Array.from(bytes.slice(0, 4096), (b) => String.fromCharCode(b)).join('');
            resolve({
              n: drafts.length,
              jpeg: bytes[0] === 0xff && bytes[1] === 0xd8,
              exif: text.includes('Exif'),
              size: bytes.length,
            });
          };
        };
      }),
  );
  assert.deepEqual({ ...stored, size: stored.size > 1000 }, { n: 1, jpeg: true, exif: false, size: true });
  assert.ok(photoFile.buffer.subarray(0, 4096).includes(Buffer.from('Exif')), 'the picked file had EXIF');
  await context.setOffline(false);
  await page.waitForFunction(() => !document.querySelector('[data-testid="feedback-draft"]'));
  assert.equal(posts, 2);
  const items = (await apiCall(citizen.accessToken, 'GET', '/api/v1/feedback/mine')).items as {
    id: string;
  }[];
  assert.equal(items.length, 2);
  const second = await apiCall(citizen.accessToken, 'GET', `/api/v1/feedback/${items[0]!.id}`);
  assert.equal(second.title, 'Nước thải tràn đường lần hai');
  assert.equal(second.lat, null);
  assert.equal((await photoPosition(second.id)).lat, null);
  assert.deepEqual(errors, []);
  await context.close();
});
