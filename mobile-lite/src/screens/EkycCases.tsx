import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { session } from '../api/session';
import { CaseCard, type EkycCase } from '../components/ekyc-case';
import { Alert, Button, Title } from '../components/ui';
import { t } from '../i18n';

/**
 * "Hồ sơ xác thực": the citizen's face-verification cases, newest first — so someone waiting for an
 * officer sees where things stand — or one of them (`#/ekyc/cases/<id>`, where notifications point).
 */
export function EkycCases(props: { id?: string | undefined }) {
  const [items, setItems] = useState<EkycCase[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const [tries, setTries] = useState(0);
  const id = props.id;

  useEffect(() => {
    let live = true;
    setError(null);
    setMissing(false);
    void (async () => {
      if (id) {
        const outcome = await attempt(() =>
          authed(() => api.GET('/api/v1/ekyc/cases/{id}', { params: { path: { id } } })),
        );
        if (!live) return;
        if (outcome.ok && outcome.result.data) setItems([outcome.result.data]);
        else if (!outcome.ok && (outcome.status === 404 || outcome.status === 400)) setMissing(true);
        else if (!outcome.ok && outcome.status !== 401) setError(outcome.error.message);
        return;
      }
      const outcome = await attempt(() => authed(() => api.GET('/api/v1/ekyc/cases')));
      if (!live) return;
      if (outcome.ok && outcome.result.data) {
        const list = outcome.result.data.items;
        setItems(list);
        // A case approved by an officer since the last visit: the account is at level 2 now.
        const user = session.user();
        if (user && user.identityLevel < 2 && list.some((c) => c.status === 'approved'))
          session.setUser({ ...user, identityLevel: 2 });
      } else if (!outcome.ok && outcome.status !== 401) setError(outcome.error.message);
    })();
    return () => {
      live = false;
    };
  }, [id, tries]);

  const level = session.user()?.identityLevel ?? 0;
  const canStart = level < 2 && !!items && !items.some((c) => c.status === 'review');
  return (
    <section class="screen">
      <Title>{props.id ? t('ekyc.caseTitle') : t('ekyc.casesTitle')}</Title>
      {error ? (
        <div class="card form">
          <Alert message={error} />
          <Button type="button" onClick={() => setTries((n) => n + 1)}>
            {t('common.retry')}
          </Button>
        </div>
      ) : missing ? (
        <Alert message={t('ekyc.caseMissing')} />
      ) : !items ? (
        <p class="card muted" role="status">
          {t('common.loading')}
        </p>
      ) : items.length === 0 ? (
        <p class="card muted" data-testid="ekyc-cases-empty">
          {t('ekyc.casesEmpty')}
        </p>
      ) : (
        <ul class="case-list" data-testid={id ? 'ekyc-case-detail' : 'ekyc-cases'}>
          {items.map((item) => (
            <li key={item.id}>
              <CaseCard
                item={item}
                testId="ekyc-case"
                {...(props.id ? {} : { href: `#/ekyc/cases/${encodeURIComponent(item.id)}` })}
              />
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {canStart && (
          <a class="btn btn-primary" href="#/ekyc" data-testid="ekyc-start-again">
            {t('profile.ekycStart')}
          </a>
        )}
        {props.id && (
          <a class="btn btn-secondary" href="#/ekyc/cases">
            {t('ekyc.allCases')}
          </a>
        )}
        <a class="btn btn-secondary" href="#/profile">
          {t('declare.backToProfile')}
        </a>
      </div>
    </section>
  );
}
