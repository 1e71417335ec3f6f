import { describe, expect, it } from 'vitest';
import { memoryDrafts, type Draft, type DraftStore } from './drafts';
import { backoffMs, createSender, isRetryable, type ExclusiveLock, type Post } from './sender';

/**
 * The exactly-once rules of the outbox sender, against an in-memory store with the same atomic claim
 * as the IndexedDB one, and a fake API that — like the real one — answers a repeated Idempotency-Key
 * with the report it already made.
 */
const USER = 'user-1';
let seq = 0;
function draft(over: Partial<Draft> = {}): Draft {
  seq++;
  return {
    id: `draft-${seq}`,
    key: `key-${seq}`,
    userId: USER,
    createdAt: new Date(Date.UTC(2026, 10, 27, 10, 0, seq)).toISOString(),
    fields: {
      category: 'environment',
      title: 'Rác thải đổ trộm',
      description: 'Rác bị đổ trộm ven đường suốt một tuần nay.',
      communeCode: '24121',
      address: '12 Lê Duẩn',
      keepPhotoLocation: false,
    },
    photos: [],
    state: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    lease: null,
    problem: null,
    ...over,
  };
}

/** The API: one report per (account, key); `posts` counts every request that reached it. */
function fakeApi() {
  const reports = new Map<string, string>();
  const posts: string[] = [];
  let made = 0;
  const receive = (d: Draft) => {
    posts.push(d.key);
    const k = `${d.userId}|${d.key}`;
    if (!reports.has(k)) reports.set(k, `report-${++made}`);
    return reports.get(k) as string;
  };
  return { reports, posts, receive };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** A mutex shared by "tabs", like navigator.locks.request(name, body). */
function sharedLock(): ExclusiveLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(body: () => Promise<T>) => {
    const run = tail.then(body, body);
    tail = run.catch(() => undefined);
    return run;
  };
}

function setup(store: DraftStore = memoryDrafts(), clock = { t: 1_000_000 }) {
  const server = fakeApi();
  const slowPost: Post = async (d) => {
    await tick(20);
    return { kind: 'sent', reportId: server.receive(d) };
  };
  const tab = (owner: string, post: Post = slowPost, lock?: ExclusiveLock) =>
    createSender({ store, post, owner, userId: () => USER, now: () => clock.t, lock });
  return { store, server, tab, clock };
}

describe('outbox sender', () => {
  it('posts a draft once with its key and removes it only after the 2xx', async () => {
    const { store, server, tab } = setup();
    const d = draft();
    await store.put(d);
    let seenDuringPost: Draft | undefined;
    const sender = tab('tab-a', async (x) => {
      seenDuringPost = await store.get(x.id);
      return { kind: 'sent', reportId: server.receive(x) };
    });
    const result = await sender.flush();
    expect(result.sent).toEqual([{ draftId: d.id, reportId: 'report-1' }]);
    expect(seenDuringPost?.lease?.owner).toBe('tab-a'); // still stored while in flight
    expect(await store.list()).toEqual([]);
    await sender.flush();
    expect(server.posts).toEqual([d.key]);
  });

  it('two tabs flushing at the same moment send it once (leases, no Web Locks)', async () => {
    const { store, server, tab } = setup();
    await store.put(draft());
    await store.put(draft());
    const a = tab('tab-a');
    const b = tab('tab-b');
    await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
    expect(server.posts).toHaveLength(2);
    expect(new Set(server.posts).size).toBe(2);
    expect(await store.list()).toEqual([]);
  });

  it('two tabs with the shared lock send it once, and take over a lease left by a closed tab', async () => {
    const { store, server, tab, clock } = setup();
    const lock = sharedLock();
    // A tab died in the middle of sending: its lease would block for minutes without the lock.
    await store.put(draft({ lease: { owner: 'dead-tab', until: clock.t + 60_000 } }));
    await Promise.all([tab('tab-a', undefined, lock).flush(), tab('tab-b', undefined, lock).flush()]);
    expect(server.posts).toHaveLength(1);
    expect(await store.list()).toEqual([]);
  });

  it('without the lock, a live lease of another tab is respected until it runs out', async () => {
    const { store, server, tab, clock } = setup();
    await store.put(draft({ lease: { owner: 'other-tab', until: clock.t + 60_000 } }));
    const a = tab('tab-a');
    await a.flush();
    expect(server.posts).toHaveLength(0);
    clock.t += 60_001;
    await a.flush();
    expect(server.posts).toHaveLength(1);
  });

  it('when the answer is lost, retries later with the same key and the API gives back the same report', async () => {
    const { store, server, tab, clock } = setup();
    const d = draft();
    await store.put(d);
    let calls = 0;
    const sender = tab('tab-a', async (x) => {
      calls++;
      const id = server.receive(x); // the server made the report…
      if (calls === 1) throw new TypeError('Network request failed'); // …but the answer never arrived
      return { kind: 'sent', reportId: id };
    });
    const first = await sender.flush();
    expect(first.sent).toEqual([]);
    const kept = await store.get(d.id);
    expect(kept).toMatchObject({ state: 'pending', attempts: 1, lease: null, key: d.key });
    expect(kept!.nextAttemptAt).toBeGreaterThan(clock.t);
    expect(first.nextAt).toBe(kept!.nextAttemptAt);

    await sender.flush(); // still backing off
    expect(calls).toBe(1);
    clock.t = kept!.nextAttemptAt;
    const second = await sender.flush();
    expect(second.sent).toEqual([{ draftId: d.id, reportId: 'report-1' }]);
    expect(server.posts).toEqual([d.key, d.key]);
    expect(server.reports.size).toBe(1);
  });

  it('the network coming back skips the backoff', async () => {
    const { store, server, tab } = setup();
    await store.put(draft({ attempts: 3, nextAttemptAt: Number.MAX_SAFE_INTEGER }));
    await tab('tab-a').flush();
    expect(server.posts).toHaveLength(0);
    await tab('tab-a').flush({ ignoreBackoff: true });
    expect(server.posts).toHaveLength(1);
  });

  it('a 4xx problem marks the draft for correction and it is not sent again', async () => {
    const { store, tab } = setup();
    const d = draft();
    await store.put(d);
    let calls = 0;
    const problem = { message: 'Vị trí nằm ngoài tỉnh Đắk Lắk.', fields: { lat: 'ngoài tỉnh' }, status: 400 };
    const sender = tab('tab-a', async () => (calls++, { kind: 'refused', problem }));
    const result = await sender.flush();
    expect(result.refused).toEqual([d.id]);
    expect(await store.get(d.id)).toMatchObject({ state: 'needs_fix', problem, lease: null });
    await sender.flush({ ignoreBackoff: true });
    expect(calls).toBe(1);
  });

  it('a server error or a refused session keeps the draft pending; signing out stops the pass', async () => {
    const { store, tab } = setup();
    await store.put(draft());
    await store.put(draft());
    let calls = 0;
    await tab('tab-a', async () => (calls++, { kind: 'signed_out' })).flush();
    expect(calls).toBe(1);
    await tab('tab-a', async () => (calls++, { kind: 'retry', status: 503 })).flush({ ignoreBackoff: true });
    expect(calls).toBe(3);
    expect((await store.list()).every((d) => d.state === 'pending' && d.lease === null)).toBe(true);
  });

  it("sends only the signed-in account's drafts (and adopts ones written before the account was known)", async () => {
    const { store, server, tab } = setup();
    await store.put(draft({ userId: 'someone-else' }));
    const orphan = draft({ userId: null });
    await store.put(orphan);
    const sent: string[] = [];
    await tab('tab-a', async (x) => {
      sent.push(`${x.id}:${x.userId}`);
      return { kind: 'sent', reportId: server.receive(x) };
    }).flush();
    expect(sent).toEqual([`${orphan.id}:${USER}`]);
    expect((await store.list()).map((d) => d.userId)).toEqual(['someone-else']);
  });

  it('nothing is sent while nobody is signed in', async () => {
    const store = memoryDrafts();
    await store.put(draft());
    let calls = 0;
    const sender = createSender({
      store,
      owner: 'tab-a',
      userId: () => null,
      post: async () => (calls++, { kind: 'sent', reportId: 'x' }),
    });
    await sender.flush();
    expect(calls).toBe(0);
  });

  it('passes in one tab do not overlap', async () => {
    const { store, server, tab } = setup();
    await store.put(draft());
    const a = tab('tab-a');
    const results = await Promise.all([a.flush(), a.flush(), a.flush()]);
    expect(server.posts).toHaveLength(1);
    expect(results.flatMap((r) => r.sent)).toHaveLength(1);
  });

  it('"only" sends the one draft and reports its upload progress', async () => {
    const { store, server, tab } = setup();
    const a = draft();
    const b = draft();
    await store.put(a);
    await store.put(b);
    const progress: number[] = [];
    await tab('tab-a', async (x, onProgress) => {
      onProgress?.(0.5);
      onProgress?.(1);
      return { kind: 'sent', reportId: server.receive(x) };
    }).flush({ only: b.id, onProgress: (f) => progress.push(f) });
    expect(server.posts).toEqual([b.key]);
    expect(progress).toEqual([0.5, 1]);
  });
});

describe('backoff', () => {
  it('doubles from about 10 s up to 10 minutes, with jitter', () => {
    expect(backoffMs(1, () => 0.5)).toBe(10_000);
    expect(backoffMs(2, () => 0.5)).toBe(20_000);
    expect(backoffMs(30, () => 0.5)).toBe(600_000);
    expect(backoffMs(1, () => 0)).toBe(8_000);
    expect(backoffMs(1, () => 1)).toBe(12_000);
  });

  it('retries 408, 429 and 5xx; other 4xx need the citizen', () => {
    expect([408, 429, 500, 502, 503].every(isRetryable)).toBe(true);
    expect([400, 403, 404, 409, 413, 422].some(isRetryable)).toBe(false);
  });
});
