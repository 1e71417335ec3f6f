// Floors for `npm run bench:api`, on Express 5 with no middleware.
// - /healthz answers a constant with res.json: whatever this reaches bounds what any Express route can.
// - /api/v1/me does exactly the baseline's work (scripts/bench-baseline.mjs: the same token check with jose and its
//   cache, the same prepared query on a plain pg.Pool, the same answer) inside an Express route: the best any
//   Express application doing that work can reach on the machine, before security headers, limits, validation.
import express from 'express';
import { createMeHandler } from './bench-baseline-work.mjs';

const { DATABASE_URL, API_URL, PORT } = process.env;
const app = express();
app.set('etag', false);
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok', uptime: Math.round(process.uptime()) });
});
if (DATABASE_URL && API_URL) {
  const me = createMeHandler({ databaseUrl: DATABASE_URL, apiUrl: API_URL });
  app.get('/api/v1/me', async (req, res) => {
    const body = await me(req.headers.authorization);
    if (body) res.json(body);
    else res.status(401).end();
  });
}
const server = app.listen(Number(PORT), '127.0.0.1', () => console.log('floor listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
