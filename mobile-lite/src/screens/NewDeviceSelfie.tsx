import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import type { AuthResult } from '../api/session';
import { upload } from '../api/upload';
import { dropPhoto, FACE_ICON, makePhoto, PhotoInput, type Photo } from '../components/photo';
import { Button, Title } from '../components/ui';
import { t } from '../i18n';
import { triesLeftOf } from '../login';

interface Props {
  /** From `new_device_selfie_required`: proves the password and the SMS code were right. */
  ticket: string;
  minutes: number;
  onSignedIn: (session: AuthResult) => void;
  /** The ticket is spent or expired: back to the password. */
  onRestart: () => void;
}

/**
 * Signing in on a new phone, last step for level-2 accounts: a selfie the API matches to the face print
 * of the ID card portrait. Three tries per ticket; then the sign-in starts again.
 */
export function NewDeviceSelfie(props: Props) {
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | undefined>();
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const errorBox = useRef<HTMLDivElement | null>(null);
  const photoNow = useRef(photo);
  photoNow.current = photo;
  useEffect(() => () => dropPhoto(photoNow.current), []);

  // A refusal is read first: the box takes the focus (and comes into view from the button below).
  useEffect(() => {
    if (error) errorBox.current?.focus();
  }, [error]);

  function take(blob: Blob) {
    setPhoto((old) => {
      dropPhoto(old);
      return makePhoto(blob);
    });
    setPhotoError(undefined);
    setError(null);
  }

  async function send(e: Event) {
    e.preventDefault();
    if (progress !== null) return;
    if (!photo) return setPhotoError(t('ekyc.photoMissing'));
    const form = new FormData();
    form.set('ticket', props.ticket);
    form.set('selfie', photo.blob, 'selfie.jpg');
    setError(null);
    setProgress(0);
    const outcome = await attempt(() => upload('/api/v1/auth/device-selfie', form, setProgress), ['selfie']);
    setProgress(null);
    if (outcome.ok) {
      if (outcome.result.data) props.onSignedIn(outcome.result.data);
      return;
    }
    const code = outcome.code ?? '';
    if (code === 'device_ticket_invalid') {
      setOver(true);
      setError(t('newDevice.ticketOver'));
      return;
    }
    if (code === 'selfie_mismatch' || code.startsWith('selfie_')) {
      const left = triesLeftOf(outcome.problem);
      setTriesLeft(left);
      if (left === 0) setOver(true);
      // The same photo would fail again and spend a try: a new one is needed.
      setPhoto((old) => {
        dropPhoto(old);
        return null;
      });
      setError(code === 'selfie_mismatch' ? t('newDevice.mismatch') : t('newDevice.noFace'));
      return;
    }
    if (outcome.error.fields.selfie) return setPhotoError(outcome.error.fields.selfie);
    setError(outcome.error.message);
  }

  return (
    <section class="screen" data-testid="device-selfie">
      <Title>{t('newDevice.selfieTitle')}</Title>
      <p class="lead">{t('newDevice.selfieIntro', { minutes: props.minutes })}</p>
      <form class="card form" onSubmit={send} noValidate>
        {error && (
          <div
            class="alert alert-error"
            role="alert"
            tabIndex={-1}
            ref={errorBox}
            data-testid="device-selfie-error"
          >
            <p>{error}</p>
            {triesLeft !== null && (
              <p data-testid="device-selfie-tries" data-tries-left={triesLeft}>
                {triesLeft > 0 ? t('newDevice.triesLeft', { n: triesLeft }) : t('newDevice.noTries')}
              </p>
            )}
          </div>
        )}
        {over ? (
          <Button type="button" data-testid="device-selfie-restart" onClick={props.onRestart}>
            {t('newDevice.restart')}
          </Button>
        ) : (
          <>
            <ul class="tips">
              <li>{t('ekyc.tip.light')}</li>
              <li>{t('ekyc.tip.noMask')}</li>
              <li>{t('ekyc.tip.straight')}</li>
            </ul>
            <PhotoInput
              shape="face"
              icon={FACE_ICON}
              testId="device-selfie-file"
              photo={photo}
              onPhoto={take}
              alt={t('ekyc.step.selfie')}
              error={photoError}
            />
            {progress !== null && (
              <div class="upload" role="status">
                <progress max={100} value={Math.round(progress * 100)} />
                <span>
                  {progress < 1
                    ? t('ekyc.uploading', { percent: Math.round(progress * 100) })
                    : t('newDevice.checking')}
                </span>
              </div>
            )}
            <Button data-testid="device-selfie-submit" busy={progress !== null}>
              {t('newDevice.selfieSubmit')}
            </Button>
            <Button type="button" variant="link" onClick={props.onRestart}>
              {t('newDevice.cancel')}
            </Button>
          </>
        )}
      </form>
    </section>
  );
}
