import { describe, expect, it } from 'vitest';
import { interviewNote, isOpen, mineQuery, pageCount, stepsAhead, STATUSES } from './applications';

describe('my applications', () => {
  it('open states can still move; hired, rejected and withdrawn are final', () => {
    expect(STATUSES.filter(isOpen)).toEqual(['submitted', 'viewed', 'shortlisted', 'interview']);
  });

  it('lists the usual steps still ahead of an open application, none for a final one', () => {
    expect(stepsAhead('submitted')).toEqual(['viewed', 'shortlisted', 'interview', 'hired']);
    expect(stepsAhead('interview')).toEqual(['hired']);
    expect(stepsAhead('withdrawn')).toEqual([]);
    expect(stepsAhead('hired')).toEqual([]);
  });

  it('splits an interview step’s note into its time and place', () => {
    expect(interviewNote('2026-12-05T07:30:00.000Z — Phòng nhân sự, KCN Hòa Phú')).toEqual({
      at: '2026-12-05T07:30:00.000Z',
      place: 'Phòng nhân sự, KCN Hòa Phú',
    });
    expect(interviewNote('Không phù hợp ca đêm')).toBeNull();
    expect(interviewNote(null)).toBeNull();
  });

  it('asks for one status or all, a page at a time', () => {
    expect(mineQuery('', 1)).toEqual({ page: 1, pageSize: 20 });
    expect(mineQuery('interview', 3, 10)).toEqual({ status: 'interview', page: 3, pageSize: 10 });
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
});
