import { useEffect, useState } from 'preact/hooks';
import { getCamera, type PublicCamera } from '../cameras/api';
import { ageText, StateBadge, useNow } from '../cameras/parts';
import { useSnapshot } from '../cameras/useSnapshot';
import { Alert, Button, Title } from '../components/ui';
import { t } from '../i18n';
import { formatClock } from '../time';

/**
 * One camera: its latest still large, when it was taken, the camera's state, address, direction and tags.
 * "Làm mới" asks again with a new address (no cache answers for the server) and says when the picture is the same.
 */
export function CameraDetail(props: { id: string }) {
  const [camera, setCamera] = useState<PublicCamera | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const { picture, failure: pictureError, notice, busy, state: shotState, refresh } = useSnapshot(props.id);
  const now = useNow(5_000);

  useEffect(() => {
    let live = true;
    setError(null);
    setMissing(false);
    void getCamera(props.id).then((o) => {
      if (!live) return;
      if (o.ok && o.result.data) setCamera(o.result.data);
      else if (!o.ok && (o.status === 404 || o.status === 400)) setMissing(true);
      else if (!o.ok) setError(o.error.message);
    });
    return () => {
      live = false;
    };
  }, [props.id, reloads]);

  // No picture: the camera's state was read before the server tried; read it again to show why.
  useEffect(() => {
    if (pictureError === 'unavailable') setReloads((n) => n + 1);
  }, [pictureError]);

  if (missing)
    return (
      <section class="screen">
        <Title>{t('cameras.detailTitle')}</Title>
        <p class="card" data-testid="camera-missing">
          {t('cameras.missing')}
        </p>
        <p class="center">
          <a href="#/cameras">{t('cameras.back')}</a>
        </p>
      </section>
    );

  const takenAt = picture?.takenAt ?? null;
  const state = shotState ?? camera?.state ?? null;

  return (
    <section class="screen">
      <Title>{camera?.name ?? t('cameras.detailTitle')}</Title>
      {error && (
        <div class="card form">
          <Alert message={error} />
          <Button type="button" onClick={() => setReloads((n) => n + 1)}>
            {t('common.retry')}
          </Button>
        </div>
      )}
      <figure class="card cam-figure" data-testid="camera-picture">
        {picture ? (
          <img
            class="cam-big"
            src={picture.url}
            alt={t('cameras.thumbAlt', { name: camera?.name ?? '' })}
            width={640}
            height={360}
            data-testid="camera-snapshot"
            data-taken-at={picture.takenAt ?? ''}
          />
        ) : (
          <div class="cam-big cam-big-none">
            {pictureError ? t('cameras.noPicture') : t('cameras.refreshing')}
          </div>
        )}
        <figcaption>
          {takenAt && (
            <span data-testid="camera-taken-at">
              {t('cameras.takenAtClock', { time: formatClock(takenAt, true), age: ageText(takenAt, now) })}
            </span>
          )}
          {state && <StateBadge state={state} />}
        </figcaption>
      </figure>
      {pictureError === 'unavailable' && (
        <p class="alert alert-error" role="alert" data-testid="camera-unavailable">
          {t('cameras.unavailable')}
        </p>
      )}
      {pictureError === 'network' && <Alert message={t('cameras.pictureError')} />}
      {pictureError === 'tooMany' && <Alert message={t('cameras.tooMany')} />}
      {picture && !pictureError && picture.state === 'offline' && (
        <p class="alert cam-warn" role="status" data-testid="camera-stale">
          {t('cameras.staleOffline')}
        </p>
      )}
      <div role="status" data-testid="camera-refresh-notice">
        <Alert kind="info" message={notice} />
      </div>
      <div class="actions">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy}
          aria-busy={busy ? 'true' : undefined}
          data-testid="camera-refresh"
          onClick={refresh}
        >
          {busy ? t('cameras.refreshing') : t('cameras.refresh')}
        </button>
      </div>
      {camera && (
        <dl class="card cam-facts" data-testid="camera-facts">
          {camera.address && (
            <>
              <dt>{t('cameras.address')}</dt>
              <dd>{camera.address}</dd>
            </>
          )}
          {camera.communeName && (
            <>
              <dt>{t('cameras.place')}</dt>
              <dd>{camera.communeName}</dd>
            </>
          )}
          {camera.direction && (
            <>
              <dt>{t('cameras.direction')}</dt>
              <dd>{camera.direction}</dd>
            </>
          )}
          {camera.tags.length > 0 && (
            <dd class="cam-tags">
              {camera.tags.map((tag) => (
                <span key={tag} class="cam-tag">
                  {tag}
                </span>
              ))}
            </dd>
          )}
        </dl>
      )}
      <p class="center">
        <a href="#/cameras" data-testid="camera-back">
          {t('cameras.back')}
        </a>
      </p>
    </section>
  );
}
