import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, consoleSignIn, assertText, type Product } from './harness.ts';
import { startTestCameras, type TestCameras } from '../scripts/test-cameras.mjs';

/**
 * The console's cameras page against two real RTSP test cameras (GStreamer): the map shows them, the side panel
 * plays one (the canvas is painted and changes between two frames), the wall shows both in 2×2 and saves the
 * layout, and a camera that is killed turns offline on the wall and back to live when it returns.
 */
const IOC_OPERATOR = { phone: '0905000002', password: 'DemoDakLak2026' };
const CODES = ['E2E-BMT-01', 'E2E-BMT-02'];

let product: Product;
let browser: Browser;
let page: Page;
let cams: TestCameras | undefined;
let token = '';
const ids: string[] = [];
const errors: string[] = [];

before(async () => {
  cams = await startTestCameras({ count: 2 });
  product = await startProduct({
    CAMERA_GRACE_MS: '3000',
    CAMERA_HEALTH_INTERVAL_MS: '2000',
    CAMERA_STALL_MS: '3000',
    CAMERA_BACKOFF_MS: '500',
    CAMERA_BACKOFF_MAX_MS: '2000',
    ...(process.env.E2E_CONSOLE_DIST ? { CONSOLE_DIST: process.env.E2E_CONSOLE_DIST } : {}),
  });
  token = (await product.login(IOC_OPERATOR.phone, IOC_OPERATOR.password)).accessToken;
  const places = [
    { name: 'E2E Ngã Sáu Buôn Ma Thuột', lat: 12.6667, lng: 108.0383 },
    { name: 'E2E Ngã tư Phan Chu Trinh', lat: 12.6795, lng: 108.0468 },
  ];
  for (const [i, p] of places.entries()) {
    const res: Response = await fetch(`${product.url}/api/v1/cameras`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: CODES[i], rtspUrl: cams.urls[i], tags: ['e2e'], ...p }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    ids.push(((await res.json()) as { id: string }).id);
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
});
after(async () => {
  await browser?.close();
  await product?.stop();
  await cams?.close();
});

/** Pixels of a live player's canvas: how many are not near-black, and a fingerprint to compare two frames. */
async function canvasPixels(testId: string): Promise<{ painted: number; sample: number[] }> {
  return page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const d = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      const sample: number[] = [];
      for (let i = 0; i < d.length; i += 4) {
        if ((d[i] ?? 0) + (d[i + 1] ?? 0) + (d[i + 2] ?? 0) > 60) painted++;
        if (i % 4096 === 0) sample.push(d[i] ?? 0, d[i + 1] ?? 0, d[i + 2] ?? 0);
      }
      return { painted, sample };
    });
}

const differs = (a: number[], b: number[]) => a.filter((v, i) => Math.abs(v - (b[i] ?? 0)) > 8).length;

test('map, live panel, wall and an outage seen live', async () => {
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, IOC_OPERATOR.phone, IOC_OPERATOR.password);
  await page.getByTestId('nav-cameras').click();
  await page.waitForURL(/\/console\/cameras$/);
  await page.getByTestId(`camera-item-${CODES[0]}`).waitFor();
  assert.equal(await page.getByTestId('not-available').count(), 0);
  await page.locator('[data-testid="camera-stream"][data-connected="true"]').waitFor({ timeout: 10_000 });
  await page.locator('[data-testid="camera-map"][data-loaded="true"]').waitFor();
  assert.ok(Number(await page.getByTestId('camera-map').getAttribute('data-count')) >= 2);

  // The side panel plays the first camera: painted, and moving.
  await page.getByTestId(`camera-item-${CODES[0]}`).click();
  const panel = page.getByTestId('camera-panel');
  await panel.waitFor();
  await panel.locator('[data-testid="live-player"][data-video="yes"]').waitFor({ timeout: 20_000 });
  const first = await canvasPixels('camera-panel');
  await page.screenshot({ path: shot('console-cameras-panel') });
  await page.waitForTimeout(1000);
  const second = await canvasPixels('camera-panel');
  assert.ok(first.painted > 640 * 360 * 0.3, `painted pixels: ${first.painted}`);
  assert.ok(differs(first.sample, second.sample) > 20, 'two frames 1 s apart differ');
  await page
    .locator(`[data-testid="camera-item-${CODES[0]}"][data-state="live"]`)
    .waitFor({ timeout: 10_000 });
  await page
    .getByTestId('camera-viewers')
    .filter({ hasText: /^[1-9]/ })
    .waitFor({ timeout: 10_000 });
  await page.screenshot({ path: shot('console-cameras-map') });

  // The wall: 2×2, both cameras dragged into the first two tiles.
  await page.getByTestId('cameras-tab-wall').click();
  await page.getByTestId('wall-grid-2').click();
  await page.locator('[data-testid="wall-grid"][data-grid="2"]').waitFor();
  for (const [i, code] of CODES.entries())
    await page.getByTestId(`wall-camera-${code}`).dragTo(page.getByTestId(`wall-tile-${i}`));
  for (const [i, id] of ids.entries()) {
    const tile = page.locator(`[data-testid="wall-tile-${i}"][data-camera="${id}"]`);
    await tile.waitFor();
    await tile.locator('[data-testid="live-player"][data-video="yes"]').waitFor({ timeout: 20_000 });
  }
  await page.screenshot({ path: shot('console-cameras-wall') });

  // Saved as a named layout of this operator.
  await page.getByTestId('wall-layout-save-as').click();
  await page.getByTestId('wall-layout-name').fill('Trung tâm Buôn Ma Thuột');
  await page.getByTestId('wall-layout-confirm').click();
  await page.getByText('Đã lưu bố cục “Trung tâm Buôn Ma Thuột”.').waitFor();
  const layouts = (await (
    await fetch(`${product.url}/api/v1/cameras/layouts`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { items: { name: string; grid: number; tiles: (string | null)[] }[] };
  const saved = layouts.items.find((l) => l.name === 'Trung tâm Buôn Ma Thuột');
  assert.deepEqual(saved && { grid: saved.grid, tiles: saved.tiles.slice(0, 2) }, { grid: 2, tiles: ids });

  // Outage: the second camera is killed → its tile turns offline; started again → live.
  await cams?.stop(1);
  const t0 = Date.now();
  await page.locator('[data-testid="wall-tile-1"][data-state="offline"]').waitFor({ timeout: 15_000 });
  await page.getByTestId('wall-tile-1').locator('[data-testid="live-overlay"]').waitFor({ timeout: 10_000 });
  console.log(`offline seen after ${Date.now() - t0} ms`);
  await page.screenshot({ path: shot('console-cameras-wall-outage') });
  assert.equal(await page.getByTestId('wall-tile-0').getAttribute('data-state'), 'live');
  await cams?.start(1);
  await page.locator('[data-testid="wall-tile-1"][data-state="live"]').waitFor({ timeout: 25_000 });
  await page
    .getByTestId('wall-tile-1')
    .locator('[data-testid="live-player"][data-video="yes"]')
    .waitFor({ timeout: 20_000 });
  await page.screenshot({ path: shot('console-cameras-wall-back') });

  // Keys: 3 and 2 switch the grid; F full-screens the focused tile.
  await page.getByTestId('wall-tile-0').focus();
  await page.keyboard.press('3');
  await page.locator('[data-testid="wall-grid"][data-grid="3"]').waitFor();
  await page.keyboard.press('2');
  await page.locator('[data-testid="wall-grid"][data-grid="2"]').waitFor();
  await page.getByTestId('wall-tile-0').focus();
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement?.getAttribute('data-testid') === 'wall-tile-0');
  await page.screenshot({ path: shot('console-cameras-fullscreen') });
  await page.evaluate(() => document.exitFullscreen());

  // Auto-cycle through the tag "e2e" on a 1×1 grid every 5 s; Space pauses it.
  await page.getByTestId('wall-cycle-open').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: 'e2e', exact: true }).click();
  await dialog.getByTestId('wall-cycle-seconds').fill('5');
  await dialog.getByTestId('wall-cycle-start').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('wall-grid-1').click();
  const shown = await page.getByTestId('wall-tile-0').getAttribute('data-camera');
  assert.ok(shown && ids.includes(shown));
  await page.locator(`[data-testid="wall-tile-0"]:not([data-camera="${shown}"])`).waitFor({ timeout: 8000 });
  await assertText(page, 'wall-cycle-page', /^Trang 2\/2 · mỗi 5 giây$/);
  await page.getByTestId('wall-grid').click();
  await page.keyboard.press(' ');
  await page.locator('[data-testid="wall-cycle-pause"][data-paused="true"]').waitFor();
  await page.getByTestId('wall-cycle-stop').click();

  // Disabled by an operator: the gateway closes the stream (4410) and the tile says so instead of retrying
  await page.getByTestId('wall-grid-2').click();
  const tile1 = page.locator(`[data-testid="wall-tile-1"][data-camera="${ids[1]}"]`);
  await tile1.locator('[data-testid="live-player"][data-video="yes"]').waitFor({ timeout: 20_000 });
  const put = await fetch(`${product.url}/api/v1/cameras/${ids[1]}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ enabled: false }),
  });
  assert.equal(put.status, 200, await put.text());
  // (the player gives up and the wall reloads its cameras: the tile then says the camera is disabled)
  await page.locator('[data-testid="wall-tile-1"][data-state="disabled"]').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: shot('console-cameras-wall-disabled') });

  // The map page agrees: the first camera live, the second disabled (hollow).
  await page.getByTestId('cameras-tab-map').click();
  await page.locator(`[data-testid="camera-item-${CODES[0]}"][data-state="live"]`).waitFor();
  await page.locator(`[data-testid="camera-item-${CODES[1]}"][data-state="disabled"]`).waitFor();
  assert.deepEqual(errors, []);
});
