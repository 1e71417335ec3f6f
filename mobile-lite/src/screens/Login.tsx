import { useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import { session } from '../api/session';
import { Alert, Button, Field, Title } from '../components/ui';
import { t } from '../i18n';
import { normalizePhone } from '../phone';
import { navigate, takeFlash } from '../router';
import { checkPhone } from '../validation';

const FIELDS = ['phone', 'password'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

export function Login() {
  const [flash] = useState(takeFlash);
  const [phone, setPhone] = useState(flash.phone ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found: Errors = {};
    const phoneBad = checkPhone(phone);
    if (phoneBad) found.phone = t(phoneBad);
    if (!password) found.password = t('validation.passwordRequired');
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    const outcome = await attempt(
      () => api.POST('/api/v1/auth/login', { body: { phone: normalizePhone(phone) ?? phone, password } }),
      FIELDS,
    );
    setBusy(false);
    if (outcome.ok && outcome.result.data) {
      session.signIn(outcome.result.data);
      navigate('#/profile');
    } else if (!outcome.ok) {
      setErrors(outcome.error.fields);
      setMessage(outcome.error.message);
    }
  }

  return (
    <section class="screen">
      <Title>{t('login.title')}</Title>
      <form class="card form" onSubmit={onSubmit} noValidate>
        {flash.notice && !message && <Alert kind="info" message={t(flash.notice)} />}
        <Alert message={message} />
        <Field
          name="phone"
          label={t('field.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="username"
          value={phone}
          onValue={setPhone}
          hint={t('field.phoneHint')}
          error={errors.phone}
        />
        <Field
          name="password"
          label={t('field.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={errors.password}
        />
        <Button data-testid="login-submit" busy={busy}>
          {t('login.submit')}
        </Button>
        <p class="center">
          <a href="#/reset" data-testid="nav-reset">
            {t('login.forgot')}
          </a>
        </p>
      </form>
      <p class="aside">
        {t('login.noAccount')}{' '}
        <a href="#/register" data-testid="nav-register">
          {t('nav.register')}
        </a>
      </p>
    </section>
  );
}
