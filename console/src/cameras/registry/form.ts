import type { components } from '../../api/schema';
import type { Lang } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';

export type Camera = components['schemas']['Camera'];
export type CameraCreate = components['schemas']['CameraCreate'];
export type CameraUpdate = components['schemas']['CameraUpdate'];
export type CameraProbe = components['schemas']['CameraProbe'];
export type CameraState = Camera['state'];

export const CAMERA_STATES: readonly CameraState[] = ['live', 'connecting', 'offline', 'error', 'unknown'];

/** What the add/edit form holds: numbers as typed text, so a half-typed "12." stays as it is. */
export interface CameraForm {
  code: string;
  name: string;
  lat: string;
  lng: string;
  communeCode: string;
  address: string;
  direction: string;
  tags: string[];
  /** Empty on edit = keep the stored address (it is never sent back). */
  rtspUrl: string;
  username: string;
  password: string;
  clearCredentials: boolean;
  enabled: boolean;
  private: boolean;
}

export const EMPTY_FORM: CameraForm = {
  code: '',
  name: '',
  lat: '',
  lng: '',
  communeCode: '',
  address: '',
  direction: '',
  tags: [],
  rtspUrl: '',
  username: '',
  password: '',
  clearCredentials: false,
  enabled: true,
  private: false,
};

/** The form of an existing camera: address and credentials start empty (they are never shown). */
export function formFromCamera(c: Camera): CameraForm {
  return {
    ...EMPTY_FORM,
    code: c.code,
    name: c.name,
    lat: String(c.lat),
    lng: String(c.lng),
    communeCode: c.communeCode ?? '',
    address: c.address ?? '',
    direction: c.direction ?? '',
    tags: [...c.tags],
    enabled: c.enabled,
    private: c.private,
  };
}

/** A coordinate typed with a dot or a Vietnamese decimal comma; undefined when not a number in range. */
export function parseCoordinate(text: string, max: number): number | undefined {
  const s = text.trim().replace(',', '.');
  if (!/^-?\d{1,3}(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Math.abs(n) <= max ? n : undefined;
}

/** Tags as typed: trimmed, empty ones dropped, no duplicates (ignoring case), in order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags)
    for (const part of raw.split(/[;,]/)) {
      const t = part.trim();
      if (t && !seen.has(t.toLocaleLowerCase('vi'))) {
        seen.add(t.toLocaleLowerCase('vi'));
        out.push(t);
      }
    }
  return out;
}

/** Checks the browser can make before sending: field → message key. The API checks the rest. */
export function localErrors(
  form: CameraForm,
  editing: boolean,
): Partial<Record<keyof CameraForm, MessageKey>> {
  const errors: Partial<Record<keyof CameraForm, MessageKey>> = {};
  if (!form.code.trim()) errors.code = 'camerasRegistry.form.required';
  if (!form.name.trim()) errors.name = 'camerasRegistry.form.required';
  if (parseCoordinate(form.lat, 90) === undefined) errors.lat = 'camerasRegistry.form.latInvalid';
  if (parseCoordinate(form.lng, 180) === undefined) errors.lng = 'camerasRegistry.form.lngInvalid';
  if (!editing && !form.rtspUrl.trim()) errors.rtspUrl = 'camerasRegistry.form.required';
  return errors;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The body of POST /cameras. Call after localErrors found nothing. */
export function formToCreate(form: CameraForm): CameraCreate {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    lat: parseCoordinate(form.lat, 90) ?? NaN,
    lng: parseCoordinate(form.lng, 180) ?? NaN,
    communeCode: orNull(form.communeCode),
    address: orNull(form.address),
    direction: orNull(form.direction),
    tags: normaliseTags(form.tags),
    rtspUrl: form.rtspUrl.trim(),
    ...(form.username ? { username: form.username } : {}),
    ...(form.password ? { password: form.password } : {}),
    enabled: form.enabled,
    private: form.private,
  };
}

/**
 * The body of PUT /cameras/{id}: every plain field, the address only when typed, credentials only when typed
 * (or cleared). Clearing wins over typed credentials only when none are typed.
 */
export function formToUpdate(form: CameraForm): CameraUpdate {
  const body: CameraUpdate = {
    code: form.code.trim(),
    name: form.name.trim(),
    lat: parseCoordinate(form.lat, 90) ?? NaN,
    lng: parseCoordinate(form.lng, 180) ?? NaN,
    communeCode: orNull(form.communeCode),
    address: orNull(form.address),
    direction: orNull(form.direction),
    tags: normaliseTags(form.tags),
    enabled: form.enabled,
    private: form.private,
  };
  if (form.rtspUrl.trim()) body.rtspUrl = form.rtspUrl.trim();
  if (form.username) body.username = form.username;
  if (form.password) body.password = form.password;
  if (form.clearCredentials && !form.username && !form.password) body.clearCredentials = true;
  return body;
}

/** The body of POST /cameras/probe: the typed address, or the stored one of the camera being edited. */
export function probeBody(
  form: CameraForm,
  cameraId: string | null,
): components['schemas']['CameraProbeInput'] | null {
  const url = form.rtspUrl.trim();
  if (!url && !cameraId) return null;
  return {
    ...(url ? { rtspUrl: url } : {}),
    ...(cameraId ? { cameraId } : {}),
    ...(form.username ? { username: form.username } : {}),
    ...(form.password ? { password: form.password } : {}),
  };
}

/** One line about a probe: "H264 · 640×360 · 25 fps · 312 ms", or the reason it failed in the language. */
export function probeSummary(p: CameraProbe, lang: Lang): string {
  const ms = `${p.ms.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} ms`;
  if (!p.reachable) return `${p.messages[lang] || p.message} (${ms})`;
  const parts: string[] = [];
  if (p.codec) parts.push(p.codec.toUpperCase());
  if (p.width && p.height) parts.push(`${p.width}×${p.height}`);
  if (p.fps !== null) parts.push(`${Math.round(p.fps * 100) / 100} fps`);
  parts.push(ms);
  return parts.join(' · ');
}
