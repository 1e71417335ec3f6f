import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';

interface FieldProps {
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'tel' | 'password' | 'date' | 'month';
  inputMode?: 'text' | 'tel' | 'numeric';
  autoComplete?: string;
  maxLength?: number;
  /** Bounds of a date input (`YYYY-MM-DD`). */
  min?: string;
  max?: string;
  readOnly?: boolean;
  inputRef?: (el: HTMLInputElement | null) => void;
  /** `data-testid` of the input. */
  testId?: string;
}

/** A labelled input with its hint and its error underneath, wired for screen readers. */
export function Field(props: FieldProps) {
  const [reveal, setReveal] = useState(false);
  const id = `f-${props.name}`;
  const describedBy = [props.error ? `${id}-error` : '', props.hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  const isPassword = props.type === 'password';
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        ref={props.inputRef}
        type={isPassword && reveal ? 'text' : (props.type ?? 'text')}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        readOnly={props.readOnly}
        data-testid={props.testId}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        spellcheck={false}
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
      {isPassword && (
        <label class="check">
          <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.currentTarget.checked)} />
          {t('field.showPassword')}
        </label>
      )}
    </div>
  );
}

export function Alert(props: { message: string | null | undefined; kind?: 'error' | 'info' }) {
  if (!props.message) return null;
  const kind = props.kind ?? 'error';
  return (
    <div
      class={`alert alert-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={`alert-${kind}`}
    >
      {props.message}
    </div>
  );
}

type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  busy?: boolean;
  variant?: 'primary' | 'secondary' | 'link' | 'danger';
  children: ComponentChildren;
};

export function Button({ busy, variant = 'primary', children, type = 'submit', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      class={`btn btn-${variant}`}
      {...rest}
      disabled={busy || rest.disabled}
      aria-busy={busy ? 'true' : undefined}
    >
      {busy ? t('common.sending') : children}
    </button>
  );
}

/** A question under what it is about, with a red action and Cancel: the second tap for what cannot be undone. */
export function Confirm(props: {
  question: string;
  action: string;
  testId: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="confirm" role="group" aria-label={props.question}>
      <p>{props.question}</p>
      <div class="row">
        <Button
          type="button"
          variant="danger"
          data-testid={props.testId}
          busy={props.busy}
          onClick={props.onConfirm}
        >
          {props.action}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('profile.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** A QR code, for the personal QR and the scan buttons. */
export const QR_ICON = 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 14h2M14 18v2M17 17h3v3h-3z';

/** A fingerprint: "sign in with the phone's own lock" (passkey). */
export const PASSKEY_ICON =
  'M12 11v3a8 8 0 0 1-1.6 4.8M8.5 7.6A5 5 0 0 1 17 11v1.5M7 11c0-.6.1-1.2.3-1.7M7 14a8 8 0 0 1-1.3 4.4M14.7 16.5a12 12 0 0 1-1.4 3.7M17 15.5c0 .8 0 1.5-.2 2.2M4.6 9.5A8 8 0 0 1 19.5 8M9 3.6a9 9 0 0 1 6.5 0';

/** A face inside a viewfinder: face verification, selfies. */
export const FACE_ICON =
  'M4 8V4h4M16 4h4v4M20 16v4h-4M8 20H4v-4M12 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM7.5 17.5c1-1.6 2.6-2.5 4.5-2.5s3.5.9 4.5 2.5';

/** A stroked 24×24 icon from a path `d` string (see services.ts). */
export function Icon(props: { d: string; size?: number }) {
  const size = props.size ?? 28;
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={props.d} />
    </svg>
  );
}

/** The screen's heading; receives focus on navigation so screen readers announce the new screen. */
export function Title(props: { children: ComponentChildren }) {
  return (
    <h1 class="screen-title" tabIndex={-1}>
      {props.children}
    </h1>
  );
}

/** Until a screen's data is there: "Đang tải…", or what went wrong with "Thử lại". */
export function LoadState(props: { error: string | null; onRetry: () => void }) {
  if (!props.error)
    return (
      <p class="card muted" role="status">
        {t('common.loading')}
      </p>
    );
  return (
    <div class="card form">
      <Alert message={navigator.onLine ? props.error : t('app.offline')} />
      <Button type="button" onClick={props.onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}

interface ListStateProps {
  items: readonly unknown[] | null | undefined;
  error: string | null;
  onRetry: () => void;
  /** Said when the list is empty; null says nothing (e.g. drafts are shown instead). */
  empty: string | null;
  emptyTestId: string;
  /** Said instead of the error while the phone has no network. */
  offline?: { text: string; testId: string };
}

/** What a list shows besides its rows: the error (or "no network") with "Thử lại", "Đang tải…", or "none". */
export function ListState(props: ListStateProps) {
  if (props.error && props.offline && !navigator.onLine)
    return (
      <p class="card muted" role="status" data-testid={props.offline.testId}>
        {props.offline.text}
      </p>
    );
  if (props.error)
    return (
      <div class="card form">
        <Alert message={props.error} />
        <Button type="button" onClick={props.onRetry}>
          {t('common.retry')}
        </Button>
      </div>
    );
  if (!props.items) return <LoadState error={null} onRetry={props.onRetry} />;
  if (props.items.length === 0 && props.empty)
    return (
      <p class="card muted" data-testid={props.emptyTestId}>
        {props.empty}
      </p>
    );
  return null;
}
