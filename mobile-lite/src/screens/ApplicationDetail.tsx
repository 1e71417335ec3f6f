import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Title, LoadState } from '../components/ui';
import { interviewNote, isOpen, stepsAhead, type Application } from '../cvs/applications';
import { when } from '../cvs/format';
import { AppStatusChip, BackLink, statusText, wantedSalary } from '../cvs/parts';
import { t } from '../i18n';
import { Deadline } from '../jobs/parts';
import { MessageThread } from '../jobs/thread';

/** The steps so far with their times (interview time and place, rejection reason), then the ones ahead. */
function Timeline(props: { app: Application }) {
  const a = props.app;
  return (
    <section class="card cv-section" aria-labelledby="app-timeline-title">
      <h2 id="app-timeline-title">{t('apps.timeline')}</h2>
      <ol class="cv-timeline" data-testid="app-timeline">
        {a.timeline.map((e, i) => {
          const interview = e.status === 'interview' ? interviewNote(e.note) : null;
          return (
            <li key={i} class="done" data-status={e.status}>
              <strong>{statusText(e.status)}</strong>
              <p class="jb-meta">
                <time dateTime={e.at}>{when(e.at)}</time>
              </p>
              {interview && (
                <p>
                  {t('apps.interviewAt', { when: when(interview.at) })}
                  <br />
                  {t('apps.interviewPlace', { place: interview.place })}
                </p>
              )}
              {e.status === 'rejected' && e.note && <p>{t('apps.reason', { reason: e.note })}</p>}
            </li>
          );
        })}
        {stepsAhead(a.status).map((s) => (
          <li key={s} class="ahead" data-status={s}>
            <strong>{statusText(s)}</strong>
            <p class="jb-meta">{t('apps.ahead')}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The CV sent with the application (as it is now), or a note that it was deleted since. */
function SentCv(props: { app: Application }) {
  const cv = props.app.cv;
  return (
    <section class="card cv-section" aria-labelledby="app-cv-title" data-testid="app-cv">
      <h2 id="app-cv-title">{t('apps.cv')}</h2>
      {cv ? (
        <>
          <p>
            <a href={`#/jobs/cvs/${cv.id}`} data-testid="app-cv-link">
              <strong>{cv.title}</strong>
            </a>
          </p>
          {cv.desiredSalary !== null && <p class="jb-meta">{wantedSalary(cv.desiredSalary)}</p>}
          {cv.skills.length > 0 && <p class="jb-meta">{cv.skills.join(' · ')}</p>}
          <p class="jb-meta">
            {cv.hasPdf ? t('cvs.pdf.attached', { name: cv.pdfName ?? 'cv.pdf' }) : t('cvs.noPdf')}
          </p>
        </>
      ) : (
        <p class="muted">{t('apps.cvDeleted')}</p>
      )}
      {props.app.message && (
        <>
          <h3 class="cv-sub">{t('apps.message')}</h3>
          <p class="cv-quote">{props.app.message}</p>
        </>
      )}
    </section>
  );
}

/** One of my applications: the posting, the CV sent, the steps, withdraw (final), and the messages. */
export function ApplicationDetail(props: { id: string }) {
  const [app, setApp] = useState<Application | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void attempt(() =>
      authed(() => api.GET('/api/v1/work/applications/{id}', { params: { path: { id: props.id } } })),
    ).then((o) => {
      if (!live) return;
      if (o.ok && o.result.data) {
        setApp(o.result.data);
        setError(null);
      } else if (!o.ok && (o.status === 404 || o.status === 400)) setMissing(true);
      else if (!o.ok && o.status !== 401) setError(o.error.message);
    });
    return () => {
      live = false;
    };
  }, [props.id, reloads]);

  async function withdraw(a: Application) {
    if (!confirm(t('apps.withdrawConfirm', { title: a.posting.title }))) return;
    setBusy(true);
    const o = await attempt(() =>
      authed(() => api.POST('/api/v1/work/applications/{id}/withdraw', { params: { path: { id: a.id } } })),
    );
    setBusy(false);
    if (o.ok && o.result.data) {
      setApp(o.result.data);
      setNotice(t('apps.withdrawn'));
    } else if (!o.ok) {
      setError(o.error.message);
      setReloads((n) => n + 1);
    }
  }

  const back = <BackLink href="#/jobs/applications">{t('apps.title')}</BackLink>;
  if (!app)
    return (
      <section class="screen">
        {back}
        <Title>{t('apps.detailTitle')}</Title>
        {missing ? (
          <p class="card muted" data-testid="app-missing">
            {t('apps.missing')}
          </p>
        ) : (
          <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />
        )}
      </section>
    );

  const p = app.posting;
  return (
    <section class="screen" data-testid="app-detail" data-status={app.status}>
      {back}
      <Title>{p.title}</Title>
      <Alert kind="info" message={notice} />
      <Alert message={error} />
      <div class="card">
        <AppStatusChip status={app.status} />
        <p class="jb-company" data-testid="app-company">
          {p.company.name}
        </p>
        <p class="jb-meta">{t('apps.sentAt', { when: when(app.createdAt) })}</p>
        {p.status === 'published' ? (
          <>
            <Deadline deadline={p.deadline} />
            <p>
              <a href={`#/jobs/${p.id}`} data-testid="app-posting-link">
                {t('apps.openPosting')} →
              </a>
            </p>
          </>
        ) : (
          <p class="jb-meta">{t('apps.postingClosed')}</p>
        )}
      </div>
      {app.status === 'interview' && app.interviewAt && (
        <div class="card cv-interview" data-testid="app-interview">
          <h2>{t('apps.interview')}</h2>
          <p class="cv-interview-when">{t('apps.interviewAt', { when: when(app.interviewAt) })}</p>
          {app.interviewPlace && <p>{t('apps.interviewPlace', { place: app.interviewPlace })}</p>}
        </div>
      )}
      {app.status === 'rejected' && app.rejectionReason && (
        <div class="card cv-section" data-testid="app-reason">
          <h2>{statusText('rejected')}</h2>
          <p>{t('apps.reason', { reason: app.rejectionReason })}</p>
        </div>
      )}
      <Timeline app={app} />
      <SentCv app={app} />
      {isOpen(app.status) && (
        <div class="card cv-section" data-testid="app-withdraw-card">
          <p class="hint">{t('apps.withdrawHint')}</p>
          <Button
            type="button"
            variant="danger"
            busy={busy}
            data-testid="app-withdraw"
            onClick={() => void withdraw(app)}
          >
            {t('apps.withdraw')}
          </Button>
        </div>
      )}
      <MessageThread
        key={`${app.id}-${app.status}`}
        applicationId={app.id}
        companyName={p.company.name}
        closed={app.status === 'withdrawn'}
      />
    </section>
  );
}
