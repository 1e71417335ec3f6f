import { allRoutes, API_PREFIX } from './app.ts';
import { buildOpenApiDocument } from './platform/openapi.ts';
import type { Services } from './services.ts';

/** Handlers are never called while documenting, so the services can be a placeholder. */
const placeholder: Services = new Proxy({}, { get: () => placeholder }) as Services;

/** The OpenAPI document built from the route declarations alone: no database, no models. */
export function buildDocumentOffline() {
  return buildOpenApiDocument([{ prefix: API_PREFIX, specs: allRoutes(placeholder) }]);
}
