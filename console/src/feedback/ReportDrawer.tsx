import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Paper,
  Rating,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useAuth } from '../auth/context';
import { hasPermission } from '../auth/permissions';
import { ProblemAlert } from '../components/ProblemAlert';
import { DetailDrawer } from '../components/DetailDrawer';
import { useI18n } from '../i18n/context';
import { formatDateTime, nationalPhone } from '../time';
import { useApiQuery } from '../useApiQuery';
import { ActionDialog } from './ActionDialogs';
import { allowedActions, resolvedOnTime, type StaffAction } from './deadline';
import { ForwardingBadge } from './ForwardingBadge';
import { PublicationPanel } from './PublicationPanel';
import { DeadlineClock, StatusChip } from './QueueGrid';
import { nameIn, type FeedbackReferences } from './references';
import { Field, FullPhoto, NoteForm, PhotoStrip, Section, Timeline, type StaffPhoto } from './ReportParts';

interface Props {
  reportId: string | null;
  refs: FeedbackReferences;
  onClose: () => void;
  onOpen: (id: string) => void;
  /** After an action, so the queue and the map reload. */
  onChanged: () => void;
}

/** The report's detail on the right; Esc closes it (the URL goes back to the queue). */
export function ReportDrawer({ reportId, onClose, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <DetailDrawer
      open={reportId !== null}
      title={t('fbReport.title')}
      width={{ xs: '100%', md: 860, lg: 980 }}
      onClose={onClose}
    >
      {reportId ? <ReportView key={reportId} reportId={reportId} onClose={onClose} {...rest} /> : null}
    </DetailDrawer>
  );
}

const ACTION_ORDER: StaffAction[] = ['duplicate', 'reject', 'assign', 'accept', 'start', 'resolve'];

function ReportView({ reportId, refs, onClose, onOpen, onChanged }: Props & { reportId: string }) {
  const { t, lang } = useI18n();
  const { permissions } = useAuth();
  const loaded = useApiQuery(reportId, (signal) =>
    unwrap(api.GET('/api/v1/feedback/{id}/staff', { params: { path: { id: reportId } }, signal })),
  );
  const [action, setAction] = useState<StaffAction | null>(null);
  const [enlarged, setEnlarged] = useState<StaffPhoto | null>(null);
  const r = loaded.data;
  const triage = hasPermission(permissions, 'feedback:triage');

  if (!r) {
    return (
      <Box sx={{ p: 3, textAlign: 'center' }}>
        {loaded.problem ? (
          <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
        ) : (
          <CircularProgress aria-label={t('app.loading')} />
        )}
      </Box>
    );
  }

  const actions = allowedActions(r.status, permissions);
  const changed = () => {
    loaded.reload();
    onChanged();
  };
  const onTime = r.status === 'resolved' ? resolvedOnTime(r.dueAt, r.resolvedAt) : null;
  const place = [r.address, r.communeName].filter(Boolean).join(', ');
  const photoLabel = (p: StaffPhoto) =>
    t(p.kind === 'result' ? 'fbReport.photo.result' : 'fbReport.photo.report', { n: p.n });

  return (
    <>
      <Box sx={{ flex: 1, overflowY: 'auto', p: 2.5, bgcolor: 'background.default' }} data-testid="fb-report">
        <Stack spacing={2}>
          <Box>
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
              <Typography variant="h2" component="h3" data-testid="fb-report-title" sx={{ fontSize: 22 }}>
                {r.title}
              </Typography>
              <StatusChip status={r.status} size="medium" />
              {onTime === null ? (
                <DeadlineClock dueAt={r.dueAt} status={r.status} now={Date.now()} />
              ) : (
                <Chip
                  size="small"
                  variant="outlined"
                  color={onTime ? 'success' : 'error'}
                  label={t(onTime ? 'fbReport.onTime' : 'fbReport.late')}
                  data-testid="fb-on-time"
                />
              )}
              <Box sx={{ flex: 1 }} />
              <ForwardingBadge reportId={r.id} />
            </Stack>
            <Box
              sx={{
                mt: 1.5,
                display: 'grid',
                rowGap: 1.5,
                columnGap: 3,
                gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, minmax(0, 1fr))' },
              }}
            >
              <Field label={t('fbReport.category')}>
                {nameIn(refs.category(r.category), lang) ?? r.categoryName}
              </Field>
              <Field label={t('fbReport.department')} testId="fb-report-department">
                {r.department
                  ? (nameIn(refs.department(r.department), lang) ?? r.departmentName)
                  : t('common.none')}
              </Field>
              <Field label={t('fbReport.reporter')}>
                {r.reporter.fullName}
                <Typography variant="caption" color="text.secondary" component="div">
                  {nationalPhone(r.reporter.phone)}
                </Typography>
              </Field>
              <Field label={t('fbReport.place')}>
                {place || t('common.none')}
                {r.lat !== null && r.lng !== null ? (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {r.lat.toFixed(5)}, {r.lng.toFixed(5)}
                  </Typography>
                ) : null}
              </Field>
              <Field label={t('fbReport.createdAt')}>{formatDateTime(r.createdAt, lang)}</Field>
              <Field label={t('fbReport.acceptedAt')}>
                {formatDateTime(r.acceptedAt, lang) ?? t('common.none')}
              </Field>
              <Field label={t('fbReport.dueAt')}>{formatDateTime(r.dueAt, lang) ?? t('common.none')}</Field>
              <Field label={t('fbReport.resolvedAt')}>
                {formatDateTime(r.resolvedAt, lang) ?? t('common.none')}
              </Field>
            </Box>
          </Box>

          {r.answer ? (
            <Alert severity="success" data-testid="fb-report-answer">
              <strong>{t('fbReport.answer')}:</strong> {r.answer}
            </Alert>
          ) : null}
          {r.rejectionReason ? (
            <Alert severity="error">
              <strong>{t('fbReport.rejectionReason')}:</strong> {r.rejectionReason}
            </Alert>
          ) : null}
          {r.duplicateOf ? (
            <Alert severity="info">
              {t('fbReport.duplicateOf')}{' '}
              <Link component="button" onClick={() => r.duplicateOf && onOpen(r.duplicateOf)}>
                {t('fbReport.openOriginal')}
              </Link>
            </Alert>
          ) : null}
          {r.duplicates.length > 0 ? (
            <Alert severity="info">
              {t('fbReport.duplicates', { n: r.duplicates.length })}{' '}
              {r.duplicates.map((d) => (
                <Link key={d.id} component="button" onClick={() => onOpen(d.id)} sx={{ mr: 1 }}>
                  {d.title}
                </Link>
              ))}
            </Alert>
          ) : null}
          {r.rating !== null ? (
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
              <Typography variant="body2">{t('fbReport.rating')}</Typography>
              <Rating value={r.rating} readOnly size="small" />
              {r.ratingComment ? <Typography variant="body2">“{r.ratingComment}”</Typography> : null}
            </Stack>
          ) : null}
          {r.reopenCount > 0 ? (
            <Alert severity="warning">{t('fbReport.reopened', { n: r.reopenCount })}</Alert>
          ) : null}

          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
              alignItems: 'start',
            }}
          >
            <Stack spacing={2} sx={{ minWidth: 0 }}>
              <Section title={t('fbReport.description')}>
                <Typography
                  variant="body2"
                  sx={{ whiteSpace: 'pre-wrap' }}
                  data-testid="fb-report-description"
                >
                  {r.description}
                </Typography>
              </Section>
              <Section title={t('fbReport.photos', { n: r.photos.length })}>
                <PhotoStrip report={r} onEnlarge={setEnlarged} />
              </Section>
              {triage ? <PublicationPanel reportId={r.id} /> : null}
            </Stack>
            <Section title={t('fbReport.timeline')}>
              <Timeline report={r} />
              {triage ? <NoteForm reportId={r.id} onAdded={loaded.reload} /> : null}
            </Section>
          </Box>
        </Stack>
      </Box>

      <Paper
        square
        elevation={6}
        sx={{ px: 2.5, py: 1.5, flexShrink: 0, borderTop: 1, borderColor: 'divider' }}
        data-testid="fb-actions"
      >
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
            {actions.length === 0 ? t('fbReport.noActions') : t('fbReport.shortcuts')}
          </Typography>
          {ACTION_ORDER.filter((a) => actions.includes(a)).map((a) => (
            <Button
              key={a}
              variant={a === 'reject' || a === 'duplicate' ? 'outlined' : 'contained'}
              color={a === 'reject' || a === 'duplicate' ? 'error' : a === 'resolve' ? 'success' : 'primary'}
              onClick={() => setAction(a)}
              data-testid={`fb-act-${a}`}
            >
              {t(
                a === 'assign' && r.status !== 'accepted'
                  ? 'fbAction.button.transfer'
                  : `fbAction.button.${a}`,
              )}
            </Button>
          ))}
          <Button variant="text" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Stack>
      </Paper>

      {action ? (
        <ActionDialog
          key={action}
          action={action}
          report={r}
          refs={refs}
          onCancel={() => setAction(null)}
          onDone={() => {
            setAction(null);
            changed();
          }}
        />
      ) : null}

      <Dialog open={enlarged !== null} onClose={() => setEnlarged(null)} maxWidth="lg">
        <DialogTitle>{enlarged ? photoLabel(enlarged) : ''}</DialogTitle>
        <DialogContent dividers sx={{ p: 0, bgcolor: 'grey.900' }}>
          {enlarged ? <FullPhoto reportId={r.id} n={enlarged.n} label={photoLabel(enlarged)} /> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setEnlarged(null)} variant="contained">
            {t('common.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
