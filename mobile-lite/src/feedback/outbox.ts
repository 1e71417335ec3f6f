import { authed, refreshSession } from '../api/client';
import { problemCode } from '../api/problem';
import { session } from '../api/session';
import { upload } from '../api/upload';
import { randomId } from '../api/device';
import { indexedDbDrafts, memoryDrafts, type Draft, type DraftFields, type DraftStore } from './drafts';
import { describeFormProblem } from './form';
import { createSender, isRetryable, LEASE_MS, type PassResult, type Post } from './sender';
import { webLock } from '../api/lock';

/**
 * The outbox of this tab: the IndexedDB drafts store and a sender wired to the API, run on app start,
 * when the network comes back, when the app is shown again, and after failures with backoff.
 */
export const DRAFTS_CHANGED = 'dlid:drafts';
const CHANNEL = 'dlid-feedback-drafts';

function openStore(): DraftStore {
  try {
    if (typeof indexedDB !== 'undefined') return indexedDbDrafts();
  } catch {
    // IndexedDB disabled (some private modes): drafts live as long as the page.
  }
  return memoryDrafts();
}

export const drafts: DraftStore = openStore();

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
/** Tells this tab's screens, and the other tabs, that the drafts changed. */
function changed(): void {
  window.dispatchEvent(new Event(DRAFTS_CHANGED));
  channel?.postMessage('changed');
}
channel?.addEventListener('message', () => window.dispatchEvent(new Event(DRAFTS_CHANGED)));

/** navigator.locks: one sending pass at a time across every tab of the app. */
const sendLock = webLock('dlid-feedback-send');

function formOf(fields: DraftFields, photos: Blob[]): FormData {
  const form = new FormData();
  form.set('category', fields.category);
  form.set('title', fields.title);
  form.set('description', fields.description);
  if (fields.lat !== undefined && fields.lng !== undefined) {
    form.set('lat', String(fields.lat));
    form.set('lng', String(fields.lng));
  }
  if (fields.communeCode) form.set('communeCode', fields.communeCode);
  if (fields.address) form.set('address', fields.address);
  // Absent means false: nothing of the photos' location is kept.
  if (fields.keepPhotoLocation) form.set('keepPhotoLocation', 'true');
  photos.forEach((p, i) => form.append('photos', p, `photo-${i + 1}.jpg`));
  return form;
}

/** A stalled upload gives up (and is retried later) before its lease runs out. */
const UPLOAD_TIMEOUT_MS = LEASE_MS - 60_000;

const post: Post = async (draft, onProgress) => {
  let answer;
  try {
    answer = await authed(() =>
      upload(
        '/api/v1/feedback',
        formOf(draft.fields, draft.photos),
        onProgress,
        { 'Idempotency-Key': draft.key },
        UPLOAD_TIMEOUT_MS,
      ),
    );
  } catch {
    return { kind: 'retry' };
  }
  const status = answer.response.status;
  if (answer.response.ok && answer.data) return { kind: 'sent', reportId: answer.data.id };
  if (status === 401) return { kind: 'signed_out' };
  if (isRetryable(status)) return { kind: 'retry', status };
  const shown = describeFormProblem(answer.error);
  return {
    kind: 'refused',
    problem: { message: shown.message, fields: shown.fields, status, code: problemCode(answer.error) },
  };
};

const owner = randomId();
const sender = createSender({
  store: drafts,
  post,
  owner,
  userId: () => session.user()?.id ?? null,
  lock: sendLock,
  onChange: changed,
});

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(result: PassResult): void {
  clearTimeout(timer);
  timer = undefined;
  if (result.nextAt === null) return;
  timer = setTimeout(() => void flush(), Math.max(1000, result.nextAt - Date.now()));
}

/** One pass; makes sure the account is known first (after a reload only the refresh token is there). */
export async function flush(options: Parameters<typeof sender.flush>[0] = {}): Promise<PassResult> {
  if (!session.user() && session.refreshToken()) await refreshSession().catch(() => false);
  const result = await sender.flush(options);
  schedule(result);
  return result;
}

/** Saves a new draft (or a corrected one, with a new key) and tells the screens. */
export async function saveDraft(
  fields: DraftFields,
  photos: Blob[],
  replacing?: Draft | undefined,
): Promise<Draft> {
  const draft: Draft = {
    id: replacing?.id ?? randomId(),
    key: randomId(),
    userId: session.user()?.id ?? replacing?.userId ?? null,
    createdAt: replacing?.createdAt ?? new Date().toISOString(),
    fields,
    photos,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    lease: null,
    problem: null,
  };
  await drafts.put(draft);
  changed();
  return draft;
}

export async function deleteDraft(id: string): Promise<void> {
  await drafts.remove(id);
  changed();
}

/** The signed-in account's drafts, oldest first. */
export async function myDrafts(): Promise<Draft[]> {
  const userId = session.user()?.id ?? null;
  return (await drafts.list())
    .filter((d) => d.userId === null || userId === null || d.userId === userId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

let started = false;
/** Starts the background sending once per page: now, on `online`, and when the app is shown again. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flush({ ignoreBackoff: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) void flush();
  });
  session.subscribe(() => {
    if (session.user()) void flush();
  });
  void flush({ ignoreBackoff: true });
}
