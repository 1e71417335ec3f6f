import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startProduct, launchBrowser, shot, mobileSignIn, DEMO_CITIZEN, type Product } from './harness.ts';

/**
 * mobile-lite, "Việc làm": the demo citizen signs in, opens the jobs tile, searches without accents,
 * narrows to one industrial zone and opens a posting: salary, company, place, shifts, benefits, share link.
 */
let product: Product;
let browser: Browser;
before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});
after(async () => {
  await citizen?.close();
  await browser?.close();
  await product?.stop();
});

const VIEWPORT = { width: 360, height: 740 };

let citizen: BrowserContext | undefined;
/** A page of one browser the demo citizen signed in on once (each new browser costs an SMS code). */
async function citizenPage(): Promise<Page> {
  if (citizen) return citizen.newPage();
  citizen = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await citizen.newPage();
  await mobileSignIn(page, product, DEMO_CITIZEN, 'mobile-jobs-signin-failed');
  return page;
}

async function titles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="job-item"] .jb-title').allTextContents();
}

test('the demo citizen finds a garment job without accents, filters by zone and opens it', async () => {
  const page = await citizenPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${product.url}/#/`);
  await page.getByTestId('service-jobs').click();
  await page.getByTestId('jobs-form').waitFor();
  assert.match(page.url(), /#\/jobs$/);
  await page.getByTestId('job-item').first().waitFor();
  const newest = await page.getByTestId('job-item').count();
  assert.ok(newest >= 10, `the newest postings show first (${newest})`);
  assert.equal(await page.getByTestId('jobs-more').count(), 1, 'more than one page of 60 demo postings');
  await page.screenshot({ path: shot('mobile-jobs-list') });

  // "Xem thêm" appends the next page.
  await page.getByTestId('jobs-more').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="job-item"]').length > n, newest);

  // A misspelt word is corrected against the words of published postings, and the screen says so.
  await page.getByTestId('jobs-q').fill('nhan vien khoo');
  await page.getByTestId('jobs-search').click();
  await page.getByTestId('jobs-searched-for').waitFor();
  assert.match((await page.getByTestId('jobs-searched-for').textContent()) ?? '', /“nhan vien kho”/);
  assert.ok((await titles(page)).some((t) => /Nhân viên kho/.test(t)));

  // No accents typed; the server matches "Công nhân may", and no correction is announced.
  await page.getByTestId('jobs-q').fill('cong nhan may');
  await page.getByTestId('jobs-search').click();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[data-testid="job-item"] .jb-title')).every((e) =>
      /Công nhân may/.test(e.textContent ?? ''),
    ),
  );
  assert.equal(await page.getByTestId('jobs-searched-for').count(), 0);
  const found = await titles(page);
  assert.ok(found.length >= 2, `garment postings found: ${found.join(' | ')}`);
  const salaries = await page.getByTestId('job-salary').allTextContents();
  for (const s of salaries)
    assert.match(s, /^(\d+(,\d)?(–\d+(,\d)?)? triệu\/tháng|Từ .+|Đến .+|Thỏa thuận)$/);
  await page.screenshot({ path: shot('mobile-jobs-search'), fullPage: true });

  // One zone: every result is in it.
  const zoneSelect = page.getByTestId('jobs-zone');
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="jobs-zone"]') as HTMLSelectElement).options.length > 1,
  );
  await zoneSelect.selectOption('kcn-hoa-phu');
  const zoneName = ((await zoneSelect.locator('option:checked').textContent()) ?? '').replace(
    /\s*\(\d+\)$/,
    '',
  );
  assert.ok(zoneName.length > 0);
  await page.waitForFunction((name) => {
    const rows = Array.from(document.querySelectorAll('[data-testid="job-item"]'));
    return rows.length > 0 && rows.every((r) => (r.textContent ?? '').includes(name));
  }, zoneName);
  const inZone = await titles(page);
  assert.ok(inZone.every((t) => /Công nhân may/.test(t)));

  // Salary at least 12 million: the garment jobs (6,5–9 triệu) are gone.
  await page.getByTestId('jobs-salary').locator('button[data-value="12"]').click();
  await page.waitForFunction(() => {
    if (document.querySelector('[data-testid="jobs-empty"]')) return true;
    const shown = Array.from(document.querySelectorAll('[data-testid="job-salary"]')).map(
      (e) => e.textContent ?? '',
    );
    // The upper end of "6,5–9 triệu/tháng" must reach 12 (no named helpers: tsx would wrap them in __name).
    return (
      shown.length > 0 &&
      shown.every((s) => Number((/([\d,]+) triệu/.exec(s)?.[1] ?? '0').replace(',', '.')) >= 12)
    );
  });
  await page.getByTestId('jobs-salary').locator('button[data-value="0"]').click();
  await page.getByTestId('job-item').first().waitFor();

  // The posting: title, salary, company, place, shifts, benefits and a link to its public page.
  const first = page.getByTestId('job-item').first();
  const listSalary = (await first.getByTestId('job-salary').textContent()) ?? '';
  const id = await first.getAttribute('data-id');
  await first.click();
  await page.getByTestId('job-detail').waitFor();
  assert.match(page.url(), new RegExp(`#/jobs/${id}$`));
  assert.match((await page.locator('main h1').textContent()) ?? '', /Công nhân may/);
  assert.equal(await page.getByTestId('job-detail-salary').textContent(), listSalary);
  assert.match(listSalary, /triệu\/tháng|Thỏa thuận/);
  assert.match((await page.getByTestId('job-company').textContent()) ?? '', /\S/);
  assert.match((await page.getByTestId('job-place').textContent()) ?? '', new RegExp(zoneName));
  assert.match((await page.getByTestId('job-shifts').textContent()) ?? '', /Ca /);
  assert.ok((await page.getByTestId('job-benefits').locator('li').count()) > 0);
  const share = await page.getByTestId('job-share-url').inputValue();
  assert.equal(share, `${product.url}/jobs/${id}`);
  const publicPage = await fetch(share);
  assert.equal(publicPage.status, 200);
  assert.match(await publicPage.text(), /Công nhân may/);
  await page.screenshot({ path: shot('mobile-job-detail'), fullPage: true });

  // Back: the same list and filters.
  await page.getByTestId('job-back').click();
  await page.getByTestId('job-item').first().waitFor();
  assert.equal(await page.getByTestId('jobs-q').inputValue(), 'cong nhan may');
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="jobs-zone"]') as HTMLSelectElement).value === 'kcn-hoa-phu',
  );
  assert.equal((await titles(page)).length, inZone.length);

  // An unknown posting says so.
  await page.goto(`${product.url}/#/jobs/00000000-0000-4000-8000-000000000000`);
  await page.getByTestId('job-missing').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('offline, the jobs screen says the list needs the network, and reloads when it is back', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${product.url}/#/jobs`);
  await page.getByTestId('job-item').first().waitFor();
  await context.setOffline(true);
  await page.getByTestId('jobs-search').click();
  await page.getByTestId('jobs-offline').waitFor();
  assert.equal(await page.getByTestId('job-item').count(), 0);
  await page.screenshot({ path: shot('mobile-jobs-offline') });
  await context.setOffline(false);
  await page.getByTestId('job-item').first().waitFor();
  await context.close();
});

test('"Gần tôi" asks for the position and lists the nearest postings first, with their distance', async () => {
  const zones = (await (await fetch(`${product.url}/api/v1/work/zones`)).json()) as {
    items: { code: string; name: string; lat: number | null; lng: number | null }[];
  };
  const zone = zones.items.find((z) => z.code === 'kcn-hoa-phu');
  assert.ok(zone?.lat != null && zone.lng != null);
  const context = await browser.newContext({
    viewport: VIEWPORT,
    geolocation: { latitude: zone.lat, longitude: zone.lng },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await page.goto(`${product.url}/#/jobs`);
  await page.getByTestId('job-item').first().waitFor();
  await page.getByTestId('jobs-sort').locator('button[data-value="nearby"]').click();
  await page.waitForFunction(() =>
    /Cách [\d,.]+ km/.test(document.querySelector('[data-testid="job-item"]')?.textContent ?? ''),
  );
  const km = (await page.locator('[data-testid="job-item"] .jb-meta').allTextContents())
    .map((t) => /Cách ([\d,.]+) km/.exec(t)?.[1])
    .filter((v): v is string => v !== undefined)
    .map((v) => Number(v.replace(/\./g, '').replace(',', '.')));
  assert.ok(km.length >= 10);
  assert.deepEqual(
    km,
    [...km].sort((a, b) => a - b),
  );
  assert.ok(km[0]! < 5, `the nearest posting is in the zone (${km[0]} km)`);
  await page.screenshot({ path: shot('mobile-jobs-nearby') });
  await context.close();
});

test('the demo citizen applies with the default CV; a second application is refused with the reason', async () => {
  const api = await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password);
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${product.url}${path}`, {
      headers: { authorization: `Bearer ${api.accessToken}` },
    });
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };
  const mine = await get<{ items: { posting: { id: string } }[] }>(
    '/api/v1/work/applications/mine?pageSize=100',
  );
  const applied = new Set(mine.items.map((a) => a.posting.id));
  const jobs = await get<{ items: { id: string; title: string }[] }>(
    '/api/v1/work/jobs?sort=newest&limit=50',
  );
  const job = jobs.items.find((j) => !applied.has(j.id));
  assert.ok(job, 'a posting the demo citizen has not applied to');

  // Signed out: the card leads to the sign-in screen.
  const visitor = await browser.newPage({ viewport: VIEWPORT });
  await visitor.goto(`${product.url}/#/jobs/${job.id}`);
  await visitor.getByTestId('job-apply-login').waitFor();
  await visitor.close();

  const page = await citizenPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${product.url}/#/jobs/${job.id}`);
  await page.getByTestId('job-apply-send').waitFor();
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="job-apply-cv"]') as HTMLSelectElement).value !== '',
  );
  await page.getByTestId('job-apply-message').fill('Tôi có thể đi làm ngay tuần sau.');
  await page.getByTestId('job-apply-send').click();
  await page.getByTestId('job-apply').getByRole('status').waitFor();
  assert.match((await page.getByTestId('job-apply').textContent()) ?? '', /Đã nộp hồ sơ/);
  await page.screenshot({ path: shot('mobile-job-applied'), fullPage: true });

  const after = await get<{ items: { posting: { id: string }; message: string | null }[] }>(
    '/api/v1/work/applications/mine?pageSize=100',
  );
  const made = after.items.find((a) => a.posting.id === job.id);
  assert.equal(made?.message, 'Tôi có thể đi làm ngay tuần sau.');

  await page.reload();
  await page.getByTestId('job-apply-send').waitFor();
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="job-apply-cv"]') as HTMLSelectElement).value !== '',
  );
  await page.getByTestId('job-apply-send').click();
  await page.getByTestId('alert-error').waitFor();
  assert.match((await page.getByTestId('alert-error').textContent()) ?? '', /đã ứng tuyển/);
  assert.deepEqual(errors, []);
  await page.close();
});
