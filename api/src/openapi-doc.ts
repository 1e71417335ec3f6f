import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import { loadConfig } from './config.ts';
import { createSequelize } from './db/sequelize.ts';
import { createTokenSigner } from './platform/auth/tokens.ts';
import { createApp } from './app.ts';

/** The OpenAPI document without a database: Sequelize connects lazily and is never used here. */
export async function buildDocumentOffline() {
  const config = loadConfig({ NODE_ENV: 'test' });
  const sequelize = createSequelize('postgres://offline@127.0.0.1:1/offline');
  const { openapi } = createApp({
    config,
    log: pino({ level: 'silent' }),
    sequelize,
    signer: createTokenSigner(generateKeyPairSync('ed25519').privateKey, config),
    sms: { send: async () => undefined },
    ready: async () => ({ ok: false, checks: {} }),
  });
  await sequelize.close();
  return openapi;
}
