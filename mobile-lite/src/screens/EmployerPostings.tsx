import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Button, Title, LoadState } from '../components/ui';
import type { Company } from '../employer/company-form';
import { BackLink } from '../cvs/parts';
import { SelectField, Tabs } from '../employer/fields';
import { PostingChip, postingStatusText } from '../employer/posting-parts';
import { POSTING_STATUSES, type Posting, type PostingStatus } from '../employer/posting-form';
import { companyOptions, hashParam, loadMyCompanies, replaceHashParams } from '../employer/refs';
import { t } from '../i18n';
import { Deadline, salaryText } from '../jobs/parts';

function PostingRow(props: { posting: Posting; showCompany: boolean }) {
  const p = props.posting;
  return (
    <li>
      <a class="jb-item" href={`#/employer/postings/${p.id}`} data-testid="posting-item" data-id={p.id}>
        <div class="em-head">
          <p class="jb-title">{p.title}</p>
          <PostingChip status={p.status} />
        </div>
        {props.showCompany && <p class="jb-company">{p.companyName}</p>}
        <p class="jb-salary">{salaryText(p)}</p>
        <p class="jb-meta">{t('employer.applications', { n: p.applications })}</p>
        {p.status === 'published' && <Deadline deadline={p.deadline} />}
        {p.status === 'rejected' && p.rejectionReason && (
          <p class="em-reason">{t('employer.reason', { reason: p.rejectionReason })}</p>
        )}
      </a>
    </li>
  );
}

const PAGE = 20;

/** "Tin tuyển dụng": the postings of my companies by state (kept in the address), newest first. */
export function EmployerPostings() {
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [companyId, setCompanyId] = useState(hashParam('company'));
  const [status, setStatus] = useState<PostingStatus | ''>(hashParam('status') as PostingStatus | '');
  const [items, setItems] = useState<Posting[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    void loadMyCompanies().then((o) => {
      if (o.ok && o.result.data) setCompanies(o.result.data.items);
    });
  }, []);

  useEffect(() => {
    replaceHashParams('#/employer/postings', { company: companyId, status });
    let live = true;
    const query = {
      page,
      pageSize: PAGE,
      ...(companyId ? { companyId } : {}),
      ...(status ? { status } : {}),
    };
    void attempt(() => authed(() => api.GET('/api/v1/work/postings', { params: { query } }))).then((o) => {
      if (!live) return;
      if (o.ok && o.result.data) {
        const data = o.result.data;
        setItems((old) => (page > 1 && old ? [...old, ...data.items] : data.items));
        setTotal(data.total);
        setError(null);
      } else if (!o.ok && o.status !== 401) setError(o.error.message);
    });
    return () => {
      live = false;
    };
  }, [companyId, status, page, reloads]);

  const filter = (change: () => void) => {
    change();
    setPage(1);
    setItems(null);
  };
  const chosen = companies?.find((c) => c.id === companyId);
  const unverified =
    companies !== null && companies.length > 0 && !companies.some((c) => c.status === 'verified');
  const newHref = `#/employer/postings/new${companyId ? `?company=${companyId}` : ''}`;
  return (
    <section class="screen">
      <BackLink href={chosen ? `#/employer/companies/${chosen.id}` : '#/employer'} testId="em-back">
        {chosen?.name ?? t('employer.back')}
      </BackLink>
      <Title>{t('employer.postings')}</Title>
      {companies && companies.length === 0 && (
        <p class="card" data-testid="postings-no-company">
          {t('employer.noCompany')} <a href="#/employer">{t('employer.registerTitle')}</a>
        </p>
      )}
      {unverified && <p class="notice">{t('employer.notVerified')}</p>}
      {companies && companies.length > 0 && (
        <div class="actions">
          <a class="btn btn-primary" href={newHref} data-testid="posting-new">
            {t('employer.newPosting')}
          </a>
        </div>
      )}
      {companies && companies.length > 1 && (
        <SelectField
          name="postingsCompany"
          label={t('employer.company')}
          value={companyId}
          onValue={(v) => filter(() => setCompanyId(v))}
          placeholder={t('employer.all')}
          options={companyOptions(companies)}
        />
      )}
      <h2 class="sr-only">{t('employer.postings')}</h2>
      <Tabs
        label={t('employer.postings')}
        testId="postings-status"
        value={status}
        onValue={(v) => filter(() => setStatus(v))}
        options={[
          { value: '' as const, label: t('employer.all') },
          ...POSTING_STATUSES.map((s) => ({ value: s, label: postingStatusText(s) })),
        ]}
      />
      {!items && <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />}
      {items && items.length === 0 && <p class="card muted">{t('employer.postingsEmpty')}</p>}
      {items && items.length > 0 && (
        <ul class="jb-list" data-testid="postings-list">
          {items.map((p) => (
            <PostingRow key={p.id} posting={p} showCompany={(companies?.length ?? 0) > 1 && !companyId} />
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
