import { describe, it, expect } from 'vitest';
import { deadlineState } from './lifecycle.ts';

describe('deadlineState', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const at = (hours: number) => new Date(now.getTime() + hours * 3600_000);

  it('has no clock without a due date or once the report is closed or not yet accepted', () => {
    expect(deadlineState(null, 'assigned', now)).toBe('none');
    expect(deadlineState(undefined, 'accepted', now)).toBe('none');
    for (const s of ['submitted', 'resolved', 'rejected', 'duplicate'])
      expect(deadlineState(at(-100), s, now)).toBe('none');
  });

  it('is ok beyond 48 hours, due soon within 48 hours, overdue once passed', () => {
    expect(deadlineState(at(49), 'accepted', now)).toBe('ok');
    expect(deadlineState(at(48), 'assigned', now)).toBe('due_soon');
    expect(deadlineState(at(0.01), 'in_progress', now)).toBe('due_soon');
    expect(deadlineState(at(-0.01), 'in_progress', now)).toBe('overdue');
    expect(deadlineState(at(-49).toISOString(), 'assigned', now)).toBe('overdue');
  });
});
