import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { session, type Me } from '../api/session';
import { Alert, Button, Field, FACE_ICON, Icon, QR_ICON, Title } from '../components/ui';
import { getLang, t, type MessageKey } from '../i18n';
import { lazyPart } from '../lazy';
import { formatPhone } from '../phone';
import { navigate, takeFlash } from '../router';
import { checkFullName } from '../validation';

const LEVELS = [0, 1, 2] as const;
const LEVEL_TEXT: Record<(typeof LEVELS)[number], MessageKey> = {
  0: 'identity.0',
  1: 'identity.1',
  2: 'identity.2',
};

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(getLang() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(date);
}

type IdentityCard = components['schemas']['IdentityCard'];

// Passkeys: only where the browser has WebAuthn, and their code (and @simplewebauthn) only then.
const PasskeysCard = lazyPart(() => import('./Passkeys').then((m) => m.PasskeysCard));
const hasPasskeys = () => typeof window.PublicKeyCredential === 'function';
// Signed-in devices: a card of its own, loaded with the profile's lower part.
const SessionsCard = lazyPart(() => import('./Sessions').then((m) => m.SessionsCard));

export function Profile() {
  const [flash] = useState(takeFlash);
  const [me, setMe] = useState<Me | null>(session.user);
  const [card, setCard] = useState<IdentityCard | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fullName, setFullName] = useState(me?.fullName ?? '');
  const [nameError, setNameError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'logout' | null>(null);
  /** A face-verification case waiting for an officer. */
  const [waiting, setWaiting] = useState(false);

  async function load() {
    setLoadError(null);
    const outcome = await attempt(() => authed(() => api.GET('/api/v1/me')));
    if (outcome.ok && outcome.result.data) {
      setMe(outcome.result.data);
      setFullName(outcome.result.data.fullName);
      session.setUser(outcome.result.data);
    } else if (!outcome.ok && outcome.status !== 401) {
      setLoadError(outcome.error.message);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  // From level 1 on, the declared card: the masked number and where the birth was registered.
  const identityLevel = me?.identityLevel ?? 0;
  useEffect(() => {
    if (identityLevel < 1) return;
    void attempt(() => authed(() => api.GET('/api/v1/me/identity'))).then((outcome) => {
      if (outcome.ok && outcome.result.data) setCard(outcome.result.data);
    });
  }, [identityLevel]);

  // Below level 2: is a face verification already waiting for an officer?
  useEffect(() => {
    if (identityLevel >= 2) return;
    void attempt(() => authed(() => api.GET('/api/v1/ekyc/cases'))).then((outcome) => {
      if (outcome.ok) setWaiting(!!outcome.result.data?.items.some((c) => c.status === 'review'));
    });
  }, [identityLevel]);

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    const bad = checkFullName(fullName);
    setMessage(null);
    setNameError(bad ? t(bad) : undefined);
    if (bad) return;
    setBusy('save');
    const outcome = await attempt(
      () => authed(() => api.PATCH('/api/v1/me', { body: { fullName: fullName.trim() } })),
      ['fullName'],
    );
    setBusy(null);
    if (outcome.ok && outcome.result.data) {
      setMe(outcome.result.data);
      setFullName(outcome.result.data.fullName);
      session.setUser(outcome.result.data);
      setMessage({ kind: 'info', text: t('profile.saved') });
    } else if (!outcome.ok) {
      setNameError(outcome.error.fields.fullName);
      setMessage({ kind: 'error', text: outcome.error.message });
    }
  }

  async function logout() {
    setBusy('logout');
    const refreshToken = session.refreshToken();
    // Whatever the server answers (or if it cannot be reached), the tokens leave this phone.
    if (refreshToken) await attempt(() => api.POST('/api/v1/auth/logout', { body: { refreshToken } }));
    session.clear();
    setBusy(null);
    navigate('#/');
  }

  if (!me) {
    return (
      <section class="screen">
        <Title>{t('profile.title')}</Title>
        {loadError ? (
          <div class="card form">
            <Alert message={loadError} />
            <Button type="button" onClick={() => void load()}>
              {t('profile.retry')}
            </Button>
          </div>
        ) : (
          <p class="card muted" role="status">
            {t('common.loading')}
          </p>
        )}
      </section>
    );
  }

  const level = me.identityLevel === 1 || me.identityLevel === 2 ? me.identityLevel : 0;
  return (
    <section class="screen">
      <Title>{t('profile.title')}</Title>
      {flash.notice && <Alert kind="info" message={t(flash.notice)} />}
      <div class="card profile-head">
        <div class="avatar" aria-hidden="true">
          {me.fullName.trim().split(/\s+/).pop()?.charAt(0).toUpperCase()}
        </div>
        <div>
          <p class="profile-name" data-testid="profile-name">
            {me.fullName}
          </p>
          <p class="muted">
            <span class="sr-only">{t('profile.phone')}: </span>
            <span data-testid="profile-phone" data-e164={me.phone}>
              {formatPhone(me.phone)}
            </span>
          </p>
          <p class="muted small">{t('profile.memberSince', { date: formatDate(me.createdAt) })}</p>
        </div>
      </div>

      <div class="card" data-testid="identity-card" data-level={level}>
        <h2>{t('profile.identity')}</h2>
        <p data-testid="identity-level" data-level={level}>
          {t('profile.identityCurrent', { level, label: t(LEVEL_TEXT[level]) })}
        </p>
        <ol class="levels">
          {LEVELS.map((n) => (
            <li key={n} class={n <= level ? 'done' : 'todo'}>
              <span class="level-mark" aria-hidden="true">
                {n <= level ? '✓' : n}
              </span>
              <span>
                <strong>{t('identity.levelN', { level: n })}</strong> — {t(LEVEL_TEXT[n])}
                <span class="sr-only"> ({n <= level ? t('identity.done') : t('identity.todo')})</span>
              </span>
            </li>
          ))}
        </ol>
        {level >= 1 && card && (
          <dl class="facts">
            <div>
              <dt>{t('profile.cccd')}</dt>
              <dd data-testid="identity-cccd">{card.cccdMasked}</dd>
            </div>
            {card.birthProvince && (
              <div>
                <dt>{t('profile.birthProvince')}</dt>
                <dd>{card.birthProvince}</dd>
              </div>
            )}
          </dl>
        )}
        {level < 2 && waiting && (
          <p class="notice" role="status" data-testid="ekyc-waiting">
            {t('profile.ekycWaiting')}
          </p>
        )}
        <div class="actions">
          {level >= 1 && (
            <a class="btn btn-primary" href="#/qr" data-testid="open-my-qr">
              <Icon d={QR_ICON} size={22} />
              <span>{t('profile.myQr')}</span>
            </a>
          )}
          {level < 2 && !waiting && (
            <a
              class={`btn ${level === 1 ? 'btn-primary' : 'btn-secondary'}`}
              href="#/ekyc"
              data-testid="ekyc-start"
            >
              <Icon d={FACE_ICON} size={22} />
              <span>{t('profile.ekycStart')}</span>
            </a>
          )}
          {level < 2 && (
            <a
              class={`btn ${level === 0 ? 'btn-primary' : 'btn-secondary'}`}
              href="#/identity"
              data-testid="identity-declare"
            >
              {level === 0 ? t('profile.declareCccd') : t('profile.updateCccd')}
            </a>
          )}
          <a class="btn btn-link" href="#/ekyc/cases" data-testid="ekyc-cases-link">
            {t('profile.ekycCases')}
          </a>
        </div>
      </div>

      {hasPasskeys() && <PasskeysCard />}

      <SessionsCard />

      <form class="card form" onSubmit={save} noValidate>
        <h2>{t('profile.editName')}</h2>
        {message && <Alert kind={message.kind} message={message.text} />}
        <Field
          name="fullName"
          label={t('profile.fullName')}
          autoComplete="name"
          value={fullName}
          onValue={setFullName}
          error={nameError}
        />
        <Button data-testid="profile-save" busy={busy === 'save'}>
          {t('profile.save')}
        </Button>
      </form>

      <Button
        type="button"
        variant="danger"
        data-testid="logout"
        busy={busy === 'logout'}
        onClick={() => void logout()}
      >
        {t('profile.logout')}
      </Button>
    </section>
  );
}
