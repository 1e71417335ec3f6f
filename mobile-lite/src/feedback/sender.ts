import type { Draft, DraftProblem, DraftStore } from './drafts';
import type { ExclusiveLock } from '../api/lock';

/**
 * Sends the drafts of the signed-in account, each exactly once:
 * - a draft is leased (atomically, in the store) before it is posted, so a second tab or a second trigger
 *   skips it; with Web Locks the whole pass also runs under one exclusive lock across tabs;
 * - it is posted with its Idempotency-Key, so even a repeat after a lost answer returns the same report;
 * - it leaves the store only after a 2xx; a 4xx problem marks it for the citizen to correct; no answer,
 *   a 5xx, 408 or 429 leave it pending with a growing delay.
 */
export type PostOutcome =
  | { kind: 'sent'; reportId: string }
  | { kind: 'refused'; problem: DraftProblem }
  | { kind: 'retry'; status?: number | undefined }
  /** The session is over (401 after a refresh): keep the draft and stop this pass. */
  | { kind: 'signed_out' };

export type Post = (draft: Draft, onProgress?: (fraction: number) => void) => Promise<PostOutcome>;

export type { ExclusiveLock };

export interface SenderDeps {
  store: DraftStore;
  post: Post;
  /** Who this sender is (one per tab). */
  owner: string;
  /** The signed-in account, or null (nothing is sent then). */
  userId: () => string | null;
  now?: () => number;
  /** Cross-tab lock (Web Locks); without it, the leases alone keep tabs apart. */
  lock?: ExclusiveLock | undefined;
  leaseMs?: number;
  onSent?: (draft: Draft, reportId: string) => void;
  onChange?: () => void;
}

/** Long enough for six 8 MB photos on a slow 3G link; an upload gives up a minute before. */
export const LEASE_MS = 10 * 60_000;
const MAX_DELAY_MS = 10 * 60_000;

/** Delay before the next try after `attempts` failures: 10 s, 20 s, 40 s… up to 10 minutes. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, 10_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Retry later, or ask the citizen: 408/429/5xx are the server's trouble; other 4xx are the draft's. */
export function isRetryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

export interface PassOptions {
  /** Send even drafts still waiting out their backoff (the network came back, or "send now"). */
  ignoreBackoff?: boolean;
  /** Only this draft (the one just submitted), with upload progress. */
  only?: string;
  onProgress?: (fraction: number) => void;
}

export interface PassResult {
  sent: { draftId: string; reportId: string }[];
  refused: string[];
  waiting: number;
  /** Earliest `nextAttemptAt` of drafts still pending (to schedule the next pass), or null. */
  nextAt: number | null;
}

export function createSender(deps: SenderDeps) {
  const now = deps.now ?? Date.now;
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  let running: Promise<PassResult> | null = null;

  function mine(d: Draft, userId: string): boolean {
    return d.userId === null || d.userId === userId;
  }

  async function pass(options: PassOptions, locked: boolean): Promise<PassResult> {
    const result: PassResult = { sent: [], refused: [], waiting: 0, nextAt: null };
    const userId = deps.userId();
    if (!userId) return result;
    const drafts = (await deps.store.list())
      .filter((d) => mine(d, userId) && d.state === 'pending')
      .filter((d) => !options.only || d.id === options.only)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const listed of drafts) {
      const draft = await deps.store.claim(listed.id, deps.owner, now(), leaseMs, {
        ignoreBackoff: options.ignoreBackoff === true,
        // Under the exclusive lock no other tab is sending: a lease left behind is from a closed tab.
        breakLease: locked,
      });
      if (!draft) continue;
      deps.onChange?.();
      let outcome: PostOutcome;
      try {
        outcome = await deps.post(
          { ...draft, userId: draft.userId ?? userId },
          options.only === draft.id ? options.onProgress : undefined,
        );
      } catch {
        outcome = { kind: 'retry' };
      }
      if (outcome.kind === 'sent') {
        await deps.store.settle(draft.id, deps.owner, null);
        result.sent.push({ draftId: draft.id, reportId: outcome.reportId });
        deps.onSent?.(draft, outcome.reportId);
      } else if (outcome.kind === 'refused') {
        await deps.store.settle(draft.id, deps.owner, {
          state: 'needs_fix',
          problem: outcome.problem,
          userId: draft.userId ?? userId,
        });
        result.refused.push(draft.id);
      } else {
        const attempts = draft.attempts + 1;
        await deps.store.settle(draft.id, deps.owner, {
          attempts,
          nextAttemptAt: now() + backoffMs(attempts),
        });
        deps.onChange?.();
        if (outcome.kind === 'signed_out') break;
      }
      deps.onChange?.();
    }
    for (const d of await deps.store.list()) {
      if (!mine(d, userId) || d.state !== 'pending') continue;
      result.waiting++;
      result.nextAt = result.nextAt === null ? d.nextAttemptAt : Math.min(result.nextAt, d.nextAttemptAt);
    }
    return result;
  }

  /**
   * One pass over the pending drafts. Passes in this tab never overlap (a second call waits for the
   * first, then runs); across tabs the lock (or else the leases) keeps them apart.
   */
  async function flush(options: PassOptions = {}): Promise<PassResult> {
    while (running) await running.catch(() => undefined);
    running = deps.lock ? deps.lock(() => pass(options, true)) : pass(options, false);
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  return { flush };
}

export type Sender = ReturnType<typeof createSender>;
