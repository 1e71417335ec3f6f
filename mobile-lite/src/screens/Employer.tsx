import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Title, LoadState } from '../components/ui';
import type { Company } from '../employer/company-form';
import { CompanyEditor } from '../employer/company-editor';
import { CompanyHead } from '../employer/company-parts';
import { loadMyCompanies } from '../employer/refs';
import { t } from '../i18n';

/**
 * "Nhà tuyển dụng": my companies with their state, or — for an account without one — the registration
 * form (a declared CCCD is needed first: level 0 sees why and where to declare it).
 */
export function Employer() {
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [level, setLevel] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    void (async () => {
      const o = await loadMyCompanies();
      if (o.ok && o.result.data) {
        setCompanies(o.result.data.items);
        setError(null);
      } else if (!o.ok && o.status !== 401) setError(o.error.message);
      const me = await attempt(() => authed(() => api.GET('/api/v1/me')));
      if (me.ok && me.result.data) setLevel(me.result.data.identityLevel);
    })();
  }, [reloads]);

  const none = companies !== null && companies.length === 0;
  const showForm = (none || registering) && level !== null && level >= 1;
  return (
    <section class="screen">
      <Title>{t('employer.title')}</Title>
      <p class="lead">{t('employer.lead')}</p>
      <Alert kind="info" message={notice} />
      {companies === null && <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />}
      {companies && companies.length > 0 && (
        <>
          <h2 class="section-title">{t('employer.myCompanies')}</h2>
          <ul class="jb-list" data-testid="employer-companies">
            {companies.map((c) => (
              <li key={c.id}>
                <a
                  class="jb-item"
                  href={`#/employer/companies/${c.id}`}
                  data-testid="employer-company"
                  data-id={c.id}
                >
                  <CompanyHead company={c} />
                  <p class="jb-meta">
                    {c.taxCode} · {c.myRole ? t(`employer.role.${c.myRole}`) : ''}
                  </p>
                  {c.status === 'pending' && <p class="jb-meta">{t('employer.pendingNote')}</p>}
                </a>
              </li>
            ))}
          </ul>
          <div class="actions">
            <a class="btn btn-primary" href="#/employer/postings" data-testid="employer-postings">
              {t('employer.postings')}
            </a>
            {!registering && (
              <Button
                type="button"
                variant="secondary"
                data-testid="employer-register-another"
                onClick={() => setRegistering(true)}
              >
                {t('employer.registerAnother')}
              </Button>
            )}
          </div>
        </>
      )}
      {(none || registering) && level !== null && level < 1 && (
        <div class="card" data-testid="employer-need-level">
          <p>{t('employer.needLevel')}</p>
          <a class="btn btn-primary" href="#/identity" data-testid="employer-declare">
            {t('employer.declareCccd')}
          </a>
        </div>
      )}
      {showForm && (
        <div class="card">
          <h2>{t('employer.registerTitle')}</h2>
          <p class="muted">{t('employer.registerLead')}</p>
          <CompanyEditor
            onSaved={() => {
              setRegistering(false);
              setNotice(t('employer.registered'));
              setReloads((n) => n + 1);
            }}
            onNeedLevel={() => setLevel(0)}
            {...(registering ? { onCancel: () => setRegistering(false) } : {})}
          />
        </div>
      )}
    </section>
  );
}
