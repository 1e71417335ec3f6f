import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { csvField, errorsByLine, eventsToCsv, formatDuration, IMPORT_COLUMNS, importTemplate } from './csv';
import {
  buildCameraListQuery,
  buildEventQuery,
  EMPTY_REGISTRY_FILTERS,
  modelToSort,
  sortToModel,
} from './queries';

describe('csv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('has a template whose header is the import columns, and one example row of as many fields', () => {
    const [header, example, rest] = importTemplate().split('\r\n');
    expect(header).toBe(IMPORT_COLUMNS.join(','));
    expect(example?.split(',')).toHaveLength(IMPORT_COLUMNS.length);
    expect(example).toContain('rtsp://');
    expect(rest).toBe('');
  });

  it('writes the outage history with durations and the Vietnam time', () => {
    const csv = eventsToCsv(
      [
        {
          id: '2',
          cameraId: 'c',
          cameraName: 'Ngã Sáu, BMT',
          state: 'offline',
          previousState: 'live',
          message: 'Connection refused',
          at: '2026-11-28T01:02:03.000Z',
          durationMs: 3_725_000,
        },
        {
          id: '3',
          cameraId: 'c',
          cameraName: 'Ngã Sáu',
          state: 'live',
          previousState: 'offline',
          message: null,
          at: '2026-11-28T02:00:00.000Z',
          durationMs: null,
        },
      ],
      'vi',
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFat,camera,previous_state,state,duration_seconds,duration,message');
    expect(lines[1]).toBe(
      '28/11/2026 08:02:03,"Ngã Sáu, BMT",live,offline,3725,1 giờ 2 phút,Connection refused',
    );
    expect(lines[2]).toBe('28/11/2026 09:00:00,Ngã Sáu,offline,live,,,');
  });

  it('says how long a state lasted with its two largest units', () => {
    expect(formatDuration(null, 'vi')).toBeNull();
    expect(formatDuration(400, 'vi')).toBe('0 giây');
    expect(formatDuration(42_000, 'vi')).toBe('42 giây');
    expect(formatDuration(3_600_000 + 5_000, 'vi')).toBe('1 giờ');
    expect(formatDuration(3 * 86_400_000 + 2 * 3_600_000 + 59_000, 'en')).toBe('3 d 2 h');
    expect(formatDuration(125_000, 'en')).toBe('2 min 5 s');
  });

  it('groups import errors by line in order', () => {
    const e = (line: number, field: string | null, vi: string) => ({
      line,
      field,
      code: 'x',
      message: vi,
      messages: { vi, en: `${vi} (en)` },
    });
    expect(
      errorsByLine([e(4, 'lat', 'Vĩ độ sai'), e(2, null, 'Trùng mã'), e(4, 'rtsp_url', 'Sai địa chỉ')], 'vi'),
    ).toEqual([
      { line: 2, messages: ['Trùng mã'] },
      { line: 4, messages: ['Vĩ độ sai [lat]', 'Sai địa chỉ [rtsp_url]'] },
    ]);
    expect(errorsByLine([e(2, null, 'Trùng mã')], 'en')[0]?.messages).toEqual(['Trùng mã (en)']);
  });
});

describe('registry queries', () => {
  const serialize = createQuerySerializer();
  it('sends only the filters that are set, with offset paging', () => {
    expect(serialize(buildCameraListQuery(EMPTY_REGISTRY_FILTERS))).toBe('sort=name&limit=25&offset=0');
    expect(
      buildCameraListQuery({
        ...EMPTY_REGISTRY_FILTERS,
        q: '  ngã sáu ',
        states: ['offline', 'error'],
        tag: 'ngã tư',
        communeCode: '24121',
        enabled: 'false',
        sort: 'state',
        page: 2,
        pageSize: 50,
      }),
    ).toEqual({
      q: 'ngã sáu',
      state: 'offline,error',
      tag: 'ngã tư',
      communeCode: '24121',
      enabled: 'false',
      sort: 'state',
      limit: 50,
      offset: 100,
    });
    expect(buildCameraListQuery({ ...EMPTY_REGISTRY_FILTERS, communeCode: 'abc' })).not.toHaveProperty(
      'communeCode',
    );
  });

  it('maps the grid sort to the api sort and back', () => {
    expect(sortToModel('updated')).toEqual([{ field: 'updatedAt', sort: 'desc' }]);
    expect(modelToSort([{ field: 'updatedAt', sort: 'desc' }])).toBe('updated');
    expect(modelToSort([{ field: 'code', sort: 'asc' }])).toBe('code');
    expect(modelToSort([{ field: 'tags', sort: 'asc' }])).toBe('name');
    expect(modelToSort([])).toBe('name');
  });

  it('builds the outage query with the keyset cursor and Vietnam time', () => {
    expect(buildEventQuery({ cameraId: '', state: '', since: '' }, null)).toEqual({ limit: 100 });
    expect(buildEventQuery({ cameraId: 'abc', state: 'offline', since: '2026-11-28T08:00' }, 77, 50)).toEqual(
      { limit: 50, cameraId: 'abc', state: 'offline', since: '2026-11-28T01:00:00.000Z', before: 77 },
    );
  });
});
