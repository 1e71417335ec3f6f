import { pino, type Logger, type DestinationStream } from 'pino';
import type { Config } from '../config.ts';
import { requestContext } from './context.ts';

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: 'daklak-id-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Lines written while serving a request carry its id, whichever module logs them.
    mixin: () => {
      const ctx = requestContext.getStore();
      return ctx ? { reqId: ctx.reqId } : {};
    },
    redact: {
      paths: [
        'req.headers.authorization',
        '*.password',
        '*.otp',
        '*.refreshToken',
        '*.accessToken',
        'password',
        'otp',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
