import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n';
import { cameraProblem, detectorClass, firstText, type ScanProblem } from '../scan';
import { Button } from './ui';

/** How often a camera frame is searched for a QR code: often enough to feel instant, cheap on old phones. */
const DETECT_EVERY_MS = 200;

export const SCAN_PROBLEM_TEXT: Record<ScanProblem, MessageKey> = {
  unsupported: 'scan.unsupported',
  denied: 'scan.denied',
  camera: 'scan.camera',
};

/** Cameras are offered only to secure pages (https, localhost): elsewhere `mediaDevices` is missing. */
function hasCamera(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** What is known without asking: 'unsupported' when this browser cannot read QR codes from a camera. */
export function scanProblemNow(): ScanProblem | null {
  return detectorClass() && hasCamera() ? null : 'unsupported';
}

interface CameraScanProps {
  /** The text of the first QR code seen; the camera is already off. */
  onText: (text: string) => void;
  /** The camera could not be used; the camera is off. */
  onProblem: (problem: ScanProblem) => void;
  onClose: () => void;
}

/** The back camera's picture; closes itself as soon as a QR code is read. */
export function CameraScan(props: CameraScanProps) {
  const video = useRef<HTMLVideoElement | null>(null);
  const [live, setLive] = useState(false);
  // The effect below runs once; it reaches the latest callbacks through this ref.
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    const fail = (problem: ScanProblem) => {
      if (stopped) return;
      stop();
      handlers.current.onProblem(problem);
    };

    void (async () => {
      const Detector = detectorClass();
      if (!Detector || !hasCamera()) return fail('unsupported');
      try {
        const formats = await Detector.getSupportedFormats?.();
        if (formats && !formats.includes('qr_code')) return fail('unsupported');
      } catch {
        // Cannot tell: try anyway, the detector will say.
      }
      let detector: InstanceType<typeof Detector>;
      try {
        detector = new Detector({ formats: ['qr_code'] });
      } catch {
        return fail('unsupported');
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment', width: { ideal: 1280 } },
          audio: false,
        });
      } catch (error) {
        return fail(cameraProblem(error));
      }
      const el = video.current;
      if (stopped || !el) return stop();
      el.srcObject = stream;
      await el.play().catch(() => {
        /* autoplay refused: the muted inline video still delivers frames */
      });
      if (stopped) return;
      setLive(true);
      const look = async () => {
        if (stopped) return;
        if (el.readyState >= 2) {
          const text = firstText(await detector.detect(el).catch(() => []));
          if (text && !stopped) {
            stop();
            handlers.current.onText(text);
            return;
          }
        }
        timer = setTimeout(() => void look(), DETECT_EVERY_MS);
      };
      void look();
    })();
    return stop;
  }, []);

  return (
    <div class="camera" data-testid="camera">
      <div class="camera-view">
        <video ref={video} playsInline muted aria-hidden="true" />
        <span class="camera-frame" aria-hidden="true" />
      </div>
      <p class="hint center" role="status">
        {live ? t('scan.aim') : t('scan.starting')}
      </p>
      <Button type="button" variant="secondary" data-testid="camera-close" onClick={props.onClose}>
        {t('scan.close')}
      </Button>
    </div>
  );
}

interface PasteBoxProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  onSubmit: () => void;
  submitLabel: string;
  busy?: boolean;
  textTestId: string;
  submitTestId: string;
  autoFocus?: boolean;
}

/**
 * A box for the text of a QR code: pasted from another scanning app, or typed by a handheld scanner
 * (which ends with Enter: Enter sends, Shift+Enter starts a new line).
 */
export function PasteBox(props: PasteBoxProps) {
  const id = `f-${props.name}`;
  const area = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    if (props.autoFocus) area.current?.focus();
  }, [props.autoFocus]);
  const describedBy = [props.error ? `${id}-error` : '', props.hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <form
      class="form paste"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!props.busy) props.onSubmit();
      }}
    >
      <div class={`field${props.error ? ' has-error' : ''}`}>
        <label for={id}>{props.label}</label>
        <textarea
          id={id}
          ref={area}
          name={props.name}
          rows={3}
          data-testid={props.textTestId}
          value={props.value}
          spellcheck={false}
          autoComplete="off"
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
          onInput={(e) => props.onValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {props.error && (
          <p id={`${id}-error`} class="field-error" data-testid={`error-${props.name}`}>
            {props.error}
          </p>
        )}
        {props.hint && (
          <p id={`${id}-hint`} class="hint">
            {props.hint}
          </p>
        )}
      </div>
      <Button data-testid={props.submitTestId} busy={props.busy}>
        {props.submitLabel}
      </Button>
    </form>
  );
}
