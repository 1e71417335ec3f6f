import { describe, it, expect } from 'vitest';
import { addWorkingDays, isWorkingDay, loadHolidays, vnDay } from './working-days.ts';

const holidays = loadHolidays();

describe('working days', () => {
  it('skips weekends and public holidays', () => {
    expect(isWorkingDay('2026-11-27', holidays)).toBe(true); // a Friday
    expect(isWorkingDay('2026-11-28', holidays)).toBe(false); // Saturday
    expect(isWorkingDay('2026-09-02', holidays)).toBe(false); // National Day
    expect(isWorkingDay('2026-02-18', holidays)).toBe(false); // Tết
  });
  it('counts from the next working day and ends at the end of the day in Viet Nam', () => {
    // Friday 27/11/2026 10:00 in Viet Nam + 3 working days → Wednesday 2/12, 23:59:59 UTC+7.
    const due = addWorkingDays(new Date('2026-11-27T03:00:00Z'), 3, holidays);
    expect(due.toISOString()).toBe('2026-12-02T16:59:59.999Z');
    expect(vnDay(due)).toBe('2026-12-02');
  });
  it('jumps over Tết', () => {
    // Friday 13/2/2026 + 1 working day: 14–22/2 are Tết → Monday 23/2.
    expect(vnDay(addWorkingDays(new Date('2026-02-13T02:00:00Z'), 1, holidays))).toBe('2026-02-23');
  });
  it('uses the Vietnamese calendar day near midnight', () => {
    // 23:30 on Monday 30/11 in Viet Nam is still Monday there (16:30 UTC).
    expect(vnDay(new Date('2026-11-30T16:30:00Z'))).toBe('2026-11-30');
    expect(vnDay(new Date('2026-11-30T17:30:00Z'))).toBe('2026-12-01');
  });
});
