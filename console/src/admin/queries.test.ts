import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import {
  auditDetailsSummary,
  deviceName,
  auditFilterQuery,
  buildAuditQuery,
  buildUsersQuery,
  EMPTY_AUDIT_FILTERS,
  invalidRange,
  userSortModel,
  userSortParam,
} from './queries';

const serialize = createQuerySerializer();

describe('users query', () => {
  const base = { q: '', role: '', status: '', page: 0, pageSize: 25, sortModel: [] };

  it('starts pages at 1 and leaves empty filters out', () => {
    expect(buildUsersQuery(base)).toEqual({ page: 1, pageSize: 25 });
    expect(serialize(buildUsersQuery(base))).toBe('page=1&pageSize=25');
  });

  it('sends trimmed search, role, status and sort', () => {
    const q = buildUsersQuery({
      ...base,
      q: '  Nguyễn An ',
      role: 'ioc_operator',
      status: 'disabled',
      page: 2,
      pageSize: 50,
      sortModel: [{ field: 'lastLoginAt', sort: 'desc' }],
    });
    expect(q).toEqual({
      page: 3,
      pageSize: 50,
      q: 'Nguyễn An',
      role: 'ioc_operator',
      status: 'disabled',
      sort: '-lastLoginAt',
    });
    expect(serialize(q)).toContain('q=Nguy%E1%BB%85n%20An');
    expect(serialize(q)).toContain('sort=-lastLoginAt');
  });

  it('maps grid sort both ways and ignores unsortable columns', () => {
    expect(userSortParam([{ field: 'fullName', sort: 'asc' }])).toBe('fullName');
    expect(userSortParam([{ field: 'createdAt', sort: 'desc' }])).toBe('-createdAt');
    expect(userSortParam([{ field: 'phone', sort: 'asc' }])).toBeUndefined();
    expect(userSortParam([{ field: 'fullName', sort: null }])).toBeUndefined();
    expect(userSortParam([])).toBeUndefined();
    expect(userSortModel('-fullName')).toEqual([{ field: 'fullName', sort: 'desc' }]);
    expect(userSortModel(undefined)).toEqual([]);
  });
});

describe('audit query', () => {
  it('sends only filled filters and converts Vietnam times to UTC', () => {
    const q = buildAuditQuery(
      {
        ...EMPTY_AUDIT_FILTERS,
        action: ' user.role_grant ',
        entityType: 'user',
        from: '2026-11-27T07:00',
        to: '2026-11-28T00:00',
      },
      0,
      50,
    );
    expect(q).toEqual({
      page: 1,
      pageSize: 50,
      action: 'user.role_grant',
      entityType: 'user',
      from: '2026-11-27T00:00:00.000Z',
      to: '2026-11-27T17:00:00.000Z',
    });
  });

  it('gives just the page for empty filters', () => {
    expect(serialize(buildAuditQuery(EMPTY_AUDIT_FILTERS, 4, 100))).toBe('page=5&pageSize=100');
  });

  it('gives the export the same filters, without paging', () => {
    const f = { ...EMPTY_AUDIT_FILTERS, actorId: ' 7b0c ', to: '2026-11-28T00:00' };
    expect(auditFilterQuery(f)).toEqual({ actorId: '7b0c', to: '2026-11-27T17:00:00.000Z' });
    expect(auditFilterQuery(EMPTY_AUDIT_FILTERS)).toEqual({});
    const { page, pageSize, ...rest } = buildAuditQuery(f, 2, 25);
    expect([page, pageSize]).toEqual([3, 25]);
    expect(rest).toEqual(auditFilterQuery(f));
  });

  it('flags a reversed time range', () => {
    expect(invalidRange({ ...EMPTY_AUDIT_FILTERS, from: '2026-11-28T10:00', to: '2026-11-28T09:00' })).toBe(
      true,
    );
    expect(invalidRange({ ...EMPTY_AUDIT_FILTERS, from: '2026-11-28T08:00', to: '2026-11-28T09:00' })).toBe(
      false,
    );
    expect(invalidRange({ ...EMPTY_AUDIT_FILTERS, from: '2026-11-28T08:00' })).toBe(false);
  });
});

describe('session device names', () => {
  it('joins browser and system, keeps what is known, and falls back to the given words', () => {
    expect(deviceName({ device: { browser: 'Chrome 120', os: 'Android 10' } }, '?')).toBe(
      'Chrome 120 · Android 10',
    );
    expect(deviceName({ device: { browser: null, os: 'iOS 17.1' } }, '?')).toBe('iOS 17.1');
    expect(deviceName({ device: { browser: null, os: null } }, 'Thiết bị không rõ')).toBe(
      'Thiết bị không rõ',
    );
  });
});

describe('audit details in the table', () => {
  it('reads as key: value pairs, lists with commas, nested objects as JSON, nothing for no details', () => {
    expect(auditDetailsSummary({})).toBe('');
    expect(auditDetailsSummary({ method: 'password', newDevice: true })).toBe(
      'method: password · newDevice: true',
    );
    expect(auditDetailsSummary({ roles: ['moderator', 'officer'], count: 2, reason: null })).toBe(
      'roles: moderator, officer · count: 2 · reason: —',
    );
    expect(auditDetailsSummary({ filters: { action: 'user.view' } })).toBe('filters: {"action":"user.view"}');
  });
});
