import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId } from 'react';
import { useI18n } from '../i18n/context';

interface Props {
  open: boolean;
  title: string;
  body: string;
  /** data-testid of the confirm button. */
  confirmTestId: string;
  busy?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before an action that takes effect at once (revoking a role, signing sessions out); Cancel has the focus. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmTestId,
  busy = false,
  onCancel,
  onConfirm,
}: Props) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{body}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={onConfirm}
          disabled={busy}
          data-testid={confirmTestId}
        >
          {t('common.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
