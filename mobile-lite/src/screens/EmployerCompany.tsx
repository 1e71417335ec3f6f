import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Title, LoadState } from '../components/ui';
import type { Company } from '../employer/company-form';
import { CompanyEditor } from '../employer/company-editor';
import { CompanyFacts, CompanyHead } from '../employer/company-parts';
import { BackLink } from '../cvs/parts';
import { WorkforceReportCard } from '../employer/report';
import { StaffCard } from '../employer/staff';
import { t } from '../i18n';

/**
 * One of my companies (`#/employer/companies/<id>`, where the bell's company notifications lead): its state
 * and details, editing, its staff accounts (owners) and the monthly workforce report.
 */
export function EmployerCompany(props: { id: string }) {
  const [company, setCompany] = useState<Company | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    void attempt(() =>
      authed(() => api.GET('/api/v1/work/companies/{id}', { params: { path: { id: props.id } } })),
    ).then((o) => {
      // Members get the full record (with myRole); anything else is not one of my companies.
      if (o.ok && o.result.data && 'myRole' in o.result.data && o.result.data.myRole) {
        setCompany(o.result.data);
        setError(null);
      } else if (o.ok || o.status === 404 || o.status === 400) setMissing(true);
      else if (o.status !== 401) setError(o.error.message);
    });
  }, [props.id, reloads]);

  const back = (
    <BackLink href="#/employer" testId="em-back">
      {t('employer.back')}
    </BackLink>
  );
  if (!company)
    return (
      <section class="screen">
        {back}
        <Title>{t('employer.title')}</Title>
        {missing && <p class="card muted">{t('employer.missing')}</p>}
        {!missing && <LoadState error={error} onRetry={() => setReloads((n) => n + 1)} />}
      </section>
    );

  return (
    <section class="screen" data-testid="employer-company-screen">
      {back}
      <Title>{company.name}</Title>
      <Alert kind="info" message={notice} />
      <div class="card">
        <CompanyHead company={company} withName={false} />
        {company.status === 'pending' && <p class="muted small">{t('employer.pendingNote')}</p>}
        {company.status === 'rejected' && <p class="muted small">{t('employer.rejectedNote')}</p>}
        {editing ? (
          <CompanyEditor
            company={company}
            onSaved={(saved) => {
              setEditing(false);
              setCompany(saved.company);
              setNotice(
                saved.kind === 'updated' && saved.review ? t('employer.savedReview') : t('employer.saved'),
              );
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            <CompanyFacts company={company} />
            <div class="actions">
              <a
                class="btn btn-primary"
                href={`#/employer/postings?company=${company.id}`}
                data-testid="company-postings"
              >
                {t('employer.postings')}
              </a>
              {company.status !== 'suspended' && (
                <Button
                  type="button"
                  variant="secondary"
                  data-testid="company-edit"
                  onClick={() => (setEditing(true), setNotice(null))}
                >
                  {t('employer.edit')}
                </Button>
              )}
            </div>
          </>
        )}
      </div>
      {company.myRole === 'owner' && <StaffCard companyId={company.id} />}
      <WorkforceReportCard companyId={company.id} verified={company.status === 'verified'} />
    </section>
  );
}
