import { describe, expect, it } from 'vitest';
import { formatMoment, orderSessions, sessionDeviceName, type ActiveSession } from './sessions';

const session = (over: Partial<ActiveSession>): ActiveSession => ({
  id: over.id ?? 'x',
  current: false,
  startedAt: '2026-11-27T01:00:00Z',
  lastActiveAt: '2026-11-27T02:00:00Z',
  expiresAt: '2026-12-27T02:00:00Z',
  ip: null,
  userAgent: null,
  device: { browser: null, os: null, type: 'unknown' },
  ...over,
});

describe('signed-in devices', () => {
  it('names a device by what is known of it', () => {
    expect(
      sessionDeviceName(session({ device: { browser: 'Chrome 120', os: 'Android 10', type: 'mobile' } })),
    ).toBe('Chrome 120 · Android 10');
    expect(sessionDeviceName(session({ device: { browser: null, os: 'iOS 17.1', type: 'mobile' } }))).toBe(
      'iOS 17.1',
    );
    expect(sessionDeviceName(session({}))).toBe('Thiết bị không rõ');
  });

  it('shows a moment in Vietnam time, clock then day', () => {
    expect(formatMoment('2026-11-27T17:30:00Z')).toBe('00:30, 28/11/2026');
  });

  it('puts this device first, then the most recently active', () => {
    const ordered = orderSessions([
      session({ id: 'old', lastActiveAt: '2026-11-20T00:00:00Z' }),
      session({ id: 'new', lastActiveAt: '2026-11-27T00:00:00Z' }),
      session({ id: 'here', current: true, lastActiveAt: '2026-11-01T00:00:00Z' }),
    ]);
    expect(ordered.map((s) => s.id)).toEqual(['here', 'new', 'old']);
  });
});
