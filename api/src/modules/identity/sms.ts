import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';

/** Where text messages go: a file in development, an HTTP gateway in production. */
export interface SmsProvider {
  send(to: string, text: string): Promise<void>;
}

/** Development: one JSON line {"to","text","at"} per message appended to a file, and logged. */
export function outboxSms(file: string, log: Logger): SmsProvider {
  return {
    async send(to, text) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.appendFile(file, `${JSON.stringify({ to, text, at: new Date().toISOString() })}\n`);
      log.info({ to, file }, 'sms written to the development outbox');
    },
  };
}

/** Production: POST {to, text} as JSON to the carrier gateway's endpoint. */
export function httpSms(url: string, token: string | undefined): SmsProvider {
  return {
    async send(to, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export function createSmsProvider(config: Config, log: Logger): SmsProvider {
  return config.SMS_PROVIDER === 'http'
    ? httpSms(config.SMS_HTTP_URL as string, config.SMS_HTTP_TOKEN)
    : outboxSms(config.smsOutboxFile, log);
}
