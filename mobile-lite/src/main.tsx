import { render } from 'preact';
import { App } from './app';
import { getLang } from './i18n';
import './styles.css';

document.documentElement.lang = getLang();
render(<App />, document.getElementById('app')!);

// The service worker only in production builds: in development it would serve stale modules.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      /* no offline support on this browser; the app works the same online */
    });
  });
}
