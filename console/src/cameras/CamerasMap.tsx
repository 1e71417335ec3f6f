import { ScatterplotLayer } from '@deck.gl/layers';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LegendSwatch, ProvinceMapFrame, useProvinceMap } from '../components/ProvinceMap';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { CameraList } from './CameraList';
import { CameraPanel } from './CameraPanel';
import { FILTER_STATES, MapFilters, type MapFilterValue } from './MapFilters';
import { useCameraList, useCommunes, type Camera } from './queries';
import { STATE_LABEL } from './StateChip';
import { displayState, STATE_RGB, stateCss, type DisplayState } from './status';
import { useCameraStatus } from './useCameraStatus';

const isDisplayState = (s: string): s is DisplayState => (FILTER_STATES as readonly string[]).includes(s);

/** The filters and the open camera live in the address (?q=&tag=&commune=&state=live,offline&camera=<id>). */
function readParams(params: URLSearchParams): MapFilterValue & { camera: string } {
  return {
    q: params.get('q') ?? '',
    tag: params.get('tag') ?? '',
    communeCode: params.get('commune') ?? '',
    states: (params.get('state') ?? '').split(',').filter(isDisplayState),
    camera: params.get('camera') ?? '',
  };
}

function writeParams(v: MapFilterValue & { camera: string }): URLSearchParams {
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  if (v.tag) p.set('tag', v.tag);
  if (v.communeCode) p.set('commune', v.communeCode);
  if (v.states.length) p.set('state', v.states.join(','));
  if (v.camera) p.set('camera', v.camera);
  return p;
}

interface Hover {
  camera: Camera;
  state: DisplayState;
  x: number;
  y: number;
}

/** The cameras on the province map, coloured by their live state, with the list beside it and the open camera. */
export function CamerasMap() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = readParams(params);
  const set = (patch: Partial<MapFilterValue & { camera: string }>) =>
    setParams(writeParams({ ...view, ...patch }), { replace: !('camera' in patch) });
  const list = useCameraList({ q: view.q, tag: view.tag, communeCode: view.communeCode });
  const communes = useCommunes();
  const { statuses } = useCameraStatus();

  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const stateOf = (c: Camera) => displayState(statuses, c);
  const counts: Partial<Record<DisplayState, number>> = {};
  for (const c of all) {
    const s = stateOf(c);
    counts[s] = (counts[s] ?? 0) + 1;
  }
  const shown = view.states.length ? all.filter((c) => view.states.includes(stateOf(c))) : all;
  const selected = all.find((c) => c.id === view.camera) ?? null;

  const container = useRef<HTMLDivElement>(null);
  const provinceMap = useProvinceMap(container);
  const { overlay, loaded } = provinceMap;
  const [hover, setHover] = useState<Hover | null>(null);
  const selectRef = useRef((id: string) => set({ camera: id }));
  useEffect(() => {
    selectRef.current = (id: string) => set({ camera: id });
  });

  // Bring the opened camera into view (close enough to tell the crossing), once per opening.
  const target = selected ? `${selected.id}:${selected.lng}:${selected.lat}` : '';
  useEffect(() => {
    const m = provinceMap.map.current;
    const [, lng, lat] = target.split(':').map(Number);
    if (!m || !target || lng === undefined || lat === undefined) return;
    // the panel that just opened narrowed the map: measure it first, or the camera ends up off centre
    m.resize();
    m.easeTo({ center: [lng, lat], zoom: Math.max(m.getZoom(), 11), duration: 600 });
  }, [target, loaded, provinceMap.map]);

  const points = useMemo(
    () => shown.map((c) => ({ camera: c, state: displayState(statuses, c) })),
    [shown, statuses],
  );
  useEffect(() => {
    overlay.current?.setProps({
      layers: [
        new ScatterplotLayer<{ camera: Camera; state: DisplayState }>({
          id: 'cameras',
          data: points,
          pickable: true,
          radiusUnits: 'pixels',
          getPosition: (d) => [d.camera.lng, d.camera.lat],
          getRadius: (d) => (d.camera.id === view.camera ? 11 : 8),
          getFillColor: (d) => (d.state === 'disabled' ? [255, 255, 255, 0] : [...STATE_RGB[d.state], 235]),
          stroked: true,
          getLineColor: (d) =>
            d.camera.id === view.camera
              ? [0, 0, 0, 255]
              : d.state === 'disabled'
                ? [...STATE_RGB.disabled, 255]
                : [255, 255, 255, 255],
          getLineWidth: (d) => (d.camera.id === view.camera || d.state === 'disabled' ? 3 : 2),
          lineWidthUnits: 'pixels',
          updateTriggers: {
            getRadius: [view.camera],
            getLineColor: [view.camera],
            getLineWidth: [view.camera],
          },
          onClick: (info) => {
            const d = info.object as { camera: Camera } | undefined;
            if (d) selectRef.current(d.camera.id);
          },
          onHover: (info) => {
            const d = info.object as { camera: Camera; state: DisplayState } | undefined;
            setHover(d ? { ...d, x: info.x, y: info.y } : null);
          },
        }),
      ],
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
    });
  }, [overlay, points, view.camera, loaded]);

  const byState = (s: DisplayState) => points.filter((p) => p.state === s).length;
  return (
    <Stack spacing={1.5}>
      <MapFilters
        value={view}
        tags={list.data?.tags ?? []}
        communes={communes.data?.items ?? []}
        counts={counts}
        onChange={set}
        onClear={() =>
          setParams(writeParams({ q: '', tag: '', communeCode: '', states: [], camera: view.camera }))
        }
      />
      {list.problem ? <ProblemAlert problem={list.problem} onRetry={list.reload} /> : null}
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: '1fr', md: selected ? '260px 1fr 400px' : '280px 1fr' },
          height: { xs: 'auto', md: 'calc(100vh - 300px)' },
          minHeight: 520,
        }}
      >
        <CameraList
          cameras={shown}
          stateOf={stateOf}
          selected={view.camera}
          onSelect={(id) => set({ camera: id })}
        />
        <Box sx={{ minHeight: 420 }}>
          <ProvinceMapFrame
            map={provinceMap}
            container={container}
            label={t('cameras.map.label')}
            testId="camera-map"
            data={{
              'data-count': points.length,
              'data-live': byState('live'),
              'data-offline': byState('offline'),
              'data-error': byState('error'),
            }}
            minHeight={420}
            onMouseLeave={() => setHover(null)}
            legend={
              <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1.25, rowGap: 0.25, py: 0.25 }}>
                {FILTER_STATES.map((s) => (
                  <LegendSwatch key={s} color={stateCss(s)} label={t(STATE_LABEL[s])} />
                ))}
              </Stack>
            }
          >
            {hover ? (
              <Paper
                elevation={4}
                role="tooltip"
                sx={{
                  position: 'absolute',
                  left: hover.x + 12,
                  top: hover.y + 12,
                  px: 1,
                  py: 0.5,
                  pointerEvents: 'none',
                }}
              >
                <Typography variant="subtitle2">{hover.camera.name}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {t(STATE_LABEL[hover.state])}
                </Typography>
              </Paper>
            ) : null}
          </ProvinceMapFrame>
        </Box>
        {selected ? (
          <CameraPanel
            key={selected.id}
            camera={selected}
            statuses={statuses}
            onClose={() => set({ camera: '' })}
            onChanged={list.reload}
          />
        ) : null}
      </Box>
    </Stack>
  );
}
