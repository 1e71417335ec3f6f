import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Title, ListState } from '../components/ui';
import type { Draft } from '../feedback/drafts';
import { takeNotice } from '../feedback/notice';
import { deleteDraft, DRAFTS_CHANGED, flush, myDrafts, startOutbox } from '../feedback/outbox';
import { DueDate, StatusChip, when, type ReportSummary } from '../feedback/parts';
import { t } from '../i18n';

/** A draft waiting on this phone: sending now, waiting for the network, or refused and waiting for a fix. */
function DraftRow(props: { draft: Draft }) {
  const d = props.draft;
  const sending = d.lease !== null && d.lease.until > Date.now();
  const fix = d.state === 'needs_fix';
  // "Fix the marked fields" means nothing here: say what is wrong, field by field.
  const problem = d.problem ? Object.values(d.problem.fields).join(' ') || d.problem.message : null;
  return (
    <li
      class="fb-draft"
      data-testid="feedback-draft"
      data-state={fix ? 'needs_fix' : sending ? 'sending' : 'pending'}
    >
      <p class="fb-item-title">{d.fields.title}</p>
      <p class={`fb-draft-state${fix ? ' needs-fix' : ''}`}>
        {fix ? t('feedback.draftNeedsFix') : sending ? t('feedback.draftSending') : t('feedback.draftQueued')}
      </p>
      {fix && problem && (
        <p class="field-error" data-testid="feedback-draft-problem">
          {problem}
        </p>
      )}
      <div class="row">
        {fix && (
          <a class="btn btn-primary" href={`#/feedback/draft/${d.id}`} data-testid="feedback-draft-edit">
            {t('feedback.draftEdit')}
          </a>
        )}
        {!fix && !sending && navigator.onLine && (
          <Button type="button" variant="secondary" onClick={() => void flush({ ignoreBackoff: true })}>
            {t('feedback.sendNow')}
          </Button>
        )}
        <Button
          type="button"
          variant="link"
          data-testid="feedback-draft-delete"
          onClick={() => {
            if (confirm(t('feedback.draftDeleteConfirm'))) void deleteDraft(d.id);
          }}
        >
          {t('feedback.draftDelete')}
        </Button>
      </div>
    </li>
  );
}

/** "Phản ánh của tôi": drafts still on the phone first, then the reports the API has, newest first. */
export function FeedbackList() {
  const [notice] = useState(takeNotice);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [items, setItems] = useState<ReportSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    startOutbox();
    let live = true;
    let count = -1;
    const read = async () => {
      const list = await myDrafts().catch(() => []);
      if (!live) return;
      // A draft left the store: it was sent, so the API's list has one more.
      if (count !== -1 && list.length < count) setReloads((n) => n + 1);
      count = list.length;
      setDrafts(list);
    };
    void read();
    window.addEventListener(DRAFTS_CHANGED, read);
    return () => {
      live = false;
      window.removeEventListener(DRAFTS_CHANGED, read);
    };
  }, []);

  async function load(cursor?: string) {
    const outcome = await attempt(() =>
      authed(() => api.GET('/api/v1/feedback/mine', { params: { query: cursor ? { cursor } : {} } })),
    );
    if (outcome.ok && outcome.result.data) {
      const page = outcome.result.data;
      setItems((old) => (cursor && old ? [...old, ...page.items] : page.items));
      setNext(page.nextCursor);
      setError(null);
    } else if (!outcome.ok && outcome.status !== 401) setError(outcome.error.message);
  }

  useEffect(() => {
    void load();
  }, [reloads]);
  // Back online: the list the API has, fresh.
  useEffect(() => {
    const online = () => setReloads((n) => n + 1);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);
  const pending = drafts.filter((d) => d.state === 'pending').length;

  return (
    <section class="screen">
      <Title>{t('feedback.mineTitle')}</Title>
      {notice && (notice !== 'feedback.savedOffline' || pending > 0) && (
        <Alert kind="info" message={t(notice)} />
      )}
      <a class="btn btn-primary" href="#/feedback/new" data-testid="feedback-new">
        {t('feedback.new')}
      </a>
      {drafts.length > 0 && (
        <div class="fb-drafts" data-testid="feedback-drafts">
          <h2>{t('feedback.waiting', { n: drafts.length })}</h2>
          {pending > 0 && <p class="hint">{t('feedback.waitingHint')}</p>}
          <ul class="fb-list">
            {drafts.map((d) => (
              <DraftRow key={d.id} draft={d} />
            ))}
          </ul>
        </div>
      )}
      <div class="fb-section">
        <ListState
          items={items}
          error={error}
          onRetry={() => setReloads((n) => n + 1)}
          empty={drafts.length === 0 ? t('feedback.empty') : null}
          emptyTestId="feedback-empty"
          offline={{ text: t('feedback.listOffline'), testId: 'feedback-list-offline' }}
        />
        {items && items.length > 0 && (
          <ul class="fb-list" data-testid="feedback-mine">
            {items.map((r) => (
              <li key={r.id}>
                <a class="fb-item" href={`#/feedback/${r.id}`} data-testid="feedback-item" data-id={r.id}>
                  <StatusChip status={r.status} />
                  <p class="fb-item-title">{r.title}</p>
                  <p class="fb-meta">{t('feedback.sentAt', { when: when(r.createdAt) })}</p>
                  <DueDate dueAt={r.dueAt} status={r.status} />
                </a>
              </li>
            ))}
          </ul>
        )}
        {next && (
          <div class="actions">
            <Button
              type="button"
              variant="secondary"
              busy={loadingMore}
              data-testid="feedback-more"
              onClick={async () => {
                setLoadingMore(true);
                await load(next);
                setLoadingMore(false);
              }}
            >
              {t('feedback.more')}
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}
