import { describe, expect, it } from 'vitest';
import {
  applyStatusEvent,
  currentStatus,
  displayState,
  EMPTY_STATUS_MAP,
  formatDuration,
  type CameraStatus,
} from './status';

const status = (state: CameraStatus['state'], extra: Partial<CameraStatus> = {}): CameraStatus => ({
  state,
  message: null,
  since: '2026-11-28T01:00:00.000Z',
  lastFrameAt: null,
  bitrateKbps: null,
  fps: null,
  viewers: 0,
  transcoding: false,
  ...extra,
});
const ev = (event: string, data: unknown) => ({
  event,
  data: typeof data === 'string' ? data : JSON.stringify(data),
});

describe('applyStatusEvent', () => {
  it('a snapshot replaces the whole map', () => {
    let map = applyStatusEvent(EMPTY_STATUS_MAP, ev('status', { cameraId: 'old', ...status('live') }));
    map = applyStatusEvent(
      map,
      ev('snapshot', {
        items: [
          { cameraId: 'a', ...status('live', { fps: 25 }) },
          { cameraId: 'b', ...status('offline') },
        ],
      }),
    );
    expect([...map.keys()]).toEqual(['a', 'b']);
    expect(map.get('a')?.fps).toBe(25);
    expect(map.get('b')?.state).toBe('offline');
  });

  it('a status event replaces one camera and leaves the others', () => {
    const first = applyStatusEvent(
      EMPTY_STATUS_MAP,
      ev('snapshot', {
        items: [
          { cameraId: 'a', ...status('live') },
          { cameraId: 'b', ...status('live') },
        ],
      }),
    );
    const next = applyStatusEvent(
      first,
      ev('status', { cameraId: 'b', ...status('offline', { message: 'Connection refused' }) }),
    );
    expect(next).not.toBe(first);
    expect(first.get('b')?.state).toBe('live'); // not mutated
    expect(next.get('b')).toMatchObject({ state: 'offline', message: 'Connection refused' });
    expect(next.get('a')?.state).toBe('live');
  });

  it('ignores other events, bad JSON and bodies that break the contract (same map back)', () => {
    const map = applyStatusEvent(
      EMPTY_STATUS_MAP,
      ev('snapshot', { items: [{ cameraId: 'a', ...status('live') }] }),
    );
    expect(applyStatusEvent(map, ev('message', { cameraId: 'a', ...status('offline') }))).toBe(map);
    expect(applyStatusEvent(map, ev('status', '{oops'))).toBe(map);
    expect(applyStatusEvent(map, ev('status', { cameraId: 'a', state: 'exploded' }))).toBe(map);
    expect(applyStatusEvent(map, ev('snapshot', { items: 'no' }))).toBe(map);
  });

  it('fills missing metrics with null and skips bad snapshot items', () => {
    const map = applyStatusEvent(
      EMPTY_STATUS_MAP,
      ev('snapshot', { items: [{ cameraId: 'a', state: 'connecting' }, { state: 'live' }] }),
    );
    expect(map.size).toBe(1);
    expect(map.get('a')).toMatchObject({ state: 'connecting', fps: null, viewers: 0, transcoding: false });
  });
});

describe('displayState', () => {
  const camera = { id: 'a', enabled: true, status: status('unknown') };
  it('prefers the live status over the list, and shows disabled cameras as disabled', () => {
    const map = applyStatusEvent(EMPTY_STATUS_MAP, ev('status', { cameraId: 'a', ...status('error') }));
    expect(displayState(EMPTY_STATUS_MAP, camera)).toBe('unknown');
    expect(displayState(map, camera)).toBe('error');
    expect(currentStatus(map, camera).state).toBe('error');
    expect(displayState(map, { ...camera, enabled: false })).toBe('disabled');
  });
});

describe('formatDuration', () => {
  it('gives the two largest units, in Vietnamese or English', () => {
    expect(formatDuration(42_000, 'vi')).toBe('42 giây');
    expect(formatDuration(3 * 3600_000 + 5 * 60_000 + 9000, 'vi')).toBe('3 giờ 5 phút');
    expect(formatDuration(2 * 86400_000 + 3600_000, 'en')).toBe('2 d 1 h');
    expect(formatDuration(-5, 'en')).toBe('0 s');
  });
});
