import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import { Alert, Button, Field, Title } from '../components/ui';
import { t } from '../i18n';
import { formatPhone, normalizePhone } from '../phone';
import { navigate } from '../router';
import { checkNewPassword, checkOtp, checkPhone } from '../validation';
import { useOtp } from './useOtp';

const FIELDS = ['phone', 'otp', 'password'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

/** Forgotten password: a code by text message, then a new password, then back to sign-in. */
export function Reset() {
  const [phone, setPhone] = useState('');
  const [otp, setOtp] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const code = useOtp('reset');
  const otpInput = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (code.sentTo) otpInput.current?.focus();
  }, [code.sentTo]);

  async function sendCode() {
    const bad = checkPhone(phone);
    setMessage(null);
    if (bad) return setErrors({ phone: t(bad) });
    setErrors({});
    setBusy(true);
    const problem = await code.send(normalizePhone(phone) ?? phone);
    setBusy(false);
    if (problem) {
      setErrors(problem.fields);
      setMessage(problem.message);
    }
  }

  async function changePassword() {
    const found: Errors = {};
    const otpBad = checkOtp(otp);
    const passwordBad = checkNewPassword(password);
    if (otpBad) found.otp = t(otpBad);
    if (passwordBad) found.password = t(passwordBad);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    const sentTo = code.sentTo ?? phone;
    const outcome = await attempt(
      () => api.POST('/api/v1/auth/password-reset', { body: { phone: sentTo, otp: otp.trim(), password } }),
      FIELDS,
    );
    setBusy(false);
    if (outcome.ok) {
      navigate('#/login', { notice: 'login.passwordChanged', phone: formatPhone(sentTo) });
    } else {
      setErrors(outcome.error.fields);
      setMessage(outcome.error.message);
    }
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    void (code.sentTo ? changePassword() : sendCode());
  }

  return (
    <section class="screen">
      <Title>{t('reset.title')}</Title>
      <p class="lead">{t('reset.intro')}</p>
      <form class="card form" onSubmit={onSubmit} noValidate>
        <Alert message={message} />
        <Field
          name="phone"
          label={t('field.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onValue={setPhone}
          readOnly={!!code.sentTo}
          hint={code.sentTo ? undefined : t('field.phoneHint')}
          error={errors.phone}
        />
        {!code.sentTo ? (
          <Button data-testid="send-otp" busy={busy}>
            {t('otp.send')}
          </Button>
        ) : (
          <>
            <p class="hint" role="status">
              {t('field.otpHint', {
                phone: formatPhone(code.sentTo),
                minutes: Math.max(1, Math.round(code.expiresIn / 60)),
              })}
            </p>
            <Field
              name="otp"
              label={t('field.otp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={otp}
              onValue={(v) => setOtp(v.replace(/\D/g, ''))}
              inputRef={(el) => (otpInput.current = el)}
              error={errors.otp}
            />
            <div class="row">
              <Button
                type="button"
                variant="link"
                data-testid="resend-otp"
                disabled={code.secondsLeft > 0 || busy}
                onClick={() => void sendCode()}
              >
                {code.secondsLeft > 0 ? t('otp.resendIn', { seconds: code.secondsLeft }) : t('otp.resend')}
              </Button>
              <Button type="button" variant="link" onClick={code.reset}>
                {t('otp.changePhone')}
              </Button>
            </div>
            <Field
              name="password"
              label={t('field.newPassword')}
              type="password"
              autoComplete="new-password"
              value={password}
              onValue={setPassword}
              hint={t('field.passwordHint')}
              error={errors.password}
            />
            <Button data-testid="reset-submit" busy={busy}>
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
