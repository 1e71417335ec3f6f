import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudQueueIcon from '@mui/icons-material/CloudQueue';
import ReportIcon from '@mui/icons-material/Report';
import { Chip, Tooltip } from '@mui/material';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/context';
import { formatDateTime } from '../time';
import { useApiQuery } from '../useApiQuery';

/** Where forwarding to the province's system stands; 404 (never forwarded) → "chưa chuyển". */
export function ForwardingBadge({ reportId }: { reportId: string }) {
  const { t, lang } = useI18n();
  const fwd = useApiQuery(`fwd:${reportId}`, (signal) =>
    unwrap(api.GET('/api/v1/feedback/{id}/forwarding', { params: { path: { id: reportId } }, signal })),
  );
  if (fwd.loading && !fwd.data) return null;
  const s = fwd.data;
  if (!s) {
    const never = fwd.problem?.status === 404;
    return (
      <Chip
        size="small"
        variant="outlined"
        icon={<CloudOffIcon />}
        label={never ? t('fbReport.fwd.none') : t('fbReport.fwd.unknown')}
        data-testid="fb-forwarding"
        data-state="none"
      />
    );
  }
  const state = s.state === 'sending' ? 'pending' : s.state;
  const icon = state === 'sent' ? <CloudDoneIcon /> : state === 'dead' ? <ReportIcon /> : <CloudQueueIcon />;
  const color = state === 'sent' ? 'success' : state === 'dead' ? 'error' : 'info';
  const details = [
    s.externalId ? t('fbReport.fwd.externalId', { id: s.externalId }) : null,
    t('fbReport.fwd.attempts', { n: s.attempts }),
    s.lastError ? t('fbReport.fwd.lastError', { error: s.lastError }) : null,
    formatDateTime(s.updatedAt, lang),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={details}>
      <Chip
        size="small"
        color={color}
        icon={icon}
        label={t(`fbReport.fwd.${state}`)}
        data-testid="fb-forwarding"
        data-state={state}
      />
    </Tooltip>
  );
}
