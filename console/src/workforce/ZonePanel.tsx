import { Box, Paper, Stack, Typography } from '@mui/material';
import { api, unwrap } from '../api/client';
import { formatNumber } from '../components/charts';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useApiQuery } from '../useApiQuery';
import { ZoneCompaniesGrid } from './ZoneCompaniesGrid';
import { monthLabel, type ZoneFigures } from './workforceFigures';
import { ZoneFiguresGrid } from './ZoneFiguresGrid';

interface Props {
  /** '' = the whole province: the zones table; a code: that zone's companies (drill-down). */
  zone: string;
  /** The month of the companies' reports (the range's last month). */
  month: string;
  zones: readonly ZoneFigures[];
  alerts: readonly { code: string }[];
  loading: boolean;
  nameOf: (code: string, fallback: string) => string;
  onOpen: (code: string) => void;
}

/** Beside the map: every zone's figures, or once a zone is chosen, its companies with their report. */
export function ZonePanel({ zone, month, zones, alerts, loading, nameOf, onOpen }: Props) {
  const { t, lang } = useI18n();
  const companies = useApiQuery(zone ? `wf-companies:${zone}:${month}` : null, (signal) =>
    unwrap(
      api.GET('/api/v1/work/workforce/zones/{code}/companies', {
        params: { path: { code: zone }, query: { month } },
        signal,
      }),
    ),
  );
  const items = zone && companies.data?.zone.code === zone ? companies.data.items : [];
  const filed = items.filter((c) => c.filed).length;
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}
      component="section"
      aria-labelledby="wf-panel-title"
    >
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography id="wf-panel-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
          {zone
            ? t('wf.companies.title', { zone: nameOf(zone, zone), month: monthLabel(month, lang) })
            : t('wf.zones.title')}
        </Typography>
        <Typography variant="caption" color="text.secondary" data-testid="wf-panel-note">
          {zone
            ? t('wf.companies.filed', {
                filed: formatNumber(filed, lang),
                total: formatNumber(items.length, lang),
              })
            : t('wf.zones.hint')}
        </Typography>
      </Stack>
      {zone && companies.problem ? (
        <ProblemAlert problem={companies.problem} onRetry={companies.reload} />
      ) : null}
      <Box data-testid={zone ? 'wf-companies-grid' : 'wf-zones-grid'}>
        {zone ? (
          <ZoneCompaniesGrid items={items} loading={companies.loading} />
        ) : (
          <ZoneFiguresGrid zones={zones} alerts={alerts} loading={loading} nameOf={nameOf} onOpen={onOpen} />
        )}
      </Box>
    </Paper>
  );
}
