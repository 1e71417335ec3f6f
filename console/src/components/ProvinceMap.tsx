import { MapboxOverlay } from '@deck.gl/mapbox';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { getAccessToken } from '../api/tokens';
import { useI18n } from '../i18n/context';
import { boundsOf, PROVINCE_BOUNDS, type Bounds, type FeatureCollectionLike } from './geo';

maplibregl.setWorkerUrl(workerUrl);

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

export interface ProvinceMap {
  map: RefObject<maplibregl.Map | null>;
  /** deck.gl drawn over the map: set its layers with overlay.current.setProps. */
  overlay: RefObject<MapboxOverlay | null>;
  /** The outlines are drawn (or could not be loaded). */
  loaded: boolean;
  /** No WebGL: the map could not be created. */
  failed: boolean;
}

/**
 * The province map under the console's deck.gl layers: maplibre-gl draws a plain background with the province
 * and commune outlines served by the api (no tile server), fitted to the province; a deck.gl overlay on top.
 */
export function useProvinceMap(container: RefObject<HTMLDivElement | null>): ProvinceMap {
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);

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
  }, [container]);

  return { map: mapRef, overlay: overlayRef, loaded, failed };
}

/** The credit the administrative outlines require, in the map's bottom-right corner. */
function MapCredit() {
  const { t } = useI18n();
  return (
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
  );
}

/** A coloured dot with its caption, for map legends. */
export function LegendSwatch({ color, label }: { color: string; label: string }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
      <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: color, flexShrink: 0 }} />
      <Typography variant="caption">{label}</Typography>
    </Stack>
  );
}

interface FrameProps {
  map: ProvinceMap;
  container: RefObject<HTMLDivElement | null>;
  /** Accessible name of the map region. */
  label: string;
  testId: string;
  /** data-* attributes of the map element (what it shows, for tests). */
  data?: Record<`data-${string}`, string | number>;
  /** The legend box in the top-left corner. */
  legend: ReactNode;
  /** Anything else drawn over the map (notes, tooltips). */
  children?: ReactNode;
  minHeight?: number;
  onMouseLeave?: () => void;
}

/** The frame of a province map: the map element, the no-WebGL warning, a legend box and the outlines' credit. */
export function ProvinceMapFrame({
  map,
  container,
  label,
  testId,
  data,
  legend,
  children,
  minHeight,
  onMouseLeave,
}: FrameProps) {
  const { t } = useI18n();
  return (
    <Paper
      variant="outlined"
      sx={{ position: 'relative', height: '100%', minHeight, overflow: 'hidden' }}
      onMouseLeave={onMouseLeave}
    >
      <Box
        ref={container}
        sx={{ width: '100%', height: '100%' }}
        role="region"
        aria-label={label}
        data-testid={testId}
        data-loaded={map.loaded}
        {...data}
      />
      {map.failed ? (
        <Alert severity="warning" sx={{ position: 'absolute', inset: 16, height: 'fit-content' }}>
          {t('fb.map.noWebgl')}
        </Alert>
      ) : null}
      <Paper
        elevation={2}
        sx={{ position: 'absolute', top: 8, left: 8, px: 1.25, py: 0.5, maxWidth: 'calc(100% - 70px)' }}
        data-testid={`${testId}-legend`}
      >
        {legend}
      </Paper>
      {children}
      <MapCredit />
    </Paper>
  );
}
