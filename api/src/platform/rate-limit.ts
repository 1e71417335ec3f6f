import type { Request, RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { RateLimited } from './errors.ts';

export interface Limiters {
  ip: RequestHandler;
  auth: RequestHandler;
  user: RequestHandler;
}

/** Per-IP, per-IP on sign-in routes, and per-account limits; in memory, or in Redis when shared. */
/** A limit counter shared by every API instance through Redis; none (in memory) without Redis. */
export function sharedLimitStore(prefix: string, redisPrefix: string, redis?: Redis): Store | undefined {
  return redis
    ? new RedisStore({
        prefix: `${redisPrefix}rl:${prefix}:`,
        sendCommand: (command: string, ...args: string[]) =>
          redis.call(command, ...args) as Promise<RedisReply>,
      })
    : undefined;
}

export function createLimiters(config: Config, redis?: Redis): Limiters {
  const store = (prefix: string) => sharedLimitStore(prefix, config.REDIS_PREFIX, redis);
  const make = (prefix: string, limit: number, key: (req: Request) => string) =>
    rateLimit({
      windowMs: 60_000,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      keyGenerator: key,
      ...(store(prefix) ? { store: store(prefix) } : {}),
      handler: (req, _res, next, options) => {
        const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        const retry = reset
          ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000))
          : options.windowMs / 1000;
        next(new RateLimited(retry));
      },
    });
  const ipKey = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
  return {
    ip: make('ip', config.RATE_LIMIT_IP_PER_MINUTE, ipKey),
    auth: make('auth', config.RATE_LIMIT_AUTH_IP_PER_MINUTE, ipKey),
    user: make('user', config.RATE_LIMIT_USER_PER_MINUTE, (req) => req.auth?.userId ?? ipKey(req)),
  };
}
