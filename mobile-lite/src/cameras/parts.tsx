import { useEffect, useState } from 'preact/hooks';
import { getLang, t } from '../i18n';
import type { PublicCamera } from './api';
import { ageOf, distanceText, snapshotUrl, stateTone, type CameraState } from './format';
import './cameras.css';

/** The time now, renewed every `ms` so "cách đây 2 phút" moves on by itself. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function ageText(iso: string | null | undefined, now: number): string {
  const age = ageOf(iso, now);
  return 'n' in age ? t(`cameras.age.${age.unit}`, { n: age.n }) : t(`cameras.age.${age.unit}`);
}

export function StateBadge(props: { state: CameraState }) {
  return (
    <span
      class={`cam-state cam-${stateTone(props.state)}`}
      data-testid="camera-state"
      data-state={props.state}
    >
      {t(`cameras.state.${props.state}`)}
    </span>
  );
}

/**
 * A small still, loaded only when scrolled near (loading="lazy"); a camera without a picture (503) shows a
 * plain "Không có ảnh" box instead of a broken image.
 */
export function Thumb(props: { camera: PublicCamera; onLoad?: () => void }) {
  const [failed, setFailed] = useState(false);
  const c = props.camera;
  if (failed)
    return (
      <span class="cam-thumb cam-thumb-none" data-testid="camera-no-thumb">
        {t('cameras.noPicture')}
      </span>
    );
  return (
    <img
      class="cam-thumb"
      src={snapshotUrl(c.id, undefined, 320)}
      alt={t('cameras.thumbAlt', { name: c.name })}
      loading="lazy"
      decoding="async"
      width={128}
      height={72}
      data-testid="camera-thumb"
      onLoad={props.onLoad}
      onError={() => setFailed(true)}
    />
  );
}

/** One camera of the list (and the card under a tapped map pin). */
export function CameraRow(props: {
  camera: PublicCamera & { km?: number };
  now: number;
  onThumbLoad?: () => void;
}) {
  const c = props.camera;
  return (
    <a class="cam-item" href={`#/cameras/${c.id}`} data-testid="camera-item" data-id={c.id}>
      <Thumb camera={c} onLoad={props.onThumbLoad} />
      <span class="cam-body">
        <span class="cam-name">{c.name}</span>
        <span class="cam-meta">{[c.address, c.communeName].filter(Boolean).join(' · ')}</span>
        <span class="cam-meta">
          <StateBadge state={c.state} />{' '}
          <span data-testid="camera-age">{ageText(c.snapshotAt, props.now)}</span>
          {c.km !== undefined && (
            <span data-testid="camera-distance">
              {' · '}
              {t('cameras.distance', { d: distanceText(c.km, getLang()) })}
            </span>
          )}
        </span>
      </span>
    </a>
  );
}
