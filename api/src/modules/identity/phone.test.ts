import { describe, it, expect } from 'vitest';
import { checkPhone, maskPhone } from './phone.ts';

describe('checkPhone', () => {
  it.each([
    ['0905123456', '+84905123456', 'MobiFone'],
    ['84 912 345 678', '+84912345678', 'Vinaphone'],
    ['+84-86-123-4567', '+84861234567', 'Viettel'],
    ['0587654321', '+84587654321', 'Vietnamobile'],
  ])('%s → %s (%s)', (input, e164, carrier) => {
    expect(checkPhone(input)).toEqual({ ok: true, e164, carrier });
  });
  it.each([
    ['0905', 'format'],
    ['09051234567', 'format'],
    ['+1 202 555 0100', 'format'],
    ['0262123456', 'prefix'],
    ['0951234567', 'prefix'],
    ['abc', 'format'],
  ])('%s is refused (%s)', (input, reason) => {
    expect(checkPhone(input)).toEqual({ ok: false, reason });
  });
  it('masks', () => {
    expect(maskPhone('+84905123456')).toBe('0905 *** 456');
  });
});
