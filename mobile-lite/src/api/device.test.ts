import { describe, expect, it } from 'vitest';
import { loadDeviceId, randomId } from './device';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

const API_SHAPE = /^[\w-]{16,100}$/;

describe('device id', () => {
  it('is made once, stored, and read back on the next visit', () => {
    const store = memoryStore();
    let made = 0;
    const generate = () => `id-${++made}-aaaaaaaaaaaaaaaa`;
    const first = loadDeviceId(store, generate);
    expect(first).toBe('id-1-aaaaaaaaaaaaaaaa');
    expect(store.data.get('dlid.deviceId')).toBe(first);
    expect(loadDeviceId(store, generate)).toBe(first);
    expect(made).toBe(1);
  });

  it('replaces a stored value the API would not accept', () => {
    const store = memoryStore({ 'dlid.deviceId': 'short' });
    const id = loadDeviceId(store, () => '11111111-2222-4333-8444-555555555555');
    expect(id).toBe('11111111-2222-4333-8444-555555555555');
    expect(store.data.get('dlid.deviceId')).toBe(id);
    expect(loadDeviceId(memoryStore({ 'dlid.deviceId': 'bad id with spaces!!' }), () => 'x'.repeat(20))).toBe(
      'x'.repeat(20),
    );
  });

  it('still gives an id when storage is missing or throws', () => {
    expect(loadDeviceId(undefined, () => 'no-storage-0000000000')).toBe('no-storage-0000000000');
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadDeviceId(throwing, () => 'throwing-storage-000')).toBe('throwing-storage-000');
  });

  it('makes UUIDs the API accepts, with or without randomUUID', () => {
    expect(randomId()).toMatch(API_SHAPE);
    const fallback = randomId({ getRandomValues: (a) => crypto.getRandomValues(a) });
    expect(fallback).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fallback).not.toBe(randomId({ getRandomValues: (a) => crypto.getRandomValues(a) }));
  });
});
