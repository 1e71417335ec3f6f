import {
  Box,
  Button,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { describeProblem, ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { formatDateTime } from '../time';
import { deviceName } from './queries';

type ActiveSession = components['schemas']['ActiveSession'];

interface Props {
  userId: string;
  fullName: string;
}

/**
 * An account's sign-ins, for an administrator: shown on request (the view is audited, so opening the drawer does
 * not read them), and "sign out everywhere" after a confirmation — for a stolen phone or a departing officer.
 */
export function UserSessions({ userId, fullName }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const notify = useNotify();
  const [items, setItems] = useState<ActiveSession[]>();
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const load = async () => {
    setLoading(true);
    setProblem(undefined);
    try {
      const r = await unwrap(
        api.GET('/api/v1/admin/users/{id}/sessions', { params: { path: { id: userId } } }),
      );
      setItems(r.items);
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setLoading(false);
    }
  };

  const endAll = async () => {
    setConfirming(false);
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await unwrap(
        api.POST('/api/v1/admin/users/{id}/sessions/end', { params: { path: { id: userId } } }),
      );
      setItems([]);
      notify(t('userSessions.ended', { n: r.ended, name: fullName }), 'success');
    } catch (err) {
      const p = asProblem(err);
      setProblem(p);
      notify(describeProblem(p, i18n), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box data-testid="user-sessions">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {t('userSessions.title')}
      </Typography>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {items === undefined ? (
        <Button
          variant="text"
          onClick={load}
          disabled={loading}
          startIcon={loading ? <CircularProgress size={16} /> : undefined}
          data-testid="user-sessions-show"
        >
          {t('userSessions.show')}
        </Button>
      ) : items.length === 0 ? (
        <Typography color="text.secondary" data-testid="user-sessions-none">
          {t('userSessions.none')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {items.map((s) => (
            <ListItem key={s.id} disableGutters data-testid="user-session">
              <ListItemText
                primary={deviceName(s, t('userSessions.unknownDevice'))}
                secondary={t('userSessions.detail', {
                  last: formatDateTime(s.lastActiveAt, lang) ?? '',
                  started: formatDateTime(s.startedAt, lang) ?? '',
                  ip: s.ip ?? '—',
                })}
              />
            </ListItem>
          ))}
        </List>
      )}
      <Stack direction="row" sx={{ mt: 1 }}>
        <Button
          variant="outlined"
          color="error"
          disabled={busy || items?.length === 0}
          onClick={() => setConfirming(true)}
          data-testid="user-sessions-end"
        >
          {t('userSessions.endAll')}
        </Button>
      </Stack>
      <ConfirmDialog
        open={confirming}
        title={t('userSessions.confirmTitle')}
        body={t('userSessions.confirmBody', { name: fullName })}
        confirmTestId="user-sessions-end-confirm"
        onCancel={() => setConfirming(false)}
        onConfirm={endAll}
      />
    </Box>
  );
}
