// Floor for `npm run bench:api`: Express 5 with no middleware, no token and no database, answering
// /healthz with res.json. Whatever this reaches on a machine bounds what any Express route can.
import express from 'express';

const app = express();
app.set('etag', false);
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok', uptime: Math.round(process.uptime()) });
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('floor listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
