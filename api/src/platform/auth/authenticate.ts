import type { RequestHandler } from 'express';
import { errors as joseErrors } from 'jose';
import { SessionEnded, type TokenSigner } from './tokens.ts';
import { Unauthenticated } from '../errors.ts';
import { authContextOf } from './permissions.ts';

/** Bearer access token → req.auth; 401 with a precise code otherwise. */
export function authenticate(signer: TokenSigner): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (!header || !header.startsWith('Bearer '))
      return next(
        new Unauthenticated('token_missing', {
          vi: 'Bạn cần đăng nhập để dùng chức năng này.',
          en: 'Sign in to use this feature.',
        }),
      );
    try {
      req.auth = authContextOf(await signer.verifyAccess(header.slice(7).trim()));
      next();
    } catch (err) {
      if (err instanceof SessionEnded)
        return next(
          new Unauthenticated('session_ended', {
            vi: 'Phiên đăng nhập này đã bị đăng xuất. Hãy đăng nhập lại.',
            en: 'This session was signed out. Sign in again.',
          }),
        );
      const expired = err instanceof joseErrors.JWTExpired;
      next(
        new Unauthenticated(
          expired ? 'token_expired' : 'token_invalid',
          expired
            ? { vi: 'Phiên đăng nhập đã hết hạn.', en: 'The access token has expired.' }
            : { vi: 'Mã truy cập không hợp lệ.', en: 'The access token is not valid.' },
        ),
      );
    }
  };
}

/** Identify the caller when a valid token is present; never refuse (public routes). */
export function optionalAuthenticate(signer: TokenSigner): RequestHandler {
  const strict = authenticate(signer);
  return (req, res, next) => {
    if (!req.headers.authorization?.startsWith('Bearer ')) return next();
    void strict(req, res, (err?: unknown) => {
      if (err) req.auth = undefined;
      next();
    });
  };
}
