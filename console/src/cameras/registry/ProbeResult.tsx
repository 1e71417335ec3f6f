import { Alert, AlertTitle } from '@mui/material';
import { useI18n } from '../../i18n/context';
import { probeSummary, type CameraProbe } from './form';

/** The outcome of testing a feed: green with codec, size, fps and time, or red with the reason. */
export function ProbeResult({ probe, title }: { probe: CameraProbe; title?: string }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      severity={probe.reachable ? 'success' : 'error'}
      data-testid="cam-probe-result"
      data-reachable={probe.reachable ? 'true' : 'false'}
      data-code={probe.code}
    >
      <AlertTitle>
        {title ? `${title} ` : ''}
        {t(probe.reachable ? 'camerasRegistry.probe.ok' : 'camerasRegistry.probe.failed')}
      </AlertTitle>
      {probeSummary(probe, lang)}
    </Alert>
  );
}
