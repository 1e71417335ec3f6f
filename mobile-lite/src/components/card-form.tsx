import { useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { t, type MessageKey } from '../i18n';
import type { ScanProblem } from '../scan';
import { todayInVietnam } from '../time';
import { checkCccdNumber, checkDateOfBirth, checkFullName, checkSex } from '../validation';
import { CameraScan, PasteBox, SCAN_PROBLEM_TEXT, scanProblemNow } from './scan';
import { Button, Field, Icon, QR_ICON } from './ui';

/**
 * The ID card (CCCD) data, shared by the declaration (level 1) and face verification (level 2):
 * the QR box, the "read from the QR" note and the four inputs, named as the API names the fields.
 */
export type ParsedCard = components['schemas']['ParsedCccdQr'];
export type Sex = components['schemas']['Sex'];

export interface CardValues {
  cccdNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: Sex | '';
}
export type CardField = keyof CardValues | 'qrText';
export type CardErrors = Partial<Record<CardField, string>>;

const SEXES: readonly { value: Sex; label: MessageKey }[] = [
  { value: 'male', label: 'declare.male' },
  { value: 'female', label: 'declare.female' },
];

/** Local checks that spare a round trip; the API judges the number against the sex and the birth year. */
export function checkCard(card: CardValues): CardErrors {
  const found: CardErrors = {};
  const checks: [keyof CardValues, MessageKey | null][] = [
    ['cccdNumber', checkCccdNumber(card.cccdNumber)],
    ['fullName', checkFullName(card.fullName)],
    ['dateOfBirth', checkDateOfBirth(card.dateOfBirth, todayInVietnam())],
    ['sex', checkSex(card.sex)],
  ];
  for (const [name, bad] of checks) if (bad) found[name] = t(bad);
  return found;
}

/**
 * "Faster: scan the QR on the card" — the chip card's QR read by the camera, or its text pasted, checked
 * by the API and handed back parsed, with the text (sent later so the API can compare).
 */
export function CardQr(props: { onCard: (card: ParsedCard, qrText: string) => void }) {
  const [scanning, setScanning] = useState(false);
  const [scanProblem, setScanProblem] = useState<ScanProblem | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | undefined>();
  const [reading, setReading] = useState(false);

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
      setPaste('');
      setPasteOpen(false);
      setScanProblem(null);
      props.onCard(outcome.result.data, qr);
    } else if (!outcome.ok && outcome.status !== 401) {
      // Show what was read, and why it cannot be used, so the person can see it is the wrong code.
      setPaste(qr);
      setPasteOpen(true);
      setPasteError(outcome.error.fields.qrText ?? outcome.error.message);
    }
  }

  return (
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
          <Button type="button" variant="link" data-testid="qr-paste-open" onClick={() => setPasteOpen(true)}>
            {t('declare.pasteOpen')}
          </Button>
        )
      )}
    </div>
  );
}

/** Shown once the QR filled the form: the data can still be edited; "don't use the QR" forgets it. */
export function QrReadNote(props: { onDrop: () => void }) {
  return (
    <div class="qr-read" role="status" data-testid="qr-read">
      <Icon d="M5 12l5 5L20 7" size={22} />
      <div>
        <p>
          <strong>{t('declare.fromQr')}</strong>
        </p>
        <p class="hint">{t('declare.fromQrHint')}</p>
        <Button type="button" variant="link" data-testid="qr-drop" onClick={props.onDrop}>
          {t('declare.dropQr')}
        </Button>
      </div>
    </div>
  );
}

interface CardFieldsProps {
  value: CardValues;
  onChange: (value: CardValues) => void;
  errors: CardErrors;
  /** Hint under the number (e.g. why it is asked again). */
  cccdHint?: string;
}

/** Number, name, birth date and sex, as printed on the card. */
export function CardFields({ value, onChange, errors, cccdHint }: CardFieldsProps) {
  const set = (patch: Partial<CardValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <Field
        name="cccdNumber"
        label={t('declare.cccdNumber')}
        inputMode="numeric"
        autoComplete="off"
        value={value.cccdNumber}
        onValue={(cccdNumber) => set({ cccdNumber })}
        hint={cccdHint ?? t('declare.cccdHint')}
        error={errors.cccdNumber}
      />
      <Field
        name="fullName"
        label={t('declare.fullName')}
        autoComplete="name"
        value={value.fullName}
        onValue={(fullName) => set({ fullName })}
        error={errors.fullName}
      />
      <Field
        name="dateOfBirth"
        label={t('declare.dateOfBirth')}
        type="date"
        autoComplete="bday"
        min="1900-01-01"
        max={todayInVietnam()}
        value={value.dateOfBirth}
        onValue={(dateOfBirth) => set({ dateOfBirth })}
        error={errors.dateOfBirth}
      />
      <fieldset
        class={`field choices${errors.sex ? ' has-error' : ''}`}
        aria-describedby={errors.sex ? 'f-sex-error' : undefined}
      >
        <legend>{t('declare.sex')}</legend>
        <div class="choice-row">
          {SEXES.map((s) => (
            <label key={s.value} class={`choice${value.sex === s.value ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="sex"
                value={s.value}
                checked={value.sex === s.value}
                onChange={() => set({ sex: s.value })}
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
    </>
  );
}
