import type { MessageKey } from '../i18n';

/** A one-shot notice for the next feedback screen ("saved on this phone", "report sent"). */
let pending: MessageKey | null = null;

export function setNotice(key: MessageKey): void {
  pending = key;
}

export function takeNotice(): MessageKey | null {
  const key = pending;
  pending = null;
  return key;
}
