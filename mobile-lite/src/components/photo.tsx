import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n';
import { drawScaled, preparePhoto } from '../image';
import { cameraProblem } from '../scan';
import { Button, Icon } from './ui';

export { FACE_ICON } from './ui';

/** A photo ready to send, with an object URL for its thumbnail (revoke it with `dropPhoto`). */
export interface Photo {
  blob: Blob;
  url: string;
}

export function makePhoto(blob: Blob): Photo {
  return { blob, url: URL.createObjectURL(blob) };
}

export function dropPhoto(photo: Photo | null | undefined): void {
  if (photo) URL.revokeObjectURL(photo.url);
}

/** What is photographed: the ID card (back camera, a card-shaped frame) or a face (front camera, an oval). */
export type PhotoShape = 'card' | 'face';

export const CAMERA_ICON = 'M4 8h3l2-3h6l2 3h3v11H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z';
export const CARD_FRONT_ICON =
  'M3 6h18v12H3zM6 10.5a2 2 0 1 0 4 0 2 2 0 0 0-4 0M5.5 15.5c.6-1.3 1.5-2 2.5-2s1.9.7 2.5 2M13 10h5M13 13h5';
export const CARD_BACK_ICON = 'M3 6h18v12H3zM6 9h4v3H6zM6 15h12M13 10h5';

type CameraProblem = 'denied' | 'camera';
const PROBLEM_TEXT: Record<CameraProblem, MessageKey> = {
  denied: 'photo.denied',
  camera: 'photo.noCamera',
};

function hasCamera(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function';
}

interface CameraShotProps {
  shape: PhotoShape;
  onShot: (blob: Blob) => void;
  onProblem: (problem: CameraProblem) => void;
  onClose: () => void;
}

/** The live camera with a guide drawn over it; one button takes the picture (scaled down) and closes it. */
function CameraShot(props: CameraShotProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const [live, setLive] = useState(false);
  const [taking, setTaking] = useState(false);
  const handlers = useRef(props);
  handlers.current = props;

  // The picture and its button in view together, whatever is above them.
  useEffect(() => box.current?.scrollIntoView({ block: 'nearest' }), []);

  useEffect(() => {
    let stopped = false;
    const stop = () => {
      stopped = true;
      for (const track of stream.current?.getTracks() ?? []) track.stop();
      stream.current = null;
    };
    void (async () => {
      try {
        stream.current = await navigator.mediaDevices.getUserMedia({
          video: {
            facingMode: props.shape === 'face' ? 'user' : 'environment',
            width: { ideal: 1920 },
            height: { ideal: 1080 },
          },
          audio: false,
        });
      } catch (error) {
        if (!stopped) handlers.current.onProblem(cameraProblem(error) === 'denied' ? 'denied' : 'camera');
        return;
      }
      const el = video.current;
      if (stopped || !el) return stop();
      el.srcObject = stream.current;
      await el.play().catch(() => {
        /* autoplay refused: the muted inline video still delivers frames */
      });
      if (!stopped) setLive(true);
    })();
    return stop;
  }, [props.shape]);

  async function take() {
    const el = video.current;
    if (!el || !el.videoWidth || taking) return;
    setTaking(true);
    try {
      const blob = await drawScaled(el, el.videoWidth, el.videoHeight);
      for (const track of stream.current?.getTracks() ?? []) track.stop();
      handlers.current.onShot(blob);
    } catch {
      setTaking(false);
      handlers.current.onProblem('camera');
    }
  }

  const face = props.shape === 'face';
  return (
    <div class="camera" data-testid="photo-camera" ref={box}>
      <div class={`camera-view photo-view photo-view-${props.shape}`}>
        <video ref={video} class={face ? 'mirror' : undefined} playsInline muted aria-hidden="true" />
        <span class={`photo-guide photo-guide-${props.shape}`} aria-hidden="true" />
      </div>
      <p class="hint center" role="status">
        {live ? t(face ? 'photo.aimFace' : 'photo.aimCard') : t('scan.starting')}
      </p>
      <Button type="button" data-testid="photo-take" disabled={!live || taking} onClick={() => void take()}>
        <Icon d={CAMERA_ICON} size={22} />
        <span>{t('photo.take')}</span>
      </Button>
      <Button type="button" variant="secondary" onClick={props.onClose}>
        {t('scan.close')}
      </Button>
    </div>
  );
}

interface PhotoInputProps {
  shape: PhotoShape;
  /** `data-testid` of the file input (the fallback that always exists). */
  testId: string;
  photo: Photo | null;
  onPhoto: (blob: Blob) => void;
  /** Text for the thumbnail. */
  alt: string;
  /** An error about this photo (from the API), shown under it. */
  error?: string | undefined;
  /** Icon for the empty frame. */
  icon: string;
}

/**
 * One photo: the live camera with a guide (when the browser offers a camera), or the phone's own camera
 * app / a file through `<input type=file>` — present on every phone, so it is always in the page. Every
 * photo is decoded and scaled down here before it is accepted.
 */
export function PhotoInput(props: PhotoInputProps) {
  const [camera, setCamera] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [reading, setReading] = useState(false);
  const [unreadable, setUnreadable] = useState(false);
  const canUseCamera = hasCamera();
  const id = `photo-${props.testId}`;
  const error = unreadable ? t('photo.unreadable') : props.error;

  async function onFile(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // picking the same file again must still count
    if (!file) return;
    setReading(true);
    setUnreadable(false);
    try {
      const blob = await preparePhoto(file);
      setCamera(false);
      props.onPhoto(blob);
    } catch {
      setUnreadable(true);
    } finally {
      setReading(false);
    }
  }

  return (
    <div class="photo">
      {camera ? (
        <CameraShot
          shape={props.shape}
          onShot={(blob) => {
            setCamera(false);
            setUnreadable(false);
            props.onPhoto(blob);
          }}
          onProblem={(p) => {
            setCamera(false);
            setProblem(p);
          }}
          onClose={() => setCamera(false)}
        />
      ) : props.photo ? (
        <figure class={`photo-preview photo-preview-${props.shape}`}>
          <img src={props.photo.url} alt={props.alt} data-testid={`${props.testId}-preview`} />
        </figure>
      ) : (
        <div class={`photo-empty photo-empty-${props.shape}${error ? ' has-error' : ''}`} aria-hidden="true">
          <Icon d={props.icon} size={56} />
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert" data-testid={`error-${props.testId}`}>
          {error}
        </p>
      )}
      {problem && !camera && (
        <p class="notice" role="status" data-testid="photo-problem" data-problem={problem}>
          {t(PROBLEM_TEXT[problem])}
        </p>
      )}
      {canUseCamera && !camera && (
        <Button
          type="button"
          variant={props.photo ? 'secondary' : 'primary'}
          data-testid={`${props.testId}-camera`}
          onClick={() => {
            setProblem(null);
            setCamera(true);
          }}
        >
          <Icon d={CAMERA_ICON} size={22} />
          <span>{props.photo ? t('photo.retake') : t('photo.openCamera')}</span>
        </Button>
      )}
      <label
        class={`btn ${canUseCamera || props.photo ? 'btn-link' : 'btn-primary'} file-pick`}
        aria-busy={reading ? 'true' : undefined}
      >
        <input
          type="file"
          accept="image/*"
          capture={props.shape === 'face' ? 'user' : 'environment'}
          class="file-input"
          data-testid={props.testId}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => void onFile(e)}
        />
        {reading ? t('photo.reading') : canUseCamera ? t('photo.pickApp') : t('photo.pick')}
      </label>
    </div>
  );
}
