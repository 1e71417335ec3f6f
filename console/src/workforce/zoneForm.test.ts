import { describe, expect, it } from 'vitest';
import { checkZoneForm, EMPTY_ZONE_FORM, formFromZone, parseDecimal, zoneBody } from './zoneForm';

const good = {
  ...EMPTY_ZONE_FORM,
  code: 'kcn-ea-kao',
  name: 'Cụm công nghiệp Ea Kao',
  kind: 'cluster' as const,
  communeCode: '24175',
  lat: '12,6392',
  lng: '108.0807',
  areaHa: '',
  note: '  ',
};

describe('zone form', () => {
  it('parses decimals typed with a comma or a point', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' -3 ')).toBe(-3);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1e3')).toBeUndefined();
    expect(parseDecimal('abc')).toBeUndefined();
  });

  it('accepts a complete form and builds the body with nulls for empty optional fields', () => {
    expect(checkZoneForm(good, true)).toEqual({});
    expect(zoneBody(good)).toEqual({
      name: 'Cụm công nghiệp Ea Kao',
      kind: 'cluster',
      communeCode: '24175',
      lat: 12.6392,
      lng: 108.0807,
      areaHa: null,
      note: null,
      active: true,
    });
  });

  it('flags a bad code only when creating, and bad coordinates, commune and area', () => {
    const bad = { ...good, code: 'KCN Ea Kao', communeCode: '', lat: '91', lng: 'x', areaHa: '-2' };
    expect(checkZoneForm(bad, true)).toEqual({
      code: true,
      communeCode: true,
      lat: true,
      lng: true,
      areaHa: true,
    });
    expect(checkZoneForm(bad, false)).not.toHaveProperty('code');
  });

  it('round-trips a zone from the API', () => {
    const form = formFromZone({
      code: 'kcn-hoa-phu',
      name: 'KCN Hòa Phú',
      kind: 'zone',
      communeCode: '24175',
      communeName: 'Xã Hòa Phú',
      lat: 12.6,
      lng: 108.0,
      areaHa: 181.7,
      note: null,
      active: false,
      companies: 3,
      postings: 5,
      updatedAt: '2026-11-27T00:00:00Z',
    });
    expect(form).toMatchObject({ lat: '12.6', lng: '108', areaHa: '181.7', note: '', active: false });
    expect(zoneBody(form)).toMatchObject({ areaHa: 181.7, active: false, note: null });
  });
});
