import { describeProblem, type ShownError } from '../api/problem';
import type { MessageKey } from '../i18n';

/** The report form's rules, checked on the phone before anything is stored (the API checks again). */
export const TITLE_MIN = 5;
export const TITLE_MAX = 150;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
export const ADDRESS_MIN = 3;
export const ADDRESS_MAX = 300;
export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/** Inputs of the form that API problems can point at. */
export const FORM_FIELDS = [
  'category',
  'title',
  'description',
  'location',
  'communeCode',
  'address',
  'photos',
];

export interface FormValues {
  category: string;
  title: string;
  description: string;
  /** From "use my location". */
  point: { lat: number; lng: number } | null;
  communeCode: string;
  address: string;
  photos: { size: number }[];
  /** With the consent and a photo, the API may place the report at the photo's own GPS position. */
  keepPhotoLocation?: boolean;
}

export type FormErrors = Partial<Record<(typeof FORM_FIELDS)[number], MessageKey>>;

/** Length as people count it (a Vietnamese letter with its marks is one, even when typed decomposed). */
export function textLength(value: string): number {
  return [...value.trim().normalize('NFC')].length;
}

export function checkForm(v: FormValues): FormErrors {
  const errors: FormErrors = {};
  if (!v.category) errors.category = 'feedback.v.category';
  const title = textLength(v.title);
  if (title < TITLE_MIN) errors.title = 'feedback.v.titleShort';
  else if (title > TITLE_MAX) errors.title = 'feedback.v.titleLong';
  const description = textLength(v.description);
  if (description < DESCRIPTION_MIN) errors.description = 'feedback.v.descriptionShort';
  else if (description > DESCRIPTION_MAX) errors.description = 'feedback.v.descriptionLong';
  const address = textLength(v.address);
  const fromPhoto = v.keepPhotoLocation === true && v.photos.length > 0;
  if (!v.point && !v.communeCode && !fromPhoto) errors.location = 'feedback.v.location';
  if ((v.communeCode && !v.point) || address > 0) {
    if (address < ADDRESS_MIN) errors.address = 'feedback.v.address';
    else if (address > ADDRESS_MAX) errors.address = 'feedback.v.addressLong';
  }
  if (v.photos.length > MAX_PHOTOS) errors.photos = 'feedback.v.tooManyPhotos';
  else if (v.photos.some((p) => p.size > MAX_PHOTO_BYTES)) errors.photos = 'feedback.v.photoTooLarge';
  return errors;
}

/** Which input an API field error belongs to: `body.lat` → location, `photos[2]` / `files.photos` → photos. */
export function problemField(path: unknown): string | undefined {
  const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split(/[./]/) : [];
  const last = parts.filter(Boolean).pop();
  if (!last) return undefined;
  const name = last.replace(/\[\d+\]$/, '');
  if (name === 'lat' || name === 'lng') return 'location';
  return FORM_FIELDS.includes(name) ? name : undefined;
}

/** An API problem, with each field error under its input of this form. */
export function describeFormProblem(problem: unknown): ShownError {
  if (typeof problem !== 'object' || problem === null) return describeProblem(problem, FORM_FIELDS);
  const p = problem as { errors?: unknown };
  const errors = Array.isArray(p.errors)
    ? p.errors.map((e: unknown) => {
        if (typeof e !== 'object' || e === null) return e;
        const path = (e as { path?: unknown }).path;
        return { ...e, path: problemField(path) ?? path };
      })
    : p.errors;
  return describeProblem({ ...problem, errors }, FORM_FIELDS);
}

/**
 * The bytes to send for one photo. With "keep the photo's location" the original JPEG goes as it is (the
 * server reads its GPS position, then re-encodes it) when it fits the 8 MB limit; otherwise — and always
 * without the consent — the downscaled copy re-encoded on the phone, which carries no EXIF at all.
 */
export function photoToSend(
  original: { type: string; size: number },
  keepLocation: boolean,
): 'original' | 'reencoded' {
  return keepLocation && original.type === 'image/jpeg' && original.size <= MAX_PHOTO_BYTES
    ? 'original'
    : 'reencoded';
}

/** Deadline of an open report, as the console shows it: due within 48 h is "soon". */
export type DeadlineState = 'none' | 'ok' | 'due_soon' | 'overdue';
const OPEN = new Set(['accepted', 'assigned', 'in_progress']);

export function deadlineState(dueAt: string | null, status: string, now: Date = new Date()): DeadlineState {
  if (!dueAt || !OPEN.has(status)) return 'none';
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= 48 * 3600_000 ? 'due_soon' : 'ok';
}

/** The author may reopen a resolved report within 7 days of the resolution. */
export const REOPEN_DAYS = 7;
export function canReopen(status: string, resolvedAt: string | null, now: Date = new Date()): boolean {
  if (status !== 'resolved' || !resolvedAt) return false;
  return now.getTime() - new Date(resolvedAt).getTime() <= REOPEN_DAYS * 86_400_000;
}
