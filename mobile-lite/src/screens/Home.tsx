import { session } from '../api/session';
import { Icon, QR_ICON } from '../components/ui';
import { pick, t } from '../i18n';
import { serviceHref, services } from '../services';

export function Home() {
  const user = session.user();
  const signedIn = session.isSignedIn();
  return (
    <section class="screen">
      <div class="welcome">
        <h1 class="screen-title" tabIndex={-1}>
          {user ? t('home.helloUser', { name: user.fullName }) : t('home.hello')}
        </h1>
        <p>{t('home.intro')}</p>
        {signedIn ? (
          <div class="row">
            <a class="btn btn-gold" href="#/qr" data-testid="home-my-qr">
              <Icon d={QR_ICON} size={22} />
              <span>{t('home.myQr')}</span>
            </a>
            <a class="btn btn-light" href="#/profile">
              {t('home.openAccount')}
            </a>
          </div>
        ) : (
          <a class="btn btn-light" href="#/register" data-testid="nav-register">
            {t('home.createAccount')}
          </a>
        )}
      </div>
      <p class="verify-link">
        <a href="#/qr/verify" data-testid="home-verify-qr">
          <Icon d={QR_ICON} size={18} />
          <span>{t('home.verifyQr')}</span>
        </a>
      </p>
      <h2 class="section-title">{t('home.title')}</h2>
      <ul class="tiles">
        {services.map((s) => (
          <li key={s.id}>
            <a
              class={`tile${s.status === 'soon' ? ' tile-soon' : ''}`}
              href={serviceHref(s)}
              data-testid={`service-${s.id}`}
              data-status={s.status}
            >
              <span class="tile-icon">
                <Icon d={s.icon} />
              </span>
              <span class="tile-name">{pick(s.name)}</span>
              {s.status === 'soon' && <span class="badge">{t('home.soon')}</span>}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
