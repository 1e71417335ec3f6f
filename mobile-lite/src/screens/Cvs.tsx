import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { Alert, Button, Title, LoadState } from '../components/ui';
import { when } from '../cvs/format';
import { BackLink, wantedSalary } from '../cvs/parts';
import { takeNotice } from '../feedback/notice';
import { t } from '../i18n';

type Cv = components['schemas']['CvSummary'];
const MAX_CVS = 10;

function CvRow(props: { cv: Cv; busy: boolean; onDefault: () => void }) {
  const c = props.cv;
  return (
    <li
      class="jb-item cv-item"
      data-testid="cv-item"
      data-id={c.id}
      data-default={c.isDefault ? 'true' : 'false'}
    >
      <a class="cv-item-link" href={`#/jobs/cvs/${c.id}`}>
        <span class="cv-item-title">{c.title}</span>
        {c.isDefault && (
          <span class="cv-badge cv-badge-default" data-testid="cv-default">
            {t('cvs.default')}
          </span>
        )}
      </a>
      {c.desiredSalary !== null && <p class="jb-meta">{wantedSalary(c.desiredSalary)}</p>}
      <ul class="cv-flags">
        <li
          class={c.searchable ? 'on' : ''}
          data-testid="cv-searchable"
          data-on={c.searchable ? 'true' : 'false'}
        >
          {c.searchable ? t('cvs.searchableOn') : t('cvs.searchableOff')}
        </li>
        <li class={c.hasPdf ? 'on' : ''} data-testid="cv-has-pdf" data-on={c.hasPdf ? 'true' : 'false'}>
          {c.hasPdf ? t('cvs.hasPdf') : t('cvs.noPdf')}
        </li>
      </ul>
      <p class="jb-meta">{t('cvs.updated', { when: when(c.updatedAt) })}</p>
      <div class="row">
        <a class="btn btn-secondary" href={`#/jobs/cvs/${c.id}`} data-testid="cv-edit">
          {t('cvs.edit')}
        </a>
        {!c.isDefault && (
          <Button
            type="button"
            variant="secondary"
            disabled={props.busy}
            data-testid="cv-make-default"
            onClick={props.onDefault}
          >
            {t('cvs.makeDefault')}
          </Button>
        )}
      </div>
    </li>
  );
}

/** "Hồ sơ xin việc": my CVs, the default first, with their flags; create one, open one, make one the default. */
export function Cvs() {
  const [notice, setNotice] = useState<string | null>(() => {
    const key = takeNotice();
    return key ? t(key) : null;
  });
  const [items, setItems] = useState<Cv[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void attempt(() => authed(() => api.GET('/api/v1/work/cvs'))).then((o) => {
      if (!live) return;
      if (o.ok && o.result.data) {
        setItems(o.result.data.items);
        setError(null);
      } else if (!o.ok && o.status !== 401) setError(o.error.message);
    });
    return () => {
      live = false;
    };
  }, [reloads]);

  async function makeDefault(cv: Cv) {
    setBusy(true);
    const o = await attempt(() =>
      authed(() =>
        api.PATCH('/api/v1/work/cvs/{id}', { params: { path: { id: cv.id } }, body: { isDefault: true } }),
      ),
    );
    setBusy(false);
    if (o.ok) {
      setNotice(t('cvs.madeDefault', { title: cv.title }));
      setReloads((n) => n + 1);
    } else setError(o.error.message);
  }

  const full = (items?.length ?? 0) >= MAX_CVS;
  return (
    <section class="screen">
      <BackLink href="#/jobs">{t('jobs.back')}</BackLink>
      <Title>{t('cvs.title')}</Title>
      <p class="lead">{t('cvs.intro')}</p>
      <Alert kind="info" message={notice} />
      {full ? (
        <p class="notice">{t('cvs.full')}</p>
      ) : (
        <a class="btn btn-primary" href="#/jobs/cvs/new" data-testid="cv-new">
          + {t('cvs.new')}
        </a>
      )}
      <div class="cv-list-wrap">
        <Alert message={items ? error : null} />
        {!items && <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />}
        {items && items.length === 0 && (
          <p class="card muted" data-testid="cvs-empty">
            {t('cvs.empty')}
          </p>
        )}
        {items && items.length > 0 && (
          <ul class="jb-list" data-testid="cvs-list">
            {items.map((c) => (
              <CvRow key={c.id} cv={c} busy={busy} onDefault={() => void makeDefault(c)} />
            ))}
          </ul>
        )}
      </div>
      <p class="aside">
        <a href="#/jobs/applications" data-testid="cvs-to-applications">
          {t('cvs.link.applications')}
        </a>
      </p>
    </section>
  );
}
