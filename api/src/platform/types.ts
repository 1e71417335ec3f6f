import type { Logger } from 'pino';
import type { AuthContext } from './auth/permissions.ts';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
    auth?: AuthContext;
  }
}

export {};
