import type { I18nValue } from './i18n/context';
import type { MessageKey } from './i18n/vi';
import { vi } from './i18n/vi';

/** Roles in the order the console lists them (the api's GET /admin/roles is the authority). */
export const KNOWN_ROLES = [
  'citizen',
  'employer',
  'merchant',
  'officer',
  'moderator',
  'ioc_operator',
  'admin',
] as const;

/** Every account has it; the api refuses to revoke it (409 role_required). */
export const DEFAULT_ROLE = 'citizen';

/** Operator roles first (most powerful first), the default citizen role last. */
export function sortRoles<R extends string>(roles: readonly R[]): R[] {
  // KNOWN_ROLES runs from citizen to admin: a higher index ranks first; unknown roles go last.
  const rank = (r: string) => (KNOWN_ROLES as readonly string[]).indexOf(r);
  return [...roles].sort((a, b) => rank(b) - rank(a));
}

/** Label of a role from the catalogue; an unknown role shows its name. */
export function roleLabel(t: I18nValue['t'], role: string): string {
  const key = `role.${role}`;
  return key in vi ? t(key as MessageKey) : role;
}
