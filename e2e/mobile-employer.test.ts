import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  startProduct,
  launchBrowser,
  newNationalPhone,
  shot,
  DEMO_CITIZEN,
  type Product,
  mobileSignIn,
} from './harness.ts';

/**
 * mobile-lite, "Nhà tuyển dụng": the demo employer signs in, sees its verified demo company, writes a posting
 * (an inverted salary range is refused at its field before anything is sent), saves the draft and sends it for
 * review; then opens the applicants of a published demo posting, moves the demo citizen's application through
 * shortlisted to an interview with a date and a place, and writes to the applicant.
 */
const EMPLOYER = { phone: '0905000005', password: 'DemoDakLak2026' };
const VIEWPORT = { width: 360, height: 740 };

let product: Product;
let browser: Browser;
let context: BrowserContext | undefined;
before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});
after(async () => {
  await context?.close();
  await browser?.close();
  await product?.stop();
});

/** A page of the one browser the demo employer signed in on (each new browser costs an SMS code). */
async function employerPage(): Promise<Page> {
  if (context) return context.newPage();
  context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  await mobileSignIn(page, product, EMPLOYER, 'mobile-employer-signin-failed');
  return page;
}

/** The day after tomorrow at 09:00, as a datetime-local input wants it (Vietnam time). */
function interviewSlot(): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + 2 * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T09:00`;
}

test('the demo employer writes a posting, is stopped by an inverted salary range, saves and submits it', async () => {
  const page = await employerPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // The home tile leads to the employer screens: the demo company, verified.
  await page.goto(`${product.url}/#/`);
  await page.getByTestId('service-employer').click();
  await page.getByTestId('employer-companies').waitFor();
  assert.match(page.url(), /#\/employer$/);
  const company = page.getByTestId('employer-company').first();
  assert.equal(await company.getByTestId('company-status').getAttribute('data-status'), 'verified');
  assert.match((await company.textContent()) ?? '', /Dữ liệu mẫu/);
  await page.screenshot({ path: shot('mobile-employer-home') });

  // The company page: facts, the staff (the demo employer owns it) and the workforce report history.
  await company.click();
  await page.getByTestId('employer-company-screen').waitFor();
  await page.getByTestId('staff-member').first().waitFor();
  await page.getByTestId('report-history').locator('li').first().waitFor();
  assert.equal(
    await page.getByTestId('report-history').locator('li').count(),
    6,
    'the latest 6 of 24 months',
  );
  // The monthly report: a part above the headcount is refused at its field, as the API would.
  await page.getByTestId('em-headcount').fill('120');
  await page.getByTestId('em-women').fill('130');
  await page.getByTestId('report-send').click();
  assert.match((await page.getByTestId('error-women').textContent()) ?? '', /lớn hơn tổng số lao động/);
  await page.screenshot({ path: shot('mobile-employer-company'), fullPage: true });
  await page.getByTestId('report-all').click();
  assert.equal(await page.getByTestId('report-history').locator('li').count(), 24);

  await page.getByTestId('company-postings').click();
  await page.getByTestId('postings-list').waitFor();
  await page.getByTestId('posting-new').click();
  await page.getByTestId('posting-form').waitFor();

  await page.getByTestId('em-title').fill('Thợ vận hành máy ép nhựa');
  await page
    .getByTestId('em-description')
    .fill('Vận hành máy ép nhựa theo ca, kiểm tra sản phẩm và ghi sổ sản lượng cuối ca.');
  await page.getByTestId('em-requirements').fill('Tốt nghiệp THPT, sức khỏe tốt.');
  await page.getByTestId('em-openings').fill('6');
  await page.getByTestId('em-shifts').getByLabel('Ca xoay').check();
  await page.getByTestId('em-benefits').getByLabel('Xe đưa đón').check();
  // The workplace comes from the company: a zone and its commune are already chosen.
  assert.notEqual(await page.getByTestId('em-communeCode').inputValue(), '');

  // 12 to 8 million: refused at "Đến" before anything is sent.
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/work/postings')) posted++;
  });
  await page.getByTestId('em-salaryMin').fill('12');
  await page.getByTestId('em-salaryMax').fill('8');
  await page.getByTestId('posting-save').click();
  const inverted = page.getByTestId('error-salaryMax');
  await inverted.waitFor();
  assert.match((await inverted.textContent()) ?? '', /Lương tối đa phải lớn hơn hoặc bằng lương tối thiểu/);
  assert.equal(await page.getByTestId('em-salaryMax').getAttribute('aria-invalid'), 'true');
  assert.equal(posted, 0, 'nothing was sent');
  await inverted.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('mobile-employer-salary-inverted') });

  // A negative figure is refused too.
  await page.getByTestId('em-salaryMin').fill('-5');
  await page.getByTestId('em-salaryMax').fill('9,5');
  await page.getByTestId('posting-save').click();
  assert.match((await page.getByTestId('error-salaryMin').textContent()) ?? '', /không được âm/);
  assert.equal(posted, 0);

  await page.getByTestId('em-salaryMin').fill('8');
  await page.getByTestId('em-salaryMax').fill('9,5');
  await page.getByTestId('posting-save').click();
  const screen = page.getByTestId('employer-posting');
  await screen.waitFor();
  assert.equal(posted, 1);
  assert.equal(await screen.getAttribute('data-status'), 'draft');
  assert.match((await page.getByTestId('alert-info').textContent()) ?? '', /Đã lưu tin nháp/);
  assert.match((await page.getByTestId('posting-facts').textContent()) ?? '', /8–9,5 triệu\/tháng/);

  // Send for review: pending, and it cannot be sent twice.
  await page.getByTestId('posting-submit').click();
  await page.locator('[data-testid="employer-posting"][data-status="pending_review"]').waitFor();
  assert.match((await page.getByTestId('alert-info').textContent()) ?? '', /Đã gửi duyệt/);
  assert.equal(await page.getByTestId('posting-submit').count(), 0);
  assert.equal(await page.getByTestId('posting-status').getAttribute('data-status'), 'pending_review');
  await page.screenshot({ path: shot('mobile-employer-posting-pending'), fullPage: true });

  // The list by state: the new posting under "Chờ duyệt".
  await page.getByTestId('em-back').click();
  await page.getByTestId('postings-status').locator('button[data-value="pending_review"]').click();
  await page.getByTestId('posting-item').filter({ hasText: 'Thợ vận hành máy ép nhựa' }).waitFor();
  assert.match(page.url(), /status=pending_review/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the employer opens the applicants of a published posting, invites one to an interview and writes', async () => {
  const page = await employerPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // A published demo posting with applications.
  await page.goto(`${product.url}/#/employer/postings?status=published`);
  await page.getByTestId('postings-list').waitFor();
  await page
    .getByTestId('posting-item')
    .filter({ hasText: /(^|\D)[1-9]\d* hồ sơ/ })
    .first()
    .click();
  await page.getByTestId('posting-applicants').click();
  await page.getByTestId('applicants-list').waitFor();
  assert.match((await page.getByTestId('applicants-status').textContent()) ?? '', /Tất cả \(\d+\)/);
  await page.screenshot({ path: shot('mobile-employer-applicants') });

  // The demo citizen's new application: opening it marks it viewed.
  const row = page
    .getByTestId('applicant-item')
    .filter({ has: page.locator('[data-testid="applicant-status"][data-status="submitted"]') })
    .first();
  const name = (await row.locator('.jb-title').textContent()) ?? '';
  assert.match(name, /Demo Công dân/);
  await row.click();
  const app = page.getByTestId('employer-application');
  await app.waitFor();
  assert.equal(await page.locator('main h1').textContent(), name);
  await page.locator('[data-testid="employer-application"][data-status="viewed"]').waitFor();
  assert.match((await page.getByTestId('applicant-cv').textContent()) ?? '', /Kỹ năng/);

  // Shortlist, then an interview with a date and a place.
  await page.getByTestId('stage-shortlisted').click();
  await page.locator('[data-testid="employer-application"][data-status="shortlisted"]').waitFor();
  await page.getByTestId('stage-interview').click();
  await page.getByTestId('stage-confirm').click();
  await page.getByTestId('error-interviewAt').waitFor();
  await page.getByTestId('em-interviewAt').fill(interviewSlot());
  await page.getByTestId('em-interviewPlace').fill('Phòng nhân sự, Lô A5 KCN Hòa Phú');
  await page.screenshot({ path: shot('mobile-employer-interview-form') });
  await page.getByTestId('stage-confirm').click();
  await page.locator('[data-testid="employer-application"][data-status="interview"]').waitFor();
  const interview = (await page.getByTestId('applicant-interview').textContent()) ?? '';
  assert.match(interview, /09:00 .*Phòng nhân sự, Lô A5 KCN Hòa Phú/);
  assert.match((await page.getByTestId('alert-info').textContent()) ?? '', /Ứng viên đã được thông báo/);
  await page.screenshot({ path: shot('mobile-employer-interview'), fullPage: true });

  // A message to the applicant, in the shared conversation.
  await page.getByTestId('thread-text').fill('Chào bạn, hẹn gặp bạn tại buổi phỏng vấn. Nhớ mang theo CCCD.');
  await page.getByTestId('thread-send').click();
  await page.getByTestId('thread-message').filter({ hasText: 'Nhớ mang theo CCCD' }).waitFor();
  await page.getByTestId('thread').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('mobile-employer-message') });
  assert.deepEqual(errors, []);

  // The applicant sees the interview, and the message in the bell.
  const id = await app.getAttribute('data-id');
  const citizen = await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password);
  const call = async <T>(path: string) =>
    (await (
      await fetch(`${product.url}${path}`, { headers: { authorization: `Bearer ${citizen.accessToken}` } })
    ).json()) as T;
  const mine = await call<{ items: { id: string; status: string }[] }>('/api/v1/work/applications/mine');
  assert.equal(mine.items.find((a) => a.id === id)?.status, 'interview');
  const notes = await call<{ items: { kind: string; link: string }[] }>('/api/v1/me/notifications');
  assert.ok(notes.items.some((n) => n.kind === 'work.message' && n.link === `#/jobs/applications/${id}`));
  await page.close();
});

/** A valid tax code unique to this run (check digit over the first nine, as the API computes it). */
function newTaxCode(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (let n = Date.now() % 1_000_000; ; n++) {
    const first9 = `668${String(n).padStart(6, '0')}`;
    const r = [...first9].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11;
    if (r !== 0) return `${first9}${10 - r}`;
  }
}

test('a new citizen sees why it cannot register, declares the CCCD, registers a company and can post', async () => {
  const own = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  const page = await own.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // Sign up through the app (this browser becomes a known device).
  const national = newNationalPhone();
  await page.goto(`${product.url}/#/register`);
  await page.locator('input[name="phone"]').fill(national);
  await page.getByTestId('send-otp').click();
  await page.locator('input[name="otp"]').waitFor();
  await page.waitForTimeout(300);
  await page.locator('input[name="otp"]').fill(product.lastCode(`+84${national.slice(1)}`));
  await page.locator('input[name="fullName"]').fill('Lê Thị Hạnh');
  await page.locator('input[name="password"]').fill('MatKhau2026');
  await page.getByTestId('register-submit').click();
  await page.getByTestId('identity-card').waitFor();

  // Level 0: the jobs screen's link leads to the employer screen, which says what is missing.
  await page.goto(`${product.url}/#/jobs`);
  await page.getByTestId('jobs-employer').click();
  await page.getByTestId('employer-need-level').waitFor();
  assert.equal(await page.getByTestId('company-form').count(), 0);
  await page.screenshot({ path: shot('mobile-employer-need-level') });
  await page.getByTestId('employer-declare').click();
  await page.waitForURL(/#\/identity$/);
  await page
    .locator('input[name="cccdNumber"]')
    .fill(`066190${String(Date.now() % 1_000_000).padStart(6, '0')}`);
  await page.locator('input[name="fullName"]').fill('Lê Thị Hạnh');
  await page.locator('input[name="dateOfBirth"]').fill('1990-04-12');
  await page.locator('input[name="sex"][value="female"]').check();
  await page.getByTestId('identity-submit').click();
  await page.locator('[data-testid="identity-card"][data-level="1"]').waitFor();

  // Level 1: the registration form; the API's check-digit error lands at the tax code.
  await page.goto(`${product.url}/#/employer`);
  await page.getByTestId('company-form').waitFor();
  await page.getByTestId('em-name').fill('Công ty TNHH Nông sản Ea Kar');
  await page.getByTestId('em-taxCode').fill('0100109107');
  await page.getByTestId('em-address').fill('Thôn 5, xã Ea Kar');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="em-communeCode"] option').length > 50,
  );
  await page.getByTestId('em-communeCode').selectOption({ index: 1 });
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="em-industry"] option').length > 20,
  );
  await page.getByTestId('em-industry').selectOption('A');
  await page.getByTestId('em-size').selectOption('10-49');
  await page.getByTestId('em-contactName').fill('Lê Thị Hạnh');
  await page.getByTestId('em-contactPhone').fill('0262 3850 123');
  await page.getByTestId('company-save').click();
  const taxError = page.getByTestId('error-taxCode');
  await taxError.waitFor();
  assert.match((await taxError.textContent()) ?? '', /chữ số kiểm tra/);
  await page.screenshot({ path: shot('mobile-employer-register-taxcode') });

  await page.getByTestId('em-taxCode').fill(newTaxCode());
  await page.getByTestId('company-save').click();
  await page.getByTestId('employer-companies').waitFor();
  assert.match((await page.getByTestId('alert-info').textContent()) ?? '', /chờ xác minh/);
  assert.equal(await page.getByTestId('company-status').getAttribute('data-status'), 'pending');
  await page.screenshot({ path: shot('mobile-employer-registered') });

  // The employer role came with it (the session was refreshed): the postings answer, drafts are possible.
  await page.getByTestId('employer-postings').click();
  await page.getByTestId('posting-new').waitFor();
  assert.equal(await page.getByTestId('alert-error').count(), 0);
  assert.deepEqual(errors, []);
  await own.close();
});
