import { describe, expect, it } from 'vitest';
import { setLang } from '../i18n';
import { describeProblem, fieldName, problemCode, problemExtra } from './problem';

const problem = {
  type: 'https://daklak.id/problems/validation',
  title: 'Validation failed',
  status: 400,
  code: 'validation_failed',
  detail: 'Dữ liệu không hợp lệ',
  messages: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  errors: [
    {
      path: 'phone',
      code: 'invalid_phone',
      message: 'bad phone',
      messages: { vi: 'Số điện thoại không hợp lệ', en: 'Invalid phone number' },
    },
    {
      path: 'body.password',
      code: 'too_short',
      message: 'too short',
      messages: { vi: 'Mật khẩu quá ngắn', en: 'Password too short' },
    },
    { path: 'captcha', code: 'x', message: 'x', messages: { vi: 'Sai captcha', en: 'Wrong captcha' } },
  ],
  requestId: 'req-1',
};

describe('describeProblem', () => {
  it('shows the messages of the current language, field errors under their fields', () => {
    setLang('vi');
    const shown = describeProblem(problem, ['phone', 'password']);
    expect(shown.fields).toEqual({ phone: 'Số điện thoại không hợp lệ', password: 'Mật khẩu quá ngắn' });
    // One error has no input on this form: the API's own summary is shown.
    expect(shown.message).toBe('Dữ liệu không hợp lệ');
    setLang('en');
    expect(describeProblem(problem, ['phone']).fields.phone).toBe('Invalid phone number');
    setLang('vi');
  });

  it('points to the inputs when every field error stands under its input', () => {
    setLang('vi');
    const shown = describeProblem(problem, ['phone', 'password', 'captcha']);
    expect(shown.fields.captcha).toBe('Sai captcha');
    expect(shown.message).toBe('Vui lòng sửa các ô được đánh dấu bên dưới.');
  });

  it('falls back to detail, then to a generic message', () => {
    expect(describeProblem({ detail: 'Chi tiết' }).message).toBe('Chi tiết');
    expect(describeProblem('<html>Bad gateway</html>').message).toBe('Đã có lỗi xảy ra. Vui lòng thử lại.');
  });
});

describe('fieldName', () => {
  it('reads dotted, slashed and array paths', () => {
    expect(fieldName('phone')).toBe('phone');
    expect(fieldName('body.fullName')).toBe('fullName');
    expect(fieldName('/body/otp')).toBe('otp');
    expect(fieldName(['body', 'password'])).toBe('password');
    expect(fieldName(undefined)).toBeUndefined();
  });
});

describe('problemCode and problemExtra', () => {
  const replayed = {
    status: 409,
    code: 'qr_replayed',
    detail: 'Mã QR này đã được kiểm tra trước đó',
    firstVerifiedAt: '2026-11-27T03:05:00.000Z',
  };

  it('read the stable code and the fields a problem adds', () => {
    expect(problemCode(replayed)).toBe('qr_replayed');
    expect(problemExtra(replayed, 'firstVerifiedAt')).toBe('2026-11-27T03:05:00.000Z');
    expect(
      problemExtra({ code: 'identity_level_required', requiredLevel: 1, currentLevel: 0 }, 'currentLevel'),
    ).toBe(0);
  });

  it('give undefined for anything else', () => {
    expect(problemCode('<html>Bad gateway</html>')).toBeUndefined();
    expect(problemCode({ code: 42 })).toBeUndefined();
    expect(problemExtra(replayed, 'missing')).toBeUndefined();
    expect(problemExtra({ firstVerifiedAt: null }, 'firstVerifiedAt')).toBeUndefined();
    expect(problemExtra(null, 'x')).toBeUndefined();
  });
});
