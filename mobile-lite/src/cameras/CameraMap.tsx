import { useEffect, useMemo, useState } from 'preact/hooks';
import { getLang, t } from '../i18n';
import { provinceOutline, type Outline, type PublicCamera } from './api';
import { distanceText, STATE_COLOURS, type CameraState } from './format';
import {
  boundsAround,
  fitView,
  groupPins,
  heightFor,
  outlinePath,
  PROVINCE_BOUNDS,
  scaleBar,
  type Bounds,
} from './map';
import { CameraRow } from './parts';

const WIDTH = 360;

/** A label short enough not to cover the neighbouring pins. */
function short(name: string): string {
  return name.length > 24 ? `${name.slice(0, 23).trimEnd()}…` : name;
}

/** A group's ring: red when one of its cameras is down, green when all are live, else grey. */
function groupState(items: readonly PublicCamera[]): CameraState {
  if (items.some((c) => c.state === 'offline' || c.state === 'error')) return 'offline';
  return items.every((c) => c.state === 'live') ? 'live' : 'unknown';
}
const PAD = 14;
/** Pins closer than this (px) are drawn as one numbered group. */
const GROUP_RADIUS = 22;

/**
 * The camera map: the province outline as one SVG path, cameras as pins coloured by state. A numbered group
 * zooms in when tapped; a single pin opens its card (snapshot, state, time) under the map.
 */
export function CameraMap(props: { cameras: PublicCamera[]; now: number }) {
  const [outline, setOutline] = useState<Outline | null | undefined>(undefined);
  const [zoom, setZoom] = useState<Bounds | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void provinceOutline().then((o) => live && setOutline(o));
    return () => {
      live = false;
    };
  }, []);

  const province = outline?.bounds ?? PROVINCE_BOUNDS;
  const height = heightFor(province, WIDTH, PAD);
  const view = useMemo(() => fitView(zoom ?? province, WIDTH, height, PAD), [zoom, province, height]);
  const path = useMemo(() => (outline ? outlinePath(outline.rings, view) : ''), [outline, view]);
  const pins = useMemo(() => groupPins(props.cameras, view, GROUP_RADIUS), [props.cameras, view]);
  const card = props.cameras.find((c) => c.id === chosen);
  const bar = scaleBar(view, 90);

  return (
    <div class="cam-map-wrap" data-testid="camera-map">
      <div class="cam-map-bar">
        {zoom && (
          <button
            type="button"
            class="btn btn-secondary"
            data-testid="camera-map-whole"
            onClick={() => setZoom(null)}
          >
            {t('cameras.mapWhole')}
          </button>
        )}
        <p class="muted">{t('cameras.mapHint')}</p>
      </div>
      <svg
        class="cam-map"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={t('cameras.map')}
        data-outline={outline ? 'yes' : outline === null ? 'no' : 'loading'}
      >
        <rect x="0" y="0" width={WIDTH} height={height} class="cam-map-sea" />
        {path && <path d={path} class="cam-map-land" data-testid="camera-map-outline" />}
        {pins.map((p) => {
          const single = p.items.length === 1 ? p.items[0] : undefined;
          if (single)
            return (
              <g
                key={single.id}
                class={`cam-pin${chosen === single.id ? ' cam-pin-on' : ''}`}
                transform={`translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`}
                role="button"
                tabIndex={0}
                aria-label={`${single.name} — ${t(`cameras.state.${single.state}`)}`}
                data-testid="camera-pin"
                data-id={single.id}
                data-state={single.state}
                onClick={() => setChosen(single.id)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setChosen(single.id)}
              >
                <circle cy="-11" r="18" class="cam-pin-hit" />
                <path
                  d="M0 0c-4-6-8-9-8-14a8 8 0 0 1 16 0c0 5-4 8-8 14z"
                  fill={STATE_COLOURS[single.state]}
                />
                <circle cy="-14" r="3" fill="#fff" />
                {zoom && (
                  // Zoomed in there is no street to read, so each pin says which crossing it is.
                  <text
                    class="cam-pin-label"
                    x={p.x > WIDTH * 0.6 ? -11 : 11}
                    y="-10"
                    text-anchor={p.x > WIDTH * 0.6 ? 'end' : 'start'}
                  >
                    {short(single.name)}
                  </text>
                )}
              </g>
            );
          return (
            <g
              key={p.items.map((c) => c.id).join()}
              class="cam-group"
              transform={`translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`}
              role="button"
              tabIndex={0}
              aria-label={t('cameras.mapGroup', { n: p.items.length })}
              data-testid="camera-group"
              onClick={() => setZoom(boundsAround(p.items, 1.2))}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setZoom(boundsAround(p.items, 1.2))}
            >
              <circle r="14" fill={STATE_COLOURS[groupState(p.items)]} />
              <circle r="10" fill="#fff" />
              <text text-anchor="middle" dy="4">
                {p.items.length}
              </text>
            </g>
          );
        })}
        <g class="cam-scale" transform={`translate(${PAD} ${height - PAD})`} data-testid="camera-map-scale">
          <path d={`M0 -5V0H${bar.px.toFixed(1)}V-5`} />
          <text x="0" y="-8">
            {distanceText(bar.km, getLang())}
          </text>
        </g>
      </svg>
      <p class="cam-credit">
        {outline === null ? `${t('cameras.mapNoOutline')} ` : ''}
        {t('cameras.credit')}
      </p>
      {card && (
        <div class="cam-map-card" data-testid="camera-map-card">
          <CameraRow camera={card} now={props.now} />
          <button type="button" class="btn btn-link" onClick={() => setChosen(null)}>
            {t('cameras.close')}
          </button>
        </div>
      )}
    </div>
  );
}
