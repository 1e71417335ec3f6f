import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Title, LoadState } from '../components/ui';
import { canReopen } from '../feedback/form';
import { takeNotice } from '../feedback/notice';
import {
  categoryName,
  DueDate,
  ReportPhoto,
  StatusChip,
  statusText,
  useCategories,
  when,
  type Report,
} from '../feedback/parts';
import { pick, t } from '../i18n';

/** Reopen ("chưa được xử lý") within 7 days of the answer, with a reason. */
function ReopenForm(props: { id: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button type="button" variant="danger" data-testid="feedback-reopen" onClick={() => setOpen(true)}>
        {t('feedback.reopen')}
      </Button>
    );
  async function send(e: Event) {
    e.preventDefault();
    if (reason.trim().length < 5) return setError(t('feedback.v.reopenReason'));
    setBusy(true);
    const outcome = await attempt(
      () =>
        authed(() =>
          api.POST('/api/v1/feedback/{id}/reopen', {
            params: { path: { id: props.id } },
            body: { reason: reason.trim() },
          }),
        ),
      ['reason'],
    );
    setBusy(false);
    if (outcome.ok) props.onDone();
    else setError(outcome.error.fields.reason ?? outcome.error.message);
  }
  return (
    <form class="form" noValidate onSubmit={(e) => void send(e)}>
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for="f-reason">{t('feedback.reopenReason')}</label>
        <textarea
          id="f-reason"
          class="fb-text"
          rows={3}
          value={reason}
          data-testid="feedback-reopen-reason"
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        {error && <p class="field-error">{error}</p>}
      </div>
      <Button busy={busy} data-testid="feedback-reopen-send">
        {t('feedback.reopenSend')}
      </Button>
    </form>
  );
}

/** 1–5 stars and an optional comment, once, after the answer. */
function RatingForm(props: { id: string; onDone: () => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(e: Event) {
    e.preventDefault();
    if (!stars) return setError(t('feedback.v.stars'));
    setBusy(true);
    const outcome = await attempt(() =>
      authed(() =>
        api.POST('/api/v1/feedback/{id}/rating', {
          params: { path: { id: props.id } },
          body: comment.trim() ? { stars, comment: comment.trim() } : { stars },
        }),
      ),
    );
    setBusy(false);
    if (outcome.ok) props.onDone();
    else setError(outcome.error.message);
  }
  return (
    <form class="card form" noValidate onSubmit={(e) => void send(e)} data-testid="feedback-rating">
      <h2>{t('feedback.rate')}</h2>
      <div class="stars" role="radiogroup" aria-label={t('feedback.rate')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            type="button"
            key={n}
            role="radio"
            aria-checked={stars === n ? 'true' : 'false'}
            aria-label={t('feedback.star', { n })}
            class={`star${n <= stars ? ' on' : ''}`}
            data-testid={`feedback-star-${n}`}
            onClick={() => setStars(n)}
          >
            ★
          </button>
        ))}
      </div>
      <div class="field">
        <label for="f-comment">{t('feedback.rateComment')}</label>
        <textarea
          id="f-comment"
          class="fb-text"
          rows={2}
          value={comment}
          maxLength={1000}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
      </div>
      <Alert message={error} />
      <Button busy={busy} data-testid="feedback-rate-send">
        {t('feedback.rateSend')}
      </Button>
    </form>
  );
}

/** One of my reports: status, due date, where, what, photos, the timeline with departments, the answer. */
export function FeedbackDetail(props: { id: string }) {
  const categories = useCategories();
  const [notice, setNotice] = useState(() => takeNotice());
  const [report, setReport] = useState<Report | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const outcome = await attempt(() =>
        authed(() => api.GET('/api/v1/feedback/{id}', { params: { path: { id: props.id } } })),
      );
      if (!live) return;
      if (outcome.ok && outcome.result.data) {
        setReport(outcome.result.data);
        setError(null);
      } else if (!outcome.ok && (outcome.status === 404 || outcome.status === 400)) setMissing(true);
      else if (!outcome.ok && outcome.status !== 401) setError(outcome.error.message);
    })();
    return () => {
      live = false;
    };
  }, [props.id, reloads]);

  const reload = (key?: 'feedback.reopened') => {
    if (key) setNotice(key);
    setReloads((n) => n + 1);
  };

  const back = (
    <div class="actions">
      <a class="btn btn-secondary" href="#/feedback" data-testid="feedback-back">
        {t('feedback.back')}
      </a>
    </div>
  );
  if (missing || error || !report)
    return (
      <section class="screen">
        <Title>{t('feedback.detailTitle')}</Title>
        {missing ? (
          <Alert message={t('feedback.missing')} />
        ) : (
          <LoadState error={error} onRetry={() => reload()} />
        )}
        {back}
      </section>
    );

  const resolvedAt = [...report.timeline].reverse().find((e) => e.status === 'resolved')?.at ?? null;
  // Photo n is the n-th kind: the citizen's own first, then the officer's photos of the result on site.
  const numbers = Array.from({ length: report.photos }, (_, i) => i + 1);
  const mine = numbers.filter((n) => report.photoKinds[n - 1] !== 'result');
  const results = numbers.filter((n) => report.photoKinds[n - 1] === 'result');
  const place = [report.address, report.communeName].filter(Boolean).join(', ');
  return (
    <section class="screen" data-testid="feedback-detail" data-status={report.status}>
      <Title>{report.title}</Title>
      {notice && <Alert kind="info" message={t(notice)} />}
      <div class="card">
        <div class="fb-head">
          <StatusChip status={report.status} />
          <span class="fb-meta">{categoryName(categories, report.category)}</span>
        </div>
        <DueDate dueAt={report.dueAt} status={report.status} />
        <p class="fb-meta">{t('feedback.sentAt', { when: when(report.createdAt) })}</p>
        {(place || report.lat !== null) && (
          <p class="fb-meta">
            {t('feedback.place')}: {place || `${report.lat?.toFixed(5)}, ${report.lng?.toFixed(5)}`}
          </p>
        )}
        <p class="fb-description">{report.description}</p>
      </div>
      {report.answer && (
        <div class="card fb-section" data-testid="feedback-answer">
          <h2>{t('feedback.answer')}</h2>
          <p class="fb-answer">{report.answer}</p>
          {results.length > 0 && (
            <div class="fb-photos" data-testid="feedback-result-photos">
              {results.map((n) => (
                <ReportPhoto key={n} id={report.id} n={n} alt={t('feedback.resultPhotos')} />
              ))}
            </div>
          )}
        </div>
      )}
      {report.rejectionReason && (
        <div class="card fb-section">
          <h2>{t('feedback.rejected')}</h2>
          <p class="fb-answer">{report.rejectionReason}</p>
        </div>
      )}
      {report.duplicateOf && (
        <p>
          <a href={`#/feedback/${report.duplicateOf}`}>{t('feedback.duplicateOf')}</a>
        </p>
      )}
      {report.status === 'resolved' && report.rating === null && (
        <RatingForm id={report.id} onDone={() => reload()} />
      )}
      {report.rating !== null && (
        <p class="alert alert-info" data-testid="feedback-rated">
          {t('feedback.rated', { n: report.rating })}
        </p>
      )}
      {canReopen(report.status, resolvedAt) && (
        <div class="card form fb-section">
          <p class="hint">{t('feedback.reopenHint')}</p>
          <ReopenForm id={report.id} onDone={() => reload('feedback.reopened')} />
        </div>
      )}
      {mine.length > 0 && (
        <div class="fb-section">
          <h2>{t('feedback.myPhotos')}</h2>
          <div class="fb-photos">
            {mine.map((n) => (
              <ReportPhoto key={n} id={report.id} n={n} alt={t('feedback.photoAlt', { n })} />
            ))}
          </div>
        </div>
      )}
      <div class="fb-section">
        <h2>{t('feedback.timeline')}</h2>
        <ol class="fb-timeline" data-testid="feedback-timeline">
          {report.timeline.map((e, i) => (
            <li key={i} data-status={e.status}>
              <strong>{statusText(e.status)}</strong>
              <p class="fb-meta">{when(e.at)}</p>
              {e.departmentName && <p>{t('feedback.by', { name: pick(e.departmentName) })}</p>}
              {e.note && <p class="fb-answer">{e.note}</p>}
            </li>
          ))}
        </ol>
      </div>
      {back}
    </section>
  );
}
