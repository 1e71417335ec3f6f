import { Button, Dialog, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, fieldErrors, type Problem } from '../api/problem';
import { DialogProblem, DialogButtons } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { REASON_MAX, reasonOk, type ModerationItem } from './queries';

export type Decision = 'approve' | 'reject';

/** Approve or reject one item; a reject needs a reason. 409 (already decided) goes to onConflict. */
export function DecisionDialog({
  decision,
  item,
  onCancel,
  onDecided,
  onConflict,
}: {
  decision: Decision;
  item: ModerationItem;
  onCancel: () => void;
  onDecided: (next: ModerationItem) => void;
  onConflict: () => void;
}) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const approve = decision === 'approve';
  const ok = reasonOk(decision, reason);

  const submit = async () => {
    if (!ok || busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const trimmed = reason.trim();
      const next = await unwrap(
        api.POST('/api/v1/moderation/items/{id}/decision', {
          params: { path: { id: item.id } },
          body: { decision, ...(trimmed ? { reason: trimmed } : {}) },
        }),
      );
      onDecided(next);
    } catch (err) {
      const p = asProblem(err);
      if (p.status === 409) {
        onConflict();
        return;
      }
      setProblem(p);
    } finally {
      setBusy(false);
    }
  };

  const fields = problem ? fieldErrors(problem, lang) : {};
  return (
    <Dialog
      open
      onClose={busy ? undefined : onCancel}
      maxWidth="sm"
      fullWidth
      aria-labelledby="mod-decision-title"
      data-testid="mod-decision-dialog"
    >
      <DialogTitle id="mod-decision-title">
        {t(approve ? 'mod.approveTitle' : 'mod.rejectTitle', { title: item.title })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {t(approve ? 'mod.approveBody' : 'mod.rejectBody')}
        </DialogContentText>
        <TextField
          label={t('mod.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
          required={!approve}
          fullWidth
          multiline
          minRows={2}
          autoFocus
          error={Boolean(fields.reason)}
          helperText={fields.reason ?? t(approve ? 'mod.reasonOptional' : 'mod.reasonRequired')}
          slotProps={{ htmlInput: { maxLength: REASON_MAX, 'data-testid': 'mod-decision-reason' } }}
        />
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogButtons onCancel={onCancel} busy={busy}>
        <Button
          variant="contained"
          color={approve ? 'success' : 'error'}
          onClick={() => void submit()}
          disabled={!ok || busy}
          data-testid="mod-confirm-decision"
        >
          {t(approve ? 'mod.confirmApprove' : 'mod.confirmReject')}
        </Button>
      </DialogButtons>
    </Dialog>
  );
}
