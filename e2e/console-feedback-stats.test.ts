import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  root,
  consoleSignIn,
  paintedCharts,
  ADMIN,
  DEMO_CITIZEN,
  type Product,
} from './harness.ts';

// Statistics, deadlines and officer departments in the console, on reports made through the API.
const IOC_OPERATOR = { phone: '0905000002', password: 'DemoDakLak2026' };
const OFFICER = { phone: '0905000004', password: 'DemoDakLak2026' }; // department sxd
const resultPhoto = fs.readFileSync(path.join(root, '..', 'shared', 'fixtures', 'faces', 'obama.jpg'));

let product: Product;
let browser: Browser;
/** The IOC operator's tab (the session lives in the tab), signed in by the first test. */
let iocPage: Page;
let tokens: { citizen: string; ioc: string; officer: string; officerId: string; admin: string };
let commune: { code: string; name: string };
const ids: Record<string, string> = {};

before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  const officer = await product.login(OFFICER.phone, OFFICER.password);
  tokens = {
    citizen: (await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password)).accessToken,
    ioc: (await product.login(IOC_OPERATOR.phone, IOC_OPERATOR.password)).accessToken,
    officer: officer.accessToken,
    officerId: officer.user.id,
    admin: (await product.login(ADMIN.phone, ADMIN.password)).accessToken,
  };
  const communes = (await (await fetch(`${product.url}/api/v1/communes`)).json()) as {
    items: { code: string; name: string }[];
  };
  const found = communes.items.find((c) => c.name.includes('Ea Kar')) ?? communes.items[0];
  assert.ok(found);
  commune = found;
});
after(async () => {
  await browser?.close();
  await product?.stop();
});

async function call(token: string, method: string, url: string, body?: object | FormData): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  return fetch(`${product.url}/api/v1${url}`, {
    method,
    headers,
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
}

async function submit(category: string, title: string): Promise<string> {
  const form = new FormData();
  form.set('category', category);
  form.set('title', title);
  form.set('description', `${title}: người dân phản ánh, đề nghị cơ quan chức năng xử lý sớm.`);
  form.set('communeCode', commune.code);
  form.set('address', 'Thôn 3, gần chợ');
  const res = await call(tokens.citizen, 'POST', '/feedback', form);
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { id: string }).id;
}

const triage = (id: string, body: object) => call(tokens.ioc, 'POST', `/feedback/${id}/triage`, body);
function handle(id: string, action: 'start' | 'resolve', answer?: string): Promise<Response> {
  const form = new FormData();
  form.set('action', action);
  if (answer) form.set('answer', answer);
  if (action === 'resolve') form.set('photo', new Blob([resultPhoto], { type: 'image/jpeg' }), 'ket-qua.jpg');
  return call(tokens.officer, 'POST', `/feedback/${id}/handling`, form);
}

async function statsOf(query: string): Promise<{ total: number; resolved: { count: number } }> {
  const res = await call(tokens.ioc, 'GET', `/feedback/stats?${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as { total: number; resolved: { count: number } };
}

async function signIn(page: Page, phone: string, password: string) {
  await page.goto(`${product.url}/console/`);
  await consoleSignIn(page, product, phone, password);
}

test('reports made through the api show up in the console statistics, CSV and deadlines', async () => {
  // A citizen reports three problems; the IOC accepts them; the construction officer resolves one.
  ids.traffic = await submit('traffic', 'Ổ gà lớn trên đường liên xã');
  ids.urban = await submit('urban_order', 'Lấn chiếm vỉa hè bán hàng');
  ids.environment = await submit('environment', 'Rác thải đổ trộm ven suối');
  const before = await statsOf(`commune=${commune.code}`);
  for (const id of Object.values(ids)) assert.equal((await triage(id, { action: 'accept' })).status, 204);
  assert.equal((await triage(ids.traffic as string, { action: 'assign', department: 'sxd' })).status, 204);
  assert.equal((await handle(ids.traffic as string, 'start')).status, 204);
  const resolved = await handle(ids.traffic as string, 'resolve', 'Đã vá ổ gà bằng bê tông nhựa, thông xe.');
  assert.equal(resolved.status, 204, await resolved.clone().text());
  assert.equal(
    (await call(tokens.citizen, 'POST', `/feedback/${ids.traffic}/rating`, { stars: 5 })).status,
    204,
  );
  const after = await statsOf(`commune=${commune.code}`);
  assert.equal(after.total, before.total);
  assert.ok(after.resolved.count >= 1);

  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  iocPage = page;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, IOC_OPERATOR.phone, IOC_OPERATOR.password);
  await page.waitForURL(/\/console\/(?!sign-in)/);

  // Statistics for the commune over the last 7 days, reached through the tabs.
  const statsResponse = page.waitForResponse((r) => /\/api\/v1\/feedback\/stats\?/.test(r.url()));
  await page.goto(`${product.url}/console/feedback/stats?range=7&commune=${commune.code}`);
  const answered = await statsResponse;
  const query = new URL(answered.url()).searchParams;
  assert.equal(query.get('commune'), commune.code);
  assert.ok(Date.parse(query.get('from') ?? '') < Date.now() - 6 * 86_400_000);
  const figures = (await answered.json()) as { total: number };
  assert.ok(figures.total >= 3);
  await page.getByTestId('stats-content').waitFor();
  const total = (await page.getByTestId('kpi-total-value').textContent())?.replace(/\D/g, '');
  assert.equal(Number(total), figures.total);
  await page.getByTestId('feedback-tab-stats').waitFor();
  assert.equal(await page.getByTestId('feedback-tab-stats').getAttribute('aria-selected'), 'true');
  assert.notEqual(await page.getByTestId('kpi-median-value').textContent(), '—');
  assert.match((await page.getByTestId('kpi-rating-value').textContent()) ?? '', /\/ 5/);

  const painted = await paintedCharts(page);
  for (const chart of [
    'chart-status',
    'chart-category',
    'chart-department',
    'chart-ratings',
    'chart-commune',
  ])
    assert.ok((painted[chart] ?? 0) > 200, `${chart} is painted: ${JSON.stringify(painted)}`);
  // The table alternative lists the same figures.
  await page.getByTestId('chart-category-table-toggle').click();
  const categoryTable = page.getByTestId('chart-category').getByRole('table');
  await categoryTable.waitFor();
  assert.match((await categoryTable.textContent()) ?? '', /Giao thông/);
  await page.screenshot({ path: shot('console-feedback-stats'), fullPage: true });

  // CSV export with the bearer token, named after the period and commune.
  const download = page.waitForEvent('download');
  await page.getByTestId('stats-export').click();
  const file = await download;
  assert.match(
    file.suggestedFilename(),
    new RegExp(`^thong-ke-phan-anh_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}_${commune.code}\\.csv$`),
  );
  const csv = fs.readFileSync((await file.path()) as string, 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
  assert.match(csv, /Lĩnh vực,traffic,Giao thông,\d+/);
  assert.match(csv, /Lĩnh vực,environment,Môi trường,\d+/);
  assert.match(csv, new RegExp(`Xã/phường,${commune.code},`));
  assert.match(csv, /Đánh giá,stars_5,5 sao,[1-9]/);

  // Without filters: the whole province (the demo reports included).
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await page.waitForURL(/\/console\/feedback\/stats$/);
  await page.getByTestId('stats-content').waitFor();
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector('[data-testid="kpi-total-value"]')?.textContent?.replace(/\D/g, '')) > n,
    figures.total,
  );
  await page.screenshot({ path: shot('console-feedback-stats-province'), fullPage: true });
  // Deadlines per department: the open reports are counted and link to the filtered queue.
  await page.getByTestId('feedback-tab-deadlines').click();
  await page.waitForURL(/\/console\/feedback\/deadlines$/);
  await page.getByTestId('deadline-row-stnmt').waitFor();
  const openStnmt = page.getByTestId('deadline-stnmt-open');
  assert.ok(Number((await openStnmt.textContent())?.replace(/\D/g, '')) >= 1);
  await page.screenshot({ path: shot('console-feedback-deadlines'), fullPage: true });
  const queue = page.waitForResponse(
    (r) => r.url().includes('/api/v1/feedback/queue?') && r.url().includes('department=stnmt'),
  );
  await openStnmt.click();
  const queued = await queue;
  assert.equal(queued.status(), 200);
  assert.deepEqual(
    new URL(queued.url()).searchParams
      .getAll('status')
      .flatMap((v) => v.split(','))
      .sort(),
    ['accepted', 'assigned', 'in_progress'],
  );
  assert.equal(await page.getByTestId('fb-filter-department').inputValue(), 'stnmt');
  await page.waitForURL(
    /\/console\/feedback\?department=stnmt&status=accepted&status=assigned&status=in_progress$/,
  );
  assert.deepEqual(errors, []);
});

test('an administrator gives the officer a department, and the officer can then handle its reports', async () => {
  const id = ids.environment ?? (await submit('environment', 'Khói đốt rác gây ô nhiễm'));
  if (!ids.environment) assert.equal((await triage(id, { action: 'accept' })).status, 204);
  assert.equal((await triage(id, { action: 'assign', department: 'stnmt' })).status, 204);
  // Not yet: the officer belongs to the Department of Construction only.
  assert.equal((await handle(id, 'start')).status, 403);

  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, ADMIN.phone, ADMIN.password);
  await page.waitForURL(/\/console\/(?!sign-in)/);
  await page.goto(`${product.url}/console/admin/users/${tokens.officerId}`);
  const section = page.getByTestId('officer-departments');
  await section.waitFor();
  const sxd = section.getByTestId('dept-sxd');
  await sxd.waitFor();
  assert.equal(await sxd.isChecked(), true);
  await section.getByTestId('dept-stnmt').check();
  await section.getByTestId('save-departments').click();
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/admin/users/${tokens.officerId}/departments`) && r.request().method() === 'PUT',
  );
  await page.getByTestId('confirm-departments').click();
  assert.equal((await saved).status(), 200);
  await page.getByText('Đã cập nhật cơ quan xử lý của').waitFor();
  await page.screenshot({ path: shot('console-officer-departments') });

  const res = await call(tokens.admin, 'GET', `/admin/users/${tokens.officerId}/departments`);
  assert.equal(res.status, 200);
  const { departments } = (await res.json()) as { departments: string[] };
  assert.deepEqual([...departments].sort(), ['stnmt', 'sxd']);
  assert.equal((await handle(id, 'start')).status, 204);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The product's own database (the harness names it after this process). */
async function productDb(): Promise<pg.Client> {
  const u = new URL(process.env.DATABASE_URL ?? '');
  const server = new pg.Client({ connectionString: u.toString() });
  await server.connect();
  const { rows } = await server.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY oid DESC LIMIT 1`,
    [`dlid_e2e_${process.pid}_%`],
  );
  await server.end();
  assert.ok(rows[0], 'the e2e database');
  u.pathname = `/${rows[0].datname}`;
  const db = new pg.Client({ connectionString: u.toString() });
  await db.connect();
  return db;
}

test(
  'dead letters to the province system are listed and sent again from the console',
  { skip: !process.env.DATABASE_URL },
  async () => {
    const dead = [ids.traffic, ids.urban] as string[];
    // The province system was unreachable: after its attempts these two stopped as dead letters.
    const db = await productDb();
    try {
      const updated = await db.query(
        `UPDATE feedback_outbox SET state = 'dead', attempts = 8, last_error = 'HTTP 503 Service Unavailable',
              updated_at = now() WHERE report_id = ANY($1::uuid[])`,
        [dead],
      );
      assert.equal(updated.rowCount, 2, 'accepted reports are in the outbox');
    } finally {
      await db.end();
    }

    const page = iocPage;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Every feedback page shows triage staff how many dead letters wait.
    await page.goto(`${product.url}/console/feedback/deadlines`);
    assert.equal(await page.getByTestId('feedback-tab-dead-letters').textContent(), '2');
    await page.getByTestId('feedback-tab-forwarding').click();
    await page.waitForURL(/\/console\/feedback\/forwarding$/);
    const grid = page.getByTestId('forwarding-grid');
    for (const id of dead) await grid.getByTestId(`forwarding-open-${id}`).waitFor();
    assert.match((await grid.textContent()) ?? '', /HTTP 503 Service Unavailable/);
    assert.match((await page.getByTestId('forwarding-state-dead').textContent()) ?? '', /2/);
    for (const id of dead) await grid.locator(`[data-id="${id}"] input[type="checkbox"]`).check();
    await page.screenshot({ path: shot('console-feedback-forwarding') });

    const retried = dead.map((id) =>
      page.waitForResponse(
        (r) => r.url().endsWith(`/feedback/forwarding/${id}/retry`) && r.request().method() === 'POST',
      ),
    );
    await page.getByTestId('forwarding-retry-selected').click();
    await page.getByTestId('forwarding-confirm-retry').click();
    for (const r of await Promise.all(retried)) assert.equal(r.status(), 202);
    await page.getByText('Đã đưa 2 phản ánh về hàng chờ gửi.').waitFor();
    await page.getByTestId('forwarding-state-dead').filter({ hasText: /0/ }).waitFor();
    await page.getByTestId('feedback-tab-dead-letters').waitFor({ state: 'detached' });

    for (const id of dead) {
      const res = await call(tokens.ioc, 'GET', `/feedback/${id}/forwarding`);
      assert.equal(res.status, 200);
      assert.notEqual(((await res.json()) as { state: string }).state, 'dead');
    }
    // The link opens the report in the queue.
    await page.getByTestId('forwarding-state-pending').click();
    await grid.getByTestId(`forwarding-open-${dead[0]}`).click();
    await page.waitForURL(new RegExp(`/console/feedback/${dead[0]}$`));
    assert.deepEqual(errors, []);
    await page.close();
  },
);
