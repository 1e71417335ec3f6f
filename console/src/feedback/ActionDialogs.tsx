import AddPhotoAlternateIcon from '@mui/icons-material/AddPhotoAlternate';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, fieldErrors, type Problem } from '../api/problem';
import { describeProblem, ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { useApiQuery, useDebouncedCallback } from '../useApiQuery';
import type { StaffAction } from './deadline';
import type { QueueItem } from './QueueGrid';
import { nameIn, type FeedbackReferences } from './references';
import type { StaffReport } from './ReportParts';

export const ANSWER_MIN = 10;
export const REASON_MIN = 5;

/** What an action needs before it can be sent. */
export function actionReady(
  action: StaffAction,
  v: { department: string; reason: string; answer: string; originalId: string; photo: File | null },
  onSite: boolean,
): boolean {
  switch (action) {
    case 'assign':
      return v.department !== '';
    case 'reject':
      return v.reason.trim().length >= REASON_MIN;
    case 'duplicate':
      return v.originalId !== '';
    case 'resolve':
      return v.answer.trim().length >= ANSWER_MIN && (!onSite || v.photo !== null);
    default:
      return true;
  }
}

/** Search the queue by text for the original of a duplicate (the report itself left out). */
function OriginalPicker({ report, onPick }: { report: StaffReport; onPick: (id: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState(report.title.slice(0, 40));
  const apply = useDebouncedCallback((v: string) => setQ(v), 350);
  const found = useApiQuery(q.trim() ? `orig:${q}` : null, (signal) =>
    unwrap(api.GET('/api/v1/feedback/queue', { params: { query: { q: q.trim(), pageSize: 20 } }, signal })),
  );
  const options = useMemo(
    () => (found.data?.items ?? []).filter((i) => i.id !== report.id),
    [found.data, report.id],
  );
  return (
    <Autocomplete<QueueItem>
      options={options}
      loading={found.loading}
      filterOptions={(o) => o}
      getOptionLabel={(o) => o.title}
      getOptionKey={(o) => o.id}
      inputValue={text}
      onInputChange={(_e, v, reason) => {
        setText(v);
        if (reason === 'input') apply(v);
      }}
      onChange={(_e, o) => onPick(o?.id ?? '')}
      noOptionsText={t('fbAction.originalNone')}
      renderOption={(props, o) => (
        <li {...props} key={o.id}>
          <Box>
            <Typography variant="body2">{o.title}</Typography>
            <Typography variant="caption" color="text.secondary">
              {t(`fb.status.${o.status}`)} · {o.communeName ?? ''} · {o.createdAt.slice(0, 10)}
            </Typography>
          </Box>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('fbAction.original')}
          helperText={t('fbAction.originalHelp')}
          inputProps={{ ...params.inputProps, 'data-testid': 'fb-original' }}
        />
      )}
    />
  );
}

export function ActionDialog({
  action,
  report,
  refs,
  onCancel,
  onDone,
}: {
  action: StaffAction;
  report: StaffReport;
  refs: FeedbackReferences;
  onCancel: () => void;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const notify = useNotify();
  const onSite = refs.category(report.category)?.onSite ?? false;
  // Accepted reports carry the category's default department: offered first. A transfer starts empty.
  const transfer = report.status !== 'accepted';
  const [department, setDepartment] = useState(transfer ? '' : (report.department ?? ''));
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [originalId, setOriginalId] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const ready = actionReady(action, { department, reason, answer, originalId, photo }, onSite);

  const send = () => {
    const path = { params: { path: { id: report.id } } };
    if (action === 'start' || action === 'resolve') {
      return unwrap(
        api.POST('/api/v1/feedback/{id}/handling', {
          ...path,
          body: { action, answer: action === 'resolve' ? answer.trim() : undefined },
          bodySerializer: () => {
            const form = new FormData();
            form.set('action', action);
            if (action === 'resolve') form.set('answer', answer.trim());
            if (action === 'resolve' && photo) form.set('photo', photo, photo.name || 'result.jpg');
            return form;
          },
        }),
      );
    }
    const body =
      action === 'assign'
        ? { action, department }
        : action === 'reject'
          ? { action, reason: reason.trim() }
          : action === 'duplicate'
            ? { action, originalId }
            : { action };
    return unwrap(api.POST('/api/v1/feedback/{id}/triage', { ...path, body }));
  };

  const submit = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await send();
      notify(t(`fbAction.done.${action}`), 'success');
      onDone();
    } catch (err) {
      const p = asProblem(err);
      setProblem(p);
      notify(describeProblem(p, i18n), 'error');
    } finally {
      setBusy(false);
    }
  };

  const fields = problem ? fieldErrors(problem, lang) : {};
  const danger = action === 'reject' || action === 'duplicate';
  return (
    <Dialog
      open
      onClose={busy ? undefined : onCancel}
      maxWidth="sm"
      fullWidth
      aria-labelledby="fb-action-title"
      data-testid="fb-action-dialog"
      data-action={action}
    >
      <DialogTitle id="fb-action-title">{t(`fbAction.title.${action}`)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {t(`fbAction.body.${action}`, { title: report.title })}
        </DialogContentText>
        <Stack spacing={2}>
          {action === 'assign' ? (
            <TextField
              select
              fullWidth
              autoFocus
              label={t('fb.action.department')}
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
              error={Boolean(fields.department)}
              helperText={fields.department}
              slotProps={{ htmlInput: { 'data-testid': 'fb-action-department' } }}
            >
              {refs.departments.map((d) => (
                <MenuItem
                  key={d.code}
                  value={d.code}
                  disabled={transfer && d.code === report.department}
                  data-testid={`fb-department-${d.code}`}
                >
                  {nameIn(d, lang)}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
          {action === 'reject' ? (
            <TextField
              label={t('fbAction.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              multiline
              minRows={3}
              autoFocus
              error={Boolean(fields.reason)}
              helperText={fields.reason ?? t('fbAction.reasonHelp')}
              slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'fb-action-reason' } }}
            />
          ) : null}
          {action === 'duplicate' ? <OriginalPicker report={report} onPick={setOriginalId} /> : null}
          {action === 'resolve' ? (
            <>
              <TextField
                label={t('fbAction.answer')}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
                required
                multiline
                minRows={4}
                autoFocus
                error={Boolean(fields.answer)}
                helperText={fields.answer ?? t('fbAction.answerHelp')}
                slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'fb-action-answer' } }}
              />
              <Box>
                <Button component="label" variant="outlined" startIcon={<AddPhotoAlternateIcon />}>
                  {t(onSite ? 'fbAction.photoRequired' : 'fbAction.photoOptional')}
                  <input
                    hidden
                    type="file"
                    accept="image/jpeg,image/png,image/webp"
                    data-testid="fb-action-photo"
                    onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
                  />
                </Button>
                <Typography variant="caption" color="text.secondary" sx={{ ml: 1.5 }}>
                  {photo ? photo.name : onSite ? t('fbAction.photoOnSite') : ''}
                </Typography>
                {fields.photo ? (
                  <Alert severity="error" sx={{ mt: 1 }}>
                    {fields.photo}
                  </Alert>
                ) : null}
              </Box>
            </>
          ) : null}
          {problem ? <ProblemAlert problem={problem} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          color={danger ? 'error' : 'primary'}
          onClick={() => void submit()}
          disabled={!ready || busy}
          data-testid="fb-action-confirm"
        >
          {t(`fbAction.confirm.${action}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
