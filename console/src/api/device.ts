/**
 * A random id for this browser, kept in localStorage and sent as `x-device-id`: the API asks for an
 * SMS code the first time an account signs in from a workstation it has not seen.
 */
const KEY = 'dlid.deviceId';

export function deviceId(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): string | null {
  if (!storage) return null;
  let id = storage.getItem(KEY);
  if (!id || !/^[\w-]{16,100}$/.test(id)) {
    id = crypto.randomUUID();
    storage.setItem(KEY, id);
  }
  return id;
}
