import { Button, Dialog, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { asProblem, type Problem } from '../../api/problem';
import { DialogProblem, DialogButtons } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { useNotify } from '../../notify';
import { bulkCameras, type BulkAction } from './queries';

interface Props {
  action: BulkAction;
  ids: string[];
  onCancel: () => void;
  onDone: () => void;
}

/** Asks before enabling, disabling or deleting the selected cameras, then does it in one request. */
export function BulkConfirmDialog({ action, ids, onCancel, onDone }: Props) {
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const run = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await bulkCameras(ids, action);
      notify(
        t(`camerasRegistry.bulk.done.${action}`, { n: action === 'delete' ? r.deleted : r.updated }),
        'success',
      );
      onDone();
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={busy ? undefined : onCancel}
      maxWidth="xs"
      fullWidth
      aria-labelledby="cam-bulk-title"
      data-testid="cam-bulk-dialog"
    >
      <DialogTitle id="cam-bulk-title">
        {t(`camerasRegistry.bulk.confirmTitle.${action}`, { n: ids.length })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{t(`camerasRegistry.bulk.confirmBody.${action}`)}</DialogContentText>
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogButtons onCancel={onCancel} busy={busy}>
        <Button
          variant="contained"
          color={action === 'delete' ? 'error' : 'primary'}
          onClick={() => void run()}
          disabled={busy}
          data-testid="cam-bulk-confirm"
        >
          {t(`camerasRegistry.bulk.${action}`)}
        </Button>
      </DialogButtons>
    </Dialog>
  );
}
