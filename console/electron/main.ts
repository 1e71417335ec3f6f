// Electron main process of the IOC desktop console. The renderer is the web console served by
// the api (DLID_CONSOLE_URL); this shell adds a strict CSP, keeps navigation on the app's origin
// and offers desktop notifications through a small, validated IPC surface.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Notification, session, shell, type WebContents } from 'electron';
import { IPC } from './bridge.js';
import {
  buildCsp,
  decideWindowOpen,
  isAllowedNavigation,
  isAllowedPermission,
  isSafeExternalUrl,
  isTrustedSender,
  resolveAppUrl,
  shouldApplyCsp,
  validateNotify,
  windowOptions,
  withCsp,
} from './policy.js';

const appUrl = resolveAppUrl(process.env.DLID_CONSOLE_URL);
const appOrigin = appUrl.origin;
const csp = buildCsp(appOrigin);

app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function openExternal(url: string): void {
  if (isSafeExternalUrl(url, appOrigin)) void shell.openExternal(url);
}

/** Every web contents (windows, and anything else that might appear) gets the same limits. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, appOrigin)) return;
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, appOrigin);
    if (decision.action === 'navigate') void contents.loadURL(decision.url);
    else if (decision.action === 'external') openExternal(decision.url);
    return { action: 'deny' };
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Đắk Lắk IOC',
    backgroundColor: '#0b4a8b',
    webPreferences: windowOptions(path.join(import.meta.dirname, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(appUrl.href);
  return win;
}

function registerAppEvents(): void {
  app.on('web-contents-created', (_event, contents) => harden(contents));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

async function start(): Promise<void> {
  registerAppEvents();
  await app.whenReady();

  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!shouldApplyCsp(details.url, appOrigin)) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details.requestingUrl, appOrigin));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin, appOrigin),
  );

  ipcMain.handle(IPC.appInfo, (event) => {
    if (!isTrustedSender(event.senderFrame?.url, appOrigin)) throw new Error('untrusted sender');
    return { name: app.getName(), version: app.getVersion() };
  });

  ipcMain.handle(IPC.notify, (event, ...args: unknown[]) => {
    if (!isTrustedSender(event.senderFrame?.url, appOrigin)) throw new Error('untrusted sender');
    const checked = validateNotify(args);
    if (!checked.ok) throw new Error(checked.error);
    if (!Notification.isSupported()) return false;
    new Notification({ title: checked.title, body: checked.body }).show();
    return true;
  });

  mainWindow = createWindow();
}

// One console per workstation: a second launch focuses the window of the first.
if (app.requestSingleInstanceLock()) {
  void start();
} else {
  app.quit();
}
