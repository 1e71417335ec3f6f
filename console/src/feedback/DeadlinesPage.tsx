import RefreshIcon from '@mui/icons-material/Refresh';
import ScheduleIcon from '@mui/icons-material/Schedule';
import {
  Alert,
  Box,
  Button,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useEffect, useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';
import { useApiQuery } from '../useApiQuery';
import { FeedbackTabs } from './FeedbackTabs';
import { deadlineTotals, formatNumber, queueLink, sortDeadlines } from './stats';

type Kind = 'open' | 'dueSoon' | 'overdue';
const COLUMN: Record<Kind, MessageKey> = {
  open: 'fbDeadlines.col.open',
  dueSoon: 'fbDeadlines.col.dueSoon',
  overdue: 'fbDeadlines.col.overdue',
};
const KINDS: Kind[] = ['open', 'dueSoon', 'overdue'];

/** A count that opens the queue filtered for it; zero is plain text. */
function CountLink({
  n,
  department,
  departmentName,
  kind,
}: {
  n: number;
  department: string;
  departmentName: string;
  kind: Kind;
}) {
  const { t, lang } = useI18n();
  const text = formatNumber(n, lang);
  const strong = n > 0 && kind !== 'open';
  if (n === 0) return <span>{text}</span>;
  return (
    <Link
      component={RouterLink}
      to={queueLink(department, kind)}
      aria-label={t('fbDeadlines.open', { department: departmentName, what: `${t(COLUMN[kind])} (${text})` })}
      sx={{
        fontWeight: strong ? 700 : undefined,
        color: kind === 'overdue' ? 'error.main' : kind === 'dueSoon' ? 'warning.dark' : undefined,
      }}
      data-testid={`deadline-${department || 'all'}-${kind}`}
    >
      {text}
    </Link>
  );
}

export function DeadlinesPage() {
  const { t, lang } = useI18n();
  const deadlines = useApiQuery('deadlines', (signal) =>
    unwrap(api.GET('/api/v1/feedback/deadlines', { signal })),
  );
  // The clocks move on: counted again every minute while the page is open.
  const { reload } = deadlines;
  useEffect(() => {
    const id = setInterval(reload, 60_000);
    return () => clearInterval(id);
  }, [reload]);
  const rows = useMemo(() => sortDeadlines(deadlines.data?.departments ?? []), [deadlines.data]);
  const totals = deadlineTotals(rows);

  return (
    <Stack spacing={2}>
      <FeedbackTabs />
      <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" component="h1">
            {t('fbDeadlines.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('fbDeadlines.subtitle')}
          </Typography>
        </Box>
        <Button startIcon={<RefreshIcon />} onClick={deadlines.reload} disabled={deadlines.loading}>
          {t('fbDeadlines.refresh')}
        </Button>
      </Stack>

      {deadlines.problem ? <ProblemAlert problem={deadlines.problem} onRetry={deadlines.reload} /> : null}
      {deadlines.data ? (
        totals.overdue > 0 ? (
          <Alert severity="error" icon={<ScheduleIcon />} data-testid="deadlines-alert">
            {t('fbDeadlines.overdueAlert', { count: formatNumber(totals.overdue, lang) })}
          </Alert>
        ) : (
          <Alert severity="success" data-testid="deadlines-alert">
            {t(totals.open > 0 ? 'fbDeadlines.allOnTime' : 'fbDeadlines.empty')}
          </Alert>
        )
      ) : null}

      <TableContainer component={Paper} variant="outlined">
        <Table aria-label={t('fbDeadlines.title')} data-testid="deadlines-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('fbDeadlines.col.department')}</TableCell>
              {KINDS.map((k) => (
                <TableCell key={k} align="right">
                  {t(COLUMN[k])}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow
                key={r.department}
                data-testid={`deadline-row-${r.department}`}
                data-overdue={r.overdue > 0 ? 'true' : 'false'}
                sx={(th) => ({
                  bgcolor:
                    r.overdue > 0
                      ? alpha(th.palette.error.main, 0.08)
                      : r.dueSoon > 0
                        ? alpha(th.palette.warning.main, 0.1)
                        : undefined,
                })}
              >
                <TableCell component="th" scope="row" sx={{ fontWeight: r.overdue > 0 ? 600 : undefined }}>
                  {r.departmentName}
                </TableCell>
                {KINDS.map((k) => (
                  <TableCell key={k} align="right">
                    <CountLink
                      n={r[k]}
                      department={r.department}
                      departmentName={r.departmentName}
                      kind={k}
                    />
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {deadlines.data && rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={4}>
                  <Typography color="text.secondary">{t('fbDeadlines.empty')}</Typography>
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
          {rows.length > 0 ? (
            <TableFooter>
              <TableRow>
                <TableCell
                  component="th"
                  scope="row"
                  sx={{ fontWeight: 700, fontSize: 14, color: 'text.primary' }}
                >
                  {t('fbDeadlines.total')}
                </TableCell>
                {KINDS.map((k) => (
                  <TableCell key={k} align="right" sx={{ fontSize: 14, color: 'text.primary' }}>
                    <CountLink n={totals[k]} department="" departmentName={t('fbDeadlines.total')} kind={k} />
                  </TableCell>
                ))}
              </TableRow>
            </TableFooter>
          ) : null}
        </Table>
      </TableContainer>
    </Stack>
  );
}
