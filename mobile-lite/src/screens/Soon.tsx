import { Icon, Title } from '../components/ui';
import { pick, t } from '../i18n';
import type { Service } from '../services';

/** What a service that is not built yet shows: a plain statement, never a mock-up. */
export function Soon(props: { service: Service }) {
  return (
    <section class="screen" data-testid="service-soon">
      <div class="card soon">
        <span class="soon-icon">
          <Icon d={props.service.icon} size={48} />
        </span>
        <p class="soon-service">{pick(props.service.name)}</p>
        <Title>{t('soon.title')}</Title>
        <p>{t('soon.body', { name: pick(props.service.name) })}</p>
        <a class="btn btn-primary" href="#/">
          {t('soon.home')}
        </a>
      </div>
    </section>
  );
}

export function NotFound() {
  return (
    <section class="screen">
      <div class="card soon">
        <Title>{t('notFound.title')}</Title>
        <p>{t('notFound.body')}</p>
        <a class="btn btn-primary" href="#/">
          {t('soon.home')}
        </a>
      </div>
    </section>
  );
}
