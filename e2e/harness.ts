/**
 * End-to-end harness: the real product (api/src/main.ts serving the built clients) on a free port
 * against a fresh database, and Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const artifacts = path.join(root, 'e2e', 'artifacts');

export const ADMIN = { phone: '0905000001', password: 'DakLak@2026' };
export const DEMO_CITIZEN = { phone: '0905000006', password: 'DemoDakLak2026' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

export interface Product {
  url: string;
  outbox: string;
  /** The product's database, for a test that must set up more than the API allows (e.g. a long history). */
  databaseUrl: string;
  lastCode(phoneE164: string): string;
  /** Sign in through the API as a fixed test device, answering the SMS code a new device is asked for. */
  login(phone: string, password: string): Promise<ApiSession>;
  stop(): Promise<void>;
}

export interface ApiSession {
  accessToken: string;
  refreshToken: string;
  user: { id: string; phone: string; roles: string[]; identityLevel: number };
}

/** `extraEnv`: more settings for the api (e.g. camera timings); the built-in test cameras stay off unless asked. */
export async function startProduct(extraEnv: Record<string, string> = {}): Promise<Product> {
  for (const client of ['mobile-lite', 'console'])
    if (!fs.existsSync(path.join(root, client, 'dist', 'index.html')))
      throw new Error(`${client} is not built: run npm run build`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-e2e-'));
  fs.chmodSync(tmp, 0o755);
  const port = await freePort();
  let dbName: string | undefined;
  let admin: pg.Client | undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: tmp,
    SMS_OUTBOX_FILE: path.join(tmp, 'sms.jsonl'),
    LOG_LEVEL: 'warn',
    EMBEDDED_PG_PORT: String(await freePort()),
    TEST_CAMERAS: 'off',
    ...extraEnv,
  };
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/postgres';
    admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    dbName = `dlid_e2e_${process.pid}_${Date.now().toString(36)}`;
    await admin.query(`CREATE DATABASE ${dbName}`);
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'api/src/main.ts'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`api exited:\n${output}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 600) throw new Error(`api did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const outbox = env.SMS_OUTBOX_FILE as string;
  const lastCode = (phone: string) => {
    const lines = fs.existsSync(outbox) ? fs.readFileSync(outbox, 'utf8').trim().split('\n').reverse() : [];
    for (const l of lines) {
      const m = JSON.parse(l) as { to: string; text: string };
      if (m.to === phone) return /(\d{6})/.exec(m.text)?.[1] ?? '';
    }
    throw new Error(`no SMS to ${phone}`);
  };
  return {
    url,
    outbox,
    databaseUrl:
      env.DATABASE_URL ?? `postgres://daklak:daklak-embedded@127.0.0.1:${env.EMBEDDED_PG_PORT}/daklak_id`,
    async login(phone, password) {
      const post = (body: object) =>
        fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-device-id': `e2e-node-${phone.replace(/\D/g, '')}`,
          },
          body: JSON.stringify(body),
        });
      let res = await post({ phone, password });
      if (res.status === 401) {
        const problem = (await res.clone().json()) as { code: string };
        if (problem.code === 'new_device_otp_required')
          res = await post({
            phone,
            password,
            otp: lastCode(`+84${phone.replace(/\D/g, '').replace(/^0/, '').replace(/^84/, '')}`),
          });
      }
      if (res.status !== 200) throw new Error(`login ${phone}: ${res.status} ${await res.text()}`);
      return (await res.json()) as ApiSession;
    },
    lastCode(phone) {
      const lines = fs.existsSync(outbox) ? fs.readFileSync(outbox, 'utf8').trim().split('\n').reverse() : [];
      for (const l of lines) {
        const m = JSON.parse(l) as { to: string; text: string };
        if (m.to === phone) return /(\d{6})/.exec(m.text)?.[1] ?? '';
      }
      throw new Error(`no SMS to ${phone}`);
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (admin && dbName) {
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export function shot(name: string): string {
  fs.mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, `${name}.png`);
}

let seq = 0;
/** A fresh Viettel number per call, unique per run. */
export function newNationalPhone(): string {
  seq++;
  return `097${String(Date.now() % 100000).padStart(5, '0')}${String(seq).padStart(2, '0')}`.slice(0, 10);
}

/**
 * Fill the console's sign-in form on the page as it is and submit; a browser profile the account has not
 * used before is asked for the SMS code, which is read from the outbox and entered.
 */
export async function consoleSignIn(
  page: Page,
  product: Product,
  phone: string,
  password: string,
): Promise<void> {
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('input[name="password"]').fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.locator('input[name="password"]').press('Enter');
  const res = await answer;
  if (res.status() === 401 && ((await res.json()) as { code: string }).code === 'new_device_otp_required') {
    await page
      .getByTestId('login-otp')
      .fill(product.lastCode(`+84${phone.replace(/\D/g, '').replace(/^0/, '')}`));
    await page.getByTestId('login-submit').click();
  }
}

/**
 * Sign in on mobile-lite's sign-in screen; a browser the account has never used is asked for the SMS code, read
 * from the outbox. Resolves once the app shows the account link; on failure a screenshot `<shotName>` is kept.
 */
export async function mobileSignIn(
  page: Page,
  product: Product,
  who: { phone: string; password: string },
  shotName = 'mobile-signin-failed',
): Promise<void> {
  await page.goto(`${product.url}/#/login`);
  await page.locator('input[name="phone"]').fill(who.phone);
  await page.locator('input[name="password"]').fill(who.password);
  await page.getByTestId('login-submit').click();
  const outcome = await Promise.race([
    page
      .getByTestId('login-new-device')
      .waitFor()
      .then(() => 'otp' as const),
    page
      .getByTestId('nav-account')
      .waitFor()
      .then(() => 'in' as const),
  ]);
  if (outcome === 'in') return;
  await page.locator('input[name="otp"]').fill(product.lastCode(`+84${who.phone.slice(1)}`));
  await page.getByTestId('login-otp-submit').click();
  await page
    .getByTestId('nav-account')
    .waitFor({ timeout: 8000 })
    .catch(async (e: unknown) => {
      await page.screenshot({ path: shot(shotName) });
      throw new Error(`${String(e)}\n${(await page.locator('main').textContent()) ?? ''}`);
    });
}

/** Collect the page's uncaught script errors into `errors` (a test then asserts the list stays empty). */
export function watchErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** Every SMS text the product has sent to a number (E.164), oldest first. */
export function smsTexts(product: Product, phoneE164: string): string[] {
  if (!fs.existsSync(product.outbox)) return [];
  return fs
    .readFileSync(product.outbox, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { to: string; text: string })
    .filter((m) => m.to === phoneE164)
    .map((m) => m.text);
}

/** The code in the newest SMS to the number, once it has more than the `seen` it had before; waits up to 10 s. */
export async function nextSmsCode(
  page: Page,
  product: Product,
  phoneE164: string,
  seen: number,
): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const all = smsTexts(product, phoneE164);
    if (all.length > seen) return /(\d{6})/.exec(all[all.length - 1] ?? '')?.[1] ?? '';
    await page.waitForTimeout(100);
  }
  throw new Error(`no new SMS to ${phoneE164}`);
}

/**
 * Register a new citizen through mobile-lite's own screens (phone, the SMS code from the outbox, name, password);
 * resolves on the profile. `origin` when the app is opened under another host name than `product.url`.
 */
export async function mobileRegister(
  page: Page,
  product: Product,
  who: { phone: string; fullName: string; password: string },
  origin = product.url,
): Promise<void> {
  const e164 = `+84${who.phone.slice(1)}`;
  const seen = smsTexts(product, e164).length;
  await page.goto(`${origin}/#/register`);
  await page.locator('input[name="phone"]').fill(who.phone);
  await page.getByTestId('send-otp').click();
  await page.locator('input[name="otp"]').waitFor();
  await page.locator('input[name="otp"]').fill(await nextSmsCode(page, product, e164, seen));
  await page.locator('input[name="fullName"]').fill(who.fullName);
  await page.locator('input[name="password"]').fill(who.password);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('identity-card').waitFor();
}

/** How many pixels each chart canvas has painted (0 = an empty canvas), by the data-testid of its card. */
export async function paintedCharts(page: Page, testIdPrefix = 'chart-'): Promise<Record<string, number>> {
  return page.$$eval(`[data-testid^="${testIdPrefix}"]`, (cards) =>
    Object.fromEntries(
      cards
        .filter((card) => card.querySelector('canvas'))
        .map((card) => {
          const c = card.querySelector('canvas') as HTMLCanvasElement;
          const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
          return [card.getAttribute('data-testid') ?? '', n];
        }),
    ),
  );
}

/**
 * Asserts that the first element with this data-testid shows text matching `pattern`, waiting up to
 * `timeoutMs` for it (the page may still be re-rendering after the last action).
 */
export async function assertText(
  page: Page,
  testId: string,
  pattern: RegExp,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.getByTestId(testId).first().textContent({ timeout: timeoutMs })) ?? '';
    if (pattern.test(value)) return;
    if (Date.now() > deadline) assert.match(value, pattern, `data-testid="${testId}"`);
    await page.waitForTimeout(100);
  }
}
