import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import {
  buildQueueQuery,
  EMPTY_FILTERS,
  filterQuery,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  modelToSort,
  sortToModel,
  vnDayToIso,
} from './queries';

const serialize = createQuerySerializer();
const parse = (s: string) => filtersFromSearch(new URLSearchParams(s));

describe('feedback queue filters in the URL', () => {
  it('an empty URL is the default queue, and the default queue writes an empty URL', () => {
    expect(parse('')).toEqual(EMPTY_FILTERS);
    expect(filtersToSearch(EMPTY_FILTERS).toString()).toBe('');
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
  });

  it('round-trips every filter, sort and page', () => {
    const f = {
      status: ['accepted', 'in_progress'] as const,
      category: 'traffic',
      department: 'sxd',
      commune: '24175',
      overdue: true,
      from: '2026-11-01',
      to: '2026-11-27',
      q: 'ổ gà',
      sort: 'dueAt' as const,
      page: 2,
      pageSize: 50,
    };
    const search = filtersToSearch({ ...f, status: [...f.status] });
    expect(search.toString()).toBe(
      'status=accepted&status=in_progress&category=traffic&department=sxd&commune=24175&overdue=true' +
        '&from=2026-11-01&to=2026-11-27&q=%E1%BB%95+g%C3%A0&sort=dueAt&page=3&pageSize=50',
    );
    expect(parse(search.toString())).toEqual({ ...f, status: [...f.status] });
    expect(hasFilters(parse(search.toString()))).toBe(true);
  });

  it('accepts comma-separated statuses, keeps the lifecycle order and drops unknown ones', () => {
    expect(parse('status=resolved,submitted&status=bogus&status=resolved').status).toEqual([
      'submitted',
      'resolved',
    ]);
  });

  it('drops malformed values from a hand-edited URL', () => {
    const f = parse(
      'commune=Hoa%20Phu&category=DROP%20TABLE&from=2026-13-45&to=yesterday&sort=title&page=-1&pageSize=7&overdue=yes',
    );
    expect(f).toEqual(EMPTY_FILTERS);
  });
});

describe('feedback queue api query', () => {
  it('starts pages at 1 and sends statuses comma-separated', () => {
    const q = buildQueueQuery({ ...EMPTY_FILTERS, status: ['submitted', 'accepted'], page: 1 });
    expect(q).toEqual({ status: 'submitted,accepted', sort: '-createdAt', page: 2, pageSize: 25 });
    expect(serialize(q)).toBe('status=submitted%2Caccepted&sort=-createdAt&page=2&pageSize=25');
  });

  it('turns Vietnam calendar days into the whole day in UTC', () => {
    expect(vnDayToIso('2026-11-27')).toBe('2026-11-26T17:00:00.000Z');
    expect(vnDayToIso('2026-11-27', true)).toBe('2026-11-27T16:59:59.999Z');
    expect(vnDayToIso('27/11/2026')).toBeUndefined();
    expect(
      filterQuery({ ...EMPTY_FILTERS, from: '2026-11-01', to: '2026-11-01', overdue: true, q: '  x ' }),
    ).toEqual({
      from: '2026-10-31T17:00:00.000Z',
      to: '2026-11-01T16:59:59.999Z',
      overdue: 'true',
      q: 'x',
    });
  });

  it('maps the grid sort model to the api sort and back', () => {
    expect(sortToModel('-createdAt')).toEqual([{ field: 'createdAt', sort: 'desc' }]);
    expect(sortToModel('dueAt')).toEqual([{ field: 'dueAt', sort: 'asc' }]);
    expect(modelToSort([{ field: 'dueAt', sort: 'desc' }])).toBe('-dueAt');
    expect(modelToSort([{ field: 'createdAt', sort: 'asc' }])).toBe('createdAt');
    expect(modelToSort([])).toBe('-createdAt');
  });
});
