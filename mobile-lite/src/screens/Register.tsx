import { useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import { session } from '../api/session';
import { Alert, Button, Field, Title } from '../components/ui';
import { t } from '../i18n';
import { navigate } from '../router';
import { checkFullName, checkNewPassword } from '../validation';
import { PhoneCodeFields, usePhoneCode, type Errors } from './PhoneCode';

const FIELDS = ['phone', 'otp', 'fullName', 'password'] as const;

/** New account: a code by text message, then name and password; signed in at once. */
export function Register() {
  const form = usePhoneCode('register');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');

  async function register() {
    const extra: Errors = {};
    const nameBad = checkFullName(fullName);
    const passwordBad = checkNewPassword(password);
    if (nameBad) extra.fullName = t(nameBad);
    if (passwordBad) extra.password = t(passwordBad);
    if (!form.checkAll(extra)) return;
    form.setBusy(true);
    const outcome = await attempt(
      () =>
        api.POST('/api/v1/auth/register', {
          body: { phone: form.phone, otp: form.otp, password, fullName: fullName.trim() },
        }),
      FIELDS,
    );
    form.setBusy(false);
    if (outcome.ok && outcome.result.data) {
      session.signIn(outcome.result.data);
      navigate('#/profile');
    } else if (!outcome.ok) {
      form.setErrors(outcome.error.fields);
      form.setMessage(outcome.error.message);
    }
  }

  return (
    <section class="screen">
      <Title>{t('register.title')}</Title>
      <p class="lead">{t('register.intro')}</p>
      <form class="card form" onSubmit={form.onSubmit(register)} noValidate>
        <Alert message={form.message} />
        <PhoneCodeFields form={form} />
        {form.code.sentTo && (
          <>
            <Field
              name="fullName"
              label={t('field.fullName')}
              autoComplete="name"
              value={fullName}
              onValue={setFullName}
              error={form.errors.fullName}
            />
            <Field
              name="password"
              label={t('field.password')}
              type="password"
              autoComplete="new-password"
              value={password}
              onValue={setPassword}
              hint={t('field.passwordHint')}
              error={form.errors.password}
            />
            <Button data-testid="register-submit" busy={form.busy}>
              {t('register.submit')}
            </Button>
          </>
        )}
      </form>
      <p class="aside">
        {t('register.haveAccount')} <a href="#/login">{t('nav.login')}</a>
      </p>
    </section>
  );
}
