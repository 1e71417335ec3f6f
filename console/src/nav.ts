import { CONSOLE_ACCESS } from './auth/permissions';
import type { MessageKey } from './i18n/vi';

export type PageId = 'cameras' | 'feedback' | 'moderation' | 'ekyc' | 'workforce' | 'users' | 'audit';

export interface NavItem {
  id: PageId;
  /** Route path below the /console basename. */
  path: string;
  label: MessageKey;
  group: 'operations' | 'administration';
  /** The item is shown when the user holds any of these permissions (and console:access). */
  anyOf: readonly string[];
  /** false: the page is not built yet and shows the "not available yet" panel. */
  built: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: 'cameras',
    path: '/cameras',
    label: 'nav.cameras',
    group: 'operations',
    anyOf: ['cameras:view'],
    built: true,
  },
  {
    id: 'feedback',
    path: '/feedback',
    label: 'nav.feedback',
    group: 'operations',
    anyOf: ['feedback:triage', 'feedback:handle'],
    built: true,
  },
  {
    id: 'moderation',
    path: '/moderation',
    label: 'nav.moderation',
    group: 'operations',
    anyOf: ['moderation:review'],
    built: true,
  },
  { id: 'ekyc', path: '/ekyc', label: 'nav.ekyc', group: 'operations', anyOf: ['ekyc:review'], built: true },
  {
    id: 'workforce',
    path: '/workforce',
    label: 'nav.workforce',
    group: 'operations',
    anyOf: ['workforce:read'],
    built: true,
  },
  {
    id: 'users',
    path: '/admin/users',
    label: 'nav.users',
    group: 'administration',
    anyOf: ['users:read'],
    built: true,
  },
  {
    id: 'audit',
    path: '/admin/audit',
    label: 'nav.audit',
    group: 'administration',
    anyOf: ['audit:read'],
    built: true,
  },
];

export function canSee(item: NavItem, permissions: readonly string[]): boolean {
  return permissions.includes(CONSOLE_ACCESS) && item.anyOf.some((p) => permissions.includes(p));
}

/** The navigation items this user may see, in menu order. */
export function visibleNav(permissions: readonly string[], items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => canSee(item, permissions));
}

/** Where "/" leads: the first visible page, or null when the account sees none. */
export function homePath(permissions: readonly string[]): string | null {
  return visibleNav(permissions)[0]?.path ?? null;
}

export function navItem(id: PageId): NavItem {
  const item = NAV_ITEMS.find((i) => i.id === id);
  if (!item) throw new Error(`unknown page ${id}`);
  return item;
}

/**
 * Where to go after signing in: back to `from` when it is a page this user may see, else "/"
 * (which leads to the first visible page).
 */
export function returnPath(from: unknown, permissions: readonly string[]): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/';
  const pathname = from.split(/[?#]/)[0] ?? '';
  const allowed = visibleNav(permissions).some(
    (i) => pathname === i.path || pathname.startsWith(`${i.path}/`),
  );
  return allowed ? from : '/';
}
