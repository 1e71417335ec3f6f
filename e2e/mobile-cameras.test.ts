import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, ADMIN, type Product } from './harness.ts';
import { startTestCameras, type TestCameras } from '../scripts/test-cameras.mjs';

/**
 * mobile-lite, "Camera giao thông", signed out: a real RTSP test camera (GStreamer) registered by the admin shows
 * in the list with a real still taken by ffmpeg, its time and state; a private camera does not show; "Gần tôi"
 * sorts by the phone's position; the detail refreshes on demand; a camera that does not answer says so in
 * Vietnamese; the light SVG map draws the province and the pins.
 */

let product: Product;
let browser: Browser;
let context: BrowserContext;
let cams: TestCameras | undefined;
const ids: Record<'live' | 'near' | 'dead' | 'hidden', string> = { live: '', near: '', dead: '', hidden: '' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

/** A new still at most every 4 s (30 s by default), so refreshing can be shown to bring a new picture. */
const MAX_AGE_MS = 4000;

/** The demo cameras are there too: this tag picks out the test's own. */
const TAG = 'Kiểm thử';
const chip = (page: Page, tag: string) =>
  page.locator(`[data-testid="cameras-tags"] button[data-value="${tag}"]`);
const count = (n: number) => (page: Page) =>
  page.waitForFunction((k) => document.querySelectorAll('[data-testid="camera-item"]').length === k, n);

// Near Tuy Hòa: the camera there is the nearest.
const PHONE_AT = { latitude: 13.09, longitude: 109.3 };

before(async () => {
  cams = await startTestCameras({ count: 1 });
  product = await startProduct({ CAMERA_SNAPSHOT_MAX_AGE_MS: String(MAX_AGE_MS) });
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'vi-VN',
    permissions: ['geolocation'],
    geolocation: PHONE_AT,
  });
  const admin = await product.login(ADMIN.phone, ADMIN.password);
  const create = async (body: object) => {
    const res = await fetch(`${product.url}/api/v1/cameras`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { id: string }).id;
  };
  ids.live = await create({
    code: 'E2E-NGA-SAU',
    name: 'Vòng xoay Ngã Sáu (kiểm thử)',
    rtspUrl: cams.urls[0],
    lat: 12.6676,
    lng: 108.0383,
    communeCode: '24133',
    address: 'Vòng xoay Ngã Sáu, đường Phan Chu Trinh',
    direction: 'Hướng về đường Lê Duẩn',
    tags: ['Nút giao', 'Trung tâm', TAG],
  });
  // Nothing listens on this port: the camera cannot give a picture.
  ids.dead = await create({
    code: 'E2E-TUY-HOA',
    name: 'Cầu Hùng Vương Tuy Hòa',
    rtspUrl: `rtsp://127.0.0.1:${await freePort()}/live`,
    lat: 13.0955,
    lng: 109.3209,
    communeCode: '22015',
    address: 'Đầu cầu Hùng Vương',
    tags: ['Quốc lộ', TAG],
  });
  // 500 m from Ngã Sáu: one numbered group at the province's scale, two pins once zoomed in.
  ids.near = await create({
    code: 'E2E-LE-DUAN',
    name: 'Ngã tư Lê Duẩn – Y Jút',
    rtspUrl: cams.urls[0],
    lat: 12.6716,
    lng: 108.042,
    communeCode: '24133',
    tags: ['Trường học', TAG],
  });
  ids.hidden = await create({
    code: 'E2E-PRIVATE',
    name: 'Camera nội bộ trụ sở',
    rtspUrl: cams.urls[0],
    lat: 12.67,
    lng: 108.04,
    private: true,
  });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await product?.stop();
  await cams?.close();
});

async function signedOutPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const item = (page: Page, id: string) => page.locator(`[data-testid="camera-item"][data-id="${id}"]`);

test('signed out, the list shows the public cameras with a real still, not the private one', async () => {
  const { page, errors } = await signedOutPage();
  await page.goto(`${product.url}/#/`);
  assert.equal(await page.getByTestId('service-traffic-cameras').getAttribute('data-status'), 'available');
  await page.getByTestId('service-traffic-cameras').click();
  await page.getByTestId('cameras-list').waitFor();
  assert.match(page.url(), /#\/cameras$/);

  await item(page, ids.live).waitFor();
  await item(page, ids.dead).waitFor();
  assert.equal(await item(page, ids.hidden).count(), 0, 'a private camera is not shown to citizens');
  // Every public camera (the demo ones too), as the API counts them.
  const total = ((await (await fetch(`${product.url}/api/v1/cameras`)).json()) as { total: number }).total;
  assert.equal(await page.getByTestId('camera-item').count(), total);
  await chip(page, TAG).click();
  await count(3)(page);

  // The thumbnail is the real still, decoded by the browser (a JPEG from ffmpeg), loaded lazily.
  const thumb = item(page, ids.live).getByTestId('camera-thumb');
  assert.equal(await thumb.getAttribute('loading'), 'lazy');
  await page.waitForFunction(
    (id) => {
      const img = document.querySelector<HTMLImageElement>(
        `[data-id="${id}"] img[data-testid="camera-thumb"]`,
      );
      return !!img && img.complete && img.naturalWidth > 0;
    },
    ids.live,
    { timeout: 30_000 },
  );
  // The list loads a 320-px copy of the 640-px still (data cost).
  assert.equal(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth), 320);
  // The camera without a picture says so instead of a broken image.
  await item(page, ids.dead).getByTestId('camera-no-thumb').waitFor({ timeout: 30_000 });
  // Once the still exists, the list is read again and shows its time.
  await page.waitForFunction(
    (id) =>
      /vừa xong|cách đây \d+ giây/.test(
        document.querySelector(`[data-id="${id}"] [data-testid="camera-age"]`)?.textContent ?? '',
      ),
    ids.live,
    { timeout: 15_000 },
  );
  const states = await page.getByTestId('camera-state').allTextContents();
  for (const s of states)
    assert.match(s, /^(Đang hoạt động|Đang kết nối|Mất tín hiệu|Lỗi tín hiệu|Chưa kiểm tra)$/);
  await page.screenshot({ path: shot('mobile-cameras-list'), fullPage: true });

  // Accent-free search within the tag, then another tag.
  await page.getByTestId('cameras-q').fill('nga sau');
  await page.getByTestId('cameras-search').click();
  await count(1)(page);
  assert.equal(await item(page, ids.live).count(), 1);
  await page.getByTestId('cameras-q').fill('');
  await page.getByTestId('cameras-search').click();
  await count(3)(page);
  await chip(page, 'Quốc lộ').click();
  await item(page, ids.live).waitFor({ state: 'detached' });
  assert.equal(await item(page, ids.dead).count(), 1);
  await chip(page, TAG).click();
  await count(3)(page);

  // "Gần tôi": the phone is in Tuy Hòa, so the Tuy Hòa camera comes first, with its distance.
  await page.getByTestId('cameras-near').click();
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="camera-item"]')?.getAttribute('data-id') === id,
    ids.dead,
  );
  assert.match(
    (await item(page, ids.dead).getByTestId('camera-distance').textContent()) ?? '',
    /Cách \d+(,\d)? km/,
  );
  assert.match(
    (await item(page, ids.live).getByTestId('camera-distance').textContent()) ?? '',
    /Cách 1\d\d km/,
  );
  assert.deepEqual(errors, []);
});

test('the detail shows the still large with its time, and "Làm mới" asks the server again', async () => {
  const { page, errors } = await signedOutPage();
  await page.goto(`${product.url}/#/cameras`);
  await item(page, ids.live).click();
  assert.match(page.url(), new RegExp(`#/cameras/${ids.live}$`));
  await page.waitForFunction(
    () =>
      (document.querySelector<HTMLImageElement>('[data-testid="camera-snapshot"]')?.naturalWidth ?? 0) > 0,
    undefined,
    { timeout: 30_000 },
  );
  assert.match(
    (await page.getByTestId('camera-taken-at').textContent()) ?? '',
    /^Ảnh chụp lúc \d\d:\d\d:\d\d \(/,
  );
  const facts = (await page.getByTestId('camera-facts').textContent()) ?? '';
  assert.match(facts, /Vòng xoay Ngã Sáu/);
  assert.match(facts, /Hướng về đường Lê Duẩn/);
  assert.match(facts, /Nút giao/);
  const takenAt = () => page.getByTestId('camera-snapshot').getAttribute('data-taken-at');
  const notice = () => page.getByTestId('camera-refresh-notice').textContent();
  /** Taps "Làm mới": a new address each time (no cache in between), and waits for the answer to be shown. */
  async function refresh(): Promise<string> {
    const asked = page.waitForRequest((r) => /\/snapshot\.jpg\?t=\d+$/.test(r.url()));
    const answered = page.waitForResponse((r) => /\/snapshot\.jpg\?t=\d+$/.test(r.url()));
    await page.getByTestId('camera-refresh').click();
    await asked;
    await answered;
    await page.waitForFunction(
      () => document.querySelector('[data-testid="camera-refresh"]')?.getAttribute('aria-busy') !== 'true',
    );
    return (await notice()) ?? '';
  }

  // The server takes a still at most every MAX_AGE_MS: once that has passed, "Làm mới" brings a new one…
  const first = await takenAt();
  await page.waitForTimeout(MAX_AGE_MS + 500);
  assert.match(await refresh(), /Đã có ảnh mới/);
  const second = await takenAt();
  assert.ok(second && first && Date.parse(second) > Date.parse(first), `${first} → ${second}`);
  // …and right after, the same one, which the screen says, with when to try again.
  assert.match(await refresh(), /Ảnh chưa đổi: máy chủ chưa chụp ảnh mới .*Thử lại sau \d giây/);
  assert.equal(await takenAt(), second);
  await page.screenshot({ path: shot('mobile-cameras-detail'), fullPage: true });

  // The camera goes down: the last still stays on screen, marked as such.
  await cams!.stop(0);
  try {
    await page.waitForTimeout(MAX_AGE_MS + 500);
    assert.match(await refresh(), /Ảnh chưa đổi/);
    await page.getByTestId('camera-stale').waitFor();
    assert.equal(
      await page.getByTestId('camera-stale').textContent(),
      'Camera đang mất tín hiệu: đây là ảnh cuối cùng nhận được.',
    );
    assert.equal(
      await page.locator('[data-testid="camera-picture"] [data-testid="camera-state"]').textContent(),
      'Mất tín hiệu',
    );
    await page.screenshot({ path: shot('mobile-cameras-stale'), fullPage: true });
  } finally {
    await cams!.start(0);
  }

  // A camera that gives no picture says so in Vietnamese.
  await page.goto(`${product.url}/#/cameras/${ids.dead}`);
  await page.getByTestId('camera-unavailable').waitFor({ timeout: 30_000 });
  assert.match(
    (await page.getByTestId('camera-unavailable').textContent()) ?? '',
    /Camera hiện không có ảnh/,
  );
  await page.screenshot({ path: shot('mobile-cameras-unavailable'), fullPage: true });

  // The private camera has no public page.
  await page.goto(`${product.url}/#/cameras/${ids.hidden}`);
  await page.getByTestId('camera-missing').waitFor();
  assert.deepEqual(errors, []);
});

test('the map draws the province outline and a pin per camera; a pin opens its card', async () => {
  const { page, errors } = await signedOutPage();
  await page.goto(`${product.url}/#/cameras`);
  await page.getByTestId('cameras-list').waitFor();
  await page.screenshot({ path: shot('mobile-cameras-all') });
  await page.locator('[data-testid="cameras-view"] button[data-value="map"]').click();
  await page.getByTestId('camera-map-outline').waitFor();
  await page.screenshot({ path: shot('mobile-cameras-map-all') });
  await chip(page, TAG).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="cameras-count"]')?.textContent === '3 camera',
  );
  await page.getByTestId('camera-map-outline').waitFor();
  const d = (await page.getByTestId('camera-map-outline').getAttribute('d')) ?? '';
  assert.ok(d.length > 500, `the province outline is drawn (${d.length} characters)`);
  assert.ok(d.length < 40_000, `and simplified for a phone (${d.length} characters)`);
  assert.match(
    (await page.getByTestId('camera-map').textContent()) ?? '',
    /Ranh giới hành chính: sapnhap\.bando\.com\.vn/,
  );
  // Province scale: Tuy Hòa's pin, and the two Buôn Ma Thuột cameras 500 m apart as one group of 2, inside the
  // drawn province; the private camera nowhere.
  await page.locator(`[data-testid="camera-pin"][data-id="${ids.dead}"]`).waitFor();
  const group = page.getByTestId('camera-group');
  assert.equal(await group.count(), 1);
  assert.equal((await group.textContent())?.trim(), '2');
  assert.equal(await page.locator(`[data-testid="camera-pin"][data-id="${ids.hidden}"]`).count(), 0);
  const box = (await page.getByTestId('camera-map-outline').boundingBox())!;
  const inside = (at: { x: number; y: number }) =>
    at.x > box.x && at.x < box.x + box.width && at.y > box.y && at.y < box.y + box.height;
  assert.ok(inside((await group.boundingBox())!));

  assert.match((await page.getByTestId('camera-map-scale').textContent()) ?? '', /^\d+ km$/);

  // Tapping the group zooms in: two pins, and a way back to the whole province.
  await group.click();
  const pin = page.locator(`[data-testid="camera-pin"][data-id="${ids.live}"]`);
  await pin.waitFor();
  await page.locator(`[data-testid="camera-pin"][data-id="${ids.near}"]`).waitFor();
  assert.equal(await page.getByTestId('camera-group').count(), 0);
  const a = (await pin.boundingBox())!;
  const b = (await page.locator(`[data-testid="camera-pin"][data-id="${ids.near}"]`).boundingBox())!;
  assert.ok(Math.hypot(a.x - b.x, a.y - b.y) > 40, 'the two pins are apart once zoomed in');
  await page.getByTestId('camera-map-whole').waitFor();
  assert.match((await page.getByTestId('camera-map-scale').textContent()) ?? '', /^\d+ m$/);
  assert.match((await pin.textContent()) ?? '', /Vòng xoay Ngã Sáu/);

  await pin.click();
  await page.getByTestId('camera-map-card').waitFor();
  await page.waitForFunction(
    () =>
      (document.querySelector<HTMLImageElement>(
        '[data-testid="camera-map-card"] img[data-testid="camera-thumb"]',
      )?.naturalWidth ?? 0) > 0,
    undefined,
    { timeout: 30_000 },
  );
  await page.screenshot({ path: shot('mobile-cameras-map'), fullPage: true });
  await page.getByTestId('camera-map-whole').click();
  await page.getByTestId('camera-group').waitFor();
  await page.getByTestId('camera-map-card').getByTestId('camera-item').click();
  assert.match(page.url(), new RegExp(`#/cameras/${ids.live}$`));

  // In English too.
  await page.getByTestId('lang-toggle').click();
  await page.getByRole('button', { name: 'Refresh' }).waitFor();
  assert.match(
    (await page.getByTestId('camera-taken-at').textContent()) ?? '',
    /^Picture taken at \d\d:\d\d:\d\d \(/,
  );
  await page.getByTestId('lang-toggle').click();
  assert.deepEqual(errors, []);
});
