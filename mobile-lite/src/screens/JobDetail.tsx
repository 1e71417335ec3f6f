import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import { Alert, Button, Title, LoadState } from '../components/ui';
import { t } from '../i18n';
import { ApplyCard } from '../jobs/apply';
import { formatDate, shareUrl, vietnamToday } from '../jobs/format';
import { BenefitChips, Deadline, label, placeText, salaryText, type JobDetail as Job } from '../jobs/parts';

/** Shares the public page of the posting (the system share sheet, else the clipboard). */
async function share(job: Job): Promise<boolean> {
  const url = shareUrl(location.origin, job.id);
  try {
    if (navigator.share) {
      await navigator.share({ title: job.title, text: `${job.title} — ${job.company.name}`, url });
      return false;
    }
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    return false;
  }
}

/** One posting, with everything a worker needs to decide: pay, place, shifts, benefits, deadline, company. */
export function JobDetail(props: { id: string }) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [copied, setCopied] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void attempt(() => api.GET('/api/v1/work/jobs/{id}', { params: { path: { id: props.id } } })).then(
      (o) => {
        if (!live) return;
        if (o.ok && o.result.data) {
          setJob(o.result.data);
          setError(null);
        } else if (!o.ok && (o.status === 404 || o.status === 400)) setMissing(true);
        else if (!o.ok) setError(o.error.message);
      },
    );
    return () => {
      live = false;
    };
  }, [props.id, reloads]);

  const back = (
    <p>
      <a href="#/jobs" data-testid="job-back">
        ← {t('jobs.back')}
      </a>
    </p>
  );
  if (missing)
    return (
      <section class="screen">
        <Title>{t('jobs.detailTitle')}</Title>
        <p class="card muted" data-testid="job-missing">
          {t('jobs.missing')}
        </p>
        {back}
      </section>
    );
  if (!job)
    return (
      <section class="screen">
        <Title>{t('jobs.detailTitle')}</Title>
        <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />
        {back}
      </section>
    );

  const url = shareUrl(location.origin, job.id);
  return (
    <section class="screen" data-testid="job-detail" data-id={job.id}>
      {back}
      <Title>{job.title}</Title>
      <div class="card">
        <p class="jb-company" data-testid="job-company">
          {job.company.name}
        </p>
        <p class="jb-salary" data-testid="job-detail-salary">
          {salaryText(job)}
        </p>
        <Deadline deadline={job.deadline} />
        <dl class="jb-facts">
          <dt>{t('jobs.place')}</dt>
          <dd data-testid="job-place">{placeText(job)}</dd>
          <dt>{t('jobs.type')}</dt>
          <dd>{label('jobs.type.', job.employmentType)}</dd>
          {job.shifts.length > 0 && (
            <>
              <dt>{t('jobs.shifts')}</dt>
              <dd data-testid="job-shifts">{job.shifts.map((s) => label('jobs.shift.', s)).join(', ')}</dd>
            </>
          )}
          <dt>{t('jobs.industry')}</dt>
          <dd>{job.industryName}</dd>
        </dl>
        <p class="jb-meta">
          {t('jobs.openings', { n: job.openings })} ·{' '}
          {t('jobs.published', { date: formatDate(vietnamToday(new Date(job.publishedAt))) })}
        </p>
      </div>
      {job.benefits.length > 0 && (
        <div class="card jb-section">
          <h2>{t('jobs.benefits')}</h2>
          <BenefitChips benefits={job.benefits} testId="job-benefits" />
        </div>
      )}
      <ApplyCard jobId={job.id} />
      <div class="card jb-section">
        <h2>{t('jobs.description')}</h2>
        <p data-testid="job-description">{job.description}</p>
        {job.requirements && (
          <>
            <h2>{t('jobs.requirements')}</h2>
            <p>{job.requirements}</p>
          </>
        )}
      </div>
      <div class="card jb-section">
        <h2>{t('jobs.company')}</h2>
        <p>
          <strong>{job.company.name}</strong>
        </p>
        {job.company.address && <p class="jb-meta">{job.company.address}</p>}
        {job.company.size && (
          <p class="jb-meta">{t('jobs.companySize', { size: job.company.size.replace('-', '–') })}</p>
        )}
      </div>
      <div class="card jb-section">
        <label for="f-job-share">
          <strong>{t('jobs.shareLink')}</strong>
        </label>
        <input
          id="f-job-share"
          class="jb-share"
          readOnly
          value={url}
          data-testid="job-share-url"
          onFocus={(e) => e.currentTarget.select()}
        />
        <div class="actions">
          <Button
            type="button"
            variant="secondary"
            data-testid="job-share"
            onClick={async () => setCopied(await share(job))}
          >
            {t('jobs.share')}
          </Button>
        </div>
        {copied && <Alert kind="info" message={t('jobs.shareCopied')} />}
      </div>
    </section>
  );
}
