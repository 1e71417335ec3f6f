import express, { type Express } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

const MISSING = (
  name: string,
) => `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Đắk Lắk ID</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Đắk Lắk ID</h1><p>Ứng dụng ${name} chưa được build. Chạy <code>npm run build</code> rồi tải lại trang.</p>
<p lang="en">The ${name} app has not been built yet. Run <code>npm run build</code> and reload.</p></body></html>`;

/** Serve a built single-page app under `base`, falling back to its index.html for client routes. */
function spa(app: Express, base: string, dir: string, name: string): void {
  const index = path.join(dir, 'index.html');
  app.use(
    base,
    express.static(dir, {
      index: false,
      setHeaders(res, file) {
        // Hashed assets are immutable; the shell and the service worker are always revalidated.
        if (/[\\/]assets[\\/]/.test(file))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
        if (file.endsWith('.webmanifest')) res.setHeader('Content-Type', 'application/manifest+json');
      },
    }),
  );
  app.get(`${base === '/' ? '' : base}/{*rest}`, (req, res, next) => {
    if (base === '/' && /^\/(api|console|open311|healthz|readyz)(\/|$)/.test(req.path)) return next();
    if (!req.accepts('html')) return next();
    if (!fs.existsSync(index)) return res.status(503).type('html').send(MISSING(name));
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

export function mountClients(app: Express, config: Config): void {
  app.get('/console', (req, res, next) => {
    // Express matches '/console/' here too (non-strict routing): redirect only the bare path.
    if (req.path !== '/console') return next();
    const q = req.originalUrl.indexOf('?');
    res.redirect(301, `/console/${q >= 0 ? req.originalUrl.slice(q) : ''}`);
  });
  spa(app, '/console', config.CONSOLE_DIST, 'console');
  spa(app, '/', config.MOBILE_DIST, 'mobile-lite');
}
