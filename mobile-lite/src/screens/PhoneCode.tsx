import { useEffect, useRef, useState } from 'preact/hooks';
import { Button, Field } from '../components/ui';
import { t } from '../i18n';
import { formatPhone, normalizePhone } from '../phone';
import { checkOtp, checkPhone } from '../validation';
import { useOtp } from './useOtp';
import { resendIn } from '../login';

type Purpose = Parameters<typeof useOtp>[0];
export type Errors = Partial<Record<string, string>>;

/**
 * The shared first half of registration and password reset: a phone number, a code sent by text
 * message with a resend countdown, and the form state (errors, message, busy) both screens build on.
 */
export function usePhoneCode(purpose: Purpose) {
  const [phone, setPhone] = useState('');
  const [otp, setOtp] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const code = useOtp(purpose);
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

  /** Local checks of the code plus the screen's own fields; true when all pass. */
  function checkAll(extra: Errors): boolean {
    const otpBad = checkOtp(otp);
    const found: Errors = { ...(otpBad ? { otp: t(otpBad) } : {}), ...extra };
    setErrors(found);
    setMessage(null);
    return Object.keys(found).length === 0;
  }

  /** Submit handler: sends the code first, then runs the screen's final step. */
  const onSubmit = (finish: () => Promise<void>) => (e: Event) => {
    e.preventDefault();
    if (busy) return;
    void (code.sentTo ? finish() : sendCode());
  };

  return {
    phone: code.sentTo ?? phone,
    otp: otp.trim(),
    errors,
    setErrors,
    message,
    setMessage,
    busy,
    setBusy,
    code,
    checkAll,
    onSubmit,
    view: { phone, setPhone, otp, setOtp, otpInput, sendCode },
  };
}

export type PhoneCodeForm = ReturnType<typeof usePhoneCode>;

/** Phone input and "send code" button; once sent, the code input with resend and change-number links. */
export function PhoneCodeFields({ form }: { form: PhoneCodeForm }) {
  const { code, errors, busy, view } = form;
  return (
    <>
      <Field
        name="phone"
        label={t('field.phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={view.phone}
        onValue={view.setPhone}
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
            value={view.otp}
            onValue={(v) => view.setOtp(v.replace(/\D/g, ''))}
            inputRef={(el) => (view.otpInput.current = el)}
            error={errors.otp}
          />
          <div class="row">
            <Button
              type="button"
              variant="link"
              data-testid="resend-otp"
              disabled={code.secondsLeft > 0 || busy}
              onClick={() => void view.sendCode()}
            >
              {code.secondsLeft > 0 ? t(...resendIn(code.secondsLeft)) : t('otp.resend')}
            </Button>
            <Button type="button" variant="link" onClick={code.reset}>
              {t('otp.changePhone')}
            </Button>
          </div>
        </>
      )}
    </>
  );
}
