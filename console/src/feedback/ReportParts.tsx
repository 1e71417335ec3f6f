import HideImageIcon from '@mui/icons-material/HideImage';
import LockIcon from '@mui/icons-material/Lock';
import {
  Box,
  Button,
  ButtonBase,
  Chip,
  Paper,
  Skeleton,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useEffect, useState, type ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, fieldErrors, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { describeProblem, ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { formatDateTime } from '../time';
import { statusCss } from './deadline';

export type StaffReport = components['schemas']['FeedbackStaffView'];
export type StaffPhoto = StaffReport['photos'][number];

export function Section({
  title,
  aside,
  children,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.25, gap: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, flex: 1 }}>
          {title}
        </Typography>
        {aside}
      </Stack>
      {children}
    </Paper>
  );
}

export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ minWidth: 0 }} data-testid={testId}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** A staff photo fetched with the bearer token (an <img src> cannot send it) → object URL. */
function useStaffPhoto(id: string, n: number, size: 'thumb' | 'full', enabled = true) {
  const [state, setState] = useState<{ url?: string; problem?: Problem; loading: boolean }>({
    loading: true,
  });
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let url: string | undefined;
    setState({ loading: true });
    unwrap(
      api.GET('/api/v1/feedback/{id}/staff/photos/{n}', {
        params: { path: { id, n }, query: { size } },
        parseAs: 'blob',
        signal: controller.signal,
      }),
    ).then(
      (blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob as Blob);
        setState({ url, loading: false });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ problem: asProblem(err), loading: false });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, n, size, enabled]);
  return state;
}

function Thumb({ reportId, photo, onOpen }: { reportId: string; photo: StaffPhoto; onOpen: () => void }) {
  const i18n = useI18n();
  const img = useStaffPhoto(reportId, photo.n, 'thumb');
  const label = i18n.t(photo.kind === 'result' ? 'fbReport.photo.result' : 'fbReport.photo.report', {
    n: photo.n,
  });
  return (
    <Tooltip title={img.problem ? describeProblem(img.problem, i18n) : label}>
      <ButtonBase
        onClick={onOpen}
        aria-label={label}
        data-testid={`fb-photo-${photo.n}`}
        data-kind={photo.kind}
        sx={{
          width: 112,
          height: 84,
          borderRadius: 1,
          overflow: 'hidden',
          bgcolor: 'grey.200',
          border: 2,
          borderColor: photo.kind === 'result' ? 'success.main' : 'transparent',
        }}
      >
        {img.url ? (
          <Box
            component="img"
            src={img.url}
            alt={label}
            sx={{ width: '100%', height: '100%', objectFit: 'cover' }}
          />
        ) : img.loading ? (
          <Skeleton variant="rectangular" width={112} height={84} />
        ) : (
          <HideImageIcon color="disabled" />
        )}
      </ButtonBase>
    </Tooltip>
  );
}

/** The full-size photo in a dialog body. */
export function FullPhoto({ reportId, n, label }: { reportId: string; n: number; label: string }) {
  const img = useStaffPhoto(reportId, n, 'full');
  if (!img.url) return <Skeleton variant="rectangular" width={640} height={420} />;
  return (
    <Box
      component="img"
      src={img.url}
      alt={label}
      data-testid="fb-photo-full"
      sx={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', mx: 'auto' }}
    />
  );
}

export function PhotoStrip({
  report,
  onEnlarge,
}: {
  report: StaffReport;
  onEnlarge: (photo: StaffPhoto) => void;
}) {
  const { t } = useI18n();
  if (report.photos.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('fbReport.noPhotos')}
      </Typography>
    );
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="fb-photos">
      {report.photos.map((p) => (
        <Thumb key={p.n} reportId={report.id} photo={p} onOpen={() => onEnlarge(p)} />
      ))}
    </Stack>
  );
}

/** Every status change and note, oldest first; internal notes marked "nội bộ". */
export function Timeline({ report }: { report: StaffReport }) {
  const { t, lang } = useI18n();
  return (
    <Stack spacing={0} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="fb-timeline">
      {report.timeline.map((e, i) => (
        <Box
          component="li"
          key={e.id}
          data-internal={e.internal}
          data-testid="fb-event"
          sx={{
            position: 'relative',
            pl: 3,
            pb: i === report.timeline.length - 1 ? 0 : 1.75,
            '&::before': {
              content: '""',
              position: 'absolute',
              left: 6,
              top: 6,
              width: 10,
              height: 10,
              borderRadius: '50%',
              bgcolor: e.internal ? 'warning.main' : statusCss(e.status),
            },
            '&::after':
              i === report.timeline.length - 1
                ? undefined
                : {
                    content: '""',
                    position: 'absolute',
                    left: 10,
                    top: 18,
                    bottom: 0,
                    width: 2,
                    bgcolor: 'divider',
                  },
          }}
        >
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {e.internal ? t('fbReport.note') : t(`fb.status.${e.status}`)}
            </Typography>
            {e.internal ? (
              <Chip
                size="small"
                color="warning"
                variant="outlined"
                icon={<LockIcon />}
                label={t('fbReport.internal')}
                data-testid="fb-internal-chip"
              />
            ) : null}
          </Stack>
          <Typography variant="caption" color="text.secondary" component="div">
            {formatDateTime(e.at, lang)}
            {e.actorName ? ` · ${e.actorName}` : ''}
            {e.departmentName ? ` · ${e.departmentName}` : ''}
          </Typography>
          {e.note ? (
            <Typography
              variant="body2"
              sx={{
                mt: 0.5,
                whiteSpace: 'pre-wrap',
                ...(e.internal
                  ? {
                      bgcolor: (th) => alpha(th.palette.warning.main, 0.08),
                      borderLeft: 3,
                      borderColor: 'warning.light',
                      pl: 1,
                    }
                  : {}),
              }}
            >
              {e.note}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Stack>
  );
}

/** Add an internal note (triage staff); never shown to the citizen. */
export function NoteForm({ reportId, onAdded }: { reportId: string; onAdded: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const notify = useNotify();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const submit = async () => {
    if (text.trim().length < 2 || busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await unwrap(
        api.POST('/api/v1/feedback/{id}/notes', {
          params: { path: { id: reportId } },
          body: { text: text.trim() },
        }),
      );
      setText('');
      notify(t('fbReport.noteAdded'), 'success');
      onAdded();
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(false);
    }
  };
  const fields = problem ? fieldErrors(problem, lang) : {};
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <TextField
        label={t('fbReport.noteLabel')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
        multiline
        minRows={2}
        size="small"
        error={Boolean(fields.text)}
        helperText={fields.text ?? t('fbReport.noteHelp')}
        slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'fb-note-text' } }}
      />
      {problem && !fields.text ? <ProblemAlert problem={problem} /> : null}
      <Box>
        <Button
          variant="outlined"
          color="warning"
          startIcon={<LockIcon />}
          onClick={() => void submit()}
          disabled={busy || text.trim().length < 2}
          data-testid="fb-note-add"
        >
          {t('fbReport.noteAdd')}
        </Button>
      </Box>
    </Stack>
  );
}
