import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt, type Outcome } from '../api/call';
import { api } from '../api/client';
import { session, type AuthResult } from '../api/session';
import { Alert, Button, Field, Icon, PASSKEY_ICON, Title } from '../components/ui';
import { t } from '../i18n';
import { lazyScreen } from '../lazy';
import { credentialJson, newDeviceStep, passkeyProblem, resendIn } from '../login';
import { formatPhone, normalizePhone } from '../phone';
import { navigate, takeFlash } from '../router';
import { checkOtp, checkPhone } from '../validation';
import { useCountdown } from './useOtp';

// Only level-2 accounts on a new phone take a selfie: its camera code loads when needed.
const NewDeviceSelfie = lazyScreen(() => import('./NewDeviceSelfie').then((m) => m.NewDeviceSelfie));

const FIELDS = ['phone', 'password', 'otp'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

type Stage =
  | { kind: 'password' }
  | { kind: 'otp'; codeSent: boolean }
  | { kind: 'selfie'; ticket: string; minutes: number };
type Busy = 'password' | 'otp' | 'resend' | 'passkey' | null;
type LoginOutcome = Outcome<{ data?: AuthResult; response: Response }>;

/** Passkeys need WebAuthn: missing on old browsers and in some in-app web views. */
function hasPasskeys(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/**
 * Sign-in: phone and password, or a passkey. On a phone the account has not used, the API asks for a
 * code sent by SMS, and for a level-2 account a selfie too; each step says why in plain words.
 */
export function Login() {
  const [flash] = useState(takeFlash);
  const [phone, setPhone] = useState(flash.phone ?? '');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'password' });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const resend = useCountdown();
  const otpInput = useRef<HTMLInputElement | null>(null);
  const e164 = normalizePhone(phone) ?? phone;

  useEffect(() => {
    if (stage.kind === 'otp') otpInput.current?.focus();
  }, [stage.kind]);

  function signedIn(result: AuthResult) {
    session.signIn(result);
    navigate('#/profile');
  }

  /** Signed in, or the next new-phone step, or an error to show. */
  function handle(outcome: LoginOutcome, resent = false) {
    if (outcome.ok) {
      if (outcome.result.data) signedIn(outcome.result.data);
      return;
    }
    const next = newDeviceStep(outcome.code, outcome.problem);
    if (next?.kind === 'otp') {
      resend.start(next.resendAfter);
      setErrors({});
      setMessage(null);
      // Over the hourly quota nothing was texted: say so (and when) instead of "a code was sent".
      if (!next.codeSent) setInfo(outcome.error.message);
      else if (resent) setInfo(t('newDevice.resent'));
      // A resend refused by the quota keeps the code texted before: the intro stays as it was.
      setStage(stage.kind === 'otp' && !next.codeSent ? stage : { kind: 'otp', codeSent: next.codeSent });
      return;
    }
    if (next?.kind === 'selfie') return setStage(next);
    if (stage.kind === 'otp' && outcome.code?.startsWith('otp_')) {
      setErrors({ otp: outcome.error.message });
      return;
    }
    setErrors(outcome.error.fields);
    setMessage(outcome.error.message);
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found: Errors = {};
    const phoneBad = checkPhone(phone);
    if (phoneBad) found.phone = t(phoneBad);
    if (!password) found.password = t('validation.passwordRequired');
    setErrors(found);
    setMessage(null);
    setInfo(null);
    if (Object.keys(found).length) return;
    setBusy('password');
    const outcome = await attempt(
      () => api.POST('/api/v1/auth/login', { body: { phone: e164, password } }),
      FIELDS,
    );
    setBusy(null);
    handle(outcome);
  }

  async function onOtp(e: Event) {
    e.preventDefault();
    if (busy) return;
    const bad = checkOtp(otp);
    setErrors(bad ? { otp: t(bad) } : {});
    setMessage(null);
    setInfo(null);
    if (bad) return;
    setBusy('otp');
    const outcome = await attempt(
      () => api.POST('/api/v1/auth/login', { body: { phone: e164, password, otp: otp.trim() } }),
      FIELDS,
    );
    setBusy(null);
    handle(outcome);
  }

  /** A new code: the password sign-in again (still an unknown phone, so the API texts another). */
  async function resendCode() {
    if (busy || resend.secondsLeft > 0) return;
    setBusy('resend');
    setMessage(null);
    setInfo(null);
    const outcome = await attempt(
      () => api.POST('/api/v1/auth/login', { body: { phone: e164, password } }),
      FIELDS,
    );
    setBusy(null);
    handle(outcome, true);
  }

  async function passkeyLogin() {
    if (busy) return;
    setMessage(null);
    setInfo(null);
    const typed = phone.trim();
    if (typed && checkPhone(typed)) return setErrors({ phone: t('validation.phone') });
    setErrors({});
    setBusy('passkey');
    const body = typed ? { phone: normalizePhone(typed) ?? typed } : {};
    const options = await attempt(() => api.POST('/api/v1/auth/passkeys/options', { body }), ['phone']);
    if (!options.ok || !options.result.data) {
      setBusy(null);
      if (!options.ok) {
        setErrors(options.error.fields);
        setMessage(options.status === 404 ? t('passkey.noAccount') : options.error.message);
      }
      return;
    }
    const { challengeId } = options.result.data;
    let response;
    try {
      const { startAuthentication } = await import('@simplewebauthn/browser');
      response = await startAuthentication({
        optionsJSON: options.result.data.options as unknown as PublicKeyCredentialRequestOptionsJSON,
      });
    } catch (error) {
      setBusy(null);
      const problem = passkeyProblem(error);
      if (problem === 'cancelled') setInfo(t('passkey.cancelledLogin'));
      else setMessage(t('passkey.deviceFailed'));
      return;
    }
    const outcome = await attempt(() =>
      api.POST('/api/v1/auth/passkeys/login', { body: { challengeId, response: credentialJson(response) } }),
    );
    setBusy(null);
    if (outcome.ok && outcome.result.data) signedIn(outcome.result.data);
    else if (!outcome.ok) setMessage(outcome.error.message);
  }

  function restart(notice?: string) {
    setStage({ kind: 'password' });
    setOtp('');
    setPassword('');
    setErrors({});
    setMessage(null);
    setInfo(notice ?? null);
    resend.stop();
  }

  if (stage.kind === 'selfie') {
    return (
      <NewDeviceSelfie
        ticket={stage.ticket}
        minutes={stage.minutes}
        onSignedIn={signedIn}
        onRestart={() => restart(t('newDevice.again'))}
      />
    );
  }

  if (stage.kind === 'otp') {
    return (
      <section class="screen">
        <Title>{t('login.title')}</Title>
        <form class="card form" onSubmit={onOtp} noValidate data-testid="login-new-device">
          <h2>{t('newDevice.title')}</h2>
          <p>
            {t(stage.codeSent ? 'newDevice.otpIntro' : 'newDevice.otpNotSent', { phone: formatPhone(e164) })}
          </p>
          <p class="hint">{t('newDevice.why')}</p>
          <Alert kind="info" message={info} />
          <Alert message={message} />
          <Field
            name="otp"
            testId="login-otp"
            label={t('field.otp')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={otp}
            onValue={(v) => setOtp(v.replace(/\D/g, ''))}
            inputRef={(el) => (otpInput.current = el)}
            error={errors.otp}
          />
          <Button data-testid="login-otp-submit" busy={busy === 'otp'}>
            {t('newDevice.confirm')}
          </Button>
          <div class="row">
            <Button
              type="button"
              variant="link"
              data-testid="login-otp-resend"
              disabled={resend.secondsLeft > 0 || busy !== null}
              onClick={() => void resendCode()}
            >
              {busy === 'resend'
                ? t('common.sending')
                : resend.secondsLeft > 0
                  ? t(...resendIn(resend.secondsLeft))
                  : t('otp.resend')}
            </Button>
            <Button type="button" variant="link" data-testid="login-restart" onClick={() => restart()}>
              {t('newDevice.back')}
            </Button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <section class="screen">
      <Title>{t('login.title')}</Title>
      <form class="card form" onSubmit={onSubmit} noValidate>
        {flash.notice && !message && !info && <Alert kind="info" message={t(flash.notice)} />}
        <Alert kind="info" message={info} />
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
        <Button data-testid="login-submit" busy={busy === 'password'}>
          {t('login.submit')}
        </Button>
        {hasPasskeys() && (
          <>
            <p class="or" aria-hidden="true">
              <span>{t('login.or')}</span>
            </p>
            <Button
              type="button"
              variant="secondary"
              data-testid="passkey-login"
              busy={busy === 'passkey'}
              onClick={() => void passkeyLogin()}
            >
              <Icon d={PASSKEY_ICON} size={22} />
              <span>{t('passkey.login')}</span>
            </Button>
            <p class="hint center-text">{t('passkey.loginHint')}</p>
          </>
        )}
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
