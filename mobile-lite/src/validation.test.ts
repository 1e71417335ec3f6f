import { describe, expect, it } from 'vitest';
import { checkCccdNumber, checkDateOfBirth, checkSex, compactCccd } from './validation';

describe('identity declaration checks', () => {
  it('accepts 12 digits, with the spaces people type between groups', () => {
    expect(checkCccdNumber('066204001234')).toBeNull();
    expect(checkCccdNumber(' 066 204 001 234 ')).toBeNull();
    expect(checkCccdNumber('066.204.001-234')).toBeNull();
    expect(compactCccd(' 066 204 001 234 ')).toBe('066204001234');
  });

  it('refuses any other shape, and leaves province, sex and year to the API', () => {
    expect(checkCccdNumber('')).toBe('validation.cccd');
    expect(checkCccdNumber('06620400123')).toBe('validation.cccd');
    expect(checkCccdNumber('0662040012345')).toBe('validation.cccd');
    expect(checkCccdNumber('06620400123a')).toBe('validation.cccd');
    // 999 is no province and digit 4 says a woman: still the API's to say.
    expect(checkCccdNumber('999304001234')).toBeNull();
  });

  it('wants a real date of birth between 1900 and today', () => {
    const today = '2026-11-27';
    expect(checkDateOfBirth('2004-05-06', today)).toBeNull();
    expect(checkDateOfBirth('2026-11-27', today)).toBeNull();
    expect(checkDateOfBirth('1900-01-01', today)).toBeNull();
    expect(checkDateOfBirth('', today)).toBe('validation.dateOfBirth');
    expect(checkDateOfBirth('06/05/2004', today)).toBe('validation.dateOfBirth');
    expect(checkDateOfBirth('2026-11-28', today)).toBe('validation.dateOfBirth');
    expect(checkDateOfBirth('1899-12-31', today)).toBe('validation.dateOfBirth');
    expect(checkDateOfBirth('2023-02-29', today)).toBe('validation.dateOfBirth');
    expect(checkDateOfBirth('2024-02-29', today)).toBeNull();
    expect(checkDateOfBirth('2004-13-01', today)).toBe('validation.dateOfBirth');
  });

  it('wants one of the two sexes chosen', () => {
    expect(checkSex('male')).toBeNull();
    expect(checkSex('female')).toBeNull();
    expect(checkSex('')).toBe('validation.sex');
  });
});
