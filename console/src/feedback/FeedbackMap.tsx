import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { ScatterplotLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { Alert, Box, FormControlLabel, Paper, Stack, Switch, Typography } from '@mui/material';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../api/client';
import { getAccessToken } from '../api/tokens';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { useApiQuery } from '../useApiQuery';
import { STATUS_RGB } from './deadline';
import { boundsOf, PROVINCE_BOUNDS, type Bounds, type FeatureCollectionLike } from './geo';
import { FEEDBACK_STATUSES, type QueueQuery } from './queries';

maplibregl.setWorkerUrl(workerUrl);

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

/** A GeoJSON file served by the api; null when not configured (404) or unreadable. */
async function loadGeoJson(path: string): Promise<FeatureCollectionLike | null> {
  try {
    const token = getAccessToken();
    const res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!res.ok) return null;
    const json = (await res.json()) as FeatureCollectionLike;
    return json.type === 'FeatureCollection' ? json : null;
  } catch {
    return null;
  }
}

/** Room for the legend above the province. */
const FIT_PADDING = { top: 76, bottom: 20, left: 16, right: 16 };

const STYLE: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e9eef2' } }],
};

/**
 * Reports on a map: maplibre-gl draws a plain background with the province and commune outlines (no tile
 * server), deck.gl the points coloured by status and an optional heat layer. Clicking a point opens it.
 */
export function FeedbackMap({ query, version, selectedId, hoveredId, onPick, onHoverPoint, titleOf }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const pickRef = useRef(onPick);
  const hoverRef = useRef(onHoverPoint);
  const titleRef = useRef(titleOf);
  useEffect(() => {
    pickRef.current = onPick;
    hoverRef.current = onHoverPoint;
    titleRef.current = titleOf;
  });
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const [heat, setHeat] = useState(false);
  const [hoverPoint, setHoverPoint] = useState<string | null>(null);

  const points = useApiQuery(`${JSON.stringify(query)}#${version}`, (signal) =>
    unwrap(api.GET('/api/v1/feedback/map', { params: { query }, signal })),
  );
  const data = useMemo<MapPoint[]>(() => (points.data?.points ?? []) as MapPoint[], [points.data]);

  // The map itself, once.
  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: container.current,
        style: STYLE,
        bounds: PROVINCE_BOUNDS,
        fitBoundsOptions: { padding: FIT_PADDING },
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      setFailed(true);
      return;
    }
    mapRef.current = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    overlayRef.current = overlay;
    map.addControl(overlay);
    map.on('load', () => {
      void (async () => {
        const [province, communes] = await Promise.all([
          loadGeoJson('/api/v1/reference/province/outline'),
          loadGeoJson('/api/v1/reference/communes/outlines'),
        ]);
        if (!mapRef.current) return;
        if (communes) {
          map.addSource('communes', { type: 'geojson', data: communes as GeoJSON.FeatureCollection });
          map.addLayer({
            id: 'communes-fill',
            type: 'fill',
            source: 'communes',
            paint: { 'fill-color': '#ffffff' },
          });
          map.addLayer({
            id: 'communes-line',
            type: 'line',
            source: 'communes',
            paint: { 'line-color': '#9aa8b4', 'line-width': 0.6 },
          });
        }
        if (province) {
          map.addSource('province', { type: 'geojson', data: province as GeoJSON.FeatureCollection });
          if (!communes)
            map.addLayer({
              id: 'province-fill',
              type: 'fill',
              source: 'province',
              paint: { 'fill-color': '#ffffff' },
            });
          map.addLayer({
            id: 'province-line',
            type: 'line',
            source: 'province',
            paint: { 'line-color': '#37474f', 'line-width': 1.6 },
          });
          const b: Bounds | null = boundsOf(province);
          if (b) map.fitBounds(b, { padding: FIT_PADDING, duration: 0 });
        }
        setLoaded(true);
      })();
    });
    return () => {
      mapRef.current = null;
      overlayRef.current = null;
      map.remove();
    };
  }, []);

  // A report opened from the list but outside the visible area: bring it into view.
  useEffect(() => {
    const map = mapRef.current;
    const p = selectedId ? data.find((d) => d.id === selectedId) : undefined;
    if (!map || !p || !loaded) return;
    if (!map.getBounds().contains([p.lng, p.lat])) map.easeTo({ center: [p.lng, p.lat], duration: 400 });
  }, [selectedId, data, loaded]);

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
  }, [data, heat, selectedId, hoveredId, hoverPoint, t]);

  const statuses = FEEDBACK_STATUSES.filter((s) => data.some((d) => d.status === s));
  return (
    <Paper variant="outlined" sx={{ position: 'relative', height: '100%', overflow: 'hidden' }}>
      <Box
        ref={container}
        sx={{ width: '100%', height: '100%' }}
        role="region"
        aria-label={t('fb.map.label')}
        data-testid="fb-map"
        data-loaded={loaded}
        data-points={data.length}
      />
      {failed ? (
        <Alert severity="warning" sx={{ position: 'absolute', inset: 16, height: 'fit-content' }}>
          {t('fb.map.noWebgl')}
        </Alert>
      ) : null}
      <Paper
        elevation={2}
        sx={{ position: 'absolute', top: 8, left: 8, px: 1.25, py: 0.5, maxWidth: 'calc(100% - 70px)' }}
      >
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
            <Stack key={s} direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
              <Box
                sx={{
                  width: 10,
                  height: 10,
                  borderRadius: '50%',
                  bgcolor: `rgb(${STATUS_RGB[s].join(',')})`,
                }}
              />
              <Typography variant="caption">{t(`fb.status.${s}`)}</Typography>
            </Stack>
          ))}
        </Stack>
      </Paper>
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
      <Typography
        variant="caption"
        sx={{
          position: 'absolute',
          right: 0,
          bottom: 0,
          px: 0.75,
          bgcolor: 'rgba(255,255,255,0.8)',
          fontSize: 11,
          color: 'text.secondary',
        }}
      >
        {t('fb.map.credit')}
      </Typography>
    </Paper>
  );
}
