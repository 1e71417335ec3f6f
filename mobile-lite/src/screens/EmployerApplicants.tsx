import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { Button, Title, LoadState } from '../components/ui';
import { when } from '../cvs/format';
import { BackLink } from '../cvs/parts';
import { Tabs } from '../employer/fields';
import { AppChip, appStatusText } from '../employer/application-parts';
import { hashParam, replaceHashParams } from '../employer/refs';
import { applicantTabs, type AppStatus } from '../employer/stages';
import { t } from '../i18n';

type Page = components['schemas']['JobPostingApplicationsPage'];
type Row = Page['items'][number];

const PAGE = 20;

function ApplicantRow(props: { row: Row }) {
  const a = props.row;
  return (
    <li>
      <a class="jb-item" href={`#/employer/applications/${a.id}`} data-testid="applicant-item" data-id={a.id}>
        <div class="em-head">
          <p class="jb-title">{a.applicant.fullName}</p>
          <AppChip status={a.status} />
        </div>
        {a.cv && <p class="jb-company">{a.cv.title}</p>}
        <p class="jb-meta">{t('employer.appliedOn', { when: when(a.createdAt) })}</p>
        {a.status === 'interview' && a.interviewAt && (
          <p class="jb-meta">
            {t('employer.interviewOn', { when: when(a.interviewAt), place: a.interviewPlace ?? '' })}
          </p>
        )}
      </a>
    </li>
  );
}

/** `#/employer/postings/<id>/applicants`: who applied, filtered by stage with the count of each, newest first. */
export function EmployerApplicants(props: { postingId: string }) {
  const [title, setTitle] = useState<string | null>(null);
  const [status, setStatus] = useState<AppStatus | ''>(hashParam('status') as AppStatus | '');
  const [items, setItems] = useState<Row[] | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const params = { path: { id: props.postingId } };
    void attempt(() => authed(() => api.GET('/api/v1/work/postings/{id}', { params }))).then((o) => {
      if (o.ok && o.result.data) setTitle(o.result.data.title);
    });
  }, [props.postingId]);

  useEffect(() => {
    replaceHashParams(`#/employer/postings/${props.postingId}/applicants`, { status });
    let live = true;
    const query = { page, pageSize: PAGE, ...(status ? { status } : {}) };
    const params = { path: { id: props.postingId }, query };
    void attempt(() => authed(() => api.GET('/api/v1/work/postings/{id}/applications', { params }))).then(
      (o) => {
        if (!live) return;
        if (o.ok && o.result.data) {
          const data = o.result.data;
          setItems((old) => (page > 1 && old ? [...old, ...data.items] : data.items));
          setCounts(data.counts);
          setTotal(data.total);
          setError(null);
        } else if (!o.ok && o.status !== 401) setError(o.error.message);
      },
    );
    return () => {
      live = false;
    };
  }, [props.postingId, status, page, reloads]);

  return (
    <section class="screen">
      <BackLink href={`#/employer/postings/${props.postingId}`} testId="em-back">
        {title ?? t('employer.postings')}
      </BackLink>
      <Title>{t('employer.applicants')}</Title>
      {title && <p class="lead">{title}</p>}
      <Tabs
        label={t('employer.applicants')}
        testId="applicants-status"
        value={status}
        onValue={(v) => (setStatus(v), setPage(1), setItems(null))}
        options={applicantTabs(counts, status).map((o) => ({
          value: o.value,
          label: `${o.value ? appStatusText(o.value) : t('employer.all')} (${o.n})`,
        }))}
      />
      {!items && <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />}
      {items && items.length === 0 && <p class="card muted">{t('employer.applicantsEmpty')}</p>}
      {items && items.length > 0 && (
        <ul class="jb-list" data-testid="applicants-list">
          {items.map((a) => (
            <ApplicantRow key={a.id} row={a} />
          ))}
        </ul>
      )}
      {items && items.length < total && (
        <div class="actions">
          <Button type="button" variant="secondary" onClick={() => setPage((n) => n + 1)}>
            {t('jobs.more')}
          </Button>
        </div>
      )}
    </section>
  );
}
