import { describe, expect, it } from 'vitest';
import { applicantTabs, checkInterview, interviewInstant, nextStages, vietnamLocal } from './stages';

describe('application stages', () => {
  it('moves on as the API allows: shortlist after viewing, interview after shortlisting, hire after it', () => {
    expect(nextStages('submitted')).toEqual(['rejected']);
    expect(nextStages('viewed')).toEqual(['shortlisted', 'rejected']);
    expect(nextStages('shortlisted')).toEqual(['interview', 'rejected']);
    expect(nextStages('interview')).toEqual(['interview', 'hired', 'rejected']);
    for (const done of ['hired', 'rejected', 'withdrawn'] as const) expect(nextStages(done)).toEqual([]);
  });

  it('reads the interview time as Vietnam time, and back', () => {
    expect(interviewInstant('2026-12-05T14:30')).toBe('2026-12-05T14:30:00+07:00');
    expect(interviewInstant('2026-12-05')).toBeNull();
    expect(interviewInstant('')).toBeNull();
    expect(vietnamLocal('2026-12-05T07:30:00.000Z')).toBe('2026-12-05T14:30');
  });

  it('needs an interview time ahead and a place', () => {
    const now = new Date('2026-11-28T03:00:00Z');
    expect(checkInterview('2026-12-05T14:30', 'Phòng nhân sự, Lô A5', now)).toEqual({});
    expect(checkInterview('2026-11-28T09:00', 'Nhà máy', now)).toEqual({
      interviewAt: 'employer.v.interviewPast',
    });
    expect(checkInterview('', 'ab', now)).toEqual({
      interviewAt: 'employer.v.interviewAt',
      interviewPlace: 'employer.v.interviewPlace',
    });
  });

  it('filters by stage with counts, "all" first, empty stages hidden unless chosen', () => {
    expect(applicantTabs({ submitted: 2, interview: 1 }, '')).toEqual([
      { value: '', n: 3 },
      { value: 'submitted', n: 2 },
      { value: 'interview', n: 1 },
    ]);
    expect(applicantTabs({}, 'hired')).toEqual([
      { value: '', n: 0 },
      { value: 'hired', n: 0 },
    ]);
  });
});
