import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, consoleSignIn, type Product } from './harness.ts';
import { startTestCameras, type TestCameras } from '../scripts/test-cameras.mjs';

/**
 * The console's camera registry as the demo IOC operator, against a real RTSP test camera (GStreamer): adding a
 * camera tests its feed (reachable, 640×360), an unreachable port gives the Vietnamese reason, a CSV with a bad
 * line is refused line by line and a good one imports, the imported cameras are disabled in bulk, and the outage
 * history lists the changes of state the health check recorded (the test camera stopped = an outage).
 */
const IOC_OPERATOR = { phone: '0905000002', password: 'DemoDakLak2026' };

let product: Product;
let browser: Browser;
let page: Page;
let cams: TestCameras | undefined;
let token = '';
const errors: string[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

before(async () => {
  cams = await startTestCameras({ count: 1 });
  product = await startProduct({
    CAMERA_HEALTH_INTERVAL_MS: '1500',
    CAMERA_SNAPSHOT_MAX_AGE_MS: '1000',
    CAMERA_PROBE_TIMEOUT_MS: '6000',
    // A private build of the console for a local run while another build rewrites console/dist.
    ...(process.env.E2E_CONSOLE_DIST ? { CONSOLE_DIST: process.env.E2E_CONSOLE_DIST } : {}),
  });
  token = (await product.login(IOC_OPERATOR.phone, IOC_OPERATOR.password)).accessToken;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(e.message));
});
after(async () => {
  await browser?.close();
  await product?.stop();
  await cams?.close();
});

interface Camera {
  id: string;
  code: string;
  enabled: boolean;
  state: string;
}
async function cameras(q: string): Promise<Camera[]> {
  const res = await fetch(`${product.url}/api/v1/cameras/all?q=${encodeURIComponent(q)}&limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { items: Camera[] }).items;
}

/** Types into the registry's search box and waits for the grid to show `rows` rows. */
async function search(text: string, rows: number): Promise<void> {
  const listed = page.waitForResponse(
    (r) => r.url().includes('/api/v1/cameras/all?') && new URL(r.url()).searchParams.get('q') === text,
  );
  await page.getByTestId('cam-reg-search').fill(text);
  await listed;
  await page.waitForFunction(
    ([n]) => document.querySelectorAll('[data-testid="camera-registry"] .MuiDataGrid-row').length === n,
    [rows],
    { timeout: 10_000 },
  );
}

test('the operator adds, tests, imports, disables cameras and reads the outage history', async () => {
  assert.ok(cams);
  await page.goto(`${product.url}/console/cameras/registry`);
  await consoleSignIn(page, product, IOC_OPERATOR.phone, IOC_OPERATOR.password);
  await page.getByTestId('camera-registry').waitFor();

  // A camera on the running test camera: the test says reachable with the pattern's size.
  await page.getByTestId('cam-reg-add').click();
  const form = page.getByTestId('cam-form-dialog');
  await form.getByTestId('cam-form-save').click();
  assert.match(
    (await form.textContent()) ?? '',
    /Bắt buộc nhập/,
    'empty form: the fields say what is missing',
  );
  await form.getByTestId('cam-form-code').fill('E2E-NGA-SAU');
  await form.getByTestId('cam-form-name').fill('Ngã Sáu — camera thử nghiệm');
  await form.getByTestId('cam-form-lat').fill('12,6679');
  await form.getByTestId('cam-form-lng').fill('108.0383');
  await form.getByTestId('cam-form-direction').fill('Hướng về Phan Bội Châu');
  await form.getByTestId('cam-form-tags').fill('ngã tư');
  await form.getByTestId('cam-form-tags').press('Enter');
  await form.getByTestId('cam-form-rtsp').fill(cams.urls[0] as string);
  await form.getByTestId('cam-form-probe').click();
  const probe = form.getByTestId('cam-probe-result');
  await probe.waitFor({ timeout: 15_000 });
  assert.equal(await probe.getAttribute('data-reachable'), 'true', (await probe.textContent()) ?? '');
  assert.match((await probe.textContent()) ?? '', /Kết nối được.*640×360/);
  await page.screenshot({ path: shot('console-camera-registry-form') });
  await form.getByTestId('cam-form-save').click();
  await form.locator('[data-testid="cam-probe-result"][data-reachable="true"]').waitFor({ timeout: 15_000 });
  assert.match((await probe.textContent()) ?? '', /Kết quả kiểm tra khi lưu/);
  await form.getByTestId('cam-form-close').click();
  await form.waitFor({ state: 'detached' });
  await search('E2E-NGA', 1);

  // An unreachable port: saved all the same, the test gives the reason in Vietnamese.
  const deadPort = await freePort();
  await page.getByTestId('cam-reg-add').click();
  await form.getByTestId('cam-form-code').fill('E2E DEAD');
  await form.getByTestId('cam-form-name').fill('Camera không trả lời');
  await form.getByTestId('cam-form-lat').fill('13.0955');
  await form.getByTestId('cam-form-lng').fill('109.3209');
  await form.getByTestId('cam-form-rtsp').fill(`rtsp://127.0.0.1:${deadPort}/live`);
  await form.getByTestId('cam-form-probe').click();
  await probe.waitFor({ timeout: 15_000 });
  assert.equal(await probe.getAttribute('data-reachable'), 'false');
  assert.match((await probe.textContent()) ?? '', /Không kết nối được tới camera/);
  // The api's field error shows under the field.
  await form.getByTestId('cam-form-save').click();
  await form.locator('.Mui-error', { hasText: 'Mã camera gồm chữ không dấu' }).first().waitFor();
  await form.getByTestId('cam-form-fix').waitFor();
  await form.getByTestId('cam-form-code').fill('E2E-DEAD');
  await form.getByTestId('cam-form-save').click();
  await form.locator('[data-testid="cam-probe-result"][data-reachable="false"]').waitFor({ timeout: 15_000 });
  await form.getByTestId('cam-form-close').click();

  // CSV import: a bad line is refused by line and nothing is saved; then a good file imports every row.
  const header =
    'code,name,lat,lng,commune_code,address,direction,tags,rtsp_url,username,password,private,enabled';
  const row = (code: string, lat: string) =>
    `${code},Camera nhập ${code},${lat},108.05,,,,quốc lộ;nhập,rtsp://127.0.0.1:${deadPort}/${code},,,false,true`;
  await page.getByTestId('cam-reg-import').click();
  const imp = page.getByTestId('cam-import-dialog');
  const template = page.waitForEvent('download');
  await imp.getByTestId('cam-import-template').click();
  let templateText = '';
  for await (const chunk of await (await template).createReadStream()) templateText += String(chunk);
  assert.equal(templateText.replace(/^\uFEFF/, '').split('\r\n')[0], header);
  await imp.getByTestId('cam-import-file').setInputFiles({
    name: 'camera-loi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${[header, row('E2E-IMP-1', '12.70'), row('E2E-IMP-2', 'abc')].join('\r\n')}`),
  });
  assert.match((await imp.textContent()) ?? '', /Tệp: camera-loi\.csv/);
  await imp.getByTestId('cam-import-check').click();
  await imp.getByTestId('cam-import-line-3').waitFor();
  assert.equal(await imp.locator('[data-testid^="cam-import-line-"]').count(), 1, 'only line 3 is wrong');
  await page.screenshot({ path: shot('console-camera-registry-import') });
  assert.equal((await cameras('E2E-IMP')).length, 0, 'a check saves nothing');
  await imp
    .getByTestId('cam-import-text')
    .fill([header, row('E2E-IMP-1', '12.70'), row('E2E-IMP-2', '12.71')].join('\n'));
  await imp.getByTestId('cam-import-check').click();
  await imp.getByTestId('cam-import-ok').waitFor();
  assert.match((await imp.getByTestId('cam-import-ok').textContent()) ?? '', /thêm 2/);
  await imp.getByTestId('cam-import-run').click();
  await imp.waitFor({ state: 'detached' });
  await search('E2E-IMP', 2);

  // Bulk disable of the two imported cameras, after a confirmation.
  const grid = page.getByTestId('camera-registry');
  for (const c of await cameras('E2E-IMP'))
    await grid.locator(`[data-id="${c.id}"] input[type="checkbox"]`).check();
  assert.match((await page.getByTestId('cam-reg-selection').textContent()) ?? '', /Đã chọn 2 camera/);
  await page.getByTestId('cam-reg-bulk-disable').click();
  await page.getByTestId('cam-bulk-confirm').click();
  await page.getByTestId('cam-bulk-dialog').waitFor({ state: 'detached' });
  await grid.locator('.cam-disabled').nth(1).waitFor();
  assert.deepEqual(
    (await cameras('E2E-IMP')).map((c) => c.enabled),
    [false, false],
  );
  await page.getByRole('combobox', { name: 'Hoạt động' }).click();
  await page.getByRole('option', { name: 'Đang bật', exact: true }).click();
  await search('E2E', 2);
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  await page.waitForTimeout(300); // the export button's colour transition
  await page.screenshot({ path: shot('console-camera-registry') });

  // The export has the host of each feed, never its address.
  const download = page.waitForEvent('download');
  await page.getByTestId('cam-reg-export').click();
  let csv = '';
  for await (const chunk of await (await download).createReadStream()) csv += String(chunk);
  assert.match(csv, /^\uFEFFcode,name,/);
  assert.ok(csv.includes(`E2E-NGA-SAU,`) && csv.includes(`127.0.0.1:${cams.ports[0]}`), csv);
  assert.doesNotMatch(csv, /rtsp:/);

  // Editing: the address is not shown (empty = keep, its host is named); a save without a new address closes.
  await page.getByTestId('cam-reg-edit-E2E-NGA-SAU').click();
  assert.equal(await form.getByTestId('cam-form-rtsp').inputValue(), '');
  assert.ok(((await form.textContent()) ?? '').includes(`giữ địa chỉ hiện tại (127.0.0.1:${cams.ports[0]})`));
  await form.getByTestId('cam-form-direction').fill('Hướng về Ngã Sáu');
  await form.getByTestId('cam-form-save').click();
  await form.waitFor({ state: 'detached' });

  // An outage: the health check saw the camera live, then the test camera stops and it goes offline; the
  // table follows the live status stream without being reloaded.
  const live = (await cameras('E2E-NGA'))[0];
  assert.ok(live);
  const chip = (state: string) => grid.locator(`[data-id="${live.id}"] [data-state="${state}"]`);
  await chip('live').waitFor({ timeout: 20_000 });
  await cams.stop(0);
  await chip('offline').waitFor({ timeout: 20_000 });
  assert.equal((await cameras('E2E-NGA'))[0]?.state, 'offline');

  await page.getByTestId('cameras-tab-outages').click();
  const outages = page.getByTestId('camera-outages');
  await outages.getByText('Camera không trả lời').first().waitFor();
  await outages.locator('.MuiDataGrid-row', { hasText: 'Ngã Sáu — camera thử nghiệm' }).first().waitFor();
  // The stopped camera went offline from live, or, on a loaded machine, through a stream error first: the row shows
  // the change the health check recorded, whichever it was.
  const recorded = await fetch(`${product.url}/api/v1/cameras/events?cameraId=${live.id}&limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  }).then((r) => r.json() as Promise<{ items: { state: string; previousState: string | null }[] }>);
  const last = recorded.items[0];
  assert.ok(last?.state === 'offline', JSON.stringify(recorded));
  const before = ({ live: 'Trực tuyến', error: 'Lỗi luồng' } as Record<string, string>)[
    last.previousState ?? ''
  ];
  assert.ok(before, `the camera went offline from live or a stream error, not ${last.previousState}`);
  const newest = outages.locator('.MuiDataGrid-row', { hasText: 'Ngã Sáu — camera thử nghiệm' }).first();
  assert.match((await newest.textContent()) ?? '', new RegExp(`${before}.*Mất tín hiệu.*Đang diễn ra`));
  const ended = outages.locator('.MuiDataGrid-row', { hasText: 'Ngã Sáu — camera thử nghiệm' }).nth(1);
  assert.match((await ended.textContent()) ?? '', /\d+ giây/, 'the live period has a duration');
  // Filtered to the offline state: only changes into it remain.
  await outages.getByRole('combobox', { name: 'Trạng thái' }).click();
  await page.getByRole('option', { name: 'Mất tín hiệu', exact: true }).click();
  await page.waitForFunction(
    () => {
      const rows = Array.from(document.querySelectorAll('[data-testid="camera-outages"] .MuiDataGrid-row'));
      return (
        rows.length >= 2 &&
        rows.every((r) => {
          const chips = r.querySelectorAll('[data-field="state"] [data-state]');
          return chips[chips.length - 1]?.getAttribute('data-state') === 'offline';
        })
      );
    },
    undefined,
    { timeout: 10_000 },
  );
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  await page.screenshot({ path: shot('console-camera-outages') });

  // Paging: a camera with a long history (older changes written straight into the database) lists the newest
  // 100 changes first, and "Xem thêm" loads the rest until there is no more.
  const db = new pg.Client({ connectionString: product.databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO camera_status_events (camera_id, state, previous_state, at)
       SELECT $1, CASE WHEN i % 2 = 0 THEN 'live' ELSE 'offline' END,
              CASE WHEN i % 2 = 0 THEN 'offline' ELSE 'live' END, now() - interval '2 days' - i * interval '1 minute'
       FROM generate_series(1, 130) AS i`,
      [live.id],
    );
  } finally {
    await db.end();
  }
  const history = await fetch(`${product.url}/api/v1/cameras/events?cameraId=${live.id}&limit=500`, {
    headers: { authorization: `Bearer ${token}` },
  }).then((r) => r.json() as Promise<{ items: unknown[] }>);
  assert.ok(history.items.length > 130, `the API lists the whole history (${history.items.length})`);
  const loaded = (n: number) =>
    page.waitForFunction(
      (m) => document.querySelector('[data-testid="cam-out-count"]')?.textContent?.startsWith(`${m} `),
      n,
      { timeout: 10_000 },
    );
  await outages.getByRole('combobox', { name: 'Trạng thái' }).click();
  await page.getByRole('option', { name: 'Tất cả', exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  await outages.getByRole('combobox', { name: 'Camera' }).click();
  await page.getByRole('option', { name: /^Ngã Sáu — camera thử nghiệm/ }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  await loaded(100);
  await page.getByTestId('cam-out-more').click();
  await loaded(history.items.length);
  assert.equal(await page.getByTestId('cam-out-more').count(), 0, 'nothing more to load');

  // Deleting one camera from its form, after a confirmation.
  await page.getByTestId('cameras-tab-registry').click();
  await search('E2E-DEAD', 1);
  await page.getByTestId('cam-reg-edit-E2E-DEAD').click();
  await form.getByTestId('cam-form-delete').click();
  await page.getByTestId('cam-bulk-confirm').click();
  await form.waitFor({ state: 'detached' });
  assert.equal((await cameras('E2E-DEAD')).length, 0);
  await page.getByText('Đã xóa 1 camera.').waitFor();
  assert.deepEqual(errors, []);
});
