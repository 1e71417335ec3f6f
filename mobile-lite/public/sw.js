/*
 * Đắk Lắk ID — service worker (hand-written, no library).
 *
 * Precaches the app shell so the app opens without a network; never caches the API.
 * The build (scripts/precache-plugin.ts) rewrites the two lines below with the real
 * list of files and a version derived from their contents.
 */
const VERSION = 'dev';
const PRECACHE = ['/index.html'];

const CACHE = `dlid-shell-${VERSION}`;
const CACHE_PREFIX = 'dlid-shell-';
const PRECACHED = new Set(PRECACHE);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The API is always live: never answered from, nor stored in, a cache.
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return;

  // The app routes with the hash (#/profile), so its only page is "/". Other pages of this origin
  // (the operators' console under /console/, the API docs…) are not ours: leave them to the network.
  const isShell = request.mode === 'navigate' && (url.pathname === '/' || url.pathname === '/index.html');
  const key = isShell ? '/index.html' : PRECACHED.has(url.pathname) ? url.pathname : null;
  if (!key) return;

  // Cache first: the shell opens at once on a slow network and works offline; a new release
  // installs a new worker (its precache list changes), which takes over on the next visit.
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((cached) => cached || fetch(request)),
  );
});
