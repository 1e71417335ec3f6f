import { describe, expect, it } from 'vitest';
import { findService, serviceHref, services } from './services';

describe('services', () => {
  it('lists every service of the product once', () => {
    const ids = services.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'accounts',
      'public-services',
      'feedback',
      'jobs',
      'cvs',
      'employer',
      'rentals',
      'classifieds',
      'vouchers',
      'coaches',
      'messages',
      'traffic-cameras',
      'places',
      'electricity',
      'social-insurance',
      'admissions',
      'tax',
      'environment',
      'agriculture',
    ]);
  });

  it('every service has a Vietnamese and an English name', () => {
    for (const s of services) {
      expect(s.name.vi.trim(), s.id).not.toBe('');
      expect(s.name.en.trim(), s.id).not.toBe('');
    }
  });

  it('ids are safe for routes and test hooks', () => {
    for (const s of services) expect(s.id).toMatch(/^[a-z][a-z-]*$/);
  });

  it('every service has an icon path', () => {
    for (const s of services) expect(s.icon, s.id).toMatch(/^M[\d.\s,a-zA-Z-]+$/);
  });

  it('accounts, feedback, jobs, CVs, employers and traffic cameras are available now, and available services have a route', () => {
    expect(services.filter((s) => s.status === 'available').map((s) => s.id)).toEqual([
      'accounts',
      'feedback',
      'jobs',
      'cvs',
      'employer',
      'traffic-cameras',
    ]);
    for (const s of services) if (s.status === 'available') expect(s.route, s.id).toMatch(/^#\//);
  });

  it('unfinished services lead to the "not available yet" screen', () => {
    const rentals = findService('rentals');
    expect(rentals).toBeDefined();
    expect(serviceHref(rentals!)).toBe('#/service/rentals');
    expect(serviceHref(findService('jobs')!)).toBe('#/jobs');
    expect(serviceHref(findService('cvs')!)).toBe('#/jobs/cvs');
    expect(serviceHref(findService('employer')!)).toBe('#/employer');
    expect(serviceHref(findService('traffic-cameras')!)).toBe('#/cameras');
    expect(findService('employer')?.name).toEqual({ vi: 'Nhà tuyển dụng', en: 'Employers' });
    expect(serviceHref(findService('accounts')!)).toBe('#/profile');
  });

  it('keeps the Vietnamese names the product uses', () => {
    expect(findService('feedback')?.name.vi).toBe('Phản ánh hiện trường');
    expect(findService('traffic-cameras')?.name.vi).toBe('Camera giao thông');
  });
});
