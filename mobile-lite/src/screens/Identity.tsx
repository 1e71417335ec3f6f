import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { session } from '../api/session';
import {
  CardFields,
  CardQr,
  checkCard,
  QrReadNote,
  type CardErrors,
  type CardValues,
} from '../components/card-form';
import { Alert, Button, Title } from '../components/ui';
import { t, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { compactCccd } from '../validation';

type IdentityCard = components['schemas']['IdentityCard'];

const FIELDS = ['cccdNumber', 'fullName', 'dateOfBirth', 'sex', 'qrText'] as const;

const CONFLICT_TITLE: Record<string, MessageKey> = {
  cccd_taken: 'declare.takenTitle',
  identity_locked: 'declare.lockedTitle',
};

/**
 * Identity level 1: the citizen's ID card (CCCD) — typed in, or filled from the QR printed on the card.
 * The checks here only spare a round trip; the API judges the number against the sex, the birth year
 * and the QR, and its messages stand under the inputs they concern.
 */
export function Identity() {
  const [current, setCurrent] = useState<IdentityCard | null>(null);
  const [card, setCard] = useState<CardValues>(() => ({
    cccdNumber: '',
    fullName: session.user()?.fullName ?? '',
    dateOfBirth: '',
    sex: '',
  }));
  /** The card QR text the form was filled from; sent with the declaration so the API can compare. */
  const [qrText, setQrText] = useState<string | null>(null);
  const [errors, setErrors] = useState<CardErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ code: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const conflictBox = useRef<HTMLDivElement | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);

  // An update starts from what was declared (the number itself is only ever shown masked).
  useEffect(() => {
    void attempt(() => authed(() => api.GET('/api/v1/me/identity'))).then((outcome) => {
      const declared = outcome.ok ? outcome.result.data : undefined;
      if (!declared) return;
      setCurrent(declared);
      setCard((c) => ({
        ...c,
        fullName: c.fullName || declared.fullName,
        dateOfBirth: c.dateOfBirth || declared.dateOfBirth,
        sex: c.sex || declared.sex,
      }));
    });
  }, []);

  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict]);

  // After a refused submit, the first input to correct gets the focus (and comes into view).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  // Once the card QR has filled the form, show the form: what was read, and the button to send it.
  useEffect(() => {
    if (qrText) formRef.current?.scrollIntoView({ block: 'start' });
  }, [qrText]);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found = checkCard(card);
    setErrors(found);
    setMessage(null);
    setConflict(null);
    if (Object.keys(found).length || card.sex === '') return;
    setBusy(true);
    const body = {
      cccdNumber: compactCccd(card.cccdNumber),
      fullName: card.fullName.trim(),
      dateOfBirth: card.dateOfBirth,
      sex: card.sex,
      ...(qrText ? { qrText } : {}),
    };
    const outcome = await attempt(() => authed(() => api.PUT('/api/v1/me/identity', { body })), FIELDS);
    setBusy(false);
    if (outcome.ok && outcome.result.data) {
      const user = session.user();
      const level = outcome.result.data.identityLevel;
      if (user) session.setUser({ ...user, identityLevel: Math.max(user.identityLevel, level) });
      navigate('#/profile', { notice: 'profile.identityDeclared' });
    } else if (!outcome.ok && outcome.status === 409) {
      // The number belongs to another account (an officer reviews it), or the identity is locked.
      setConflict({ code: outcome.code ?? '', text: outcome.error.message });
    } else if (!outcome.ok && outcome.status !== 401) {
      setErrors(outcome.error.fields);
      setMessage(outcome.error.message);
    }
  }

  if (current && current.identityLevel >= 2) {
    return (
      <section class="screen">
        <Title>{t('declare.title')}</Title>
        <div class="card form" data-testid="identity-locked">
          <h2>{t('declare.lockedTitle')}</h2>
          <p>{t('declare.lockedBody')}</p>
          <a class="btn btn-primary" href="#/profile">
            {t('declare.backToProfile')}
          </a>
        </div>
      </section>
    );
  }

  return (
    <section class="screen">
      <Title>{t('declare.title')}</Title>
      <p class="lead">{t('declare.intro')}</p>
      {current && <Alert kind="info" message={t('declare.current', { number: current.cccdMasked })} />}

      {conflict && (
        <div
          class="card conflict"
          role="alert"
          tabIndex={-1}
          ref={conflictBox}
          data-testid="identity-conflict"
          data-code={conflict.code}
        >
          <h2>{t(CONFLICT_TITLE[conflict.code] ?? 'error.title')}</h2>
          <p>{conflict.text}</p>
          <a class="btn btn-secondary" href="#/profile">
            {t('declare.backToProfile')}
          </a>
        </div>
      )}

      <CardQr
        onCard={(read, qr) => {
          setCard({
            cccdNumber: read.cccdNumber,
            fullName: read.fullName,
            dateOfBirth: read.dateOfBirth,
            sex: read.sex,
          });
          setQrText(qr);
          setErrors({});
          setMessage(null);
          setConflict(null);
        }}
      />

      <form class="card form scroll-target" ref={formRef} onSubmit={submit} noValidate>
        <h2>{t('declare.formTitle')}</h2>
        <Alert message={message} />
        {qrText && <QrReadNote onDrop={() => setQrText(null)} />}
        {errors.qrText && (
          <p class="field-error" data-testid="error-qrText">
            {errors.qrText}
          </p>
        )}
        <CardFields value={card} onChange={setCard} errors={errors} />
        <Button data-testid="identity-submit" busy={busy}>
          {t('declare.submit')}
        </Button>
      </form>

      <p class="aside">
        {t('declare.ekycAside')}{' '}
        <a href="#/ekyc" data-testid="identity-to-ekyc">
          {t('declare.ekycLink')}
        </a>
      </p>
    </section>
  );
}
