import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, consoleSignIn, paintedCharts, type Product } from './harness.ts';

// The console's Workforce page on the demo data (14 zones, 12 demo companies, 24 months of reports).
const IOC_OPERATOR = { phone: '0905000002', password: 'DemoDakLak2026' };
const HOA_PHU = 'kcn-hoa-phu';
const AN_PHU = 'kcn-an-phu';

let product: Product;
let browser: Browser;
let page: Page;
let token: string;
const errors: string[] = [];

before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  token = (await product.login(IOC_OPERATOR.phone, IOC_OPERATOR.password)).accessToken;
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(e.message));
});
after(async () => {
  await browser?.close();
  await product?.stop();
});

async function apiGet<T>(path: string): Promise<T> {
  const res = await fetch(`${product.url}/api/v1/work${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as T;
}

interface Summary {
  from: string;
  to: string;
  threshold: number;
  totals: { headcount: number };
  zones: { code: string; name: string; headcount: number }[];
  alerts: { code: string }[];
}

/** This month in Vietnam, YYYY-MM. */
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
const digits = async (l: Locator) => Number(((await l.textContent()) ?? '').replace(/\D/g, ''));

/**
 * The strongly coloured pixels of the map (the bubbles; the legend is hidden meanwhile): how many, and one well
 * inside a bubble (with coloured pixels all around), in page coordinates.
 */
async function mapBubblePixels(): Promise<{ count: number; inside: { x: number; y: number } | null }> {
  const map = page.getByTestId('wf-map');
  await page.getByTestId('wf-map-legend').evaluate((e) => ((e as HTMLElement).style.visibility = 'hidden'));
  const png = (await map.screenshot()).toString('base64');
  await page.getByTestId('wf-map-legend').evaluate((e) => ((e as HTMLElement).style.visibility = ''));
  const box = await map.boundingBox();
  assert.ok(box);
  const found = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = `data:image/png;base64,${src}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    // No helper functions in here: the test runner's transform would name them with a helper the page lacks.
    const w = c.width;
    const mask = new Uint8Array(w * c.height);
    for (let p = 0; p < mask.length; p++) {
      const r = d[p * 4] ?? 0;
      const g = d[p * 4 + 1] ?? 0;
      const b = d[p * 4 + 2] ?? 0;
      mask[p] = Math.max(r, g, b) - Math.min(r, g, b) > 90 ? 1 : 0;
    }
    let count = 0;
    let inside: { x: number; y: number } | null = null;
    for (let y = 6; y < c.height - 6; y++)
      for (let x = 6; x < w - 6; x++) {
        const p = y * w + x;
        if (!mask[p]) continue;
        count++;
        if (!inside && mask[p - 5] && mask[p + 5] && mask[p - 5 * w] && mask[p + 5 * w]) inside = { x, y };
      }
    return { count, inside };
  }, png);
  return {
    count: found.count,
    inside: found.inside ? { x: box.x + found.inside.x, y: box.y + found.inside.y } : null,
  };
}

test('the operator follows the workforce of the province and of a zone', async () => {
  const province = await apiGet<Summary>('/workforce/summary');
  assert.ok(province.totals.headcount > 0, 'demo reports');

  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, IOC_OPERATOR.phone, IOC_OPERATOR.password);
  await page.getByTestId('nav-workforce').click();
  await page.waitForURL(/\/console\/workforce$/);

  // KPI cards with the figures of the api (default range: twelve months ending last month).
  const headcount = page.getByTestId('wf-kpi-headcount-value');
  await headcount.waitFor();
  // Checked once the page has rendered: the address changes a moment before React draws the new page.
  assert.equal(await page.getByTestId('not-available').count(), 0);
  assert.equal(await page.getByTestId('workforce-tab-overview').getAttribute('aria-selected'), 'true');
  assert.equal(await digits(headcount), province.totals.headcount);
  assert.match((await page.getByTestId('wf-kpi-vacancyRate-value').textContent()) ?? '', /%$/);
  assert.match(
    (await page.getByTestId('wf-kpi-headcount-change').textContent()) ?? '',
    /[+−±][\d.]+ so với tháng trước/,
  );

  // Alerts above the line, the same zones as the api.
  const alerts = page.getByTestId('wf-alerts');
  for (const a of province.alerts) await alerts.getByTestId(`wf-alert-${a.code}`).waitFor();
  assert.match((await alerts.textContent()) ?? '', /15%/);

  // Trends drawn on their canvases.
  await page.getByTestId('chart-wf-app').scrollIntoViewIfNeeded();
  const painted = await paintedCharts(page, 'chart-wf-');
  for (const chart of ['chart-wf-headcount', 'chart-wf-flows', 'chart-wf-vacancy-rate'])
    assert.ok((painted[chart] ?? 0) > 500, `${chart} is painted: ${JSON.stringify(painted)}`);

  // The map: one bubble per zone with companies and a place, drawn by deck.gl.
  const map = page.getByTestId('wf-map');
  await map.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.locator('[data-testid="wf-map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
  const withPlace = province.zones.filter((z) => z.code !== 'none').length;
  assert.equal(Number(await map.getAttribute('data-bubbles')), withPlace);
  assert.ok((await map.locator('canvas').count()) >= 2, 'maplibre and deck.gl');
  let bubbles = await mapBubblePixels();
  for (let i = 0; i < 20 && bubbles.count < 1500; i++) {
    await page.waitForTimeout(250);
    bubbles = await mapBubblePixels();
  }
  assert.ok(bubbles.count >= 1500, `coloured bubble pixels: ${bubbles.count}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('console-workforce'), fullPage: true });
  await map.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  bubbles = await mapBubblePixels();

  // Hovering a bubble shows the zone's figures; a click selects the zone.
  assert.ok(bubbles.inside);
  await page.mouse.move(bubbles.inside.x, bubbles.inside.y);
  await page
    .getByTestId('wf-map-tooltip')
    .filter({ hasText: /Lao động[\d.]+Vị trí còn trống/ })
    .waitFor();
  await page.screenshot({ path: shot('console-workforce-map') });
  await page.mouse.click(bubbles.inside.x, bubbles.inside.y);
  await page.waitForURL(/[?&]zone=[a-z0-9-]+/);
  await page.getByTestId('wf-back').click();
  await page.waitForURL(/\/console\/workforce$/);

  // Zones table → drill-down into Hòa Phú: its companies with their report of the month.
  const zoneRow = page.getByTestId('wf-zones-grid').locator(`[data-id="${HOA_PHU}"]`);
  await zoneRow.click();
  await page.waitForURL(new RegExp(`zone=${HOA_PHU}`));
  const companies = await apiGet<{ items: { name: string; headcount: number | null }[] }>(
    `/workforce/zones/${HOA_PHU}/companies?month=${province.to}`,
  );
  assert.ok(companies.items.length >= 2);
  const grid = page.getByTestId('wf-companies-grid');
  for (const c of companies.items) await grid.getByText(c.name, { exact: true }).waitFor();
  assert.match((await page.getByTestId('wf-zone-title').textContent()) ?? '', /Hòa Phú/);
  const zone = await apiGet<Summary>(`/workforce/summary?zone=${HOA_PHU}`);
  await page.waitForFunction(
    (n) =>
      Number(
        document.querySelector('[data-testid="wf-kpi-headcount-value"]')?.textContent?.replace(/\D/g, ''),
      ) === n,
    zone.totals.headcount,
  );
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('console-workforce-zone'), fullPage: true });
  await page.getByTestId('wf-back').click();
  await page.waitForURL(/\/console\/workforce$/);
  await page.getByTestId('wf-zones-grid').waitFor();
  assert.deepEqual(errors, []);
});

test('two zones compared, a stricter alert line, CSV export; the address keeps it all', async () => {
  // Compare Hòa Phú with An Phú: the first picked in the page, the second too.
  await page.getByTestId('wf-compare-a').locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: 'KCN Hòa Phú', exact: true }).click();
  await page.getByTestId('wf-compare-b').locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: 'KCN An Phú', exact: true }).click();
  await page.waitForURL(new RegExp(`a=${HOA_PHU}&b=${AN_PHU}`));
  const cmp = await apiGet<{ a: { totals: { headcount: number } }; b: { totals: { headcount: number } } }>(
    `/workforce/compare?a=${HOA_PHU}&b=${AN_PHU}`,
  );
  const row = page.getByTestId('wf-compare-headcount');
  await row.waitFor();
  const cells = row.getByRole('cell');
  assert.equal(await digits(cells.nth(0)), cmp.a.totals.headcount);
  assert.equal(await digits(cells.nth(1)), cmp.b.totals.headcount);
  await page.getByTestId('chart-wf-compare-vacancyRate').scrollIntoViewIfNeeded();
  const painted = await paintedCharts(page, 'chart-wf-');
  assert.ok((painted['chart-wf-compare-headcount'] ?? 0) > 500, JSON.stringify(painted));

  // A stricter alert line (10 %): the api's alerts for that line are listed.
  const strict = await apiGet<Summary>('/workforce/summary?threshold=0.1');
  await page.getByTestId('wf-threshold').fill('10');
  await page.waitForURL(/alert=10/);
  const alerts = page.getByTestId('wf-alerts');
  await alerts.filter({ hasText: '10%' }).waitFor();
  for (const a of strict.alerts) await alerts.getByTestId(`wf-alert-${a.code}`).waitFor();
  assert.equal(await alerts.locator('[data-testid^="wf-alert-"]').count(), strict.alerts.length);

  // A reload keeps the range, the line and the pair.
  await page.reload();
  await page.getByTestId('wf-compare-headcount').waitFor();
  assert.equal(await page.getByTestId('wf-threshold').inputValue(), '10');
  assert.equal(await page.getByTestId('wf-compare-a').inputValue(), HOA_PHU);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('console-workforce-compare'), fullPage: true });

  // CSV of the same range, downloaded with the operator's token.
  const download = page.waitForEvent('download');
  await page.getByTestId('wf-export').click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^thong-ke-lao-dong_\d{4}-\d{2}_\d{4}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await file.path()) as string, 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
  const lines = csv.slice(1).trim().split('\r\n');
  assert.match(lines[0] ?? '', /^Tháng,Mã khu,Khu\/cụm công nghiệp,Lao động,/);
  const { to } = await apiGet<Summary>('/workforce/summary');
  assert.ok(lines.some((l) => l.startsWith(`${to},,Toàn tỉnh,`)));

  // The demo applications were sent this month: a range up to this month draws the app's part.
  await page.getByTestId('wf-to').fill(thisMonth());
  await page.waitForURL(new RegExp(`to=${thisMonth()}`));
  await page
    .getByTestId('wf-filed-note')
    .filter({ hasText: /: 0\/\d+ doanh nghiệp đã báo cáo/ })
    .waitFor();
  await page.getByTestId('chart-wf-app').locator('canvas').waitFor();
  assert.ok(((await paintedCharts(page, 'chart-wf-'))['chart-wf-app'] ?? 0) > 500, 'chart-wf-app is painted');
  assert.deepEqual(errors, []);
});

test('the not-filed tab lists the verified companies without a report for the month', async () => {
  await page.getByTestId('workforce-tab-missing').click();
  await page.waitForURL(/\/console\/workforce\/missing$/);
  const count = page.getByTestId('wf-missing-count');
  // Last month: every demo company has filed.
  const last = await apiGet<{ count: number }>('/workforce/missing');
  await count.filter({ hasText: new RegExp(`^${last.count} doanh nghiệp`) }).waitFor();

  // This month: nobody has filed yet, so every verified company is listed with its contact.
  const now = thisMonth();
  const missing = await apiGet<{ count: number; items: { name: string; contactPhone: string | null }[] }>(
    `/workforce/missing?month=${now}`,
  );
  assert.ok(missing.count >= 12, `demo companies: ${missing.count}`);
  await page.getByTestId('wf-missing-month').fill(now);
  await page.waitForURL(new RegExp(`month=${now}`));
  await count.filter({ hasText: new RegExp(`^${missing.count} doanh nghiệp`) }).waitFor();
  const grid = page.getByTestId('wf-missing-grid');
  await grid.getByText(missing.items[0]?.name ?? '', { exact: true }).waitFor();
  assert.ok((await grid.locator('a[href^="tel:"]').count()) > 0, 'contact phones');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('console-workforce-missing'), fullPage: true });

  // In English: the overview's texts follow the language.
  await page.getByTestId('lang-en').click();
  await page.getByTestId('workforce-tab-overview').click();
  await page.getByTestId('wf-kpi-headcount').filter({ hasText: 'Workers' }).waitFor();
  await page.getByTestId('wf-alerts').filter({ hasText: /above/ }).waitFor();
  await page.screenshot({ path: shot('console-workforce-en'), fullPage: true });
  await page.getByTestId('lang-vi').click();
  assert.deepEqual(errors, []);
});
