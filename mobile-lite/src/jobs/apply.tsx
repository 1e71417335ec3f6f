import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { session } from '../api/session';
import { Alert, Button } from '../components/ui';
import { t } from '../i18n';

type Cv = components['schemas']['CvSummary'];

/** "Ứng tuyển": pick one of my CVs (the default first), add a short message, send. */
export function ApplyCard(props: { jobId: string }) {
  const signedIn = session.isSignedIn();
  const [cvs, setCvs] = useState<Cv[] | null>(null);
  const [cvId, setCvId] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    void attempt(() => authed(() => api.GET('/api/v1/work/cvs'))).then((o) => {
      if (o.ok && o.result.data) {
        const items = o.result.data.items;
        setCvs(items);
        setCvId((items.find((c) => c.isDefault) ?? items[0])?.id ?? '');
      } else if (!o.ok && o.status !== 401) setError(o.error.message);
    });
  }, [signedIn]);

  if (!signedIn)
    return (
      <div class="card jb-section" data-testid="job-apply">
        <h2>{t('jobs.apply')}</h2>
        <a class="btn btn-primary" href="#/login" data-testid="job-apply-login">
          {t('jobs.applyLogin')}
        </a>
      </div>
    );

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = { cvId, ...(message.trim() ? { message: message.trim() } : {}) };
    const o = await attempt(() =>
      authed(() =>
        api.POST('/api/v1/work/jobs/{postingId}/applications', {
          params: { path: { postingId: props.jobId } },
          body,
        }),
      ),
    );
    setBusy(false);
    if (o.ok) setSent(o.result.data?.id ?? '');
    else setError(o.error.message);
  }

  return (
    <div class="card jb-section" data-testid="job-apply">
      <h2>{t('jobs.apply')}</h2>
      {sent !== null ? (
        <>
          <Alert kind="info" message={t('jobs.applied')} />
          {sent && (
            <p class="center">
              <a href={`#/jobs/applications/${sent}`} data-testid="job-apply-view">
                {t('cvs.link.viewApplication')}
              </a>
            </p>
          )}
        </>
      ) : cvs && cvs.length === 0 ? (
        <>
          <p class="muted" data-testid="job-apply-no-cv">
            {t('jobs.applyNoCv')}
          </p>
          <a
            class="btn btn-primary"
            href={`#/jobs/cvs/new?job=${encodeURIComponent(props.jobId)}`}
            data-testid="job-apply-create-cv"
          >
            {t('cvs.link.create')}
          </a>
        </>
      ) : (
        <form class="form" noValidate onSubmit={(e) => void submit(e)}>
          <div class="field jb-form">
            <label for="f-apply-cv">{t('jobs.applyCv')}</label>
            <select
              id="f-apply-cv"
              data-testid="job-apply-cv"
              value={cvId}
              onChange={(e) => setCvId(e.currentTarget.value)}
            >
              {(cvs ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                  {c.isDefault ? ` (${t('jobs.applyDefault')})` : ''}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-apply-message">{t('jobs.applyMessage')}</label>
            <textarea
              id="f-apply-message"
              class="jb-message"
              rows={3}
              maxLength={1000}
              value={message}
              data-testid="job-apply-message"
              onInput={(e) => setMessage(e.currentTarget.value)}
            />
          </div>
          <Alert message={error} />
          <Button busy={busy} disabled={!cvId} data-testid="job-apply-send">
            {t('jobs.applySend')}
          </Button>
        </form>
      )}
    </div>
  );
}
