import { pino, type Logger } from 'pino';
import type { Config } from '../config.ts';

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'daklak-id-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
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
  });
}
