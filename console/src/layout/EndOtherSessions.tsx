import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem } from '../api/problem';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { describeProblem } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';

/**
 * The user menu's "sign out my other devices", asked first: every other session of the operator's account ends at
 * once (a workstation left signed in, a lost laptop); this one stays.
 */
export function EndOtherSessionsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const r = await unwrap(api.POST('/api/v1/me/sessions/end-others'));
      notify(t('user.endedOthers', { n: r.ended }), 'success');
    } catch (err) {
      notify(describeProblem(asProblem(err), i18n), 'error');
    } finally {
      setBusy(false);
      onClose();
    }
  };

  return (
    <ConfirmDialog
      open={open}
      title={t('user.endOthersTitle')}
      body={t('user.endOthersBody')}
      confirmTestId="end-other-sessions-confirm"
      busy={busy}
      onCancel={onClose}
      onConfirm={run}
    />
  );
}
