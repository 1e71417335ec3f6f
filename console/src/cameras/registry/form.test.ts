import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORM,
  formFromCamera,
  formToCreate,
  formToUpdate,
  localErrors,
  normaliseTags,
  parseCoordinate,
  probeBody,
  probeSummary,
  type Camera,
  type CameraProbe,
} from './form';

const camera: Camera = {
  id: '6f1c2a3e-8e0b-4b7e-9a51-2b6f0d9e1c11',
  code: 'BMT-01',
  name: 'Ngã Sáu',
  lat: 12.6679,
  lng: 108.0383,
  communeCode: '24121',
  communeName: 'Phường Buôn Ma Thuột',
  address: null,
  direction: 'Hướng về Phan Bội Châu',
  tags: ['ngã tư'],
  state: 'live',
  snapshotAt: null,
  enabled: true,
  private: false,
  demo: false,
  rtspHost: '10.0.0.5:554',
  hasCredentials: true,
  status: {
    state: 'live',
    message: null,
    since: '2026-11-28T00:00:00.000Z',
    lastFrameAt: null,
    bitrateKbps: null,
    fps: null,
    viewers: 0,
    transcoding: false,
  },
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
};

const valid = {
  ...EMPTY_FORM,
  code: ' BMT-02 ',
  name: 'Ngã tư Lê Duẩn',
  lat: '12,67',
  lng: '108.04',
  tags: ['ngã tư', 'Ngã tư', ' quốc lộ ;trường học'],
  rtspUrl: ' rtsp://10.0.0.6/live ',
};

describe('camera form', () => {
  it('reads coordinates with a dot or a decimal comma, in range only', () => {
    expect(parseCoordinate('12,6679', 90)).toBe(12.6679);
    expect(parseCoordinate(' -45.5 ', 90)).toBe(-45.5);
    expect(parseCoordinate('91', 90)).toBeUndefined();
    expect(parseCoordinate('108.2', 180)).toBe(108.2);
    expect(parseCoordinate('12.5abc', 90)).toBeUndefined();
    expect(parseCoordinate('', 90)).toBeUndefined();
  });

  it('keeps tags once each, split on ; or ,', () => {
    expect(normaliseTags(['ngã tư', 'Ngã tư', ' quốc lộ ;trường học', ''])).toEqual([
      'ngã tư',
      'quốc lộ',
      'trường học',
    ]);
  });

  it('asks for the address on create only', () => {
    expect(localErrors(EMPTY_FORM, false)).toEqual({
      code: 'camerasRegistry.form.required',
      name: 'camerasRegistry.form.required',
      lat: 'camerasRegistry.form.latInvalid',
      lng: 'camerasRegistry.form.lngInvalid',
      rtspUrl: 'camerasRegistry.form.required',
    });
    expect(localErrors({ ...valid, rtspUrl: '' }, true)).toEqual({});
    expect(localErrors(valid, false)).toEqual({});
  });

  it('maps a new camera to the create body', () => {
    expect(formToCreate({ ...valid, password: 'p@ss' })).toEqual({
      code: 'BMT-02',
      name: 'Ngã tư Lê Duẩn',
      lat: 12.67,
      lng: 108.04,
      communeCode: null,
      address: null,
      direction: null,
      tags: ['ngã tư', 'quốc lộ', 'trường học'],
      rtspUrl: 'rtsp://10.0.0.6/live',
      password: 'p@ss',
      enabled: true,
      private: false,
    });
  });

  it('never shows the stored address and credentials, and keeps them unless typed or cleared', () => {
    const form = formFromCamera(camera);
    expect(form.rtspUrl).toBe('');
    expect(form.username).toBe('');
    expect(form.lat).toBe('12.6679');
    const body = formToUpdate(form);
    expect(body).not.toHaveProperty('rtspUrl');
    expect(body).not.toHaveProperty('username');
    expect(body).not.toHaveProperty('clearCredentials');
    expect(body.communeCode).toBe('24121');
    expect(formToUpdate({ ...form, clearCredentials: true }).clearCredentials).toBe(true);
    const retyped = formToUpdate({ ...form, clearCredentials: true, username: 'u', rtspUrl: 'rtsp://h/x' });
    expect(retyped).toMatchObject({ username: 'u', rtspUrl: 'rtsp://h/x' });
    expect(retyped).not.toHaveProperty('clearCredentials');
  });

  it('probes the typed address, or the stored one of the camera being edited', () => {
    expect(probeBody(EMPTY_FORM, null)).toBeNull();
    expect(probeBody(EMPTY_FORM, camera.id)).toEqual({ cameraId: camera.id });
    expect(probeBody({ ...valid, username: 'u' }, null)).toEqual({
      rtspUrl: 'rtsp://10.0.0.6/live',
      username: 'u',
    });
  });
});

describe('probe summary', () => {
  const ok: CameraProbe = {
    reachable: true,
    code: 'ok',
    message: 'Kết nối được',
    messages: { vi: 'Kết nối được', en: 'Reachable' },
    codec: 'h264',
    width: 640,
    height: 360,
    fps: 25,
    ms: 1234,
  };
  it('lists codec, size, frame rate and time when reachable', () => {
    expect(probeSummary(ok, 'vi')).toBe('H264 · 640×360 · 25 fps · 1.234 ms');
    expect(probeSummary({ ...ok, fps: 29.97003 }, 'en')).toBe('H264 · 640×360 · 29.97 fps · 1,234 ms');
  });
  it('gives the reason in the language when not', () => {
    const failed: CameraProbe = {
      ...ok,
      reachable: false,
      code: 'unreachable',
      message: 'Không kết nối được tới camera',
      messages: { vi: 'Không kết nối được tới camera', en: 'The camera cannot be reached' },
      codec: null,
      width: null,
      height: null,
      fps: null,
      ms: 20,
    };
    expect(probeSummary(failed, 'vi')).toBe('Không kết nối được tới camera (20 ms)');
    expect(probeSummary(failed, 'en')).toBe('The camera cannot be reached (20 ms)');
  });
});
