import { z } from '../../platform/zod.ts';
import { bilingualIssue } from '../../platform/validation.ts';

export const ZoneKind = z
  .enum(['zone', 'cluster', 'hightech', 'economic'])
  .describe(
    'zone: khu công nghiệp; cluster: cụm công nghiệp; hightech: khu công nghệ cao; economic: khu kinh tế',
  );

const Code = z
  .string()
  .refine(
    (s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= 60,
    bilingualIssue(
      'zone_code_format',
      'Mã khu chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 60 ký tự).',
      'The zone code has lower-case letters without accents, digits and hyphens (at most 60).',
    ),
  );

export const ZoneParams = z.strictObject({ code: Code });
export const ZoneListQuery = z
  .strictObject({
    includeInactive: z.enum(['true', 'false']).default('false').describe('Also list deactivated zones'),
  })
  .openapi('ZoneListQuery');

const Lat = z.number().min(-90).max(90);
const Lng = z.number().min(-180).max(180);

const ZoneFields = {
  name: z.string().trim().min(2).max(200),
  kind: ZoneKind,
  communeCode: z.string().regex(/^\d{5}$/),
  lat: Lat,
  lng: Lng,
  areaHa: z.number().positive().max(1_000_000).nullable().optional().describe('Approximate area in hectares'),
  note: z.string().trim().max(1000).nullable().optional(),
  active: z.boolean().optional(),
};

export const ZoneCreate = z.strictObject({ code: Code, ...ZoneFields }).openapi('ZoneCreate');
export const ZoneUpdate = z
  .strictObject({
    name: ZoneFields.name.optional(),
    kind: ZoneKind.optional(),
    communeCode: ZoneFields.communeCode.optional(),
    lat: Lat.optional(),
    lng: Lng.optional(),
    areaHa: ZoneFields.areaHa,
    note: ZoneFields.note,
    active: z.boolean().optional().describe('false deactivates the zone (kept for history)'),
  })
  .openapi('ZoneUpdate');

export const Zone = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: ZoneKind,
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    areaHa: z.number().nullable(),
    note: z.string().nullable(),
    active: z.boolean(),
    companies: z.number().int().describe('Verified companies in the zone'),
    postings: z.number().int().describe('Published job postings in the zone'),
    updatedAt: z.string(),
  })
  .openapi('IndustrialZone');

export const ZoneList = z.object({ items: z.array(Zone) }).openapi('IndustrialZoneList');
export type ZoneCreateInput = z.output<typeof ZoneCreate>;
export type ZoneUpdateInput = z.output<typeof ZoneUpdate>;
