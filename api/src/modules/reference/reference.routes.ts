import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { CommuneList, CommuneQuery, CommuneParams, CommuneDto } from './reference.schemas.ts';
import type { ReferenceService } from './reference.service.ts';

const tags = ['Danh mục (reference)'];

export function referenceRoutes(s: ReferenceService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/communes',
      tags,
      summary: 'Communes and wards of Đắk Lắk (search without accents)',
      access: 'public',
      query: CommuneQuery,
      responses: { 200: { description: 'Units', schema: CommuneList } },
      handler: ({ query }) => s.communes(query),
    }),
    route({
      method: 'get',
      path: '/communes/{code}',
      tags,
      summary: 'One commune or ward',
      access: 'public',
      params: CommuneParams,
      responses: {
        200: { description: 'Unit', schema: CommuneDto },
        404: { description: 'Unknown', schema: Problem },
      },
      handler: ({ params }) => s.commune(params.code),
    }),
  ];
}
