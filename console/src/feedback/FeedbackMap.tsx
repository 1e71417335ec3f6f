import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { ScatterplotLayer } from '@deck.gl/layers';
import { Alert, Box, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { LegendSwatch, ProvinceMapFrame, useProvinceMap } from '../components/ProvinceMap';
import { useI18n } from '../i18n/context';
import { useApiQuery } from '../useApiQuery';
import { STATUS_RGB } from './deadline';
import { FEEDBACK_STATUSES, type QueueQuery } from './queries';

type MapPoint = { id: string; lat: number; lng: number; status: keyof typeof STATUS_RGB; deadline: string };

interface Props {
  query: Omit<QueueQuery, 'sort' | 'page' | 'pageSize'>;
  /** Changes when the page reloads, so the points follow actions. */
  version: number;
  selectedId: string | null;
  hoveredId: string | null;
  onPick: (id: string) => void;
  /** The point under the mouse, so the list can highlight its row. */
  onHoverPoint?: (id: string | null) => void;
  /** A title for a point's tooltip when the report is on the list's page. */
  titleOf?: (id: string) => string | undefined;
}

/**
 * Reports on a map: maplibre-gl draws a plain background with the province and commune outlines (no tile
 * server), deck.gl the points coloured by status and an optional heat layer. Clicking a point opens it.
 */
export function FeedbackMap({ query, version, selectedId, hoveredId, onPick, onHoverPoint, titleOf }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const provinceMap = useProvinceMap(container);
  const { map: mapRef, overlay: overlayRef, loaded } = provinceMap;
  const pickRef = useRef(onPick);
  const hoverRef = useRef(onHoverPoint);
  const titleRef = useRef(titleOf);
  useEffect(() => {
    pickRef.current = onPick;
    hoverRef.current = onHoverPoint;
    titleRef.current = titleOf;
  });
  const [heat, setHeat] = useState(false);
  const [hoverPoint, setHoverPoint] = useState<string | null>(null);

  const points = useApiQuery(`${JSON.stringify(query)}#${version}`, (signal) =>
    unwrap(api.GET('/api/v1/feedback/map', { params: { query }, signal })),
  );
  const data = useMemo<MapPoint[]>(() => (points.data?.points ?? []) as MapPoint[], [points.data]);

  // A report opened from the list but outside the visible area: bring it into view.
  useEffect(() => {
    const map = mapRef.current;
    const p = selectedId ? data.find((d) => d.id === selectedId) : undefined;
    if (!map || !p || !loaded) return;
    if (!map.getBounds().contains([p.lng, p.lat])) map.easeTo({ center: [p.lng, p.lat], duration: 400 });
  }, [mapRef, selectedId, data, loaded]);

  // The deck.gl layers follow the points, the selection, the hover and the heat toggle.
  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay) return;
    const highlighted = new Set([selectedId, hoveredId, hoverPoint].filter(Boolean));
    const layers = [
      heat
        ? new HeatmapLayer<MapPoint>({
            id: 'heat',
            data,
            getPosition: (d) => [d.lng, d.lat],
            getWeight: 1,
            radiusPixels: 40,
            intensity: 1.2,
            threshold: 0.04,
          })
        : null,
      new ScatterplotLayer<MapPoint>({
        id: 'points',
        data,
        pickable: true,
        radiusUnits: 'pixels',
        getPosition: (d) => [d.lng, d.lat],
        getRadius: (d) => (highlighted.has(d.id) ? 9 : heat ? 3 : 5),
        getFillColor: (d) => [...STATUS_RGB[d.status], highlighted.has(d.id) ? 255 : 210],
        stroked: true,
        getLineColor: (d) => (highlighted.has(d.id) ? [0, 0, 0, 255] : [255, 255, 255, 200]),
        getLineWidth: (d) => (highlighted.has(d.id) ? 2.5 : 1),
        lineWidthUnits: 'pixels',
        updateTriggers: {
          getRadius: [selectedId, hoveredId, hoverPoint, heat],
          getFillColor: [selectedId, hoveredId, hoverPoint],
          getLineColor: [selectedId, hoveredId, hoverPoint],
          getLineWidth: [selectedId, hoveredId, hoverPoint],
        },
        onClick: (info) => {
          const p = info.object as MapPoint | undefined;
          if (p) pickRef.current(p.id);
        },
        onHover: (info) => {
          const id = (info.object as MapPoint | undefined)?.id ?? null;
          setHoverPoint(id);
          hoverRef.current?.(id);
        },
      }),
    ].filter((l) => l !== null);
    overlay.setProps({
      layers,
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
      getTooltip: ({ object }) => {
        const p = object as MapPoint | undefined;
        if (!p) return null;
        const title = titleRef.current?.(p.id);
        return { text: title ? `${title}\n${t(`fb.status.${p.status}`)}` : t(`fb.status.${p.status}`) };
      },
    });
  }, [overlayRef, data, heat, selectedId, hoveredId, hoverPoint, t]);

  const statuses = FEEDBACK_STATUSES.filter((s) => data.some((d) => d.status === s));
  return (
    <ProvinceMapFrame
      map={provinceMap}
      container={container}
      label={t('fb.map.label')}
      testId="fb-map"
      data={{ 'data-points': data.length }}
      legend={
        <>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <FormControlLabel
              control={
                <Switch
                  size="small"
                  checked={heat}
                  onChange={(e) => setHeat(e.target.checked)}
                  data-testid="fb-map-heat"
                />
              }
              label={<Typography variant="caption">{t('fb.map.heat')}</Typography>}
              sx={{ mr: 0.5 }}
            />
            <Typography variant="caption" color="text.secondary" data-testid="fb-map-count">
              {t('fb.map.count', { n: data.length.toLocaleString('vi-VN') })}
            </Typography>
          </Stack>
          <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1.25, rowGap: 0.25, pb: 0.5 }}>
            {statuses.map((s) => (
              <LegendSwatch key={s} color={`rgb(${STATUS_RGB[s].join(',')})`} label={t(`fb.status.${s}`)} />
            ))}
          </Stack>
        </>
      }
    >
      {points.data?.truncated ? (
        <Alert severity="info" sx={{ position: 'absolute', bottom: 28, left: 8, right: 8, py: 0 }}>
          {t('fb.map.truncated')}
        </Alert>
      ) : null}
      {points.problem ? (
        <Box sx={{ position: 'absolute', bottom: 28, left: 8, right: 8 }}>
          <ProblemAlert problem={points.problem} onRetry={points.reload} />
        </Box>
      ) : null}
    </ProvinceMapFrame>
  );
}
