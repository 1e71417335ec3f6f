import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../i18n';
import { salaryText } from '../jobs/parts';
import type { AppStatus } from './applications';
import './cvs.css';

/** An application's state as a coloured chip: "Đã nộp", "Mời phỏng vấn", "Đã rút"… */
export function AppStatusChip(props: { status: AppStatus }) {
  return (
    <span class={`cv-chip cv-chip-${props.status}`} data-testid="app-status" data-status={props.status}>
      {t(`apps.status.${props.status}` as MessageKey)}
    </span>
  );
}

export const statusText = (s: AppStatus): string => t(`apps.status.${s}` as MessageKey);

/** "← Danh sách hồ sơ": the way back at the top of a screen. */
export function BackLink(props: { href: string; children: ComponentChildren; testId?: string }) {
  return (
    <p class="cv-back">
      <a href={props.href} data-testid={props.testId}>
        ← {props.children}
      </a>
    </p>
  );
}

/** A labelled textarea of the CV form with its error (one-line inputs use `Field` from components/ui). */
export function TextArea(props: {
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  maxLength: number;
}) {
  const id = `f-${props.name}`;
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        class="cv-text"
        rows={3}
        maxLength={props.maxLength}
        value={props.value}
        data-testid={`cv-${props.name}`}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      {props.error && (
        <p id={`${id}-error`} class="field-error" data-testid={`error-${props.name}`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** "Lương mong muốn: 8,5 triệu/tháng". */
export function wantedSalary(vnd: number): string {
  return t('cvs.salaryWanted', {
    salary: salaryText({ salaryMin: vnd, salaryMax: vnd, salaryNegotiable: false }),
  });
}
