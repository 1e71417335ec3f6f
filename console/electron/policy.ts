// Security decisions of the desktop shell, as pure functions: no electron import at run time,
// so they are unit-tested without the Electron binary.
import type { WebPreferences } from 'electron';

export const DEFAULT_APP_URL = 'http://127.0.0.1:8080/console/';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const isWeb = (u: URL) => u.protocol === 'http:' || u.protocol === 'https:';

/**
 * The console URL from DLID_CONSOLE_URL (default http://127.0.0.1:8080/console/). Only http(s)
 * without credentials is accepted; anything else is an error rather than a silent fallback.
 */
export function resolveAppUrl(env: string | undefined): URL {
  const raw = env?.trim() || DEFAULT_APP_URL;
  const url = parse(raw);
  if (!url || !isWeb(url) || url.username || url.password) {
    throw new Error(
      `DLID_CONSOLE_URL must be an http(s) URL without credentials, got ${JSON.stringify(raw)}`,
    );
  }
  return url;
}

/** In-window navigation: only http(s) pages of the app's own origin (scheme, host and port alike). */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  const u = parse(url);
  if (!u || !isWeb(u) || u.username || u.password) return false;
  return u.origin === appOrigin;
}

/** A link that may be handed to the system browser: http(s) elsewhere than the app, no credentials. */
export function isSafeExternalUrl(url: string, appOrigin: string): boolean {
  const u = parse(url);
  if (!u || !isWeb(u) || u.username || u.password) return false;
  return u.origin !== appOrigin;
}

export type WindowOpenDecision =
  /** A link into the app: load it in the main window instead of a new one. */
  | { action: 'navigate'; url: string }
  /** Open in the system browser (shell.openExternal). */
  | { action: 'external'; url: string }
  | { action: 'deny' };

/** window.open / target=_blank: never a new Electron window. */
export function decideWindowOpen(url: string, appOrigin: string): WindowOpenDecision {
  if (isAllowedNavigation(url, appOrigin)) return { action: 'navigate', url };
  if (isSafeExternalUrl(url, appOrigin)) return { action: 'external', url: new URL(url).href };
  return { action: 'deny' };
}

/**
 * Content-Security-Policy for the app's responses. Scripts only from the app origin; styles
 * also inline (MUI/emotion inject <style>); connections to the api origin and its websockets
 * (camera streams); no plugins, no framing, no foreign form targets.
 */
export function buildCsp(apiOrigin: string): string {
  const api = parse(apiOrigin);
  if (!api || !isWeb(api)) throw new Error(`not an http(s) origin: ${apiOrigin}`);
  const ws = `${api.protocol === 'https:' ? 'wss:' : 'ws:'}//${api.host}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${api.origin} ${ws}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Responses that get the CSP header: those from the app's origin. */
export function shouldApplyCsp(url: string, appOrigin: string): boolean {
  return isAllowedNavigation(url, appOrigin);
}

/** Response headers with our CSP added (a server's own CSP stays: browsers enforce both). */
export function withCsp(
  headers: Record<string, string[] | string> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k] = Array.isArray(v) ? [...v] : [v];
  const existing = Object.keys(out).find((k) => k.toLowerCase() === 'content-security-policy');
  if (existing) out[existing] = [...(out[existing] ?? []), csp];
  else out['Content-Security-Policy'] = [csp];
  return out;
}

/** webPreferences of every console window. */
export function windowOptions(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** Web permissions the console may get (desktop notifications, fullscreen for camera walls). */
const ALLOWED_PERMISSIONS = new Set(['notifications', 'fullscreen', 'clipboard-sanitized-write']);
export function isAllowedPermission(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAllowedNavigation(requestingUrl, appOrigin);
}

/** IPC is answered only for frames showing the app's origin. */
export function isTrustedSender(frameUrl: string | undefined, appOrigin: string): boolean {
  return frameUrl !== undefined && isAllowedNavigation(frameUrl, appOrigin);
}

export const NOTIFY_LIMITS = { title: 120, body: 500 } as const;

export type NotifyArgs = { ok: true; title: string; body: string } | { ok: false; error: string };

/** Arguments of dlid.notify(title, body) as they arrive over IPC: two strings, bounded, no control characters. */
export function validateNotify(args: readonly unknown[]): NotifyArgs {
  if (args.length !== 2) return { ok: false, error: 'expected (title, body)' };
  const [title, body] = args;
  if (typeof title !== 'string' || typeof body !== 'string')
    return { ok: false, error: 'title and body must be strings' };
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  if (control.test(title) || control.test(body))
    return { ok: false, error: 'control characters are not allowed' };
  const t = title.trim();
  const b = body.trim();
  if (!t) return { ok: false, error: 'title is empty' };
  if (t.length > NOTIFY_LIMITS.title) return { ok: false, error: `title longer than ${NOTIFY_LIMITS.title}` };
  if (b.length > NOTIFY_LIMITS.body) return { ok: false, error: `body longer than ${NOTIFY_LIMITS.body}` };
  return { ok: true, title: t, body: b };
}
