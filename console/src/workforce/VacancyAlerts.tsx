import { Alert, AlertTitle, Chip, Stack } from '@mui/material';
import { formatShare } from '../components/charts';
import { useI18n } from '../i18n/context';
import { monthLabel, type WorkforceSummary } from './workforceFigures';

/** Zones whose latest vacancy rate is above the alert line, listed prominently; a chip opens the zone. */
export function VacancyAlerts({
  alerts,
  threshold,
  nameOf,
  onOpen,
}: {
  alerts: WorkforceSummary['alerts'];
  threshold: number;
  nameOf: (code: string, fallback: string) => string;
  onOpen: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const line = formatShare(threshold, lang) ?? '';
  if (alerts.length === 0)
    return (
      <Alert severity="success" data-testid="wf-alerts">
        {t('wf.alerts.none', { threshold: line })}
      </Alert>
    );
  const sorted = [...alerts].sort((a, b) => b.vacancyRate - a.vacancyRate);
  return (
    <Alert severity="warning" data-testid="wf-alerts" role="status">
      <AlertTitle sx={{ fontWeight: 600 }}>
        {t('wf.alerts.title', { count: alerts.length, threshold: line })}
      </AlertTitle>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {sorted.map((a) => (
          <Chip
            key={a.code}
            color="warning"
            variant="outlined"
            sx={{ bgcolor: 'background.paper' }}
            onClick={() => onOpen(a.code)}
            data-testid={`wf-alert-${a.code}`}
            label={t('wf.alerts.item', {
              name: nameOf(a.code, a.name),
              rate: formatShare(a.vacancyRate, lang) ?? '',
              month: monthLabel(a.month, lang),
            })}
          />
        ))}
      </Stack>
    </Alert>
  );
}
