import { z } from '../../platform/zod.ts';

export const CommuneDto = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    type: z.enum(['ward', 'commune']),
    lat: z.number(),
    lng: z.number(),
    areaKm2: z.number().nullable(),
  })
  .openapi('Commune');

export const CommuneList = z
  .object({ items: z.array(CommuneDto), total: z.number().int() })
  .openapi('CommuneList');

export const CommuneQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().describe('Name, accents optional'),
  type: z.enum(['ward', 'commune']).optional(),
});

export const CommuneParams = z.strictObject({ code: z.string().regex(/^\d{5}$/) });
