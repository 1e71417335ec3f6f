// Preload of the console window. It runs sandboxed: no Node, no local imports, and it is kept a
// plain script (no import/export) so that the emitted file needs nothing but require('electron').
// The IPC channel names are repeated from bridge.ts; policy.test.ts checks that they agree.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports --
   a plain script: require() and import() types are the only way to reach electron and bridge.ts */
{
  const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

  const bridge: import('./bridge.js').DlidBridge = Object.freeze({
    isDesktop: true as const,
    platform: process.platform,
    versions: Object.freeze({
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node ?? '',
    }),
    appInfo: () => ipcRenderer.invoke('dlid:app-info') as Promise<{ name: string; version: string }>,
    notify: (title: string, body: string) =>
      ipcRenderer.invoke('dlid:notify', title, body) as Promise<boolean>,
  });

  contextBridge.exposeInMainWorld('dlid', bridge);
}
