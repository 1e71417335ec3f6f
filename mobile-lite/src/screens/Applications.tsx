import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Button, Title, LoadState } from '../components/ui';
import { mineQuery, pageCount, STATUSES, type AppStatus, type ApplicationSummary } from '../cvs/applications';
import { when } from '../cvs/format';
import { AppStatusChip, BackLink, statusText } from '../cvs/parts';
import { t } from '../i18n';

const PAGE_SIZE = 20;
/** The filter and page, kept while the app runs so "back" from an application shows the same list. */
let kept: { status: AppStatus | ''; page: number } = { status: '', page: 1 };

function AppRow(props: { app: ApplicationSummary }) {
  const a = props.app;
  return (
    <li>
      <a class="jb-item" href={`#/jobs/applications/${a.id}`} data-testid="app-item" data-id={a.id}>
        <AppStatusChip status={a.status} />
        <p class="jb-title cv-app-title">{a.posting.title}</p>
        <p class="jb-company">{a.posting.company.name}</p>
        {a.status === 'interview' && a.interviewAt && (
          <p class="cv-app-interview">
            {t('apps.interview')}: {when(a.interviewAt)}
          </p>
        )}
        <p class="jb-meta">{t('apps.sentAt', { when: when(a.createdAt) })}</p>
      </a>
    </li>
  );
}

/** "Đơn ứng tuyển của tôi": newest first, each with its state; filter by state, page by page. */
export function Applications() {
  const [status, setStatus] = useState<AppStatus | ''>(kept.status);
  const [page, setPage] = useState(kept.page);
  const [items, setItems] = useState<ApplicationSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    kept = { status, page };
    let live = true;
    setItems(null);
    void attempt(() =>
      authed(() =>
        api.GET('/api/v1/work/applications/mine', { params: { query: mineQuery(status, page, PAGE_SIZE) } }),
      ),
    ).then((o) => {
      if (!live) return;
      if (o.ok && o.result.data) {
        setItems(o.result.data.items);
        setTotal(o.result.data.total);
        setError(null);
        // Past the last page (applications withdrawn elsewhere, another filter): go to the last one.
        const pages = pageCount(o.result.data.total, PAGE_SIZE);
        if (page > pages) setPage(pages);
      } else if (!o.ok && o.status !== 401) setError(o.error.message);
    });
    return () => {
      live = false;
    };
  }, [status, page, reloads]);

  const pages = pageCount(total, PAGE_SIZE);
  return (
    <section class="screen">
      <BackLink href="#/jobs">{t('jobs.back')}</BackLink>
      <Title>{t('apps.title')}</Title>
      <div class="card jb-form">
        <div class="field">
          <label for="f-app-status">{t('apps.filter')}</label>
          <select
            id="f-app-status"
            value={status}
            data-testid="apps-status"
            onChange={(e) => {
              setStatus(e.currentTarget.value as AppStatus | '');
              setPage(1);
            }}
          >
            <option value="">{t('apps.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </div>
        {items && (
          <p class="jb-meta" data-testid="apps-total">
            {t('apps.count', { n: total })}
          </p>
        )}
      </div>
      {!items && <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />}
      {items && items.length === 0 && (
        <div class="card" data-testid="apps-empty">
          <p class="muted">{status ? t('apps.emptyFiltered') : t('apps.empty')}</p>
          {!status && (
            <a class="btn btn-primary" href="#/jobs">
              {t('apps.findJobs')}
            </a>
          )}
        </div>
      )}
      {items && items.length > 0 && (
        <ul class="jb-list" data-testid="apps-list">
          {items.map((a) => (
            <AppRow key={a.id} app={a} />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav class="cv-pager" aria-label={t('apps.page', { page, pages })}>
          <Button
            type="button"
            variant="secondary"
            disabled={page <= 1}
            data-testid="apps-prev"
            onClick={() => setPage((p) => p - 1)}
          >
            {t('apps.prev')}
          </Button>
          <span>{t('apps.page', { page, pages })}</span>
          <Button
            type="button"
            variant="secondary"
            disabled={page >= pages}
            data-testid="apps-next"
            onClick={() => setPage((p) => p + 1)}
          >
            {t('apps.next')}
          </Button>
        </nav>
      )}
      <p class="aside">
        <a href="#/jobs/cvs" data-testid="apps-to-cvs">
          {t('cvs.link.cvs')}
        </a>
      </p>
    </section>
  );
}
