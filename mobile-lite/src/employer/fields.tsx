import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Button } from '../components/ui';
import { t, type MessageKey } from '../i18n';
import '../jobs/jobs.css';
import './employer.css';

/**
 * Form parts of the employer screens that components/ui.tsx has no kind for (select, text area, number,
 * check group, inline confirmation); each labelled, with its hint and error wired for screen readers.
 */
interface ControlProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

const describedBy = (p: ControlProps) =>
  [p.error ? `f-${p.name}-error` : '', p.hint ? `f-${p.name}-hint` : ''].filter(Boolean).join(' ') ||
  undefined;

function Control(props: ControlProps & { children: ComponentChildren }) {
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.children}
      {props.error && (
        <p id={`f-${props.name}-error`} class="field-error" data-testid={`error-${props.name}`}>
          {props.error}
        </p>
      )}
      {props.hint && (
        <p id={`f-${props.name}-hint`} class="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: ControlProps & {
    value: string;
    onValue: (v: string) => void;
    options: readonly Option[];
    /** The first, empty choice ("Chọn…"); none when absent. */
    placeholder?: string;
  },
) {
  return (
    <Control {...props}>
      {/* Remounted when the options arrive, so a value set before shows as chosen. */}
      <select
        key={props.options.length}
        id={`f-${props.name}`}
        name={props.name}
        class="em-select"
        data-testid={`em-${props.name}`}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onValue(e.currentTarget.value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Control>
  );
}

/** A text area, or a one-line input of a type ui.tsx's Field lacks (number, month, datetime-local, email). */
export function InputField(
  props: ControlProps & {
    value: string;
    onValue: (v: string) => void;
    type?: 'textarea' | 'month' | 'datetime-local' | 'email' | 'number';
    rows?: number;
    maxLength?: number;
    min?: string;
    max?: string;
    inputMode?: 'numeric' | 'decimal';
  },
) {
  const common = {
    id: `f-${props.name}`,
    name: props.name,
    'data-testid': `em-${props.name}`,
    value: props.value,
    maxLength: props.maxLength,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props),
  };
  return (
    <Control {...props}>
      {props.type === 'textarea' ? (
        <textarea
          {...common}
          class="em-text"
          rows={props.rows ?? 4}
          onInput={(e) => props.onValue(e.currentTarget.value)}
        />
      ) : (
        <input
          {...common}
          type={props.type === 'number' ? 'text' : (props.type ?? 'text')}
          inputMode={props.inputMode ?? (props.type === 'number' ? 'numeric' : undefined)}
          min={props.min}
          max={props.max}
          onInput={(e) => props.onValue(e.currentTarget.value)}
        />
      )}
    </Control>
  );
}

/** Several choices as check boxes (shifts, benefits). */
export function CheckGroup<V extends string>(props: {
  name: string;
  legend: string;
  options: readonly V[];
  label: (v: V) => string;
  values: readonly V[];
  onValues: (v: V[]) => void;
}) {
  return (
    <fieldset class="em-checks" data-testid={`em-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} class="check">
          <input
            type="checkbox"
            value={o}
            checked={props.values.includes(o)}
            onChange={(e) =>
              props.onValues(
                e.currentTarget.checked ? [...props.values, o] : props.values.filter((x) => x !== o),
              )
            }
          />
          {props.label(o)}
        </label>
      ))}
    </fieldset>
  );
}

/** A button that asks first, in place ("Xóa tin này?" Đồng ý / Hủy): no pop-up on a phone. */
export function ConfirmButton(props: {
  label: string;
  question: string;
  onConfirm: () => Promise<void> | void;
  variant?: 'danger' | 'secondary';
  testId: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking)
    return (
      <Button
        type="button"
        variant={props.variant ?? 'danger'}
        data-testid={props.testId}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </Button>
    );
  return (
    <div class="em-confirm" role="group" aria-label={props.question} data-testid={`${props.testId}-ask`}>
      <p>{props.question}</p>
      <div class="row">
        <Button
          type="button"
          variant={props.variant ?? 'danger'}
          busy={busy}
          data-testid={`${props.testId}-yes`}
          onClick={async () => {
            setBusy(true);
            await props.onConfirm();
            setBusy(false);
            setAsking(false);
          }}
        >
          {t('employer.confirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          {t('employer.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** A coloured state chip (company, posting or application state). */
export function Chip(props: { kind: string; text: string; testId?: string }) {
  return (
    <span class={`em-chip em-chip-${props.kind}`} data-testid={props.testId} data-status={props.kind}>
      {props.text}
    </span>
  );
}

/** A row of filter buttons that scrolls sideways on a narrow phone (states of postings or applicants). */
export function Tabs<V extends string>(props: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onValue: (v: V) => void;
  testId: string;
}) {
  return (
    <div class="jb-seg em-tabs" role="group" aria-label={props.label} data-testid={props.testId}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === props.value}
          data-value={o.value}
          onClick={() => props.onValue(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** After a refused submit, the first marked input gets the focus (the phone scrolls to it). */
export function focusFirstError(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** The line under a refused form: "fix the marked fields" (they may be above it), or the API's own words. */
export function formMessage(message: string): string {
  return message === t('error.checkFields') ? t('employer.checkFields') : message;
}

/** Labelled facts (label above, value below), the empty ones left out. */
export function Facts(props: { rows: Array<[MessageKey, string | null | undefined]>; testId: string }) {
  return (
    <dl class="em-facts" data-testid={props.testId}>
      {props.rows
        .filter(([, value]) => value)
        .map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
