import PublicIcon from '@mui/icons-material/Public';
import PublicOffIcon from '@mui/icons-material/PublicOff';
import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, fieldErrors, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { formatDateTime } from '../time';
import { useApiQuery } from '../useApiQuery';
import { Section } from './ReportParts';

/**
 * Publication on the public listings (Open311): starts from the automatically redacted text, which the
 * operator reviews and edits before publishing; can be withdrawn.
 */
export function PublicationPanel({ reportId }: { reportId: string }) {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const pub = useApiQuery(`pub:${reportId}`, (signal) =>
    unwrap(api.GET('/api/v1/feedback/{id}/publication', { params: { path: { id: reportId } }, signal })),
  );
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const data = pub.data;
  useEffect(() => {
    if (!data) return;
    setTitle(data.publicTitle ?? data.suggested.title);
    setDescription(data.publicDescription ?? data.suggested.description);
  }, [data]);

  const save = async (published: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await unwrap(
        api.PUT('/api/v1/feedback/{id}/publication', {
          params: { path: { id: reportId } },
          body: published
            ? { published, publicTitle: title.trim(), publicDescription: description.trim() }
            : { published },
        }),
      );
      notify(t(published ? 'fbPub.published' : 'fbPub.withdrawn'), 'success');
      pub.reload();
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const fields = problem ? fieldErrors(problem, lang) : {};
  return (
    <Section
      title={t('fbPub.title')}
      aside={
        data ? (
          <Chip
            size="small"
            color={data.published ? 'success' : 'default'}
            icon={data.published ? <PublicIcon /> : <PublicOffIcon />}
            label={data.published ? t('fbPub.isPublic') : t('fbPub.isPrivate')}
            data-testid="fb-pub-state"
            data-published={data.published}
          />
        ) : null
      }
    >
      {pub.problem ? <ProblemAlert problem={pub.problem} onRetry={pub.reload} /> : null}
      {data ? (
        <Stack spacing={1.5} data-testid="fb-publication">
          <Typography variant="caption" color="text.secondary">
            {data.published
              ? t('fbPub.since', { time: formatDateTime(data.publishedAt, lang) ?? '' })
              : t('fbPub.hint')}
          </Typography>
          <TextField
            size="small"
            label={t('fbPub.publicTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={Boolean(fields.publicTitle)}
            helperText={fields.publicTitle}
            slotProps={{ htmlInput: { maxLength: 150, 'data-testid': 'fb-pub-title' } }}
          />
          <TextField
            size="small"
            label={t('fbPub.publicDescription')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            multiline
            minRows={3}
            maxRows={8}
            error={Boolean(fields.publicDescription)}
            helperText={fields.publicDescription}
            slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'fb-pub-description' } }}
          />
          {problem && !fields.publicTitle && !fields.publicDescription ? (
            <ProblemAlert problem={problem} />
          ) : null}
          <Alert severity="info" sx={{ py: 0 }}>
            {t('fbPub.redactionNote')}
          </Alert>
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
            <Button
              size="small"
              onClick={() => {
                setTitle(data.suggested.title);
                setDescription(data.suggested.description);
              }}
              disabled={busy}
            >
              {t('fbPub.useSuggested')}
            </Button>
            {data.published ? (
              <Button
                size="small"
                color="error"
                variant="outlined"
                onClick={() => void save(false)}
                disabled={busy}
              >
                {t('fbPub.withdraw')}
              </Button>
            ) : null}
            <Button
              size="small"
              variant="contained"
              startIcon={<PublicIcon />}
              onClick={() => void save(true)}
              disabled={busy || title.trim() === '' || description.trim() === ''}
              data-testid="fb-pub-save"
            >
              {t(data.published ? 'fbPub.update' : 'fbPub.publish')}
            </Button>
          </Box>
        </Stack>
      ) : null}
    </Section>
  );
}
