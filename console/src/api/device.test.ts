import { describe, it, expect } from 'vitest';
import { deviceId } from './device';

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('deviceId', () => {
  it('is created once and kept', () => {
    const s = memory();
    const a = deviceId(s);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(deviceId(s)).toBe(a);
  });
  it('replaces a malformed stored value, and is null without storage', () => {
    const s = memory();
    s.setItem('dlid.deviceId', 'x y');
    expect(deviceId(s)).not.toBe('x y');
    expect(deviceId(undefined)).toBeNull();
  });
});
