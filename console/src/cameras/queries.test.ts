import { describe, expect, it } from 'vitest';
import { cameraListQuery } from './queries';

describe('cameraListQuery', () => {
  it('leaves empty filters out and asks for every camera in one page', () => {
    expect(cameraListQuery({ q: '  ', tag: '', communeCode: '' })).toEqual({ limit: 1000, sort: 'name' });
  });
  it('passes the search trimmed, the tag and a five-digit commune code', () => {
    expect(cameraListQuery({ q: ' ngã sáu ', tag: 'QL14', communeCode: '24121' })).toEqual({
      q: 'ngã sáu',
      tag: 'QL14',
      communeCode: '24121',
      limit: 1000,
      sort: 'name',
    });
    expect(cameraListQuery({ q: '', tag: '', communeCode: 'abc' })).toEqual({ limit: 1000, sort: 'name' });
  });
});
