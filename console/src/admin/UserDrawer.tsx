import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Divider,
  FormControl,
  InputLabel,
  NativeSelect,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, fieldErrors, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { useAuth, useUser } from '../auth/context';
import { hasPermission } from '../auth/permissions';
import { describeProblem, ProblemAlert } from '../components/ProblemAlert';
import { DetailDrawer } from '../components/DetailDrawer';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { DEFAULT_ROLE, KNOWN_ROLES, roleLabel, sortRoles } from '../roles';
import { formatDateTime, nationalPhone } from '../time';
import { useApiQuery } from '../useApiQuery';
import { OfficerDepartments } from './OfficerDepartments';
import { UserSessions } from './UserSessions';

/** Roles that open the console: their holders may be given feedback departments. */
const OPERATOR_ROLES: readonly string[] = ['officer', 'moderator', 'ioc_operator', 'admin'];

type AdminUser = components['schemas']['AdminUser'];
/** data-testid for props whose types do not list data-* attributes. */
const testId = (id: string): object => ({ 'data-testid': id });
type Role = AdminUser['roles'][number];
type RoleInfo = components['schemas']['RoleList']['items'][number];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography component="div" sx={{ wordBreak: 'break-all' }}>
        {children}
      </Typography>
    </Box>
  );
}

interface Props {
  userId: string | null;
  roles: RoleInfo[] | undefined;
  onClose: () => void;
  /** Called after a change so the grid reloads. */
  onChanged: () => void;
}

export function UserDrawer({ userId, roles, onClose, onChanged }: Props) {
  const { t } = useI18n();
  return (
    <DetailDrawer
      open={userId !== null}
      title={t('userDrawer.title')}
      width={{ xs: '100%', sm: 460 }}
      onClose={onClose}
    >
      {userId ? <UserDetail key={userId} userId={userId} roles={roles} onChanged={onChanged} /> : null}
    </DetailDrawer>
  );
}

function UserDetail({
  userId,
  roles,
  onChanged,
}: {
  userId: string;
  roles: RoleInfo[] | undefined;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const notify = useNotify();
  const { permissions } = useAuth();
  const me = useUser();
  const canManage = hasPermission(permissions, 'users:manage');

  const loaded = useApiQuery(userId, (signal) =>
    unwrap(api.GET('/api/v1/admin/users/{id}', { params: { path: { id: userId } }, signal })),
  );
  const [updated, setUpdated] = useState<AdminUser>();
  const user = updated ?? loaded.data;

  const [grantRole, setGrantRole] = useState('');
  const [revoking, setRevoking] = useState<Role | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  if (loaded.problem && !user) {
    return (
      <Box sx={{ p: 2 }}>
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      </Box>
    );
  }
  if (!user) {
    return (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }

  const allRoles: string[] = roles?.map((r) => r.role) ?? [...KNOWN_ROLES];
  const grantable = allRoles.filter((r) => !(user.roles as string[]).includes(r));
  const rolePermissions = [
    ...new Set(roles?.filter((r) => user.roles.includes(r.role)).flatMap((r) => r.permissions) ?? []),
  ].sort();

  /** Runs one change; on success keeps the returned user, reloads the grid and shows a snackbar. */
  const act = async (run: () => Promise<AdminUser>, success: (u: AdminUser) => string): Promise<boolean> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const next = await run();
      setUpdated(next);
      onChanged();
      notify(success(next), 'success');
      return true;
    } catch (err) {
      const p = asProblem(err);
      setProblem(p);
      notify(describeProblem(p, i18n), 'error');
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onGrant = async () => {
    const role = grantable.find((r) => r === grantRole);
    if (!role) return;
    const ok = await act(
      () =>
        unwrap(
          api.PUT('/api/v1/admin/users/{id}/roles/{role}', {
            params: { path: { id: user.id, role: role as Role } },
          }),
        ),
      (u) => t('userDrawer.granted', { role: roleLabel(t, role), name: u.fullName }),
    );
    if (ok) setGrantRole('');
  };

  const onRevoke = async () => {
    const role = revoking;
    setRevoking(null);
    if (!role) return;
    await act(
      () =>
        unwrap(
          api.DELETE('/api/v1/admin/users/{id}/roles/{role}', { params: { path: { id: user.id, role } } }),
        ),
      (u) => t('userDrawer.revoked', { role: roleLabel(t, role), name: u.fullName }),
    );
  };

  const nextStatus = user.status === 'active' ? 'disabled' : 'active';
  const onStatus = async () => {
    const ok = await act(
      () =>
        unwrap(
          api.PATCH('/api/v1/admin/users/{id}/status', {
            params: { path: { id: user.id } },
            body: { status: nextStatus, reason: reason.trim() },
          }),
        ),
      (u) =>
        t(nextStatus === 'disabled' ? 'userDrawer.disabled' : 'userDrawer.enabled', { name: u.fullName }),
    );
    if (ok) setReason('');
  };

  const fields = problem ? fieldErrors(problem, lang) : {};

  return (
    <Stack spacing={2.5} sx={{ p: 2.5 }} data-testid="user-drawer">
      <Box>
        <Typography variant="h2" component="h3">
          {user.fullName}
        </Typography>
        <Chip
          size="small"
          sx={{ mt: 1 }}
          label={t(user.status === 'active' ? 'status.active' : 'status.disabled')}
          color={user.status === 'active' ? 'success' : 'default'}
          data-testid="user-status"
        />
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
        <Field label={t('userDrawer.phone')}>
          {nationalPhone(user.phone)}
          <Typography variant="caption" color="text.secondary" component="div">
            {user.phone}
          </Typography>
        </Field>
        <Field label={t('userDrawer.identityLevel')}>{user.identityLevel}</Field>
        <Field label={t('userDrawer.createdAt')}>{formatDateTime(user.createdAt, lang)}</Field>
        <Field label={t('userDrawer.lastLoginAt')}>
          {formatDateTime(user.lastLoginAt, lang) ?? t('common.never')}
        </Field>
        <Box sx={{ gridColumn: '1 / -1' }}>
          <Field label={t('userDrawer.id')}>
            <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
              {user.id}
            </Typography>
          </Field>
        </Box>
      </Box>

      {problem ? <ProblemAlert problem={problem} /> : null}
      {!canManage ? <Alert severity="info">{t('userDrawer.readOnly')}</Alert> : null}

      <Divider />
      <Box>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {t('userDrawer.roles')}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {user.roles.length === 0 ? (
            <Typography color="text.secondary">{t('userDrawer.noRoles')}</Typography>
          ) : null}
          {sortRoles(user.roles).map((r) => (
            <Chip
              key={r}
              label={roleLabel(t, r)}
              data-testid={`role-chip-${r}`}
              color={r === 'admin' ? 'primary' : 'default'}
              onDelete={canManage && r !== DEFAULT_ROLE && !busy ? () => setRevoking(r) : undefined}
              title={
                canManage && r !== DEFAULT_ROLE
                  ? t('userDrawer.revoke', { role: roleLabel(t, r) })
                  : undefined
              }
            />
          ))}
        </Stack>

        {canManage ? (
          grantable.length > 0 ? (
            <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'flex-end' }}>
              <FormControl sx={{ flex: 1 }} size="small">
                <InputLabel variant="standard" htmlFor="grant-role-select" shrink>
                  {t('userDrawer.grantLabel')}
                </InputLabel>
                <NativeSelect
                  value={grantRole}
                  onChange={(e) => setGrantRole(e.target.value)}
                  inputProps={{ id: 'grant-role-select', name: 'grantRole', ...testId('grant-role-select') }}
                >
                  <option value="">{t('userDrawer.grantPlaceholder')}</option>
                  {grantable.map((r) => (
                    <option key={r} value={r}>
                      {roleLabel(t, r)}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <Button
                variant="contained"
                disabled={!grantRole || busy}
                onClick={onGrant}
                data-testid="grant-role"
              >
                {t('userDrawer.grant')}
              </Button>
            </Stack>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('userDrawer.allRolesHeld')}
            </Typography>
          )
        ) : null}

        {rolePermissions.length > 0 ? (
          <Box sx={{ mt: 2 }}>
            <Typography variant="caption" color="text.secondary">
              {t('userDrawer.permissions')}
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
              {rolePermissions.map((p) => (
                <Chip key={p} label={p} size="small" variant="outlined" sx={{ fontFamily: 'monospace' }} />
              ))}
            </Stack>
          </Box>
        ) : null}
      </Box>

      {user.roles.some((r) => OPERATOR_ROLES.includes(r)) ? (
        <>
          <Divider />
          <OfficerDepartments
            userId={user.id}
            fullName={user.fullName}
            roles={user.roles}
            canManage={canManage}
          />
        </>
      ) : null}

      {canManage && user.id !== me.id ? (
        <>
          <Divider />
          <UserSessions userId={user.id} fullName={user.fullName} />
        </>
      ) : null}

      {canManage && user.id !== me.id ? (
        <>
          <Divider />
          <Box>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
              {t('userDrawer.status')}
            </Typography>
            <Stack spacing={1.5}>
              <TextField
                label={t('userDrawer.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                size="small"
                multiline
                minRows={2}
                error={Boolean(fields.reason)}
                helperText={fields.reason ?? t('userDrawer.reasonHelp')}
                slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'status-reason' } }}
              />
              <Box>
                <Button
                  variant="outlined"
                  color={nextStatus === 'disabled' ? 'error' : 'success'}
                  disabled={busy || reason.trim().length === 0}
                  onClick={onStatus}
                  data-testid="status-change"
                >
                  {t(nextStatus === 'disabled' ? 'userDrawer.disable' : 'userDrawer.enable')}
                </Button>
              </Box>
            </Stack>
          </Box>
        </>
      ) : null}

      <ConfirmDialog
        open={revoking !== null}
        title={t('userDrawer.revokeTitle')}
        body={t('userDrawer.revokeBody', {
          role: revoking ? roleLabel(t, revoking) : '',
          name: user.fullName,
        })}
        confirmTestId="confirm-revoke"
        onCancel={() => setRevoking(null)}
        onConfirm={onRevoke}
      />
    </Stack>
  );
}
