/** Permission that opens the console at all (roles officer, moderator, ioc_operator, admin). */
export const CONSOLE_ACCESS = 'console:access';

export function hasPermission(permissions: readonly string[] | undefined, permission: string): boolean {
  return permissions?.includes(permission) ?? false;
}

export function canUseConsole(permissions: readonly string[] | undefined): boolean {
  return hasPermission(permissions, CONSOLE_ACCESS);
}
