import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request context carried through async calls, so every log line of a request has its id. */
export interface RequestContext {
  reqId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
