import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { DialogProblem } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { BulkResultList, useBulkRun } from '../components/BulkResult';
import { roleLabel } from '../roles';

type Role = components['schemas']['Role'];
type Action = 'grant' | 'revoke';

/** Reasons the api gives for an account it did not change, in words; other codes are shown as they are. */
const BULK_CODES = ['user_not_found', 'last_admin', 'role_required'] as const;

/**
 * Grant or revoke one role for the selected accounts; shows one line per account afterwards (some may be
 * refused, e.g. the last administrator). Revoking asks for a second click, since it ends those sessions.
 */
export function BulkRolesDialog({
  ids: selected,
  names: namesNow,
  roles,
  onClose,
  onDone,
}: {
  ids: string[];
  /** Name and phone of each selected account, for the result lines. */
  names: Map<string, string>;
  roles: Role[];
  onClose: () => void;
  /** After the change: the ids that were refused (they stay selected). */
  onDone: (refused: string[]) => void;
}) {
  const { t } = useI18n();
  // What was selected when the dialog opened: the list reloads (and the selection changes) afterwards.
  const [{ ids, names }] = useState(() => ({ ids: selected, names: new Map(namesNow) }));
  const [action, setAction] = useState<Action>('grant');
  const [role, setRole] = useState<Role | ''>('');
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, result, run } = useBulkRun(
    (ok, total) => t('users.bulk.done', { ok, total }),
    onDone,
  );
  const failure = (code: string | null) => {
    const known = BULK_CODES.find((c) => c === code);
    return known ? t(`users.bulk.code.${known}`) : t('users.bulk.failed', { code: code ?? '' });
  };

  const submit = () => {
    if (!role) return;
    if (action === 'revoke' && !confirming) return setConfirming(true);
    return run(() => unwrap(api.POST('/api/v1/admin/users/bulk-roles', { body: { ids, role, action } })));
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="users-bulk-dialog">
      <DialogTitle>{t('users.bulk.title', { n: ids.length })}</DialogTitle>
      <DialogContent>
        {result ? (
          <BulkResultList
            items={result}
            nameOf={(id) => names.get(id) ?? id}
            okText={(r) =>
              t(r.changed === false ? `users.bulk.unchanged.${action}` : `users.bulk.ok.${action}`)
            }
            failure={failure}
            testId="users-bulk-result"
          />
        ) : (
          <Stack spacing={2}>
            <DialogContentText>{t('users.bulk.body')}</DialogContentText>
            <RadioGroup
              row
              value={action}
              onChange={(e) => {
                setAction(e.target.value as Action);
                setConfirming(false);
              }}
            >
              <FormControlLabel
                value="grant"
                control={<Radio />}
                label={t('users.bulk.grant')}
                data-testid="users-bulk-grant"
              />
              <FormControlLabel
                value="revoke"
                control={<Radio />}
                label={t('users.bulk.revoke')}
                data-testid="users-bulk-revoke"
              />
            </RadioGroup>
            <TextField
              select
              fullWidth
              label={t('users.bulk.role')}
              value={role}
              onChange={(e) => {
                setRole(e.target.value as Role);
                setConfirming(false);
              }}
              slotProps={{ htmlInput: { 'data-testid': 'users-bulk-role' } }}
            >
              {roles
                .filter((r) => action === 'grant' || r !== 'citizen')
                .map((r) => (
                  <MenuItem key={r} value={r}>
                    {roleLabel(t, r)}
                  </MenuItem>
                ))}
            </TextField>
            {confirming && role ? (
              <DialogContentText color="warning.main" data-testid="users-bulk-warning">
                {t('users.bulk.revokeWarning', { n: ids.length, role: roleLabel(t, role) })}
              </DialogContentText>
            ) : null}
          </Stack>
        )}
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogActions>
        {result ? (
          <Button variant="contained" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="contained"
              color={confirming ? 'warning' : 'primary'}
              onClick={() => void submit()}
              disabled={!role || busy}
              data-testid="users-bulk-confirm"
            >
              {t(confirming ? 'users.bulk.confirmRevoke' : 'users.bulk.apply')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
