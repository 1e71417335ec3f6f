import express, { type Router } from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Đắk Lắk ID API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="./swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="./swagger-ui-bundle.js"></script>
<script src="./init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '../openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** Interactive docs at /api/docs/, served from the local swagger-ui-dist package (no CDN). */
export function mountDocs(router: Router): void {
  const dir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  router.get('/docs', (req, res, next) => {
    if (req.originalUrl.endsWith('/docs')) return res.redirect(301, `${req.baseUrl}/docs/`);
    next();
  });
  router.get('/docs/', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  router.use('/docs', express.static(dir, { index: false, maxAge: '1d' }));
}
