import { describe, expect, it } from 'vitest';
import { en } from './en';
import { interpolate, placeholders, translate } from './format';
import { vi } from './vi';

describe('message catalogues', () => {
  it('vi and en have exactly the same keys', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('has no empty message', () => {
    for (const [key, value] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('has a label for every role', () => {
    for (const role of ['citizen', 'employer', 'merchant', 'officer', 'moderator', 'ioc_operator', 'admin']) {
      expect(Object.keys(vi)).toContain(`role.${role}`);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('Hello {name}, {x}', { name: 'An' })).toBe('Hello An, {x}');
    expect(translate('en', 'userDrawer.granted', { role: 'Officer', name: 'An' })).toBe(
      'Granted the role Officer to An.',
    );
    expect(translate('vi', 'login.submit')).toBe('Đăng nhập');
  });
});
