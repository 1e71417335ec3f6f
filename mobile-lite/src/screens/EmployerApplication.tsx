import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Title, LoadState } from '../components/ui';
import { AppChip, appStatusText, StageCard, type Application } from '../employer/application-parts';
import { CvCard } from '../employer/cv';
import { BackLink } from '../cvs/parts';
import { when } from '../cvs/format';
import { t } from '../i18n';
import { MessageThread } from '../jobs/thread';

/**
 * `#/employer/applications/<id>` (where the bell's application and message notices lead): the applicant,
 * the CV (with its PDF), the stage and what comes next, the history, and the conversation.
 */
export function EmployerApplication(props: { id: string }) {
  const [app, setApp] = useState<Application | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    void attempt(() =>
      authed(() => api.GET('/api/v1/work/applications/{id}', { params: { path: { id: props.id } } })),
    ).then((o) => {
      // Opening it the first time marks it "viewed" for the applicant (the API does it).
      if (o.ok && o.result.data?.as === 'employer') setApp(o.result.data);
      else if (o.ok || o.status === 404 || o.status === 400) setMissing(true);
      else if (o.status !== 401) setError(o.error.message);
    });
  }, [props.id, reloads]);

  if (!app)
    return (
      <section class="screen">
        <BackLink href="#/employer/postings" testId="em-back">
          {t('employer.postings')}
        </BackLink>
        <Title>{t('employer.applicants')}</Title>
        {missing && <p class="card muted">{t('employer.missing')}</p>}
        {!missing && <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />}
      </section>
    );

  return (
    <section class="screen" data-testid="employer-application" data-id={app.id} data-status={app.status}>
      <BackLink href={`#/employer/postings/${app.posting.id}/applicants`} testId="em-back">
        {app.posting.title}
      </BackLink>
      <Title>{app.applicant.fullName}</Title>
      <Alert kind="info" message={notice} />
      <div class="card em-card">
        <div class="em-head">
          <p class="jb-company">{app.posting.title}</p>
          <AppChip status={app.status} />
        </div>
        <p class="jb-meta">{t('employer.appliedOn', { when: when(app.createdAt) })}</p>
        {app.status === 'interview' && app.interviewAt && (
          <p class="jb-meta" data-testid="applicant-interview">
            {t('employer.interviewOn', { when: when(app.interviewAt), place: app.interviewPlace ?? '' })}
          </p>
        )}
        {app.status === 'rejected' && app.rejectionReason && (
          <p class="em-reason">{t('employer.reason', { reason: app.rejectionReason })}</p>
        )}
        {app.message && (
          <>
            <h3>{t('employer.applicantMessage')}</h3>
            <p class="em-text-block">{app.message}</p>
          </>
        )}
      </div>
      <StageCard
        key={app.status}
        app={app}
        onMoved={(moved) => {
          setApp(moved);
          setNotice(t('employer.stageDone', { status: appStatusText(moved.status) }));
        }}
      />
      <CvCard cv={app.cv} />
      <div class="card">
        <h2>{t('employer.timeline')}</h2>
        <ol class="em-timeline" data-testid="applicant-timeline">
          {app.timeline.map((e, i) => (
            <li key={i}>
              {appStatusText(e.status)} · {when(e.at)}
            </li>
          ))}
        </ol>
      </div>
      <MessageThread
        applicationId={app.id}
        applicantName={app.applicant.fullName}
        closed={app.status === 'withdrawn'}
      />
    </section>
  );
}
