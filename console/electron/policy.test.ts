import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IPC } from './bridge';
import {
  buildCsp,
  decideWindowOpen,
  DEFAULT_APP_URL,
  isAllowedNavigation,
  isAllowedPermission,
  isSafeExternalUrl,
  isTrustedSender,
  NOTIFY_LIMITS,
  resolveAppUrl,
  shouldApplyCsp,
  validateNotify,
  windowOptions,
  withCsp,
} from './policy';

const ORIGIN = 'http://127.0.0.1:8080';

describe('resolveAppUrl', () => {
  it('defaults to the local api', () => {
    expect(resolveAppUrl(undefined).href).toBe(DEFAULT_APP_URL);
    expect(resolveAppUrl('  ').href).toBe(DEFAULT_APP_URL);
  });
  it('takes an https deployment', () => {
    expect(resolveAppUrl('https://ioc.daklak.gov.vn/console/').origin).toBe('https://ioc.daklak.gov.vn');
  });
  it('refuses other schemes and credentials', () => {
    expect(() => resolveAppUrl('file:///etc/passwd')).toThrow();
    expect(() => resolveAppUrl('javascript:alert(1)')).toThrow();
    expect(() => resolveAppUrl('http://user:pw@127.0.0.1:8080/console/')).toThrow();
    expect(() => resolveAppUrl('not a url')).toThrow();
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    'http://127.0.0.1:8080/console/',
    'http://127.0.0.1:8080/console/admin/users?q=an#x',
    'http://127.0.0.1:8080/api/docs',
    'HTTP://127.0.0.1:8080/console/',
  ])('allows %s', (url) => {
    expect(isAllowedNavigation(url, ORIGIN)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:8080.evil.com/console/',
    'http://127.0.0.1.evil.com:8080/',
    'http://evil.com/?http://127.0.0.1:8080/',
    'http://127.0.0.1:8081/console/',
    'https://127.0.0.1:8080/console/',
    'http://localhost:8080/console/',
    'http://user@127.0.0.1:8080/console/',
    'http://127.0.0.1:8080@evil.com/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'file:///etc/passwd',
    'file://127.0.0.1:8080/console/',
    'data:text/html,<script>alert(1)</script>',
    'blob:http://127.0.0.1:8080/abc',
    'about:blank',
    'chrome://settings',
    'ws://127.0.0.1:8080/',
    '//127.0.0.1:8080/console/',
    '/console/',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url, ORIGIN)).toBe(false);
  });

  it('compares the default https port correctly', () => {
    expect(isAllowedNavigation('https://ioc.example.vn:443/console/', 'https://ioc.example.vn')).toBe(true);
    expect(isAllowedNavigation('https://ioc.example.vn:8443/console/', 'https://ioc.example.vn')).toBe(false);
  });
});

describe('window.open and external links', () => {
  it('keeps app links in the main window', () => {
    expect(decideWindowOpen('http://127.0.0.1:8080/console/admin/audit', ORIGIN)).toEqual({
      action: 'navigate',
      url: 'http://127.0.0.1:8080/console/admin/audit',
    });
  });
  it('sends http(s) links elsewhere to the system browser', () => {
    expect(decideWindowOpen('https://dichvucong.gov.vn/', ORIGIN)).toEqual({
      action: 'external',
      url: 'https://dichvucong.gov.vn/',
    });
    expect(decideWindowOpen('http://127.0.0.1.evil.com:8080/', ORIGIN).action).toBe('external');
    // not even a valid URL (the port would be "8080.evil.com"): neither in-app nor external
    expect(decideWindowOpen('http://127.0.0.1:8080.evil.com/', ORIGIN)).toEqual({ action: 'deny' });
  });
  it('denies everything else', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/system32/calc.exe',
      'smb://host/share',
      'ms-settings:',
    ]) {
      expect(decideWindowOpen(url, ORIGIN)).toEqual({ action: 'deny' });
      expect(isSafeExternalUrl(url, ORIGIN)).toBe(false);
    }
    expect(isSafeExternalUrl('https://user:pw@example.com/', ORIGIN)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const csp = buildCsp(ORIGIN);
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `));

  it('allows scripts only from the app and nothing inline or eval', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(directive('script-src')).not.toContain('unsafe-inline');
    expect(directive('default-src')).toBe("default-src 'self'");
  });
  it('lets the renderer reach the api and its websockets', () => {
    expect(directive('connect-src')).toBe(`connect-src 'self' ${ORIGIN} ws://127.0.0.1:8080`);
    expect(buildCsp('https://ioc.example.vn')).toContain('wss://ioc.example.vn');
  });
  it('forbids plugins, framing and foreign bases', () => {
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('base-uri')).toBe("base-uri 'self'");
  });
  it('rejects a non-http origin', () => {
    expect(() => buildCsp('file://x')).toThrow();
  });
  it('is added only to responses of the app origin and keeps existing headers', () => {
    expect(shouldApplyCsp(`${ORIGIN}/console/assets/index.js`, ORIGIN)).toBe(true);
    expect(shouldApplyCsp('https://tiles.example.com/1/2/3.png', ORIGIN)).toBe(false);
    const headers = withCsp(
      { 'content-type': ['text/html'], 'content-security-policy': ["default-src 'none'"] },
      csp,
    );
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['content-security-policy']).toEqual(["default-src 'none'", csp]);
    expect(withCsp(undefined, csp)).toEqual({ 'Content-Security-Policy': [csp] });
  });
});

describe('windowOptions', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = windowOptions('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('permissions and IPC senders', () => {
  it('grants notifications to the app only', () => {
    expect(isAllowedPermission('notifications', `${ORIGIN}/console/`, ORIGIN)).toBe(true);
    expect(isAllowedPermission('notifications', 'https://evil.com/', ORIGIN)).toBe(false);
    expect(isAllowedPermission('media', `${ORIGIN}/console/`, ORIGIN)).toBe(false);
    expect(isAllowedPermission('geolocation', `${ORIGIN}/console/`, ORIGIN)).toBe(false);
  });
  it('trusts only frames of the app origin', () => {
    expect(isTrustedSender(`${ORIGIN}/console/admin/users`, ORIGIN)).toBe(true);
    expect(isTrustedSender('http://127.0.0.1:8080.evil.com/', ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, ORIGIN)).toBe(false);
    expect(isTrustedSender('about:blank', ORIGIN)).toBe(false);
  });
});

describe('validateNotify', () => {
  it('accepts a title and a body, trimmed', () => {
    expect(validateNotify(['  Camera mất tín hiệu ', 'Ngã tư Km3\nBuôn Ma Thuột'])).toEqual({
      ok: true,
      title: 'Camera mất tín hiệu',
      body: 'Ngã tư Km3\nBuôn Ma Thuột',
    });
    expect(validateNotify(['Tiêu đề', ''])).toMatchObject({ ok: true, body: '' });
  });
  it.each([
    [[]],
    [['only title']],
    [['a', 'b', 'c']],
    [[1, 'body']],
    [['title', { toString: () => 'x' }]],
    [[null, 'x']],
    [['   ', 'body']],
    [['x'.repeat(NOTIFY_LIMITS.title + 1), 'body']],
    [['title', 'y'.repeat(NOTIFY_LIMITS.body + 1)]],
    [['bell\u0007', 'body']],
    [['title', 'evil\u202Etxt.exe']],
  ])('rejects %j', (args) => {
    expect(validateNotify(args).ok).toBe(false);
  });
});

describe('preload', () => {
  it('uses the IPC channels of bridge.ts and imports nothing but electron', () => {
    const src = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
    for (const channel of Object.values(IPC)) expect(src).toContain(`'${channel}'`);
    expect(src).toContain("exposeInMainWorld('dlid'");
    expect(src).not.toMatch(/^\s*import\s/m);
    expect(new Set([...src.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]))).toEqual(
      new Set(['electron']),
    );
  });
});
