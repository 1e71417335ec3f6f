import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { z } from '../../platform/zod.ts';
import { CvCreate, CvList, CvParams, CvPatch, CvSearchPage, CvSearchQuery, CvView } from './cvs.schemas.ts';
import { PDF_MAX_BYTES, type CvService } from './cvs.service.ts';

const tags = ['Việc làm (work)'];
const notFound = { 404: { description: 'No such CV, or not yours to read', schema: Problem } };

export function cvRoutes(s: CvService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/work/cvs',
      tags,
      summary: 'My CVs (the default first)',
      access: 'user',
      responses: { 200: { description: 'My CVs', schema: CvList } },
      handler: ({ auth }) => s.list(auth.userId),
    }),
    route({
      method: 'post',
      path: '/work/cvs',
      tags,
      summary: 'Create a CV (the first one becomes the default)',
      description: 'At most 10 CVs per account. Attach a PDF afterwards with PUT /work/cvs/{id}/pdf.',
      access: 'user',
      body: CvCreate,
      responses: {
        201: { description: 'Created', schema: CvView },
        400: { description: 'Invalid fields, each named', schema: Problem },
        409: { description: 'Too many CVs (`too_many_cvs`)', schema: Problem },
      },
      handler: ({ auth, body }) => s.create(auth.userId, body),
    }),
    // Before /work/cvs/{id}: "search" is not an id.
    route({
      method: 'get',
      path: '/work/cvs/search',
      tags,
      summary: 'Employers: search the CVs their owners made searchable (accents ignored)',
      description: 'For staff of a verified company. Each search is audited.',
      access: 'jobs:post',
      query: CvSearchQuery,
      responses: {
        200: { description: 'A page', schema: CvSearchPage },
        403: { description: 'Not staff of a verified company', schema: Problem },
      },
      handler: ({ auth, query, actor }) => s.search(auth, query, actor),
    }),
    route({
      method: 'get',
      path: '/work/cvs/{id}',
      tags,
      summary: 'One CV: mine, or (employers) one sent to my company or made searchable',
      description: 'Anything else answers 404, like a missing CV. An employer’s reading is audited.',
      access: 'user',
      params: CvParams,
      responses: { 200: { description: 'The CV', schema: CvView }, ...notFound },
      handler: ({ auth, params, actor }) => s.get(auth, params.id, actor),
    }),
    route({
      method: 'patch',
      path: '/work/cvs/{id}',
      tags,
      summary: 'Change my CV (isDefault: true unsets my other CVs)',
      access: 'user',
      params: CvParams,
      body: CvPatch,
      responses: {
        200: { description: 'The CV', schema: CvView },
        400: { description: 'Invalid fields', schema: Problem },
        409: { description: 'Unsetting the only default (`default_required`)', schema: Problem },
        ...notFound,
      },
      handler: ({ auth, params, body }) => s.update(auth.userId, params.id, body),
    }),
    route({
      method: 'delete',
      path: '/work/cvs/{id}',
      tags,
      summary: 'Delete my CV (another one becomes the default)',
      description: 'Applications sent with it stay, without the CV.',
      access: 'user',
      params: CvParams,
      responses: { 204: { description: 'Deleted' }, ...notFound },
      handler: ({ auth, params }) => s.remove(auth.userId, params.id),
    }),
    route({
      method: 'put',
      path: '/work/cvs/{id}/pdf',
      tags,
      summary: 'Attach a PDF to my CV (≤ 5 MB, recognised by its bytes; stored encrypted)',
      access: 'user',
      params: CvParams,
      multipart: {
        maxBytes: PDF_MAX_BYTES,
        kind: 'file',
        files: [{ name: 'pdf', required: true, description: 'The CV as a PDF' }],
      },
      responses: {
        200: { description: 'The CV', schema: CvView },
        400: { description: 'Not a PDF (`pdf_expected`) or no file', schema: Problem },
        413: { description: 'Larger than 5 MB (`file_too_large`)', schema: Problem },
        ...notFound,
      },
      handler: ({ auth, params, files }) => s.setPdf(auth.userId, params.id, files.pdf!),
    }),
    route({
      method: 'delete',
      path: '/work/cvs/{id}/pdf',
      tags,
      summary: 'Remove the PDF of my CV',
      access: 'user',
      params: CvParams,
      responses: { 204: { description: 'Removed' }, ...notFound },
      handler: ({ auth, params }) => s.removePdf(auth.userId, params.id),
    }),
    route({
      method: 'get',
      path: '/work/cvs/{id}/pdf',
      tags,
      summary: 'The PDF of a CV (same rule as reading the CV)',
      access: 'user',
      params: CvParams,
      responses: {
        200: {
          description: 'PDF',
          contentType: 'application/pdf',
          schema: z.string().openapi({ type: 'string', format: 'binary' }),
        },
        ...notFound,
      },
      handler: async ({ auth, params, actor, res }) => {
        const { bytes, name } = await s.pdf(auth, params.id, actor);
        res.setHeader('Cache-Control', 'private, no-store');
        res.setHeader(
          'Content-Disposition',
          `inline; filename="cv.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        );
        res.type('application/pdf').send(bytes);
      },
    }),
  ];
}
