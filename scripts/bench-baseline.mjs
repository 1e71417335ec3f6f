// Baseline for `npm run bench:api`: the same work as the API's /healthz and /api/v1/me on bare
// node:http + pg — verify the same EdDSA access token with jose (a token verified before is taken
// from a cache until its exp, as the API does), run the same profile query as a prepared statement.
import http from 'node:http';
import pg from 'pg';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const { DATABASE_URL, API_URL, PORT } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', API_URL));
const verified = new Map();
const SQL = `SELECT u.id, u.phone, u.full_name, u.identity_level, u.created_at, u.status,
  coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
  FROM users u LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.id = $1 GROUP BY u.id`;

const server = http.createServer(async (req, res) => {
  try {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ status: 'ok', uptime: Math.round(process.uptime()) }));
    }
    if (req.url === '/api/v1/me') {
      const token = (req.headers.authorization ?? '').slice(7);
      let payload = verified.get(token);
      if (!payload || payload.exp * 1000 <= Date.now()) {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: 'daklak-id',
          audience: 'daklak-id-api',
          algorithms: ['EdDSA'],
        }));
        if (verified.size >= 10_000) verified.delete(verified.keys().next().value);
        verified.set(token, payload);
      }
      const { rows } = await pool.query({ name: 'identity.me', text: SQL, values: [payload.sub] });
      const u = rows[0];
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          id: u.id,
          phone: u.phone,
          fullName: u.full_name,
          roles: u.roles,
          identityLevel: u.identity_level,
          createdAt: u.created_at,
        }),
      );
    }
    res.writeHead(404).end();
  } catch {
    res.writeHead(401).end();
  }
});
server.listen(Number(PORT), '127.0.0.1', () => console.log('baseline listening'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
