import { Box, Typography } from '@mui/material';
import * as maplibregl from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useProvinceMap } from '../../components/ProvinceMap';
import { useI18n } from '../../i18n/context';

interface Props {
  lat: number | undefined;
  lng: number | undefined;
  onPick: (lat: number, lng: number) => void;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** A small province map: a click places the camera; the marker follows the typed coordinates. */
export function LocationPicker({ lat, lng, onPick }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement | null>(null);
  const province = useProvinceMap(container);
  const marker = useRef<maplibregl.Marker | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    const map = province.map.current;
    if (!map) return;
    const onClick = (e: maplibregl.MapMouseEvent) => pick.current(round6(e.lngLat.lat), round6(e.lngLat.lng));
    map.on('click', onClick);
    map.getCanvas().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
    };
  }, [province.map, province.loaded]);

  useEffect(() => {
    const map = province.map.current;
    if (!map) return;
    if (lat === undefined || lng === undefined) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current)
      marker.current = new maplibregl.Marker({ color: '#c62828' }).setLngLat([lng, lat]).addTo(map);
    else marker.current.setLngLat([lng, lat]);
  }, [province.map, province.loaded, lat, lng]);

  if (province.failed) return null;
  return (
    <Box>
      <Box
        ref={container}
        role="region"
        aria-label={t('camerasRegistry.form.mapHint')}
        data-testid="cam-form-map"
        data-loaded={province.loaded ? 'true' : 'false'}
        sx={{ height: 260, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}
      />
      <Typography variant="caption" color="text.secondary">
        {t('camerasRegistry.form.mapHint')}
      </Typography>
    </Box>
  );
}
