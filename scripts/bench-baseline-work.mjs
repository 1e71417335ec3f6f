// The work behind GET /api/v1/me in the bench:api baseline and Express floor: verify the same EdDSA access token with
// jose (a token verified before is taken from a cache until its exp, as the API does) and run the same profile query
// as a prepared statement on a plain pg.Pool. Answers the profile, or undefined for a bad token.
import pg from 'pg';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const SQL = `SELECT u.id, u.phone, u.full_name, u.identity_level, u.created_at, u.status,
  coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
  FROM users u LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.id = $1 GROUP BY u.id`;

export function createMeHandler({ databaseUrl, apiUrl }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', apiUrl));
  const verified = new Map();
  return async function me(authorization) {
    const token = (authorization ?? '').slice(7);
    let payload = verified.get(token);
    if (!payload || payload.exp * 1000 <= Date.now()) {
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: 'daklak-id',
          audience: 'daklak-id-api',
          algorithms: ['EdDSA'],
        }));
      } catch {
        return undefined;
      }
      if (verified.size >= 10_000) verified.delete(verified.keys().next().value);
      verified.set(token, payload);
    }
    const { rows } = await pool.query({ name: 'identity.me', text: SQL, values: [payload.sub] });
    const u = rows[0];
    return {
      id: u.id,
      phone: u.phone,
      fullName: u.full_name,
      roles: u.roles,
      identityLevel: u.identity_level,
      createdAt: u.created_at,
    };
  };
}
