import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, type Problem } from '../api/problem';
import { describeProblem, ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { useApiQuery } from '../useApiQuery';

interface Props {
  userId: string;
  fullName: string;
  roles: readonly string[];
  canManage: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The departments whose feedback an officer handles: shown to every user reader, edited with users:manage. */
export function OfficerDepartments({ userId, fullName, roles, canManage }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const notify = useNotify();
  const catalogue = useApiQuery('feedback-departments', (signal) =>
    unwrap(api.GET('/api/v1/feedback/departments', { signal })),
  );
  const current = useApiQuery(`user-departments-${userId}`, (signal) =>
    unwrap(api.GET('/api/v1/admin/users/{id}/departments', { params: { path: { id: userId } }, signal })),
  );
  const [saved, setSaved] = useState<string[]>();
  const [draft, setDraft] = useState<string[]>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const held = saved ?? current.data?.departments;
  const chosen = draft ?? held ?? [];
  const departments = catalogue.data?.items ?? [];
  const nameOf = (code: string) => {
    const d = departments.find((x) => x.code === code);
    return d ? (lang === 'vi' ? d.name : d.nameEn) : code;
  };

  const toggle = (code: string, on: boolean) =>
    setDraft((prev) => {
      const base = prev ?? held ?? [];
      return on ? [...new Set([...base, code])] : base.filter((c) => c !== code);
    });

  const save = async () => {
    setConfirming(false);
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await unwrap(
        api.PUT('/api/v1/admin/users/{id}/departments', {
          params: { path: { id: userId } },
          body: { departments: chosen },
        }),
      );
      setSaved(result.departments);
      setDraft(undefined);
      notify(t('officerDepts.saved', { name: fullName }), 'success');
    } catch (err) {
      const p = asProblem(err);
      setProblem(p);
      notify(describeProblem(p, i18n), 'error');
    } finally {
      setBusy(false);
    }
  };

  const loadProblem = current.problem ?? catalogue.problem;
  const changed = held !== undefined && !sameSet(chosen, held);

  return (
    <Box data-testid="officer-departments">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
        {t('officerDepts.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('officerDepts.help')}
      </Typography>
      {!roles.includes('officer') ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('officerDepts.notOfficer')}
        </Alert>
      ) : null}
      {loadProblem && !held ? (
        <ProblemAlert
          problem={loadProblem}
          onRetry={() => {
            current.reload();
            catalogue.reload();
          }}
        />
      ) : null}
      {held === undefined || catalogue.loading ? (
        !loadProblem ? (
          <CircularProgress size={24} aria-label={t('app.loading')} />
        ) : null
      ) : canManage ? (
        <>
          <FormGroup aria-label={t('officerDepts.label')}>
            {departments.map((d) => (
              <FormControlLabel
                key={d.code}
                control={
                  <Checkbox
                    size="small"
                    checked={chosen.includes(d.code)}
                    onChange={(e) => toggle(d.code, e.target.checked)}
                    disabled={busy}
                    slotProps={{ input: { 'data-testid': `dept-${d.code}` } as object }}
                  />
                }
                label={lang === 'vi' ? d.name : d.nameEn}
              />
            ))}
          </FormGroup>
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            <Button
              variant="contained"
              disabled={!changed || busy}
              onClick={() => setConfirming(true)}
              data-testid="save-departments"
            >
              {t('officerDepts.save')}
            </Button>
            <Button disabled={!changed || busy} onClick={() => setDraft(undefined)}>
              {t('common.cancel')}
            </Button>
          </Stack>
        </>
      ) : (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="departments-readonly">
          {held.length === 0 ? (
            <Typography color="text.secondary">{t('officerDepts.none')}</Typography>
          ) : null}
          {held.map((c) => (
            <Chip key={c} label={nameOf(c)} />
          ))}
        </Stack>
      )}
      {problem ? (
        <Box sx={{ mt: 1 }}>
          <ProblemAlert problem={problem} />
        </Box>
      ) : null}

      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="departments-title">
        <DialogTitle id="departments-title">{t('officerDepts.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {chosen.length === 0
              ? t('officerDepts.confirmNone', { name: fullName })
              : t('officerDepts.confirmBody', { name: fullName, departments: chosen.map(nameOf).join(', ') })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} autoFocus>
            {t('common.cancel')}
          </Button>
          <Button variant="contained" onClick={save} data-testid="confirm-departments">
            {t('common.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
