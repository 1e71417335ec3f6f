import { useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import { Alert, Button, Field, Title } from '../components/ui';
import { t } from '../i18n';
import { formatPhone } from '../phone';
import { navigate } from '../router';
import { checkNewPassword } from '../validation';
import { PhoneCodeFields, usePhoneCode } from './PhoneCode';

const FIELDS = ['phone', 'otp', 'password'] as const;

/** Forgotten password: a code by text message, then a new password, then back to sign-in. */
export function Reset() {
  const form = usePhoneCode('reset');
  const [password, setPassword] = useState('');

  async function changePassword() {
    const passwordBad = checkNewPassword(password);
    if (!form.checkAll(passwordBad ? { password: t(passwordBad) } : {})) return;
    form.setBusy(true);
    const sentTo = form.phone;
    const outcome = await attempt(
      () => api.POST('/api/v1/auth/password-reset', { body: { phone: sentTo, otp: form.otp, password } }),
      FIELDS,
    );
    form.setBusy(false);
    if (outcome.ok) {
      navigate('#/login', { notice: 'login.passwordChanged', phone: formatPhone(sentTo) });
    } else {
      form.setErrors(outcome.error.fields);
      form.setMessage(outcome.error.message);
    }
  }

  return (
    <section class="screen">
      <Title>{t('reset.title')}</Title>
      <p class="lead">{t('reset.intro')}</p>
      <form class="card form" onSubmit={form.onSubmit(changePassword)} noValidate>
        <Alert message={form.message} />
        <PhoneCodeFields form={form} />
        {form.code.sentTo && (
          <>
            <Field
              name="password"
              label={t('field.newPassword')}
              type="password"
              autoComplete="new-password"
              value={password}
              onValue={setPassword}
              hint={t('field.passwordHint')}
              error={form.errors.password}
            />
            <Button data-testid="reset-submit" busy={form.busy}>
              {t('reset.submit')}
            </Button>
          </>
        )}
      </form>
      <p class="aside">
        <a href="#/login">{t('nav.login')}</a>
      </p>
    </section>
  );
}
