/** Runs `body` while holding a lock shared with every other tab of the app. */
export type ExclusiveLock = <T>(body: () => Promise<T>) => Promise<T>;

/** navigator.locks under `name`, or undefined where the browser has no Web Locks. */
export function webLock(name: string): ExclusiveLock | undefined {
  return typeof navigator !== 'undefined' && navigator.locks
    ? <T>(body: () => Promise<T>) => navigator.locks.request(name, body) as Promise<T>
    : undefined;
}
