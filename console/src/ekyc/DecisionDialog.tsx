import {
  Button,
  Chip,
  Dialog,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, fieldErrors, type Problem } from '../api/problem';
import { describeProblem, DialogProblem, DialogButtons } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';
import { useNotify } from '../notify';
import { REASON_MAX, validReason, type CaseDetail } from './review';

export type Decision = 'approve' | 'reject';

const QUICK_REASONS: Record<Decision, MessageKey[]> = {
  approve: [
    'ekycCase.quick.approve.faceMatch',
    'ekycCase.quick.approve.typo',
    'ekycCase.quick.approve.photo',
  ],
  reject: [
    'ekycCase.quick.reject.faceMismatch',
    'ekycCase.quick.reject.unreadable',
    'ekycCase.quick.reject.dataMismatch',
    'ekycCase.quick.reject.numberTaken',
  ],
};

export function DecisionDialog({
  decision,
  detail,
  onCancel,
  onDecided,
  onConflict,
}: {
  decision: Decision;
  detail: CaseDetail;
  onCancel: () => void;
  onDecided: (next: CaseDetail) => void;
  onConflict: () => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const approve = decision === 'approve';
  const ok = validReason(reason);

  const submit = async () => {
    if (!ok || busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const next = await unwrap(
        api.POST('/api/v1/ekyc/review/{id}/decision', {
          params: { path: { id: detail.id } },
          body: { decision, reason: reason.trim() },
        }),
      );
      onDecided(next);
    } catch (err) {
      const p = asProblem(err);
      setProblem(p);
      notify(describeProblem(p, i18n), 'error');
      if (p.status === 409) onConflict();
    } finally {
      setBusy(false);
    }
  };

  const fields = problem ? fieldErrors(problem, lang) : {};
  const titleId = 'decision-title';
  return (
    <Dialog
      open
      onClose={busy ? undefined : onCancel}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
      data-testid="decision-dialog"
    >
      <DialogTitle id={titleId}>{t(approve ? 'ekycCase.approveTitle' : 'ekycCase.rejectTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {approve
            ? t('ekycCase.approveBody', { name: detail.user.fullName, cccd: detail.declared.cccdNumber })
            : t('ekycCase.rejectBody', { name: detail.user.fullName })}
        </DialogContentText>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
          {t('ekycCase.quickReasons')}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75, mb: 2 }}>
          {QUICK_REASONS[decision].map((key) => {
            const text = t(key);
            return (
              <Chip
                key={key}
                label={text}
                size="small"
                clickable
                color={reason === text ? 'primary' : 'default'}
                variant={reason === text ? 'filled' : 'outlined'}
                onClick={() => setReason(text)}
                sx={{ height: 'auto', py: 0.5, '& .MuiChip-label': { whiteSpace: 'normal' } }}
              />
            );
          })}
        </Stack>
        <TextField
          label={t('ekycCase.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
          required
          fullWidth
          multiline
          minRows={2}
          autoFocus
          error={Boolean(fields.reason)}
          helperText={fields.reason ?? t('ekycCase.reasonHelp')}
          slotProps={{ htmlInput: { maxLength: REASON_MAX, 'data-testid': 'decision-reason' } }}
        />
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogButtons onCancel={onCancel} busy={busy}>
        <Button
          variant="contained"
          color={approve ? 'success' : 'error'}
          onClick={() => void submit()}
          disabled={!ok || busy}
          data-testid="confirm-decision"
        >
          {t(approve ? 'ekycCase.confirmApprove' : 'ekycCase.confirmReject')}
        </Button>
      </DialogButtons>
    </Dialog>
  );
}
