import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone';
import { checkFullName, checkNewPassword, checkOtp, checkPhone } from './validation';

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['+84 0912 345 678', '+84912345678'],
    ['0351234567', '+84351234567'],
    ['0841234567', '+84841234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '',
    'abc',
    '091234567',
    '09123456789',
    '0212345678',
    '+1 202 555 0100',
    '912345678',
    '8491234567',
  ])('rejects %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('formatPhone', () => {
  it('shows E.164 numbers in the national format', () => {
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
    expect(formatPhone('84351234567')).toBe('0351 234 567');
  });
  it('leaves anything else as it is', () => {
    expect(formatPhone('02623 123 456')).toBe('02623 123 456');
  });
});

describe('form checks', () => {
  it('phone', () => {
    expect(checkPhone('0912345678')).toBeNull();
    expect(checkPhone('12345')).toBe('validation.phone');
  });
  it('otp', () => {
    expect(checkOtp('123456')).toBeNull();
    expect(checkOtp('12345')).toBe('validation.otp');
    expect(checkOtp('12a456')).toBe('validation.otp');
  });
  it('password needs 8 characters, a letter and a digit', () => {
    expect(checkNewPassword('matkhau1')).toBeNull();
    expect(checkNewPassword('mậtkhẩu9')).toBeNull();
    expect(checkNewPassword('mk1')).toBe('validation.password');
    expect(checkNewPassword('12345678')).toBe('validation.password');
    expect(checkNewPassword('abcdefgh')).toBe('validation.password');
  });
  it('full name', () => {
    expect(checkFullName('  ')).toBe('validation.fullName');
    expect(checkFullName('Nguyễn Văn A')).toBeNull();
  });
});
