import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  consoleSignIn,
  mobileSignIn,
  DEMO_CITIZEN,
  type Product,
} from './harness.ts';

/**
 * Issue "Work", end to end through the three apps: the demo employer posts a job in mobile-lite, a moderator
 * approves it in the console, the demo citizen finds it with an accent-free search in mobile-lite and applies,
 * the employer shortlists the application, the citizen sees the new state; then an IOC operator's Workforce page
 * counts the application for the company's industrial zone.
 */
const EMPLOYER = { phone: '0905000005', password: 'DemoDakLak2026' };
const MODERATOR = { phone: '0905000003', password: 'DemoDakLak2026' };
const OPERATOR = { phone: '0905000002', password: 'DemoDakLak2026' };
const PHONE = { width: 360, height: 740 };
const DESK = { width: 1440, height: 900 };

let product: Product;
let browser: Browser;
const contexts: BrowserContext[] = [];
before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await product?.stop();
});

async function pageOf(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return page;
}
const errors: string[] = [];

/** The API as one account (for the figures the pages are checked against). */
async function apiAs(who: { phone: string; password: string }) {
  const { accessToken } = await product.login(who.phone, who.password);
  return async <T>(path: string): Promise<T> => {
    const r = await fetch(`${product.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    assert.equal(r.status, 200, `${path}: ${r.status}`);
    return (await r.json()) as T;
  };
}

test('employer posts, moderator approves, citizen finds and applies, employer shortlists, citizen sees it', async () => {
  const n = Date.now() % 100000;
  const title = `Kỹ thuật viên bảo trì lò hơi ${n}`;

  // 1. The employer writes the posting on the phone and sends it for review.
  const employer = await pageOf(PHONE);
  await mobileSignIn(employer, product, EMPLOYER, 'work-flow-employer-signin');
  await employer.goto(`${product.url}/#/employer/postings/new`);
  await employer.getByTestId('posting-form').waitFor();
  await employer.getByTestId('em-title').fill(title);
  await employer
    .getByTestId('em-description')
    .fill('Bảo trì lò hơi và hệ thống hơi nóng của nhà máy, ghi sổ vận hành theo ca.');
  await employer
    .getByTestId('em-requirements')
    .fill('Trung cấp điện hoặc cơ khí, có chứng chỉ vận hành lò hơi.');
  await employer.getByTestId('em-openings').fill('2');
  await employer.getByTestId('em-salaryMin').fill('10');
  await employer.getByTestId('em-salaryMax').fill('14');
  await employer.getByTestId('posting-save').click();
  await employer.getByTestId('employer-posting').waitFor();
  const postingId = /#\/employer\/postings\/([0-9a-f-]{36})/.exec(employer.url())?.[1];
  assert.ok(postingId, employer.url());
  await employer.getByTestId('posting-submit').click();
  await employer.locator('[data-testid="employer-posting"][data-status="pending_review"]').waitFor();

  // Not searchable while it waits.
  const pub = async (q: string) =>
    (
      (await (await fetch(`${product.url}/api/v1/work/jobs?q=${encodeURIComponent(q)}`)).json()) as {
        items: Array<{ id: string; zoneCode: string | null }>;
      }
    ).items;
  assert.equal((await pub(`bao tri lo hoi ${n}`)).length, 0);

  // 2. The moderator approves it in the console.
  const moderator = await pageOf(DESK);
  await moderator.goto(`${product.url}/console/`);
  await consoleSignIn(moderator, product, MODERATOR.phone, MODERATOR.password);
  await moderator.getByTestId('nav-moderation').waitFor();
  await moderator.goto(`${product.url}/console/moderation?kind=job_posting&order=newest`);
  const row = moderator.getByTestId('mod-queue').getByRole('row').filter({ hasText: title });
  await row.first().waitFor();
  await row.first().click();
  await moderator.getByTestId('mod-item-title').filter({ hasText: title }).waitFor();
  await moderator.getByTestId('mod-approve').click();
  await moderator.getByTestId('mod-confirm-decision').click();
  await moderator.locator('[data-testid="mod-item-status"][data-status="approved"]').waitFor();
  await moderator.screenshot({ path: shot('work-flow-approved'), animations: 'disabled' });

  // The posting is public now, in the company's industrial zone; the zone's applications this month so far.
  const [published] = await pub(`bao tri lo hoi ${n}`);
  assert.ok(published?.zoneCode, 'published in an industrial zone');
  const zone = published.zoneCode;
  const operatorApi = await apiAs(OPERATOR);
  const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
  const appsThisMonth = async () =>
    (
      await operatorApi<{ series: Array<{ month: string; appApplications: number }> }>(
        `/work/workforce/summary?zone=${zone}&from=${month}&to=${month}`,
      )
    ).series.at(-1)?.appApplications ?? 0;
  const appsBefore = await appsThisMonth();

  // 3. The citizen searches without accents, opens it and applies with the default CV.
  const citizen = await pageOf(PHONE);
  await mobileSignIn(citizen, product, DEMO_CITIZEN, 'work-flow-citizen-signin');
  await citizen.goto(`${product.url}/#/jobs`);
  await citizen.getByTestId('jobs-q').fill(`ky thuat vien bao tri lo hoi ${n}`);
  await citizen.getByTestId('jobs-search').click();
  const hit = citizen.getByTestId('job-item').filter({ hasText: title });
  await hit.waitFor();
  await hit.click();
  await citizen.getByTestId('job-detail').waitFor();
  await citizen
    .getByTestId('job-apply-message')
    .fill('Tôi có chứng chỉ vận hành lò hơi và 4 năm kinh nghiệm.');
  await citizen.getByTestId('job-apply-send').click();
  await citizen.getByTestId('job-apply-view').waitFor();
  await citizen.getByTestId('job-apply-view').click();
  await citizen.getByTestId('app-detail').waitFor();
  const appId = /#\/jobs\/applications\/([0-9a-f-]{36})/.exec(citizen.url())?.[1];
  assert.ok(appId, citizen.url());
  assert.equal(await citizen.getByTestId('app-detail').getAttribute('data-status'), 'submitted');

  // 4. The employer opens the applicants of the posting and shortlists the citizen.
  await employer.goto(`${product.url}/#/employer/postings/${postingId}/applicants`);
  await employer.getByTestId('applicants-list').waitFor();
  await employer.getByTestId('applicant-item').filter({ hasText: 'Demo Công dân' }).click();
  await employer.locator('[data-testid="employer-application"][data-status="viewed"]').waitFor();
  await employer.getByTestId('stage-shortlisted').click();
  await employer.locator('[data-testid="employer-application"][data-status="shortlisted"]').waitFor();
  await employer.screenshot({ path: shot('work-flow-shortlisted'), fullPage: true });

  // 5. The citizen sees it: the bell, then the application in its new state with the steps so far.
  await citizen.goto(`${product.url}/#/notifications`);
  const note = citizen
    .locator('[data-testid="notification"][data-kind="work.application.shortlisted"][data-read="false"]')
    .filter({ hasText: title });
  await note.waitFor();
  await note.click();
  await citizen.waitForURL(new RegExp(`#/jobs/applications/${appId}$`));
  await citizen.locator('[data-testid="app-detail"][data-status="shortlisted"]').waitFor();
  const timeline = (await citizen.getByTestId('app-timeline').textContent()) ?? '';
  assert.match(timeline, /Đã nộp/);
  assert.match(timeline, /Đã được xem\d\d:\d\d/);
  assert.match(timeline, /Vào danh sách chọn\d\d:\d\d/);
  assert.match(timeline, /Mời phỏng vấnChưa tới/);
  await citizen.screenshot({ path: shot('work-flow-citizen-shortlisted'), fullPage: true });

  // 6. The IOC operator's Workforce page, the zone this month: the application is counted.
  assert.equal(await appsThisMonth(), appsBefore + 1);
  const operator = await pageOf(DESK);
  await operator.goto(`${product.url}/console/`);
  await consoleSignIn(operator, product, OPERATOR.phone, OPERATOR.password);
  await operator.getByTestId('nav-workforce').waitFor();
  await operator.goto(`${product.url}/console/workforce?zone=${zone}&to=${month}`);
  await operator.waitForFunction(
    (expected) =>
      Number(
        document
          .querySelector('[data-testid="wf-kpi-appApplications-value"]')
          ?.textContent?.replace(/\D/g, ''),
      ) === expected,
    appsBefore + 1,
  );
  await operator.screenshot({ path: shot('work-flow-workforce'), fullPage: true });
  assert.deepEqual(errors, []);
});
