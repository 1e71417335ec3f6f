// Baseline for `npm run bench:api`: the same work as the API's /healthz and /api/v1/me on bare node:http + pg
// (the /me work itself is in bench-baseline-work.mjs, shared with the Express floor).
import http from 'node:http';
import { createMeHandler } from './bench-baseline-work.mjs';

const { DATABASE_URL, API_URL, PORT } = process.env;
const me = createMeHandler({ databaseUrl: DATABASE_URL, apiUrl: API_URL });

const server = http.createServer(async (req, res) => {
  try {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ status: 'ok', uptime: Math.round(process.uptime()) }));
    }
    if (req.url === '/api/v1/me') {
      const body = await me(req.headers.authorization);
      if (!body) return res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(body));
    }
    res.writeHead(404).end();
  } catch {
    res.writeHead(500).end();
  }
});
server.listen(Number(PORT), '127.0.0.1', () => console.log('baseline listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
