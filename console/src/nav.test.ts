import { describe, expect, it } from 'vitest';
import { canSee, homePath, navItem, NAV_ITEMS, returnPath, visibleNav } from './nav';

const ids = (perms: string[]) => visibleNav(perms).map((i) => i.id);

describe('permission-based navigation', () => {
  it('shows nothing without console:access, whatever else is held', () => {
    expect(ids(['users:read', 'audit:read', 'cameras:view'])).toEqual([]);
    expect(homePath(['users:read'])).toBeNull();
  });

  it('officer (feedback:handle) sees only feedback', () => {
    expect(ids(['console:access', 'feedback:handle'])).toEqual(['feedback']);
  });

  it('moderator sees only moderation', () => {
    expect(ids(['console:access', 'moderation:review'])).toEqual(['moderation']);
  });

  it('ioc operator sees the operations pages but no administration', () => {
    expect(
      ids(['console:access', 'cameras:view', 'feedback:triage', 'ekyc:review', 'workforce:read']),
    ).toEqual(['cameras', 'feedback', 'ekyc', 'workforce']);
  });

  it('admin sees everything, administration last', () => {
    const admin = [
      'console:access',
      'users:read',
      'users:manage',
      'audit:read',
      'feedback:handle',
      'feedback:triage',
      'moderation:review',
      'ekyc:review',
      'cameras:view',
      'cameras:manage',
      'workforce:read',
    ];
    expect(ids(admin)).toEqual(['cameras', 'feedback', 'moderation', 'ekyc', 'workforce', 'users', 'audit']);
    expect(homePath(admin)).toBe('/cameras');
  });

  it('users:read without audit:read hides the audit log', () => {
    expect(ids(['console:access', 'users:read'])).toEqual(['users']);
    expect(canSee(navItem('audit'), ['console:access', 'users:read'])).toBe(false);
    expect(homePath(['console:access', 'users:read'])).toBe('/admin/users');
  });

  it('has the eKYC review page built, behind ekyc:review', () => {
    expect(navItem('ekyc')).toMatchObject({ built: true, anyOf: ['ekyc:review'] });
    expect(ids(['console:access', 'users:read'])).not.toContain('ekyc');
  });

  it('has the workforce page built, behind workforce:read', () => {
    expect(navItem('workforce')).toMatchObject({
      built: true,
      anyOf: ['workforce:read'],
      path: '/workforce',
    });
    expect(ids(['console:access', 'moderation:review'])).not.toContain('workforce');
  });

  it('has unique ids and paths', () => {
    expect(new Set(NAV_ITEMS.map((i) => i.id)).size).toBe(NAV_ITEMS.length);
    expect(new Set(NAV_ITEMS.map((i) => i.path)).size).toBe(NAV_ITEMS.length);
  });
});

describe('returnPath after sign-in', () => {
  const admin = ['console:access', 'users:read', 'audit:read'];
  const operator = ['console:access', 'cameras:view', 'workforce:read'];

  it('goes back to a page the user may see, with its query', () => {
    expect(returnPath('/admin/users/abc?x=1', admin)).toBe('/admin/users/abc?x=1');
    expect(returnPath('/workforce', operator)).toBe('/workforce');
    expect(returnPath('/workforce/missing?month=2026-09', operator)).toBe('/workforce/missing?month=2026-09');
  });
  it('falls back to the start for pages the user may not see or odd values', () => {
    expect(returnPath('/admin/users', operator)).toBe('/');
    expect(returnPath('/admin/usersx', admin)).toBe('/');
    expect(returnPath('//evil.example/admin/users', admin)).toBe('/');
    expect(returnPath('https://evil.example/', admin)).toBe('/');
    expect(returnPath(undefined, admin)).toBe('/');
    expect(returnPath(42, admin)).toBe('/');
  });
});
