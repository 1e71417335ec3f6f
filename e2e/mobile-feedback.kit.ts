import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { Product } from './harness.ts';

/** What the mobile-lite feedback e2e tests share: sign-up through the SMS outbox, drawn photos, API calls. */
export const VIEWPORT = { width: 360, height: 740 };
export const PASSWORD = 'MatKhau2026';
export const DEMO_PASSWORD = 'DemoDakLak2026';

export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** A real 800×600 JPEG drawn in the page (a road with a pothole, roughly). */
export async function photo(page: Page, name: string) {
  const b64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#7a8a7a';
    ctx.fillRect(0, 0, 800, 600);
    ctx.fillStyle = '#333';
    ctx.beginPath();
    ctx.ellipse(400, 380, 160, 70, 0, 0, Math.PI * 2);
    ctx.fill();
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b as Blob), 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') };
}

/** Helpers bound to the running product (started in the test file's `before`). */
export function feedbackKit(product: () => Product) {
  function texts(phone: string): string[] {
    const outbox = product().outbox;
    if (!fs.existsSync(outbox)) return [];
    return fs
      .readFileSync(outbox, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { to: string; text: string })
      .filter((m) => m.to === phone)
      .map((m) => m.text);
  }

  async function nextCode(page: Page, phone: string, seen: number): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const all = texts(phone);
      if (all.length > seen) return /(\d{6})/.exec(all[all.length - 1] ?? '')?.[1] ?? '';
      await page.waitForTimeout(100);
    }
    throw new Error(`no new SMS to ${phone}`);
  }

  async function register(page: Page, national: string, fullName: string): Promise<void> {
    await page.goto(`${product().url}/#/register`);
    await page.locator('input[name="phone"]').fill(national);
    await page.getByTestId('send-otp').click();
    await page.locator('input[name="otp"]').waitFor();
    await page.locator('input[name="otp"]').fill(await nextCode(page, `+84${national.slice(1)}`, 0));
    await page.locator('input[name="fullName"]').fill(fullName);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByTestId('register-submit').click();
    await page.getByTestId('identity-card').waitFor();
  }

  async function apiCall(token: string, method: string, path: string, body?: object | FormData) {
    const res = await fetch(`${product().url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  return { texts, nextCode, register, apiCall };
}
