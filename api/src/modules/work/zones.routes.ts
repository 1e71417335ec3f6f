import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { Zone, ZoneCreate, ZoneList, ZoneListQuery, ZoneParams, ZoneUpdate } from './zones.schemas.ts';
import type { ZonesService } from './zones.service.ts';

const tags = ['Việc làm (work)'];
const notFound = { description: 'No such zone', schema: Problem };

export function zoneRoutes(s: ZonesService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/work/zones',
      tags,
      summary:
        'Industrial zones and clusters of the province, with verified companies and published postings',
      description: 'Coordinates and areas are approximate.',
      access: 'public',
      query: ZoneListQuery,
      responses: { 200: { description: 'Zones', schema: ZoneList } },
      handler: ({ query }) => s.list(query),
    }),
    route({
      method: 'get',
      path: '/work/zones/{code}',
      tags,
      summary: 'One industrial zone',
      access: 'public',
      params: ZoneParams,
      responses: { 200: { description: 'Zone', schema: Zone }, 404: notFound },
      handler: ({ params }) => s.get(params.code),
    }),
    route({
      method: 'post',
      path: '/work/zones',
      tags,
      summary: 'Add an industrial zone (commune of the province, position inside the province; audited)',
      access: 'workforce:manage',
      body: ZoneCreate,
      responses: {
        201: { description: 'Created', schema: Zone },
        409: { description: 'Code taken', schema: Problem },
      },
      handler: ({ body, actor }) => s.create(body, actor),
    }),
    route({
      method: 'put',
      path: '/work/zones/{code}',
      tags,
      summary: 'Change a zone; `active: false` deactivates it (audited)',
      access: 'workforce:manage',
      params: ZoneParams,
      body: ZoneUpdate,
      responses: { 200: { description: 'Zone', schema: Zone }, 404: notFound },
      handler: ({ params, body, actor }) => s.update(params.code, body, actor),
    }),
  ];
}
