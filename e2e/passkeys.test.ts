import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startProduct, launchBrowser, DEMO_CITIZEN, type Product } from './harness.ts';

// The full WebAuthn ceremony in Chromium with a CDP virtual authenticator (platform, user-verifying),
// against the real API: add a passkey to an account, then sign in with it, discoverable and by phone.
let product: Product;
let browser: Browser;
before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await product?.stop();
});

test('a citizen adds a passkey and signs in with it (fingerprint/face unlock simulated)', async () => {
  // WebAuthn needs a domain, not an IP: the app is opened as localhost (the API's default relying party).
  const origin = product.url.replace('127.0.0.1', 'localhost');
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const login = await product.login(DEMO_CITIZEN.phone, DEMO_CITIZEN.password);

  const added = await page.evaluate(async (token) => {
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const o = await (await fetch('/api/v1/me/passkeys/options', { method: 'POST', headers: auth })).json();
    const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(o.options);
    const cred = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
    const res = await fetch('/api/v1/me/passkeys', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ challengeId: o.challengeId, response: cred.toJSON(), name: 'Điện thoại thử' }),
    });
    return { status: res.status, body: await res.json() };
  }, login.accessToken);
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.body.name, 'Điện thoại thử');

  const signIn = async (phone?: string) =>
    page.evaluate(async (p) => {
      const o = await (
        await fetch('/api/v1/auth/passkeys/options', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(p ? { phone: p } : {}),
        })
      ).json();
      const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(o.options);
      const cred = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential;
      const payload = JSON.stringify({ challengeId: o.challengeId, response: cred.toJSON() });
      const res = await fetch('/api/v1/auth/passkeys/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      });
      return {
        status: res.status,
        body: await res.json(),
        allowed: o.options.allowCredentials.length,
        payload,
      };
    }, phone);

  const discoverable = await signIn();
  assert.equal(discoverable.status, 200, JSON.stringify(discoverable.body));
  assert.equal(discoverable.body.user.id, login.user.id);
  assert.equal(discoverable.allowed, 0);
  const byPhone = await signIn(DEMO_CITIZEN.phone);
  assert.equal(byPhone.status, 200);
  assert.equal(byPhone.allowed, 1);

  // The same signed assertion cannot be replayed: its challenge is spent.
  const replay = await fetch(`${product.url}/api/v1/auth/passkeys/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: byPhone.payload,
  });
  assert.equal(replay.status, 400);
  assert.equal(((await replay.json()) as { code: string }).code, 'passkey_challenge_invalid');
  const list = (await (
    await fetch(`${product.url}/api/v1/me/passkeys`, {
      headers: { authorization: `Bearer ${byPhone.body.accessToken}` },
    })
  ).json()) as { items: Array<{ lastUsedAt: string | null }> };
  assert.equal(list.items.length, 1);
  assert.ok(list.items[0]?.lastUsedAt);
  await page.close();
});
