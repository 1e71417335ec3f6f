/** Roles and what they may do. Permissions are checked at the route; ownership in services. */
export const ROLES = [
  'citizen',
  'employer',
  'merchant',
  'officer',
  'moderator',
  'ioc_operator',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'console:access',
  'users:read',
  'users:manage',
  'audit:read',
  'feedback:handle',
  'feedback:triage',
  'moderation:review',
  'ekyc:review',
  'cameras:view',
  'cameras:manage',
  'workforce:read',
  'workforce:manage',
  'jobs:post',
  'market:sell',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  citizen: [],
  employer: ['jobs:post'],
  merchant: ['market:sell'],
  officer: ['console:access', 'feedback:handle'],
  moderator: ['console:access', 'moderation:review'],
  ioc_operator: [
    'console:access',
    'cameras:view',
    'cameras:manage',
    'feedback:triage',
    'ekyc:review',
    'workforce:read',
    'workforce:manage',
  ],
  admin: [...PERMISSIONS],
};

/** Roles an operator holds that open the console. */
export const OPERATOR_ROLES: readonly Role[] = ROLES.filter((r) =>
  ROLE_PERMISSIONS[r].includes('console:access'),
);

export function permissionsOf(roles: readonly string[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r as Role] ?? []) set.add(p);
  return [...set].sort();
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface AuthContext {
  userId: string;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  sessionId: string;
}

/** What a verified access token's claims carry: the account, its session and roles. */
export interface TokenClaims {
  readonly sub: string;
  readonly sid: string;
  readonly roles: readonly string[];
}

// The token signer hands out one frozen claims object per token it has verified, so the roles and the
// permission set are worked out once per token, not on every request that carries it.
const contexts = new WeakMap<TokenClaims, AuthContext>();

/** The caller behind verified claims; unknown roles (from an older release) grant nothing. */
export function authContextOf(claims: TokenClaims): AuthContext {
  const known = contexts.get(claims);
  if (known) return known;
  const roles = Object.freeze(claims.roles.filter(isRole));
  const context: AuthContext = Object.freeze({
    userId: claims.sub,
    roles,
    permissions: new Set(permissionsOf(roles)),
    sessionId: claims.sid,
  });
  if (Object.isFrozen(claims)) contexts.set(claims, context);
  return context;
}
