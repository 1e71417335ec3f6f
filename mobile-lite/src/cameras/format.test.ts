import { describe, expect, it } from 'vitest';
import { camerasEn, camerasVi } from './messages';
import { format } from '../i18n';
import {
  ageOf,
  distanceKm,
  distanceText,
  filtersOf,
  maxAgeSeconds,
  newest,
  snapshotUrl,
  sortByDistance,
  stateTone,
} from './format';

const now = Date.parse('2026-11-28T05:00:00Z');
const ago = (s: number) => new Date(now - s * 1000).toISOString();

describe('ageOf', () => {
  it('picks the largest whole unit', () => {
    expect(ageOf(ago(0), now)).toEqual({ unit: 'now' });
    expect(ageOf(ago(9), now)).toEqual({ unit: 'now' });
    expect(ageOf(ago(10), now)).toEqual({ unit: 'seconds', n: 10 });
    expect(ageOf(ago(59), now)).toEqual({ unit: 'seconds', n: 59 });
    expect(ageOf(ago(60), now)).toEqual({ unit: 'minutes', n: 1 });
    expect(ageOf(ago(2 * 60 + 59), now)).toEqual({ unit: 'minutes', n: 2 });
    expect(ageOf(ago(3600), now)).toEqual({ unit: 'hours', n: 1 });
    expect(ageOf(ago(23 * 3600 + 3599), now)).toEqual({ unit: 'hours', n: 23 });
    expect(ageOf(ago(3 * 86400 + 5), now)).toEqual({ unit: 'days', n: 3 });
  });

  it('treats a server clock ahead of the phone as "just now", and no time as unknown', () => {
    expect(ageOf(ago(-20), now)).toEqual({ unit: 'now' });
    expect(ageOf(null, now)).toEqual({ unit: 'unknown' });
    expect(ageOf('not a date', now)).toEqual({ unit: 'unknown' });
  });

  it('reads HTTP dates (Last-Modified) too', () => {
    expect(ageOf(new Date(now - 120_000).toUTCString(), now)).toEqual({ unit: 'minutes', n: 2 });
  });

  it('makes the Vietnamese and English labels', () => {
    const label = (m: Record<string, string>, s: number) => {
      const a = ageOf(ago(s), now);
      return format(m[`cameras.age.${a.unit}`]!, 'n' in a ? { n: a.n } : undefined);
    };
    expect(label(camerasVi, 125)).toBe('cách đây 2 phút');
    expect(label(camerasVi, 3)).toBe('vừa xong');
    expect(label(camerasVi, 7200)).toBe('cách đây 2 giờ');
    expect(label(camerasEn, 125)).toBe('2 min ago');
  });
});

describe('newest', () => {
  it('takes the later instant, ignoring missing or bad ones', () => {
    expect(newest(ago(60), ago(5))).toBe(ago(5));
    expect(newest(ago(5), ago(60))).toBe(ago(5));
    expect(newest(null, ago(5))).toBe(ago(5));
    expect(newest(ago(5), 'x')).toBe(ago(5));
    expect(newest(null, undefined)).toBeNull();
  });
});

describe('distances', () => {
  // Ngã Sáu (Buôn Ma Thuột) and the centre of Tuy Hòa: about 125 km apart as the crow flies.
  const ngaSau = { lat: 12.6676, lng: 108.0383 };
  const tuyHoa = { lat: 13.0955, lng: 109.3209 };

  it('measures great-circle kilometres', () => {
    expect(distanceKm(ngaSau, ngaSau)).toBe(0);
    const d = distanceKm(ngaSau, tuyHoa);
    expect(d).toBeGreaterThan(140);
    expect(d).toBeLessThan(150);
    // One minute of latitude is one nautical mile.
    expect(distanceKm({ lat: 12, lng: 108 }, { lat: 12 + 1 / 60, lng: 108 })).toBeCloseTo(1.852, 2);
  });

  it('sorts nearest first with the distance, keeping the order of ties', () => {
    const items = [
      { id: 'far', ...tuyHoa },
      { id: 'a', lat: 12.68, lng: 108.05 },
      { id: 'here', ...ngaSau },
      { id: 'b', lat: 12.68, lng: 108.05 },
    ];
    const sorted = sortByDistance(items, ngaSau);
    expect(sorted.map((c) => c.id)).toEqual(['here', 'a', 'b', 'far']);
    expect(sorted[0]!.km).toBe(0);
    expect(sorted[3]!.km).toBeGreaterThan(100);
    expect(items[0]).not.toHaveProperty('km');
  });

  it('writes metres, one decimal under 10 km, whole kilometres beyond', () => {
    expect(distanceText(0.004)).toBe('10 m');
    expect(distanceText(0.853)).toBe('850 m');
    expect(distanceText(2.44)).toBe('2,4 km');
    expect(distanceText(2.44, 'en')).toBe('2.4 km');
    expect(distanceText(3.01)).toBe('3 km');
    expect(distanceText(37.4)).toBe('37 km');
  });
});

describe('snapshots', () => {
  it('addresses the still, with a cache-busting query on demand', () => {
    expect(snapshotUrl('3f1c')).toBe('/api/v1/cameras/3f1c/snapshot.jpg');
    expect(snapshotUrl('3f1c', 1700)).toBe('/api/v1/cameras/3f1c/snapshot.jpg?t=1700');
    // List thumbnails ask for a smaller copy (a phone shows them 128 px wide).
    expect(snapshotUrl('3f1c', undefined, 320)).toBe('/api/v1/cameras/3f1c/snapshot.jpg?w=320');
    expect(snapshotUrl('3f1c', 9, 160)).toBe('/api/v1/cameras/3f1c/snapshot.jpg?w=160&t=9');
  });

  it('reads max-age from Cache-Control', () => {
    expect(maxAgeSeconds('public, max-age=17')).toBe(17);
    expect(maxAgeSeconds('max-age=0, private')).toBe(0);
    expect(maxAgeSeconds('public, s-maxage=5')).toBeNull();
    expect(maxAgeSeconds(null)).toBeNull();
  });
});

describe('states and filters', () => {
  it('gives each state a tone', () => {
    expect(stateTone('live')).toBe('ok');
    expect(stateTone('connecting')).toBe('wait');
    expect(stateTone('offline')).toBe('down');
    expect(stateTone('error')).toBe('down');
    expect(stateTone('unknown')).toBe('none');
  });

  it('collects the tags and communes in use, sorted the Vietnamese way', () => {
    const f = filtersOf([
      { tags: ['Trường học', 'Nút giao'], communeCode: '24133', communeName: 'Phường Buôn Ma Thuột' },
      { tags: ['Quốc lộ'], communeCode: '22015', communeName: 'Phường Tuy Hòa' },
      { tags: ['Nút giao'], communeCode: '24133', communeName: 'Phường Buôn Ma Thuột' },
      { tags: [], communeCode: null, communeName: null },
    ]);
    expect(f.tags).toEqual(['Nút giao', 'Quốc lộ', 'Trường học']);
    expect(f.communes).toEqual([
      { code: '24133', name: 'Phường Buôn Ma Thuột' },
      { code: '22015', name: 'Phường Tuy Hòa' },
    ]);
  });
});
