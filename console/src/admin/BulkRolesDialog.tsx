import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { DialogProblem } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { roleLabel } from '../roles';

type Role = components['schemas']['Role'];
type Action = 'grant' | 'revoke';
type BulkResult = components['schemas']['UserBulkResult']['items'];

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
  const notify = useNotify();
  // What was selected when the dialog opened: the list reloads (and the selection changes) afterwards.
  const [{ ids, names }] = useState(() => ({ ids: selected, names: new Map(namesNow) }));
  const [action, setAction] = useState<Action>('grant');
  const [role, setRole] = useState<Role | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [result, setResult] = useState<BulkResult>();
  const failure = (code: string | null) => {
    const known = BULK_CODES.find((c) => c === code);
    return known ? t(`users.bulk.code.${known}`) : t('users.bulk.failed', { code: code ?? '' });
  };

  const submit = async () => {
    if (!role) return;
    if (action === 'revoke' && !confirming) return setConfirming(true);
    setBusy(true);
    setProblem(undefined);
    try {
      const res = await unwrap(api.POST('/api/v1/admin/users/bulk-roles', { body: { ids, role, action } }));
      setResult(res.items);
      const ok = res.items.filter((i) => i.ok).length;
      notify(
        t('users.bulk.done', { ok, total: res.items.length }),
        ok === res.items.length ? 'success' : 'info',
      );
      onDone(res.items.filter((i) => !i.ok).map((i) => i.id));
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="users-bulk-dialog">
      <DialogTitle>{t('users.bulk.title', { n: ids.length })}</DialogTitle>
      <DialogContent>
        {result ? (
          <List dense data-testid="users-bulk-result">
            {result.map((r) => (
              <ListItem key={r.id} data-ok={r.ok}>
                <ListItemIcon sx={{ minWidth: 36 }}>
                  {r.ok ? <CheckCircleIcon color="success" /> : <ErrorIcon color="error" />}
                </ListItemIcon>
                <ListItemText
                  primary={names.get(r.id) ?? r.id}
                  secondary={r.ok ? t(`users.bulk.ok.${action}`) : failure(r.code)}
                />
              </ListItem>
            ))}
          </List>
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
