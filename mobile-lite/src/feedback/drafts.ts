/**
 * Reports waiting to be sent ("bản nháp chờ gửi"), kept on the phone in IndexedDB — text and photo Blobs —
 * so nothing typed on a weak network is lost. Each draft carries the Idempotency-Key it is sent with; a
 * draft leaves the store only after the API answered 2xx.
 *
 * The store is an interface so the sender's exactly-once logic can be tested with `memoryDrafts()`; the
 * IndexedDB one is exercised by the end-to-end test in a real browser.
 */

export interface DraftFields {
  category: string;
  title: string;
  description: string;
  lat?: number | undefined;
  lng?: number | undefined;
  communeCode?: string | undefined;
  address?: string | undefined;
  keepPhotoLocation: boolean;
}

/** What the API said when it refused the draft: shown in the list and under the fields when editing. */
export interface DraftProblem {
  message: string;
  fields: Record<string, string>;
  status: number;
  code?: string | undefined;
}

export type DraftState = 'pending' | 'needs_fix';

export interface Draft {
  /** Store key, stable for the life of the draft. */
  id: string;
  /** Idempotency-Key (a UUID): the same while the same content is retried, new after the citizen edits it. */
  key: string;
  /** Account that wrote it; only that account's session sends it. null: written before the account was known. */
  userId: string | null;
  createdAt: string;
  fields: DraftFields;
  photos: Blob[];
  state: DraftState;
  attempts: number;
  /** Epoch ms before which the sender leaves it alone (backoff after a failure). */
  nextAttemptAt: number;
  /** Who is sending it now, until when (epoch ms): a second tab does not send it meanwhile. */
  lease: { owner: string; until: number } | null;
  problem: DraftProblem | null;
}

export interface ClaimOptions {
  /** Ignore `nextAttemptAt` (the network just came back, or the citizen pressed "send"). */
  ignoreBackoff?: boolean;
  /** Take over a lease held by someone else (safe only while holding the exclusive Web Lock). */
  breakLease?: boolean;
}

export interface DraftStore {
  list(): Promise<Draft[]>;
  get(id: string): Promise<Draft | undefined>;
  put(draft: Draft): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * Atomically: when the draft is pending, due and not leased by another owner (or the lease ran out),
   * lease it to `owner` until `now + leaseMs` and return it; otherwise undefined.
   */
  claim(
    id: string,
    owner: string,
    now: number,
    leaseMs: number,
    options?: ClaimOptions,
  ): Promise<Draft | undefined>;
  /** Atomically: when `owner` still holds the lease, apply `change` (null removes the draft) and drop the lease. */
  settle(id: string, owner: string, change: Partial<Draft> | null): Promise<void>;
}

/** The claim rule, shared by both stores. */
export function claimable(
  draft: Draft | undefined,
  owner: string,
  now: number,
  options: ClaimOptions = {},
): draft is Draft {
  if (!draft || draft.state !== 'pending') return false;
  if (!options.ignoreBackoff && draft.nextAttemptAt > now) return false;
  const lease = draft.lease;
  return !lease || lease.owner === owner || lease.until <= now || options.breakLease === true;
}

/** An in-memory store with the same atomicity (each operation is one step): tests, and browsers without IndexedDB. */
export function memoryDrafts(): DraftStore {
  const rows = new Map<string, Draft>();
  const copy = (d: Draft): Draft => ({ ...d, fields: { ...d.fields }, photos: [...d.photos] });
  return {
    list: async () => [...rows.values()].map(copy),
    get: async (id) => {
      const d = rows.get(id);
      return d && copy(d);
    },
    put: async (draft) => void rows.set(draft.id, copy(draft)),
    remove: async (id) => void rows.delete(id),
    claim: async (id, owner, now, leaseMs, options) => {
      const d = rows.get(id);
      if (!claimable(d, owner, now, options)) return undefined;
      d.lease = { owner, until: now + leaseMs };
      return copy(d);
    },
    settle: async (id, owner, change) => {
      const d = rows.get(id);
      if (!d || d.lease?.owner !== owner) return;
      if (change === null) rows.delete(id);
      else rows.set(id, { ...d, ...change, lease: null });
    },
  };
}

const DB_NAME = 'dlid-feedback';
const STORE = 'drafts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The IndexedDB store. A readwrite transaction on one object store runs alone (IndexedDB serialises
 * overlapping readwrite transactions, across tabs too), which makes `claim` and `settle` atomic.
 */
export function indexedDbDrafts(factory: IDBFactory = indexedDB): DraftStore {
  let opening: Promise<IDBDatabase> | undefined;
  const db = () =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => {
        const conn = req.result;
        // Another tab upgrading the schema: let it, and reopen on the next call.
        conn.onversionchange = () => {
          conn.close();
          opening = undefined;
        };
        resolve(conn);
      };
      req.onerror = () => {
        opening = undefined;
        reject(req.error);
      };
    }));

  async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => Promise<T>): Promise<T> {
    const tx = (await db()).transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    const result = await body(tx.objectStore(STORE));
    await done;
    return result;
  }

  return {
    list: () => run('readonly', (s) => request(s.getAll() as IDBRequest<Draft[]>)),
    get: (id) => run('readonly', (s) => request(s.get(id) as IDBRequest<Draft | undefined>)),
    put: (draft) => run('readwrite', async (s) => void (await request(s.put(draft)))),
    remove: (id) => run('readwrite', async (s) => void (await request(s.delete(id)))),
    claim: (id, owner, now, leaseMs, options) =>
      run('readwrite', async (s) => {
        const d = await request(s.get(id) as IDBRequest<Draft | undefined>);
        if (!claimable(d, owner, now, options)) return undefined;
        const leased = { ...d, lease: { owner, until: now + leaseMs } };
        await request(s.put(leased));
        return leased;
      }),
    settle: (id, owner, change) =>
      run('readwrite', async (s) => {
        const d = await request(s.get(id) as IDBRequest<Draft | undefined>);
        if (!d || d.lease?.owner !== owner) return;
        if (change === null) await request(s.delete(id));
        else await request(s.put({ ...d, ...change, lease: null }));
      }),
  };
}
