import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { session } from '../api/session';
import { CameraScan, PasteBox, SCAN_PROBLEM_TEXT, scanProblemNow } from '../components/scan';
import { Alert, Button, Field, Icon, QR_ICON, Title } from '../components/ui';
import { t, type MessageKey } from '../i18n';
import { navigate } from '../router';
import type { ScanProblem } from '../scan';
import { todayInVietnam } from '../time';
import { checkCccdNumber, checkDateOfBirth, checkFullName, checkSex, compactCccd } from '../validation';

type IdentityCard = components['schemas']['IdentityCard'];
type Sex = components['schemas']['Sex'];

const FIELDS = ['cccdNumber', 'fullName', 'dateOfBirth', 'sex', 'qrText'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

const SEXES: readonly { value: Sex; label: MessageKey }[] = [
  { value: 'male', label: 'declare.male' },
  { value: 'female', label: 'declare.female' },
];

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
  const [cccdNumber, setCccdNumber] = useState('');
  const [fullName, setFullName] = useState(() => session.user()?.fullName ?? '');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [sex, setSex] = useState<Sex | ''>('');
  /** The card QR text the form was filled from; sent with the declaration so the API can compare. */
  const [qrText, setQrText] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scanProblem, setScanProblem] = useState<ScanProblem | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | undefined>();
  const [reading, setReading] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ code: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const conflictBox = useRef<HTMLDivElement | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);

  // An update starts from what was declared (the number itself is only ever shown masked).
  useEffect(() => {
    void attempt(() => authed(() => api.GET('/api/v1/me/identity'))).then((outcome) => {
      const card = outcome.ok ? outcome.result.data : undefined;
      if (!card) return;
      setCurrent(card);
      setFullName((v) => v || card.fullName);
      setDateOfBirth((v) => v || card.dateOfBirth);
      setSex((v) => v || card.sex);
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

  function startScan() {
    setPasteError(undefined);
    const problem = scanProblemNow();
    setScanProblem(problem);
    if (problem) setPasteOpen(true);
    else setScanning(true);
  }

  async function readQr(text: string) {
    const qr = text.trim();
    if (!qr) return setPasteError(t('validation.qrText'));
    setPasteError(undefined);
    setReading(true);
    const outcome = await attempt(
      () => authed(() => api.POST('/api/v1/identity/cccd-qr', { body: { qrText: qr } })),
      ['qrText'],
    );
    setReading(false);
    if (outcome.ok && outcome.result.data) {
      const card = outcome.result.data;
      setCccdNumber(card.cccdNumber);
      setFullName(card.fullName);
      setDateOfBirth(card.dateOfBirth);
      setSex(card.sex);
      setQrText(qr);
      setPaste('');
      setPasteOpen(false);
      setScanProblem(null);
      setErrors({});
      setMessage(null);
      setConflict(null);
    } else if (!outcome.ok && outcome.status !== 401) {
      // Show what was read, and why it cannot be used, so the person can see it is the wrong code.
      setPaste(qr);
      setPasteOpen(true);
      setPasteError(outcome.error.fields.qrText ?? outcome.error.message);
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found: Errors = {};
    const checks: [keyof Errors, MessageKey | null][] = [
      ['cccdNumber', checkCccdNumber(cccdNumber)],
      ['fullName', checkFullName(fullName)],
      ['dateOfBirth', checkDateOfBirth(dateOfBirth, todayInVietnam())],
      ['sex', checkSex(sex)],
    ];
    for (const [name, bad] of checks) if (bad) found[name] = t(bad);
    setErrors(found);
    setMessage(null);
    setConflict(null);
    if (Object.keys(found).length || sex === '') return;
    setBusy(true);
    const body = {
      cccdNumber: compactCccd(cccdNumber),
      fullName: fullName.trim(),
      dateOfBirth,
      sex,
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

      <div class="card form">
        <h2>{t('declare.qrTitle')}</h2>
        <p class="hint">{t('declare.qrHint')}</p>
        {scanning ? (
          <CameraScan
            onText={(text) => {
              setScanning(false);
              void readQr(text);
            }}
            onProblem={(problem) => {
              setScanning(false);
              setScanProblem(problem);
              setPasteOpen(true);
            }}
            onClose={() => setScanning(false)}
          />
        ) : (
          <Button type="button" variant="secondary" data-testid="scan-card-qr" onClick={startScan}>
            <Icon d={QR_ICON} size={22} />
            <span>{t('declare.scan')}</span>
          </Button>
        )}
        {scanProblem && (
          <p class="notice" role="status" data-testid="scan-problem" data-problem={scanProblem}>
            {t(SCAN_PROBLEM_TEXT[scanProblem])}
          </p>
        )}
        {pasteOpen ? (
          <PasteBox
            name="qrPaste"
            label={t('declare.pasteLabel')}
            hint={t('declare.pasteHint')}
            error={pasteError}
            value={paste}
            onValue={setPaste}
            onSubmit={() => void readQr(paste)}
            submitLabel={t('declare.pasteSubmit')}
            busy={reading}
            textTestId="qr-paste"
            submitTestId="qr-paste-submit"
            autoFocus
          />
        ) : (
          !scanning && (
            <Button
              type="button"
              variant="link"
              data-testid="qr-paste-open"
              onClick={() => setPasteOpen(true)}
            >
              {t('declare.pasteOpen')}
            </Button>
          )
        )}
      </div>

      <form class="card form scroll-target" ref={formRef} onSubmit={submit} noValidate>
        <h2>{t('declare.formTitle')}</h2>
        <Alert message={message} />
        {qrText && (
          <div class="qr-read" role="status" data-testid="qr-read">
            <Icon d="M5 12l5 5L20 7" size={22} />
            <div>
              <p>
                <strong>{t('declare.fromQr')}</strong>
              </p>
              <p class="hint">{t('declare.fromQrHint')}</p>
              <Button type="button" variant="link" data-testid="qr-drop" onClick={() => setQrText(null)}>
                {t('declare.dropQr')}
              </Button>
            </div>
          </div>
        )}
        {errors.qrText && (
          <p class="field-error" data-testid="error-qrText">
            {errors.qrText}
          </p>
        )}
        <Field
          name="cccdNumber"
          label={t('declare.cccdNumber')}
          inputMode="numeric"
          autoComplete="off"
          value={cccdNumber}
          onValue={setCccdNumber}
          hint={t('declare.cccdHint')}
          error={errors.cccdNumber}
        />
        <Field
          name="fullName"
          label={t('declare.fullName')}
          autoComplete="name"
          value={fullName}
          onValue={setFullName}
          error={errors.fullName}
        />
        <Field
          name="dateOfBirth"
          label={t('declare.dateOfBirth')}
          type="date"
          autoComplete="bday"
          min="1900-01-01"
          max={todayInVietnam()}
          value={dateOfBirth}
          onValue={setDateOfBirth}
          error={errors.dateOfBirth}
        />
        <fieldset
          class={`field choices${errors.sex ? ' has-error' : ''}`}
          aria-describedby={errors.sex ? 'f-sex-error' : undefined}
        >
          <legend>{t('declare.sex')}</legend>
          <div class="choice-row">
            {SEXES.map((s) => (
              <label key={s.value} class={`choice${sex === s.value ? ' chosen' : ''}`}>
                <input
                  type="radio"
                  name="sex"
                  value={s.value}
                  checked={sex === s.value}
                  onChange={() => setSex(s.value)}
                />
                {t(s.label)}
              </label>
            ))}
          </div>
          {errors.sex && (
            <p id="f-sex-error" class="field-error" data-testid="error-sex">
              {errors.sex}
            </p>
          )}
        </fieldset>
        <Button data-testid="identity-submit" busy={busy}>
          {t('declare.submit')}
        </Button>
      </form>
    </section>
  );
}
