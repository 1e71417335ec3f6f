import type { DlidBridge } from '../electron/bridge';

declare global {
  interface Window {
    /** Present only inside the desktop (Electron) app; the console also runs in a browser. */
    readonly dlid?: DlidBridge;
  }
}

export {};
