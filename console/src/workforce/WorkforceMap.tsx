import { ScatterplotLayer } from '@deck.gl/layers';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { formatNumber, formatShare } from '../components/charts';
import { LegendSwatch, ProvinceMapFrame, useProvinceMap } from '../components/ProvinceMap';
import { useI18n } from '../i18n/context';
import { NO_RATE_RGB, vacancyBands, type Rgb, type ZoneBubble } from './workforceFigures';

interface Props {
  bubbles: readonly ZoneBubble[];
  threshold: number;
  selected: string;
  onSelect: (code: string) => void;
}

const rgb = (c: Rgb) => `rgb(${c.join(',')})`;

/** The bubble under the mouse, where, and on which side of it the card goes (so it stays inside the map). */
interface Hover {
  zone: ZoneBubble;
  x: number;
  y: number;
  left: boolean;
  up: boolean;
}

/** The figures of the zone under the mouse. */
function ZoneCard({ hover }: { hover: Hover }) {
  const { t, lang } = useI18n();
  const z = hover.zone;
  const n = (v: number) => formatNumber(v, lang);
  const rows: [string, string][] = [
    [t('wf.kpi.headcount'), n(z.headcount)],
    [t('wf.kpi.vacancies'), n(z.vacancies)],
    [t('wf.kpi.vacancyRate'), formatShare(z.vacancyRate, lang) ?? t('common.none')],
    [t('wf.kpi.hires'), n(z.hires)],
    [t('wf.kpi.separations'), n(z.separations)],
    [t('wf.kpi.appApplications'), n(z.appApplications)],
  ];
  return (
    <Paper
      elevation={4}
      role="tooltip"
      data-testid="wf-map-tooltip"
      sx={{
        position: 'absolute',
        left: hover.x,
        top: hover.y,
        transform: `translate(${hover.left ? 'calc(-100% - 14px)' : '14px'}, ${hover.up ? 'calc(-100% - 14px)' : '14px'})`,
        p: 1.25,
        minWidth: 210,
        pointerEvents: 'none',
        zIndex: 2,
      }}
    >
      <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
        {z.name}
      </Typography>
      {z.alert ? (
        <Typography variant="caption" color="warning.dark" sx={{ fontWeight: 600, display: 'block' }}>
          {t('wf.alertFlag')}
        </Typography>
      ) : null}
      {rows.map(([label, value]) => (
        <Stack key={label} direction="row" sx={{ gap: 2, justifyContent: 'space-between' }}>
          <Typography variant="caption" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="caption" sx={{ fontWeight: 600 }}>
            {value}
          </Typography>
        </Stack>
      ))}
    </Paper>
  );
}

/**
 * The zones on the province map: one deck.gl bubble per zone, its area following the headcount and its colour
 * the vacancy rate (legend); the tooltip gives the figures and a click selects the zone.
 */
export function WorkforceMap({ bubbles, threshold, selected, onSelect }: Props) {
  const { t, lang } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const provinceMap = useProvinceMap(container);
  const { overlay, loaded } = provinceMap;
  const [hover, setHover] = useState<Hover | null>(null);
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  });

  useEffect(() => {
    const o = overlay.current;
    if (!o) return;
    o.setProps({
      layers: [
        new ScatterplotLayer<ZoneBubble>({
          id: 'zones',
          // largest first, so the small bubbles stay on top and can be picked
          data: [...bubbles].sort((a, b) => b.radius - a.radius),
          pickable: true,
          radiusUnits: 'pixels',
          getPosition: (d) => [d.lng, d.lat],
          getRadius: (d) => d.radius,
          getFillColor: (d) => [...d.rgb, d.code === selected ? 235 : 190],
          stroked: true,
          getLineColor: (d) => (d.code === selected ? [0, 0, 0, 255] : [255, 255, 255, 230]),
          getLineWidth: (d) => (d.code === selected ? 3 : 1.5),
          lineWidthUnits: 'pixels',
          updateTriggers: { getFillColor: [selected], getLineColor: [selected], getLineWidth: [selected] },
          onClick: (info) => {
            const z = info.object as ZoneBubble | undefined;
            if (z) selectRef.current(z.code);
          },
          onHover: (info) => {
            const z = info.object as ZoneBubble | undefined;
            const box = container.current;
            setHover(
              z && box
                ? {
                    zone: z,
                    x: info.x,
                    y: info.y,
                    left: info.x > box.clientWidth / 2,
                    up: info.y > box.clientHeight / 2,
                  }
                : null,
            );
          },
        }),
      ],
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
    });
  }, [overlay, bubbles, selected, loaded]);

  const bands = vacancyBands(threshold);
  const pct = (n: number) => formatShare(n, lang) ?? '';
  return (
    <ProvinceMapFrame
      map={provinceMap}
      container={container}
      label={t('wf.map.label')}
      testId="wf-map"
      data={{ 'data-bubbles': bubbles.length }}
      minHeight={420}
      onMouseLeave={() => setHover(null)}
      legend={
        <Box sx={{ py: 0.25 }}>
          <Typography variant="caption" sx={{ fontWeight: 600, display: 'block' }}>
            {t('wf.map.legend')}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1.25, rowGap: 0.25 }}>
            {bands.map((b) => (
              <LegendSwatch
                key={b.min}
                color={rgb(b.rgb)}
                label={b.max === null ? `> ${pct(b.min)}` : `${pct(b.min)}–${pct(b.max)}`}
              />
            ))}
            <LegendSwatch color={rgb(NO_RATE_RGB)} label={t('wf.map.noRate')} />
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {t('wf.map.size')}
          </Typography>
        </Box>
      }
    >
      {hover ? <ZoneCard hover={hover} /> : null}
    </ProvinceMapFrame>
  );
}
