import type { components } from '../api/schema';

export type Zone = components['schemas']['IndustrialZone'];
export type ZoneCreate = components['schemas']['ZoneCreate'];
export type ZoneUpdate = components['schemas']['ZoneUpdate'];
export type ZoneKind = Zone['kind'];
export const ZONE_KINDS: readonly ZoneKind[] = ['zone', 'cluster', 'hightech', 'economic'];

/** What the zone dialog's fields hold (text as typed). */
export interface ZoneForm {
  code: string;
  name: string;
  kind: ZoneKind;
  communeCode: string;
  lat: string;
  lng: string;
  areaHa: string;
  note: string;
  active: boolean;
}

export const EMPTY_ZONE_FORM: ZoneForm = {
  code: '',
  name: '',
  kind: 'zone',
  communeCode: '',
  lat: '',
  lng: '',
  areaHa: '',
  note: '',
  active: true,
};

export function formFromZone(z: Zone): ZoneForm {
  return {
    code: z.code,
    name: z.name,
    kind: z.kind,
    communeCode: z.communeCode ?? '',
    lat: z.lat === null ? '' : String(z.lat),
    lng: z.lng === null ? '' : String(z.lng),
    areaHa: z.areaHa === null ? '' : String(z.areaHa),
    note: z.note ?? '',
    active: z.active,
  };
}

/** A decimal as typed (comma or point); '' → null; not a number → undefined. */
export function parseDecimal(text: string): number | null | undefined {
  const v = text.trim().replace(',', '.');
  if (v === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(v)) return undefined;
  return Number(v);
}

export type ZoneFormErrors = Partial<
  Record<'code' | 'name' | 'communeCode' | 'lat' | 'lng' | 'areaHa', true>
>;

/** The checks the dialog makes before sending (the API checks again, e.g. the point is inside the province). */
export function checkZoneForm(f: ZoneForm, creating: boolean): ZoneFormErrors {
  const e: ZoneFormErrors = {};
  if (creating && !(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(f.code) && f.code.length <= 60)) e.code = true;
  if (f.name.trim().length < 2 || f.name.trim().length > 200) e.name = true;
  if (!/^\d{5}$/.test(f.communeCode)) e.communeCode = true;
  const lat = parseDecimal(f.lat);
  if (typeof lat !== 'number' || lat < -90 || lat > 90) e.lat = true;
  const lng = parseDecimal(f.lng);
  if (typeof lng !== 'number' || lng < -180 || lng > 180) e.lng = true;
  const area = parseDecimal(f.areaHa);
  if (area === undefined || (area !== null && (area <= 0 || area > 1_000_000))) e.areaHa = true;
  return e;
}

/** The body of POST /work/zones (creating) or PUT /work/zones/{code}; call only when checkZoneForm found nothing. */
export function zoneBody(f: ZoneForm): Omit<ZoneCreate, 'code'> & { active: boolean } {
  const note = f.note.trim();
  return {
    name: f.name.trim(),
    kind: f.kind,
    communeCode: f.communeCode,
    lat: parseDecimal(f.lat) as number,
    lng: parseDecimal(f.lng) as number,
    areaHa: parseDecimal(f.areaHa) ?? null,
    note: note === '' ? null : note,
    active: f.active,
  };
}
