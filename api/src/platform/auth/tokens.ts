import { createPrivateKey, createPublicKey, generateKeyPairSync, createHash, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, jwtVerify, exportJWK, type JWK } from 'jose';
import type { Config } from '../../config.ts';
import { VerifiedTokenCache } from './token-cache.ts';
import { EndedSessions } from './ended-sessions.ts';

export interface AccessClaims {
  sub: string;
  roles: readonly string[];
  sid: string;
}

/** What an inspector needs from a personal QR code, and nothing more. */
export interface QrClaims {
  sub: string;
  name: string;
  cccd: string | null;
  lvl: number;
  jti: string;
  iat: number;
  exp: number;
}

export interface TokenSigner {
  kid: string;
  issueQr(
    c: { sub: string; name: string; cccd: string | null; lvl: number },
    ttlSeconds: number,
  ): Promise<string>;
  verifyQr(token: string): Promise<QrClaims>;
  issueAccess(claims: AccessClaims): Promise<string>;
  /** Throws SessionEnded for a token of a session that was ended (sign-out, revoked, disabled account). */
  verifyAccess(token: string): Promise<AccessClaims>;
  /**
   * The session `sid` ended at `endedAtMs`: its access tokens stop working at once, not when they expire.
   * Remembered for one access-token lifetime, after which every token issued before the end has expired.
   */
  endSession(sid: string, endedAtMs?: number): void;
  /** Called once for each session that ends (here or, through the sessions' sync, on another instance). */
  onSessionEnded(listener: (sid: string) => void): () => void;
  jwks(): Promise<{ keys: JWK[] }>;
}

/** Three base64url parts: anything else is refused before any decoding (garbage tokens cost no JOSE error). */
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const MALFORMED = new Error('malformed token');

/** A valid signature, but the session it belongs to has ended. */
export class SessionEnded extends Error {
  constructor() {
    super('session ended');
  }
}

/**
 * Ed25519 key for access tokens: from JWT_PRIVATE_KEY; outside production a development key is
 * generated once and kept under DATA_DIR so tokens survive restarts.
 */
export function loadSigningKey(config: Config): KeyObject {
  if (config.JWT_PRIVATE_KEY) return createPrivateKey(config.JWT_PRIVATE_KEY.replace(/\\n/g, '\n'));
  if (config.NODE_ENV === 'test') return generateKeyPairSync('ed25519').privateKey;
  const file = path.join(config.DATA_DIR, 'dev-jwt-key.pem');
  if (fs.existsSync(file)) return createPrivateKey(fs.readFileSync(file, 'utf8'));
  const { privateKey } = generateKeyPairSync('ed25519');
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return privateKey;
}

/** Where a failing session-end listener is reported (the logger in the API). */
export interface SignerOptions {
  onListenerError?: (err: unknown, sid: string) => void;
}

export function createTokenSigner(
  privateKey: KeyObject,
  config: Config,
  opts: SignerOptions = {},
): TokenSigner {
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha256').update(spki).digest('base64url').slice(0, 8);
  const ttl = config.ACCESS_TOKEN_TTL_SECONDS;
  const issuer = config.JWT_ISSUER;
  const verified = new VerifiedTokenCache<AccessClaims>(config.ACCESS_TOKEN_CACHE_SIZE);
  const ended = new EndedSessions(ttl * 1000);
  const endListeners = new Set<(sid: string) => void>();
  const live = (claims: AccessClaims) => {
    if (ended.has(claims.sid)) throw new SessionEnded();
    return claims;
  };
  return {
    kid,
    issueAccess: (c) =>
      new SignJWT({ roles: c.roles, sid: c.sid })
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
        .setSubject(c.sub)
        .setIssuer(issuer)
        .setAudience('daklak-id-api')
        .setIssuedAt()
        .setExpirationTime(`${ttl}s`)
        .setJti(randomBytes(9).toString('base64url'))
        .sign(privateKey),
    async verifyAccess(token) {
      const known = verified.get(token);
      if (known) return live(known);
      if (token.length > 4096 || !COMPACT_JWS.test(token)) throw MALFORMED;
      const { payload } = await jwtVerify(token, publicKey, {
        issuer,
        audience: 'daklak-id-api',
        algorithms: ['EdDSA'],
        typ: 'at+jwt',
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !Array.isArray(payload.roles))
        throw new Error('malformed token');
      // Frozen: the cache hands the same object to every later request with this token.
      const claims = { sub: payload.sub, sid: payload.sid, roles: Object.freeze(payload.roles.map(String)) };
      Object.freeze(claims);
      if (typeof payload.exp === 'number') verified.set(token, claims, payload.exp);
      return live(claims);
    },
    endSession(sid, endedAtMs) {
      if (!ended.add(sid, endedAtMs)) return;
      // Each listener on its own: one that throws must not keep the others (live viewers, status streams) open,
      // nor fail the sign-out that called this after its commit.
      for (const l of endListeners)
        try {
          l(sid);
        } catch (err) {
          (opts.onListenerError ?? ((e) => console.error('session-end listener failed', e)))(err, sid);
        }
    },
    onSessionEnded(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    // Personal QR tokens: same key, their own type, kept short so the QR stays small (user id as 16
    // raw bytes in base64url, no issuer/audience: the "dlid-qr" type alone marks them).
    issueQr: (c, ttlSeconds) =>
      new SignJWT({ name: c.name, cccd: c.cccd, lvl: c.lvl })
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'dlid-qr' })
        .setSubject(Buffer.from(c.sub.replace(/-/g, ''), 'hex').toString('base64url'))
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .setJti(randomBytes(9).toString('base64url'))
        .sign(privateKey),
    async verifyQr(token) {
      const { payload } = await jwtVerify(token, publicKey, {
        algorithms: ['EdDSA'],
        typ: 'dlid-qr',
        clockTolerance: 5,
      });
      const { sub, name, cccd, lvl, jti, iat, exp } = payload as Record<string, unknown>;
      if (
        typeof sub !== 'string' ||
        typeof name !== 'string' ||
        typeof lvl !== 'number' ||
        typeof jti !== 'string'
      )
        throw new Error('malformed QR token');
      const hex = Buffer.from(sub, 'base64url').toString('hex');
      if (hex.length !== 32) throw new Error('malformed QR token');
      const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      return {
        sub: uuid,
        name,
        cccd: typeof cccd === 'string' ? cccd : null,
        lvl,
        jti,
        iat: Number(iat),
        exp: Number(exp),
      };
    },
    async jwks() {
      const jwk = await exportJWK(publicKey);
      return { keys: [{ ...jwk, kid, use: 'sig', alg: 'EdDSA' }] };
    },
  };
}

/** Opaque refresh token "<id>.<secret>"; only sha256(secret) is stored. */
export function newRefreshSecret(): { secret: string; digest: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, digest: sha256(secret) };
}

/** "<id>.<secret>" → its parts, or null when it is not shaped like a refresh token. */
export function parseRefreshToken(token: string): { id: string; secret: string } | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,})$/.exec(token);
  return m ? { id: m[1] as string, secret: m[2] as string } : null;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
