import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  shot,
  mobileSignIn,
  assertText,
  DEMO_CITIZEN,
  type ApiSession,
  type Product,
} from './harness.ts';

/**
 * mobile-lite, the citizen's CVs and applications: with no CV, "Ứng tuyển" leads to a new CV (with a PDF) and back
 * to the posting; a CV becomes the default; the citizen applies with it, follows the application in "Đơn ứng tuyển
 * của tôi", writes to the company and withdraws (final). A 6 MB file is refused on the phone, before any upload.
 */
let product: Product;
let browser: Browser;
let context: BrowserContext | undefined;
let api: ApiSession;
before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  api = await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await product?.stop();
});

const VIEWPORT = { width: 360, height: 740 };
const TITLE = 'Thợ điện công nghiệp';

async function call<T>(method: string, path: string, body?: object): Promise<T> {
  const res = await fetch(`${product.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${api.accessToken}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : null,
  });
  assert.ok(res.ok, `${method} ${path}: ${res.status}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A small but real PDF: header, catalogue, one page, cross-reference table with the right offsets. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The demo citizen's browser, signed in once (a new browser is asked for the SMS code). */
async function citizenPage(): Promise<Page> {
  if (context) return context.newPage();
  context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  await mobileSignIn(page, product, DEMO_CITIZEN, 'mobile-cvs-signin-failed');
  return page;
}

test('signed out, my CVs and applications lead to the sign-in screen', async () => {
  const page = await browser.newPage({ viewport: VIEWPORT });
  for (const route of ['#/jobs/cvs', '#/jobs/applications/00000000-0000-4000-8000-000000000000']) {
    await page.goto(`${product.url}/${route}`);
    await page.waitForURL(/#\/login$/, { waitUntil: 'commit' });
  }
  await page.close();
});

test('a citizen without a CV creates one with a PDF from a posting, makes it the default, applies, writes and withdraws', async () => {
  // Start without CVs (a fresh database: the demo citizen's demo CVs go).
  for (const cv of (await call<{ items: { id: string }[] }>('GET', '/work/cvs')).items)
    await call('DELETE', `/work/cvs/${cv.id}`);
  const mine = await call<{ items: { posting: { id: string } }[] }>(
    'GET',
    '/work/applications/mine?pageSize=100',
  );
  const applied = new Set(mine.items.map((a) => a.posting.id));
  const jobs = await call<{ items: { id: string; title: string }[] }>(
    'GET',
    '/work/jobs?sort=newest&limit=50',
  );
  const job = jobs.items.find((j) => !applied.has(j.id));
  assert.ok(job, 'a posting the demo citizen has not applied to');

  const page = await citizenPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());

  // The posting: no CV yet → "Tạo hồ sơ xin việc" → the form, which will come back here.
  await page.goto(`${product.url}/#/jobs/${job.id}`);
  await page.getByTestId('job-apply-create-cv').click();
  await page.getByTestId('cv-form').waitFor();
  assert.match(page.url(), new RegExp(`#/jobs/cvs/new\\?job=${job.id}$`));

  // Checked on the phone first: the position is required, an end before the start is refused on its row.
  await page.getByTestId('cv-experience-add').click();
  await page
    .locator('[data-testid^="cv-experience."][data-testid$=".company"]')
    .fill('Công ty Điện lực Đắk Lắk');
  await page.locator('[data-testid^="cv-experience."][data-testid$=".position"]').fill('Thợ điện');
  await page.locator('[data-testid^="cv-experience."][data-testid$=".from"]').fill('2021-03');
  await page.locator('[data-testid^="cv-experience."][data-testid$=".to"]').fill('2020-01');
  await page.getByTestId('cv-save').click();
  await page.getByTestId('error-title').waitFor();
  await assertText(page, 'error-title', /Vui lòng điền/);
  assert.match(
    (await page.locator('[data-testid^="error-experience."][data-testid$=".to"]').textContent()) ?? '',
    /kết thúc trước/,
  );
  await page.locator('[data-testid^="cv-experience."][data-testid$=".to"]').fill('2024-06');

  await page.getByTestId('cv-title').fill(TITLE);
  await page.getByTestId('cv-salary').fill('9,5');
  await page.getByTestId('cv-education-add').click();
  await page
    .locator('[data-testid^="cv-education."][data-testid$=".school"]')
    .fill('Cao đẳng Kỹ thuật Đắk Lắk');
  for (const skill of ['Điện công nghiệp', 'An toàn điện']) {
    await page.locator('#f-skill').fill(skill);
    await page.locator('#f-skill').press('Enter');
  }
  await page.getByTestId('cv-languages-add').click();
  await page.locator('[data-testid^="cv-languages."][data-testid$=".language"]').fill('Tiếng Anh');
  await page.locator('[data-testid^="cv-languages."][data-testid$=".level"]').selectOption('intermediate');
  await page.getByTestId('cv-pdf-input').setInputFiles({
    name: 'cv-tho-dien.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf(),
  });
  await assertText(page, 'cv-pdf-state', /Sẽ gửi kèm khi lưu: cv-tho-dien\.pdf/);
  await page.getByTestId('cv-searchable-toggle').check();
  await page.screenshot({ path: shot('mobile-cv-form'), fullPage: true });

  // Saved, the PDF sent after it, and back on the posting with the new CV chosen.
  await page.getByTestId('cv-save').click();
  await page.getByTestId('job-detail').waitFor();
  assert.match(page.url(), new RegExp(`#/jobs/${job.id}$`));
  const cvs = await call<{ items: { id: string; title: string; hasPdf: boolean; searchable: boolean }[] }>(
    'GET',
    '/work/cvs',
  );
  const cv = cvs.items.find((c) => c.title === TITLE);
  assert.ok(cv?.hasPdf && cv.searchable, 'saved with its PDF, searchable');
  const full = await call<{ experience: unknown[]; languages: unknown[]; desiredSalary: number }>(
    'GET',
    `/work/cvs/${cv.id}`,
  );
  assert.deepEqual(full.experience, [
    { company: 'Công ty Điện lực Đắk Lắk', position: 'Thợ điện', from: '2021-03', to: '2024-06' },
  ]);
  assert.deepEqual(full.languages, [{ language: 'Tiếng Anh', level: 'intermediate' }]);
  assert.equal(full.desiredSalary, 9_500_000);

  // Another CV becomes the default meanwhile; "Đặt làm mặc định" in the list makes this one the default again.
  await call('POST', '/work/cvs', { title: 'Công nhân lắp ráp', isDefault: true });
  await page.goto(`${product.url}/#/jobs`);
  await page.getByTestId('jobs-my-cvs').click();
  const item = page.locator(`[data-testid="cv-item"][data-id="${cv.id}"]`);
  await item.waitFor();
  assert.equal(await item.getAttribute('data-default'), 'false');
  assert.equal(await item.getByTestId('cv-has-pdf').getAttribute('data-on'), 'true');
  assert.match((await item.getByTestId('cv-searchable').textContent()) ?? '', /Nhà tuyển dụng tìm được/);
  await item.getByTestId('cv-make-default').click();
  await page.locator(`[data-testid="cv-item"][data-id="${cv.id}"][data-default="true"]`).waitFor();
  assert.equal(await page.getByTestId('cv-item').first().getAttribute('data-id'), cv.id, 'the default first');
  await assertText(page, 'cv-default', /Mặc định/);
  await page.screenshot({ path: shot('mobile-cvs-list'), fullPage: true });

  // Apply with it: the default is preselected.
  await page.goto(`${product.url}/#/jobs/${job.id}`);
  await page.waitForFunction(
    (id) =>
      (document.querySelector('[data-testid="job-apply-cv"]') as HTMLSelectElement | null)?.value === id,
    cv.id,
  );
  await page.getByTestId('job-apply-message').fill('Tôi có 3 năm làm thợ điện.');
  await page.getByTestId('job-apply-send').click();
  await page.getByTestId('job-apply-view').waitFor();

  // "Đơn ứng tuyển của tôi": the new application, submitted; the filter keeps it.
  await page.goto(`${product.url}/#/jobs`);
  await page.getByTestId('jobs-my-applications').click();
  await page.getByTestId('apps-list').waitFor();
  const row = page.locator('[data-testid="app-item"]').first();
  assert.match((await row.textContent()) ?? '', new RegExp(job.title.replace(/[()]/g, '.')));
  assert.equal(await row.getByTestId('app-status').getAttribute('data-status'), 'submitted');
  await page.getByTestId('apps-status').selectOption('submitted');
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[data-testid="app-status"]')).every(
      (e) => e.getAttribute('data-status') === 'submitted',
    ),
  );
  await page.screenshot({ path: shot('mobile-applications'), fullPage: true });
  const appId = await row.getAttribute('data-id');
  await row.click();

  // The application: posting, CV sent, timeline, messages.
  await page.getByTestId('app-detail').waitFor();
  assert.match(page.url(), new RegExp(`#/jobs/applications/${appId}$`));
  assert.equal(await page.getByTestId('app-detail').getAttribute('data-status'), 'submitted');
  await assertText(page, 'app-cv', new RegExp(TITLE));
  await assertText(page, 'app-cv', /Tôi có 3 năm làm thợ điện/);
  await assertText(page, 'app-timeline', /Đã nộp/);
  assert.equal(await page.getByTestId('app-posting-link').getAttribute('href'), `#/jobs/${job.id}`);

  await page.getByTestId('thread-send').click();
  await assertText(page, 'thread-error', /Hãy nhập nội dung tin nhắn/);
  const hello = 'Xin chào, tôi có thể phỏng vấn vào sáng thứ Hai được không?';
  await page.getByTestId('thread-text').fill(hello);
  assert.match(
    (await page.locator('.th-count').textContent()) ?? '',
    new RegExp(`^${hello.length}/2000 ký tự`),
  );
  await page.getByTestId('thread-send').click();
  await page.getByTestId('thread-message').waitFor();
  const message = page.getByTestId('thread-message').last();
  assert.match((await message.textContent()) ?? '', /Bạn.*sáng thứ Hai/s);
  assert.equal(await message.getAttribute('class'), 'th-msg th-mine');
  await page.screenshot({ path: shot('mobile-application-detail'), fullPage: true });

  // Withdraw (confirmed): final, messages closed.
  await page.getByTestId('app-withdraw').click();
  await page.locator('[data-testid="app-detail"][data-status="withdrawn"]').waitFor();
  await assertText(page, 'app-status', /Đã rút/);
  await page.getByTestId('thread-closed').waitFor();
  assert.equal(await page.getByTestId('app-withdraw').count(), 0);
  await assertText(page, 'app-timeline', /Đã rút/);
  await page.screenshot({ path: shot('mobile-application-withdrawn'), fullPage: true });
  const after = await call<{ status: string }>('GET', `/work/applications/${appId}`);
  assert.equal(after.status, 'withdrawn');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 6 MB file is refused on the phone, in Vietnamese, before any upload', async () => {
  const cv = await call<{ id: string }>('POST', '/work/cvs', { title: 'Lái xe nâng' });
  const page = await citizenPage();
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/pdf') && r.method() !== 'GET') uploads.push(`${r.method()} ${r.url()}`);
  });
  await page.goto(`${product.url}/#/jobs/cvs/${cv.id}`);
  await page.getByTestId('cv-pdf').waitFor();
  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
  await page
    .getByTestId('cv-pdf-input')
    .setInputFiles({ name: 'cv-lon.pdf', mimeType: 'application/pdf', buffer: big });
  await page.getByTestId('cv-pdf').getByTestId('alert-error').waitFor();
  await assertText(page, 'alert-error', /lớn hơn 5 MB/);
  await assertText(page, 'cv-pdf-state', /Chưa có tệp/);
  await page.getByTestId('cv-pdf').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('mobile-cv-pdf-too-large') });
  assert.deepEqual(uploads, []);

  // A small one is sent at once, with its name shown.
  await page
    .getByTestId('cv-pdf-input')
    .setInputFiles({ name: 'cv-nho.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await page.locator('[data-testid="cv-pdf-state"][data-attached="true"]').waitFor();
  await assertText(page, 'cv-pdf-state', /cv-nho\.pdf/);
  assert.equal(uploads.length, 1);
  await page.close();
});
