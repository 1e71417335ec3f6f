import { Alert, Box, Button, DialogActions } from '@mui/material';
import type { ReactNode } from 'react';
import { problemMessage, type Problem } from '../api/problem';
import { useI18n } from '../i18n/context';
import type { I18nValue } from '../i18n/context';

/** The text for a problem in the current language, with a generic fallback. */
export function describeProblem(problem: Problem, { t, lang }: Pick<I18nValue, 't' | 'lang'>): string {
  if (problem.status === 0) return t('error.network');
  return problemMessage(problem, lang) ?? t('error.unknown', { status: problem.status });
}

export function ProblemAlert({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  const i18n = useI18n();
  return (
    <Alert
      severity="error"
      role="alert"
      data-testid="problem"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {i18n.t('error.retry')}
          </Button>
        ) : undefined
      }
    >
      {describeProblem(problem, i18n)}
      {problem.requestId ? (
        <div style={{ opacity: 0.7, fontSize: '0.8em' }}>
          {i18n.t('error.requestId', { id: problem.requestId })}
        </div>
      ) : null}
    </Alert>
  );
}

/** A problem under a dialog's fields (nothing when there is none). */
export function DialogProblem({ problem }: { problem: Problem | null | undefined }) {
  return problem ? (
    <Box sx={{ mt: 2 }}>
      <ProblemAlert problem={problem} />
    </Box>
  ) : null;
}

/** A dialog's footer: Cancel, then the dialog's own buttons; Cancel is disabled while the dialog works. */
export function DialogButtons({
  onCancel,
  busy,
  children,
}: {
  onCancel: () => void;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      {children}
    </DialogActions>
  );
}
