import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
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
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { api, unwrap } from '../api/client';
import { useAuth } from '../auth/context';
import { hasPermission } from '../auth/permissions';
import { ProblemAlert } from '../components/ProblemAlert';
import { DecisionBar, DetailDrawer } from '../components/DetailDrawer';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { formatDateTime, nationalPhone } from '../time';
import { useApiQuery } from '../useApiQuery';
import { CompareTable, FaceCrop, Field, ImageTile, Section, SimilarityGauge } from './CaseParts';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { EarlierCases, STATUS_COLOR } from './EarlierCases';
import {
  formatAge,
  mismatchedFields,
  reasonColor,
  reasonLabel,
  shortcutFor,
  type CaseDetail,
  type ImageKind,
  type Thresholds,
} from './review';

interface Props {
  caseId: string | null;
  communeName: (code: string | null) => string | undefined;
  onClose: () => void;
  onOpen: (caseId: string) => void;
  /** The case after this one in the queue, for "next case". */
  nextCaseId: string | null;
  /** Called after a decision so the queue reloads. */
  onChanged: () => void;
  /** Thresholds of the case shown, so the queue can colour its scores. */
  onThresholds: (thresholds: Thresholds) => void;
}

export function CaseDrawer({ caseId, onClose, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <DetailDrawer
      open={caseId !== null}
      title={t('ekycCase.title')}
      width={{ xs: '100%', md: 920, lg: 1060 }}
      onClose={onClose}
    >
      {caseId ? <CaseView key={caseId} caseId={caseId} onClose={onClose} {...rest} /> : null}
    </DetailDrawer>
  );
}

function CaseView({
  caseId,
  communeName,
  onClose,
  onOpen,
  nextCaseId,
  onChanged,
  onThresholds,
}: Props & { caseId: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const notify = useNotify();
  const { permissions } = useAuth();

  const loaded = useApiQuery(caseId, (signal) =>
    unwrap(api.GET('/api/v1/ekyc/review/{id}', { params: { path: { id: caseId } }, signal })),
  );
  const [updated, setUpdated] = useState<CaseDetail>();
  const detail = updated ?? loaded.data;
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [enlarged, setEnlarged] = useState<{ url: string; label: string } | null>(null);

  useEffect(() => {
    if (detail) onThresholds(detail.thresholds);
  }, [detail, onThresholds]);

  const status = detail?.status;
  useEffect(() => {
    if (!status || dialog || enlarged) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = shortcutFor(e, target?.tagName, target?.isContentEditable ?? false);
      if (!action) return;
      if (action === 'next') {
        if (!nextCaseId) return;
        e.preventDefault();
        onOpen(nextCaseId);
        return;
      }
      if (status !== 'review') return;
      e.preventDefault();
      setDialog(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [status, dialog, enlarged, nextCaseId, onOpen]);

  if (loaded.problem && !detail) {
    return (
      <Box sx={{ p: 2 }}>
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      </Box>
    );
  }
  if (!detail) {
    return (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }

  const deleted = detail.imagesDeletedAt !== null;
  const has = (kind: ImageKind) => !deleted && detail.images.includes(kind);
  const mismatches = mismatchedFields(detail.declared, detail.qr);
  const otherAccounts = detail.earlierCases.filter((c) => !c.sameAccount);
  const commune = communeName(detail.communeCode);
  const phone = nationalPhone(detail.user.phone);

  const onDecided = (next: CaseDetail, decision: Decision) => {
    setUpdated(next);
    setDialog(null);
    onChanged();
    notify(
      t(decision === 'approve' ? 'ekycCase.approved' : 'ekycCase.rejected', { name: next.user.fullName }),
      'success',
    );
  };
  const onConflict = () => {
    // Someone else decided it meanwhile, or the number was taken: show the case as it now is.
    setUpdated(undefined);
    loaded.reload();
    onChanged();
  };

  return (
    <>
      <Box sx={{ flex: 1, overflowY: 'auto', p: 2.5, bgcolor: 'background.default' }} data-testid="ekyc-case">
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'flex-start' } }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
                <Typography variant="h2" component="h3" data-testid="case-name">
                  {detail.user.fullName}
                </Typography>
                <Chip
                  size="small"
                  color={STATUS_COLOR[detail.status]}
                  label={t(`ekyc.status.${detail.status}`)}
                  data-testid="case-status"
                  data-status={detail.status}
                />
              </Stack>
              <Box
                sx={{
                  mt: 1.5,
                  display: 'grid',
                  rowGap: 1.5,
                  columnGap: 4,
                  gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, max-content)' },
                }}
              >
                <Field label={t('ekycCase.phone')}>
                  {phone}
                  {phone !== detail.user.phone ? (
                    <Typography variant="caption" color="text.secondary" component="div">
                      {detail.user.phone}
                    </Typography>
                  ) : null}
                </Field>
                <Field label={t('ekycCase.identityLevel')}>{detail.user.identityLevel}</Field>
                <Field label={t('ekyc.col.commune')}>
                  {commune ?? detail.communeCode ?? t('common.none')}
                </Field>
                <Field label={t('ekycCase.createdAt')}>{formatDateTime(detail.createdAt, lang)}</Field>
                <Field label={t('ekycCase.waited')}>
                  {formatAge(
                    t,
                    detail.createdAt,
                    detail.decidedAt ? Date.parse(detail.decidedAt) : Date.now(),
                  )}
                </Field>
              </Box>
            </Box>
            {hasPermission(permissions, 'users:read') ? (
              <Button
                component={RouterLink}
                to={`/admin/users/${detail.user.id}`}
                size="small"
                startIcon={<OpenInNewIcon />}
              >
                {t('ekycCase.openAccount')}
              </Button>
            ) : null}
          </Stack>

          <Box>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
              {t('ekycCase.reasons')}
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="case-reasons">
              {detail.reasons.length === 0 ? (
                <Typography color="text.secondary">{t('ekycCase.noReasons')}</Typography>
              ) : null}
              {detail.reasons.map((r) => (
                <Chip
                  key={r}
                  label={reasonLabel(t, r)}
                  color={reasonColor(r)}
                  variant={reasonColor(r) === 'default' ? 'outlined' : 'filled'}
                  data-reason={r}
                />
              ))}
            </Stack>
          </Box>

          {detail.status !== 'review' ? (
            <Alert severity={detail.status === 'approved' ? 'success' : 'error'} data-testid="case-decided">
              {t('ekycCase.decided', {
                status: t(`ekyc.status.${detail.status}`),
                time: formatDateTime(detail.decidedAt, lang) ?? t('common.none'),
              })}
              {detail.decisionReason ? (
                <div>{t('ekycCase.decisionReason', { reason: detail.decisionReason })}</div>
              ) : null}
            </Alert>
          ) : null}
          {otherAccounts.length > 0 ? (
            <Alert severity="warning" icon={<WarningAmberIcon />} data-testid="other-account-warning">
              {t('ekycCase.otherAccountWarning')}
            </Alert>
          ) : null}
          {deleted ? (
            <Alert severity="info">
              {t('ekycCase.imagesDeleted', { time: formatDateTime(detail.imagesDeletedAt, lang) ?? '' })}
            </Alert>
          ) : null}

          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { xs: '1fr', lg: '500px minmax(0, 1fr)' },
              alignItems: 'start',
            }}
          >
            <Stack spacing={2} sx={{ minWidth: 0 }}>
              <Section title={t('ekycCase.faces')}>
                <Stack direction="row" sx={{ gap: 2, justifyContent: 'center', flexWrap: 'wrap' }}>
                  <FaceCrop caseId={detail.id} kind="card_face" available={has('card_face')} />
                  <FaceCrop caseId={detail.id} kind="selfie_face" available={has('selfie_face')} />
                </Stack>
                <Typography
                  variant="caption"
                  color="text.secondary"
                  component="div"
                  sx={{ textAlign: 'center', mt: 0.5, mb: 2 }}
                >
                  {t('ekycCase.facesHint')}
                </Typography>
                <SimilarityGauge value={detail.similarity} thresholds={detail.thresholds} />
              </Section>
            </Stack>

            <Stack spacing={2} sx={{ minWidth: 0 }}>
              <Section
                title={t('ekycCase.compare')}
                aside={
                  mismatches.length > 0 ? (
                    <Chip
                      size="small"
                      color="error"
                      label={t('ekycCase.compare.mismatchCount', { count: mismatches.length })}
                    />
                  ) : null
                }
              >
                {detail.qr === null ? (
                  <Alert severity="info" sx={{ mb: 1 }}>
                    {t('ekycCase.compare.noQr')}
                  </Alert>
                ) : null}
                <CompareTable declared={detail.declared} qr={detail.qr} />
              </Section>
              <Section title={t('ekycCase.images')}>
                <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
                  {(['card_front', 'card_back', 'selfie'] as const).map((kind) => (
                    <ImageTile
                      key={kind}
                      caseId={detail.id}
                      kind={kind}
                      available={has(kind)}
                      onEnlarge={(url, label) => setEnlarged({ url, label })}
                    />
                  ))}
                </Box>
              </Section>
            </Stack>
          </Box>

          <Section title={t('ekycCase.earlier')}>
            <EarlierCases detail={detail} onOpen={onOpen} />
          </Section>
        </Stack>
      </Box>

      <DecisionBar
        shortcuts={t('ekycCase.shortcuts')}
        pending={detail.status === 'review'}
        labels={{ approve: t('ekycCase.approve'), reject: t('ekycCase.reject') }}
        testIds={{ bar: 'case-actions', hint: 'shortcut-hint', approve: 'approve', reject: 'reject' }}
        onApprove={() => setDialog('approve')}
        onReject={() => setDialog('reject')}
        onClose={onClose}
      >
        {nextCaseId ? (
          <Button onClick={() => onOpen(nextCaseId)} endIcon={<NavigateNextIcon />} data-testid="next-case">
            {t('ekycCase.next')}
          </Button>
        ) : null}
      </DecisionBar>

      {dialog ? (
        <DecisionDialog
          key={dialog}
          decision={dialog}
          detail={detail}
          onCancel={() => setDialog(null)}
          onDecided={(next) => onDecided(next, dialog)}
          onConflict={onConflict}
        />
      ) : null}

      <Dialog
        open={enlarged !== null}
        onClose={() => setEnlarged(null)}
        maxWidth="lg"
        aria-labelledby="enlarged-title"
      >
        <DialogTitle id="enlarged-title">{enlarged?.label}</DialogTitle>
        <DialogContent dividers sx={{ p: 0, bgcolor: 'grey.900' }}>
          {enlarged ? (
            <Box
              component="img"
              src={enlarged.url}
              alt={enlarged.label}
              sx={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', mx: 'auto' }}
            />
          ) : null}
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
