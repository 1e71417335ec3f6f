import { describe, expect, it } from 'vitest';
import { translate } from './i18n/format';
import { KNOWN_ROLES, roleLabel, sortRoles } from './roles';

describe('roles', () => {
  it('lists operator roles first and citizen last', () => {
    expect(sortRoles(['citizen', 'officer', 'admin', 'employer'])).toEqual([
      'admin',
      'officer',
      'employer',
      'citizen',
    ]);
    expect(sortRoles(['citizen', 'ioc_operator'])).toEqual(['ioc_operator', 'citizen']);
  });
  it('labels every known role from the catalogue and shows unknown ones as they are', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('vi', key);
    expect(roleLabel(t, 'ioc_operator')).toBe('Điều hành viên IOC');
    for (const r of KNOWN_ROLES) expect(roleLabel(t, r)).not.toBe(r);
    expect(roleLabel(t, 'auditor')).toBe('auditor');
  });
});
