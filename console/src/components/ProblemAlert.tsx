import { Alert, Button } from '@mui/material';
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
