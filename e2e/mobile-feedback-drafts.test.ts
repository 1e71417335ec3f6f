import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { startProduct, launchBrowser, shot, newNationalPhone, type Product } from './harness.ts';
import { DEMO_PASSWORD, PASSWORD, VIEWPORT, feedbackKit, watchErrors } from './mobile-feedback.kit.ts';

/**
 * mobile-lite, feedback drafts and photo locations: a draft the API refuses waits on the phone for a correction
 * (another is deleted), and a photo's EXIF position leaves the phone only with the citizen's consent.
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
