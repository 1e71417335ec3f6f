import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { problemExtra } from '../api/problem';
import type { components } from '../api/schema';
import { session } from '../api/session';
import { Alert, Button, Title } from '../components/ui';
import { t } from '../i18n';
import { expiryOf, formatCountdown, isQrSvg, refreshDelay, RETRY_MS, secondsLeft } from '../qr';

type IdentityCard = components['schemas']['IdentityCard'];

interface Issued {
  svg: string;
  /** When the code expires, by this phone's stopwatch. */
  expiry: number;
  lifetimeMs: number;
}

/** Keeps the screen on while the code is shown (where the browser allows it; else the screen may dim). */
function useWakeLock(active: boolean): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let live = true;
    let lock: WakeLockSentinel | null = null;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || (lock && !lock.released)) return;
      navigator.wakeLock.request('screen').then(
        (sentinel) => {
          if (!live) return void sentinel.release();
          lock = sentinel;
          setHeld(true);
          // The browser drops the lock when the tab is hidden; it is asked again on return.
          sentinel.addEventListener('release', () => live && setHeld(false));
        },
        () => {
          /* refused (battery saver, policy): the hint about brightness still applies */
        },
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release().catch(() => {});
    };
  }, [active]);
  return held;
}

/**
 * The citizen's personal QR: a short-lived signed code, drawn by the server, shown big on white with
 * the name and masked CCCD number. It renews itself before it expires and when the person comes back
 * to the app, so a code on screen is always fresh; each code can be checked only once.
 */
export function MyQr() {
  const [qr, setQr] = useState<Issued | null>(null);
  const [card, setCard] = useState<IdentityCard | null>(null);
  const [needLevel, setNeedLevel] = useState<{ required: number; current: number; text: string } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const inFlight = useRef(false);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    const outcome = await attempt(() => authed(() => api.GET('/api/v1/qr/me')));
    inFlight.current = false;
    setBusy(false);
    const at = Date.now();
    setNow(at);
    if (outcome.ok && outcome.result.data) {
      const { svg, expiresIn } = outcome.result.data;
      if (!isQrSvg(svg)) {
        setError(t('error.unknown'));
        setFailures((n) => n + 1);
        return;
      }
      setQr({ svg, expiry: expiryOf(at, expiresIn), lifetimeMs: expiresIn * 1000 });
      setError(null);
      setFailures(0);
    } else if (!outcome.ok && outcome.code === 'identity_level_required') {
      const required = problemExtra(outcome.problem, 'requiredLevel');
      const current = problemExtra(outcome.problem, 'currentLevel');
      setQr(null);
      setNeedLevel({
        required: typeof required === 'number' ? required : 1,
        current: typeof current === 'number' ? current : (session.user()?.identityLevel ?? 0),
        text: outcome.error.message,
      });
    } else if (!outcome.ok && outcome.status !== 401) {
      // The code on screen (if any) stays until it expires; another try is scheduled.
      setError(outcome.error.message);
      setFailures((n) => n + 1);
    }
  }, []);

  useEffect(() => {
    void refresh();
    void attempt(() => authed(() => api.GET('/api/v1/me/identity'))).then((outcome) => {
      if (outcome.ok && outcome.result.data) setCard(outcome.result.data);
    });
  }, [refresh]);

  // The countdown ticks every second while a code is shown.
  useEffect(() => {
    if (!qr) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [qr]);

  // A new code shortly before this one expires; after a failure, another try a few seconds later.
  useEffect(() => {
    if (!qr) return;
    const due = refreshDelay(qr.expiry, Date.now(), qr.lifetimeMs);
    const timer = setTimeout(() => void refresh(), failures ? Math.max(due, RETRY_MS) : due);
    return () => clearTimeout(timer);
  }, [qr, failures, refresh]);

  // Back in the app (the code may have been photographed meanwhile, or timers slept): a fresh code.
  useEffect(() => {
    const back = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', back);
    return () => document.removeEventListener('visibilitychange', back);
  }, [refresh]);

  const awake = useWakeLock(qr !== null);

  if (needLevel) {
    return (
      <section class="screen">
        <Title>{t('myQr.title')}</Title>
        <div class="card form" data-testid="qr-level-required" data-level={needLevel.required}>
          <h2>{t('myQr.levelTitle', { level: needLevel.required })}</h2>
          {/* Level 1 is explained here; a higher level some day, in the API's own words. */}
          <p>
            {needLevel.required === 1 ? t('myQr.levelBody', { current: needLevel.current }) : needLevel.text}
          </p>
          <a class="btn btn-primary" href="#/identity" data-testid="qr-declare">
            {t('profile.declareCccd')}
          </a>
        </div>
      </section>
    );
  }

  const left = qr ? secondsLeft(qr.expiry, now) : 0;
  const expired = qr !== null && left === 0;
  const name = card?.fullName ?? session.user()?.fullName ?? '';
  return (
    <section class="screen qr-screen">
      <Title>{t('myQr.title')}</Title>
      <p class="lead">{t('myQr.intro')}</p>
      <div class="card qr-card">
        {/* The SVG markup comes from our own API and passed isQrSvg. */}
        {qr ? (
          <div
            class={`qr-code${expired ? ' qr-expired' : ''}`}
            data-testid="my-qr"
            role="img"
            aria-label={t('myQr.alt', { name })}
            dangerouslySetInnerHTML={{ __html: qr.svg }}
          />
        ) : (
          <div class="qr-code qr-placeholder" role="status">
            {error ? '' : t('common.loading')}
          </div>
        )}
        {name && <p class="qr-name">{name}</p>}
        {card && (
          <p class="qr-cccd">
            {t('profile.cccd')}: <strong>{card.cccdMasked}</strong>
          </p>
        )}
        {qr && (
          <p
            class={`qr-countdown${expired ? ' is-expired' : left <= 30 ? ' is-low' : ''}`}
            data-testid="qr-countdown"
            data-seconds={left}
          >
            {busy && left <= 30
              ? t('myQr.renewing')
              : expired
                ? t('myQr.expired')
                : t('myQr.expiresIn', { time: formatCountdown(left) })}
          </p>
        )}
        <Alert message={error} />
        <Button
          type="button"
          variant="secondary"
          data-testid="qr-refresh"
          disabled={busy}
          onClick={() => void refresh()}
        >
          {t('myQr.refresh')}
        </Button>
      </div>
      <ul class="qr-tips">
        <li>{t('myQr.brightness')}</li>
        <li>{t('myQr.autoRefresh')}</li>
        {awake && <li>{t('myQr.awake')}</li>}
      </ul>
    </section>
  );
}
