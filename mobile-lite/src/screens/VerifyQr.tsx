import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import { problemExtra } from '../api/problem';
import type { components } from '../api/schema';
import { CameraScan, PasteBox, SCAN_PROBLEM_TEXT, scanProblemNow } from '../components/scan';
import { Alert, Button, Icon, QR_ICON, Title } from '../components/ui';
import { t, type MessageKey } from '../i18n';
import { verdictTone, verifyStatusOf, type VerifyStatus } from '../qr';
import type { ScanProblem } from '../scan';
import { formatClock, formatInstantDay } from '../time';

type Verified = components['schemas']['QrVerified'];

interface Verdict {
  status: VerifyStatus;
  /** Who the code belongs to, when valid. */
  person?: Verified;
  /** The API's explanation, when not valid. */
  text?: string;
  /** For a replayed code: when it was checked the first time. */
  firstVerifiedAt?: string;
}

const TITLE: Record<Exclude<VerifyStatus, 'replayed'>, MessageKey> = {
  valid: 'verify.valid',
  expired: 'verify.expired',
  forged: 'verify.forged',
  malformed: 'verify.malformed',
  revoked: 'verify.revoked',
};

const MARK: Record<ReturnType<typeof verdictTone>, string> = {
  ok: 'M5 12l5 5L20 7',
  warn: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  bad: 'M6 6l12 12M18 6L6 18',
};

const LEVEL_TEXT: Record<number, MessageKey> = { 0: 'identity.0', 1: 'identity.1', 2: 'identity.2' };

function verdictTitle(verdict: Verdict): string {
  if (verdict.status !== 'replayed') return t(TITLE[verdict.status]);
  return verdict.firstVerifiedAt
    ? t('verify.replayed', { time: formatClock(verdict.firstVerifiedAt) })
    : t('verify.replayedBefore');
}

function VerdictCard(props: { verdict: Verdict; boxRef: Ref<HTMLDivElement> }) {
  const { verdict } = props;
  const tone = verdictTone(verdict.status);
  const person = verdict.person;
  const levelLabel = person ? LEVEL_TEXT[person.identityLevel] : undefined;
  return (
    <div
      class={`card verdict verdict-${tone}`}
      data-testid="verify-result"
      data-status={verdict.status}
      role={tone === 'ok' ? 'status' : 'alert'}
      tabIndex={-1}
      ref={props.boxRef}
    >
      <div class="verdict-head">
        <Icon d={MARK[tone]} size={40} />
        <p class={`verdict-title${verdict.status === 'replayed' ? ' verdict-title-long' : ''}`}>
          {verdictTitle(verdict)}
        </p>
      </div>
      <div class="verdict-body">
        {person ? (
          <>
            <dl class="facts">
              <div>
                <dt>{t('verify.name')}</dt>
                <dd class="verdict-name" data-testid="verify-name">
                  {person.fullName}
                </dd>
              </div>
              <div>
                <dt>{t('verify.cccd')}</dt>
                <dd data-testid="verify-cccd">{person.cccdMasked ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('verify.level')}</dt>
                <dd>
                  {levelLabel
                    ? t('verify.levelValue', { level: person.identityLevel, label: t(levelLabel) })
                    : t('identity.levelN', { level: person.identityLevel })}
                </dd>
              </div>
              <div>
                <dt>{t('verify.checkedAt')}</dt>
                <dd>
                  {formatClock(person.verifiedAt, true)} · {formatInstantDay(person.verifiedAt)}
                </dd>
              </div>
            </dl>
            <p class="hint">{t('verify.compare')}</p>
          </>
        ) : (
          <p>{verdict.text}</p>
        )}
      </div>
    </div>
  );
}

/**
 * For an officer or inspector (signed in or not): scan a citizen's personal QR — with the camera, or
 * typed by a handheld scanner, or pasted — and get a verdict that cannot be misread at arm's length.
 */
export function VerifyQr() {
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scanProblem, setScanProblem] = useState<ScanProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const resultBox = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (verdict) resultBox.current?.focus();
  }, [verdict]);

  async function check(text: string) {
    const value = text.trim();
    if (!value) return setTokenError(t('validation.token'));
    setTokenError(undefined);
    setMessage(null);
    // The previous verdict goes: two checks with the same result must not look like one.
    setVerdict(null);
    setBusy(true);
    // Public: no sign-in needed, and a signed-out session must not send the officer to the sign-in screen.
    const outcome = await attempt(() => api.POST('/api/v1/qr/verify', { body: { token: value } }));
    setBusy(false);
    const status = outcome.ok ? 'valid' : verifyStatusOf(outcome.status, outcome.code);
    if (!status) {
      // No verdict (no network, too many checks): keep the text to try again.
      setMessage(outcome.ok ? t('error.unknown') : outcome.error.message);
      return;
    }
    setToken('');
    if (outcome.ok) {
      setVerdict({ status, ...(outcome.result.data ? { person: outcome.result.data } : {}) });
    } else {
      const first = problemExtra(outcome.problem, 'firstVerifiedAt');
      setVerdict({
        status,
        text: outcome.error.message,
        ...(typeof first === 'string' ? { firstVerifiedAt: first } : {}),
      });
    }
  }

  function startScan() {
    const problem = scanProblemNow();
    setScanProblem(problem);
    setScanning(!problem);
  }

  /** Ready for the next person: the camera when there is one, else the text box. */
  function next() {
    setVerdict(null);
    setMessage(null);
    setTokenError(undefined);
    startScan();
    if (scanProblemNow()) document.getElementById('f-token')?.focus();
  }

  return (
    <section class="screen">
      <Title>{t('verify.title')}</Title>
      {!verdict && <p class="lead">{t('verify.intro')}</p>}
      {verdict && (
        <>
          <VerdictCard verdict={verdict} boxRef={resultBox} />
          <Button type="button" data-testid="verify-next" onClick={next}>
            {t('verify.next')}
          </Button>
        </>
      )}
      <div class="card form">
        <Alert message={message} />
        {scanning ? (
          <CameraScan
            onText={(text) => {
              setScanning(false);
              setToken(text);
              void check(text);
            }}
            onProblem={(problem) => {
              setScanning(false);
              setScanProblem(problem);
            }}
            onClose={() => setScanning(false)}
          />
        ) : (
          <Button type="button" variant="secondary" data-testid="verify-scan" onClick={startScan}>
            <Icon d={QR_ICON} size={22} />
            <span>{t('verify.scan')}</span>
          </Button>
        )}
        {scanProblem && (
          <p class="notice" role="status" data-testid="scan-problem" data-problem={scanProblem}>
            {t(SCAN_PROBLEM_TEXT[scanProblem])}
          </p>
        )}
        <PasteBox
          name="token"
          label={t('verify.tokenLabel')}
          hint={t('verify.tokenHint')}
          error={tokenError}
          value={token}
          onValue={setToken}
          onSubmit={() => void check(token)}
          submitLabel={t('verify.submit')}
          busy={busy}
          textTestId="verify-token"
          submitTestId="verify-submit"
          autoFocus={scanProblem !== null}
        />
      </div>
    </section>
  );
}
