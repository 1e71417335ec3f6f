import { describe, expect, it } from 'vitest';
import { setLang } from '../i18n';
import {
  canReopen,
  checkForm,
  deadlineState,
  describeFormProblem,
  photoToSend,
  problemField,
  textLength,
  type FormValues,
} from './form';

const valid: FormValues = {
  category: 'environment',
  title: 'Rác thải đổ trộm',
  description: 'Rác bị đổ trộm ven đường suốt một tuần nay.',
  point: null,
  communeCode: '24121',
  address: '12 Lê Duẩn',
  photos: [{ size: 500_000 }],
};

describe('report form checks', () => {
  it('accepts a complete report with a commune and address, or with a point alone', () => {
    expect(checkForm(valid)).toEqual({});
    expect(checkForm({ ...valid, communeCode: '', address: '', point: { lat: 12.66, lng: 108.05 } })).toEqual(
      {},
    );
  });

  it('lets the photo place the report only with the consent to keep its location', () => {
    const nowhere = { ...valid, communeCode: '', address: '' };
    expect(checkForm({ ...nowhere, keepPhotoLocation: true })).toEqual({});
    expect(checkForm({ ...nowhere, keepPhotoLocation: false }).location).toBe('feedback.v.location');
    expect(checkForm({ ...nowhere, keepPhotoLocation: true, photos: [] }).location).toBe(
      'feedback.v.location',
    );
  });

  it('names each missing or wrong field', () => {
    expect(
      checkForm({ ...valid, category: '', title: 'abc', description: 'ngắn', communeCode: '', address: '' }),
    ).toEqual({
      category: 'feedback.v.category',
      title: 'feedback.v.titleShort',
      description: 'feedback.v.descriptionShort',
      location: 'feedback.v.location',
    });
    expect(checkForm({ ...valid, address: ' x ' }).address).toBe('feedback.v.address');
    expect(checkForm({ ...valid, title: 'a'.repeat(151) }).title).toBe('feedback.v.titleLong');
    expect(checkForm({ ...valid, description: 'a'.repeat(4001) }).description).toBe(
      'feedback.v.descriptionLong',
    );
    expect(checkForm({ ...valid, description: 'a'.repeat(4000) }).description).toBeUndefined();
  });

  it('limits photos to 6 of at most 8 MB', () => {
    expect(checkForm({ ...valid, photos: Array(7).fill({ size: 1 }) }).photos).toBe(
      'feedback.v.tooManyPhotos',
    );
    expect(checkForm({ ...valid, photos: [{ size: 8 * 1024 * 1024 + 1 }] }).photos).toBe(
      'feedback.v.photoTooLarge',
    );
  });

  it('counts a Vietnamese letter once, however it was typed, and ignores surrounding spaces', () => {
    expect(textLength('  Đắk Lắk  ')).toBe(7);
    expect(textLength('Đắk Lắk'.normalize('NFD'))).toBe(7);
  });
});

describe('API problems on the form', () => {
  it('puts each field error under its input: lat → location, photos[1] → photos', () => {
    expect(problemField('body.lat')).toBe('location');
    expect(problemField('photos[1]')).toBe('photos');
    expect(problemField('files.photos')).toBe('photos');
    expect(problemField(['body', 'communeCode'])).toBe('communeCode');
    expect(problemField('body.unknown')).toBeUndefined();
    setLang('vi');
    const shown = describeFormProblem({
      code: 'outside_province',
      detail: 'Vị trí nằm ngoài tỉnh Đắk Lắk.',
      errors: [
        { path: 'body.lat', message: 'x', messages: { vi: 'Vị trí nằm ngoài tỉnh Đắk Lắk.', en: 'Outside' } },
        { path: 'photos[0]', message: 'x', messages: { vi: 'Ảnh không hợp lệ.', en: 'Bad photo' } },
      ],
    });
    expect(shown.fields).toEqual({ location: 'Vị trí nằm ngoài tỉnh Đắk Lắk.', photos: 'Ảnh không hợp lệ.' });
  });
});

describe('photo bytes and location consent', () => {
  it('sends the original JPEG only with the consent and within 8 MB; else the redrawn copy without EXIF', () => {
    expect(photoToSend({ type: 'image/jpeg', size: 3_000_000 }, true)).toBe('original');
    expect(photoToSend({ type: 'image/jpeg', size: 3_000_000 }, false)).toBe('reencoded');
    expect(photoToSend({ type: 'image/jpeg', size: 9_000_000 }, true)).toBe('reencoded');
    expect(photoToSend({ type: 'image/png', size: 100_000 }, true)).toBe('reencoded');
  });
});

describe('deadlines and reopening', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  it('due soon within 48 h, overdue after, nothing when closed or not yet accepted', () => {
    expect(deadlineState('2026-12-05T10:00:00Z', 'assigned', now)).toBe('ok');
    expect(deadlineState('2026-11-29T09:00:00Z', 'in_progress', now)).toBe('due_soon');
    expect(deadlineState('2026-11-27T09:00:00Z', 'accepted', now)).toBe('overdue');
    expect(deadlineState('2026-11-27T09:00:00Z', 'resolved', now)).toBe('none');
    expect(deadlineState(null, 'submitted', now)).toBe('none');
  });

  it('reopen only a resolved report, within 7 days of the answer', () => {
    expect(canReopen('resolved', '2026-11-21T10:00:00Z', now)).toBe(true);
    expect(canReopen('resolved', '2026-11-20T09:59:00Z', now)).toBe(false);
    expect(canReopen('in_progress', '2026-11-26T10:00:00Z', now)).toBe(false);
    expect(canReopen('resolved', null, now)).toBe(false);
  });
});
