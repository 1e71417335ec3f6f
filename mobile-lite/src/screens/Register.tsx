import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import { session } from '../api/session';
import { Alert, Button, Field, Title } from '../components/ui';
import { t } from '../i18n';
import { formatPhone, normalizePhone } from '../phone';
import { navigate } from '../router';
import { checkFullName, checkNewPassword, checkOtp, checkPhone } from '../validation';
import { useOtp } from './useOtp';

const FIELDS = ['phone', 'otp', 'fullName', 'password'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

export function Register() {
  const [phone, setPhone] = useState('');
  const [otp, setOtp] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const code = useOtp('register');
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

  async function register() {
    const found: Errors = {};
    const otpBad = checkOtp(otp);
    const nameBad = checkFullName(fullName);
    const passwordBad = checkNewPassword(password);
    if (otpBad) found.otp = t(otpBad);
    if (nameBad) found.fullName = t(nameBad);
    if (passwordBad) found.password = t(passwordBad);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    const outcome = await attempt(
      () =>
        api.POST('/api/v1/auth/register', {
          body: { phone: code.sentTo ?? phone, otp: otp.trim(), password, fullName: fullName.trim() },
        }),
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

  function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    void (code.sentTo ? register() : sendCode());
  }

  return (
    <section class="screen">
      <Title>{t('register.title')}</Title>
      <p class="lead">{t('register.intro')}</p>
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
              name="fullName"
              label={t('field.fullName')}
              autoComplete="name"
              value={fullName}
              onValue={setFullName}
              error={errors.fullName}
            />
            <Field
              name="password"
              label={t('field.password')}
              type="password"
              autoComplete="new-password"
              value={password}
              onValue={setPassword}
              hint={t('field.passwordHint')}
              error={errors.password}
            />
            <Button data-testid="register-submit" busy={busy}>
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
