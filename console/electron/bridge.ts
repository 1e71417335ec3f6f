/** The API the preload script exposes to the renderer as `window.dlid` (desktop app only). */
export interface DlidBridge {
  readonly isDesktop: true;
  readonly platform: string;
  readonly versions: { readonly electron: string; readonly chrome: string; readonly node: string };
  /** Name and version of the packaged desktop app. */
  appInfo(): Promise<{ name: string; version: string }>;
  /** Shows a desktop notification; resolves false where the system has none. Rejects invalid arguments. */
  notify(title: string, body: string): Promise<boolean>;
}

/** IPC channels between preload and main. preload.cts repeats them (a sandboxed preload cannot import). */
export const IPC = {
  notify: 'dlid:notify',
  appInfo: 'dlid:app-info',
} as const;
