import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { DialogProblem } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { BulkResultList, useBulkRun } from '../components/BulkResult';
import { nameIn, type FeedbackReferences } from './references';

/** Reasons the api gives for a report it did not assign, in words; other codes are shown as they are. */
const BULK_CODES = ['feedback_status', 'feedback_not_found', 'unknown_department'] as const;

/** Assign the selected reports to one department; shows one line per report (some may be refused). */
export function BulkAssignDialog({
  ids: selected,
  titles: titlesNow,
  refs,
  onClose,
  onDone,
}: {
  ids: string[];
  titles: Map<string, string>;
  refs: FeedbackReferences;
  onClose: () => void;
  onDone: (failed: string[]) => void;
}) {
  const { t, lang } = useI18n();
  // What was selected when the dialog opened: the queue reloads (and the selection changes) after assigning.
  const [{ ids, titles }] = useState(() => ({ ids: selected, titles: new Map(titlesNow) }));
  const failure = (code: string | null) => {
    const known = BULK_CODES.find((c) => c === code);
    return known ? t(`fb.bulk.code.${known}`) : t('fb.bulk.failed', { code: code ?? '' });
  };
  const [department, setDepartment] = useState('');
  const { busy, problem, result, run } = useBulkRun((ok, total) => t('fb.bulk.done', { ok, total }), onDone);
  const submit = () =>
    run(() => unwrap(api.POST('/api/v1/feedback/bulk-assign', { body: { ids, department } })));

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="fb-bulk-dialog">
      <DialogTitle>{t('fb.bulk.title', { n: ids.length })}</DialogTitle>
      <DialogContent>
        {result ? (
          <BulkResultList
            items={result}
            nameOf={(id) => titles.get(id) ?? id}
            okText={() => t('fb.bulk.ok')}
            failure={failure}
            testId="fb-bulk-result"
          />
        ) : (
          <>
            <DialogContentText sx={{ mb: 2 }}>{t('fb.bulk.body')}</DialogContentText>
            <TextField
              select
              fullWidth
              label={t('fb.action.department')}
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'fb-bulk-department' } }}
            >
              {refs.departments.map((d) => (
                <MenuItem key={d.code} value={d.code}>
                  {nameIn(d, lang)}
                </MenuItem>
              ))}
            </TextField>
          </>
        )}
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogActions>
        {result ? (
          <Button variant="contained" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="contained"
              onClick={() => void submit()}
              disabled={!department || busy}
              data-testid="fb-bulk-confirm"
            >
              {t('fb.bulk.confirm')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
