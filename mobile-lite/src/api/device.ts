/**
 * This phone's id: random, made once and kept in localStorage, sent with every request as
 * `x-device-id`. The API remembers the phones an account has used (only a hash of the id), and asks for
 * an SMS code — and a selfie for level-2 accounts — when someone signs in from a new one.
 * Clearing the browser's data makes the phone "new" again; that is the intended, safe failure.
 */
const KEY = 'dlid.deviceId';
/** What the API accepts; anything else in storage (tampered, truncated) is replaced. */
const VALID = /^[\w-]{16,100}$/;

type Store = Pick<Storage, 'getItem' | 'setItem'>;
type RandomSource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/** A version-4 UUID. `randomUUID` exists only on secure pages (https, localhost); the fallback does not. */
export function randomId(source: RandomSource = crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const b = source.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The stored id, or a new one that is stored at once. Storage that throws (private mode) still yields an id. */
export function loadDeviceId(store: Store | undefined, generate: () => string = randomId): string {
  let stored: string | null = null;
  try {
    stored = store?.getItem(KEY) ?? null;
  } catch {
    stored = null;
  }
  if (stored && VALID.test(stored)) return stored;
  const id = generate();
  try {
    store?.setItem(KEY, id);
  } catch {
    // Not kept: this visit still has one id; the next visit counts as a new phone.
  }
  return id;
}

function storage(): Store | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

let current: string | undefined;

/** This phone's id (read or made on first use, then the same for the life of the page). */
export function deviceId(): string {
  return (current ??= loadDeviceId(storage()));
}
