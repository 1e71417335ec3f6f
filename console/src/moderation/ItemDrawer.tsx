import { Alert, Box, Chip, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { shortcutFor } from '../ekyc/review';
import { DecisionBar, DetailDrawer } from '../components/DetailDrawer';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';
import { useNotify } from '../notify';
import { formatDateTime, nationalPhone } from '../time';
import { useApiQuery } from '../useApiQuery';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { summaryLines, type ModerationItem, type ModerationStatus } from './queries';

export const STATUS_COLOR: Record<ModerationStatus, 'warning' | 'success' | 'error' | 'default'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

interface Props {
  itemId: string | null;
  onClose: () => void;
  /** Called after a decision (or a 409) so the queue reloads. */
  onChanged: () => void;
}

export function ItemDrawer({ itemId, onClose, onChanged }: Props) {
  const { t } = useI18n();
  return (
    <DetailDrawer
      open={itemId !== null}
      title={t('mod.item.title')}
      width={{ xs: '100%', md: 640 }}
      onClose={onClose}
    >
      {itemId ? <ItemView key={itemId} itemId={itemId} onClose={onClose} onChanged={onChanged} /> : null}
    </DetailDrawer>
  );
}

function ItemView({ itemId, onClose, onChanged }: Props & { itemId: string }) {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const loaded = useApiQuery(itemId, (signal) =>
    unwrap(api.GET('/api/v1/moderation/items/{id}', { params: { path: { id: itemId } }, signal })),
  );
  const [updated, setUpdated] = useState<ModerationItem>();
  const [conflict, setConflict] = useState(false);
  const [dialog, setDialog] = useState<Decision | null>(null);
  const item = updated ?? loaded.data;

  const status = item?.status;
  useEffect(() => {
    if (status !== 'pending' || dialog) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = shortcutFor(e, target?.tagName, target?.isContentEditable ?? false);
      if (action !== 'approve' && action !== 'reject') return;
      e.preventDefault();
      setDialog(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [status, dialog]);

  if (loaded.problem && !item) {
    return (
      <Box sx={{ p: 2 }}>
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      </Box>
    );
  }
  if (!item) {
    return (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }

  const lines = summaryLines(item.kind, item.summary, lang);
  const person = (p: ModerationItem['submittedBy']) =>
    p ? `${p.fullName} · ${nationalPhone(p.phone)}` : t('common.none');

  return (
    <>
      <Box sx={{ flex: 1, overflowY: 'auto', p: 2.5 }} data-testid="mod-item">
        <Stack spacing={2}>
          <Box>
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 0.5 }}>
              <Chip size="small" variant="outlined" label={item.kindLabel[lang]} />
              <Chip
                size="small"
                color={STATUS_COLOR[item.status]}
                label={t(`mod.status.${item.status}`)}
                data-testid="mod-item-status"
                data-status={item.status}
              />
              {item.summary.resubmission === true ? (
                <Chip size="small" color="info" variant="outlined" label={t('mod.item.resubmission')} />
              ) : null}
            </Stack>
            <Typography variant="h2" component="h3" data-testid="mod-item-title">
              {item.title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('mod.item.submitted', { time: formatDateTime(item.submittedAt, lang) ?? '' })} ·{' '}
              {person(item.submittedBy)}
            </Typography>
          </Box>

          {conflict ? (
            <Alert severity="info" data-testid="mod-already-decided">
              {t('mod.item.alreadyDecided')}
            </Alert>
          ) : null}
          {item.status !== 'pending' ? (
            <Alert
              severity={
                item.status === 'approved' ? 'success' : item.status === 'rejected' ? 'error' : 'info'
              }
              data-testid="mod-item-decided"
            >
              {t('mod.item.decided', {
                status: t(`mod.status.${item.status}`),
                time: formatDateTime(item.decidedAt, lang) ?? t('common.none'),
              })}
              {item.decidedBy ? ` ${t('mod.item.decidedBy', { name: item.decidedBy.fullName })}` : ''}
              {item.reason ? <div>{t('mod.item.reason', { reason: item.reason })}</div> : null}
            </Alert>
          ) : null}

          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle2" component="h4" sx={{ mb: 1.5 }}>
              {t('mod.item.snapshot')}
            </Typography>
            {lines.length === 0 ? (
              <Typography color="text.secondary">{t('mod.item.noSnapshot')}</Typography>
            ) : (
              <Box
                component="dl"
                sx={{
                  m: 0,
                  display: 'grid',
                  gridTemplateColumns: 'max-content minmax(0, 1fr)',
                  gap: '8px 24px',
                }}
                data-testid="mod-snapshot"
              >
                {lines.map((l) => (
                  <Box key={l.field} sx={{ display: 'contents' }}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                      {l.known ? t(`mod.field.${l.field}` as MessageKey) : l.field}
                    </Typography>
                    <Typography
                      component="dd"
                      variant="body2"
                      sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                      data-field={l.field}
                    >
                      {l.value}
                    </Typography>
                  </Box>
                ))}
              </Box>
            )}
          </Paper>
        </Stack>
      </Box>

      <DecisionBar
        shortcuts={t('mod.item.shortcuts')}
        pending={item.status === 'pending'}
        labels={{ approve: t('mod.approve'), reject: t('mod.reject') }}
        testIds={{ approve: 'mod-approve', reject: 'mod-reject' }}
        onApprove={() => setDialog('approve')}
        onReject={() => setDialog('reject')}
        onClose={onClose}
      />

      {dialog ? (
        <DecisionDialog
          key={dialog}
          decision={dialog}
          item={item}
          onCancel={() => setDialog(null)}
          onDecided={(next) => {
            setUpdated(next);
            setDialog(null);
            onChanged();
            notify(
              t(dialog === 'approve' ? 'mod.approved' : 'mod.rejected', { title: next.title }),
              'success',
            );
          }}
          onConflict={() => {
            setDialog(null);
            setUpdated(undefined);
            setConflict(true);
            loaded.reload();
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}
