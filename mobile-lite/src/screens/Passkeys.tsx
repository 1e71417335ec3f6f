import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { Alert, Button, Confirm, Icon, PASSKEY_ICON } from '../components/ui';
import { t } from '../i18n';
import { credentialJson, passkeyDeviceName, passkeyProblem } from '../login';
import { formatInstantDay } from '../time';

type Passkey = components['schemas']['Passkey'];
type Note = { kind: 'error' | 'info'; text: string };

/**
 * The profile's "passkey" card: sign in with the phone's fingerprint or face unlock instead of the
 * password. Lists the account's passkeys, adds one for this phone, removes one (after a confirmation).
 * Loaded on demand, and only where the browser supports WebAuthn.
 */
export function PasskeysCard() {
  const [items, setItems] = useState<Passkey[] | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  async function load() {
    const outcome = await attempt(() => authed(() => api.GET('/api/v1/me/passkeys')));
    if (outcome.ok && outcome.result.data) setItems(outcome.result.data.items);
    else if (!outcome.ok && outcome.status !== 401) setNote({ kind: 'error', text: outcome.error.message });
  }

  useEffect(() => {
    void load();
  }, []);

  async function add() {
    if (adding) return;
    setNote(null);
    setAdding(true);
    const options = await attempt(() => authed(() => api.POST('/api/v1/me/passkeys/options')));
    if (!options.ok || !options.result.data) {
      setAdding(false);
      if (!options.ok && options.status !== 401) setNote({ kind: 'error', text: options.error.message });
      return;
    }
    const { challengeId } = options.result.data;
    let response;
    try {
      const { startRegistration } = await import('@simplewebauthn/browser');
      response = await startRegistration({
        optionsJSON: options.result.data.options as unknown as PublicKeyCredentialCreationOptionsJSON,
      });
    } catch (error) {
      setAdding(false);
      const problem = passkeyProblem(error);
      setNote(
        problem === 'cancelled'
          ? { kind: 'info', text: t('passkey.cancelledAdd') }
          : problem === 'exists'
            ? { kind: 'info', text: t('passkey.exists') }
            : { kind: 'error', text: t('passkey.deviceFailed') },
      );
      return;
    }
    const saved = await attempt(() =>
      authed(() =>
        api.POST('/api/v1/me/passkeys', {
          body: {
            challengeId,
            response: credentialJson(response),
            name: passkeyDeviceName(navigator.userAgent),
          },
        }),
      ),
    );
    setAdding(false);
    if (saved.ok && saved.result.data) {
      const added = saved.result.data;
      setItems((list) => [...(list ?? []).filter((p) => p.id !== added.id), added]);
      setNote({ kind: 'info', text: t('passkey.added') });
    } else if (!saved.ok && saved.status !== 401) {
      setNote({ kind: 'error', text: saved.error.message });
    }
  }

  async function remove(id: string) {
    setRemoving(id);
    setNote(null);
    const outcome = await attempt(() =>
      authed(() => api.DELETE('/api/v1/me/passkeys/{id}', { params: { path: { id } } })),
    );
    setRemoving(null);
    setConfirming(null);
    if (outcome.ok || outcome.status === 404) {
      setItems((list) => (list ?? []).filter((p) => p.id !== id));
      setNote({ kind: 'info', text: t('passkey.removed') });
    } else if (outcome.status !== 401) {
      setNote({ kind: 'error', text: outcome.error.message });
    }
  }

  return (
    <div class="card" data-testid="passkeys-card">
      <h2>{t('passkey.title')}</h2>
      <p class="hint">{t('passkey.intro')}</p>
      {note && <Alert kind={note.kind} message={note.text} />}
      {items === null ? (
        <p class="muted" role="status">
          {t('common.loading')}
        </p>
      ) : items.length === 0 ? (
        <p class="muted" data-testid="passkeys-empty">
          {t('passkey.none')}
        </p>
      ) : (
        <ul class="passkeys">
          {items.map((p) => (
            <li key={p.id} data-testid="passkey-item" data-id={p.id}>
              <span class="passkey-icon" aria-hidden="true">
                <Icon d={PASSKEY_ICON} size={22} />
              </span>
              <div class="passkey-text">
                <p class="passkey-name">{p.name}</p>
                <p class="hint">
                  {t('passkey.created', { date: formatInstantDay(p.createdAt) })}
                  {' · '}
                  {p.lastUsedAt
                    ? t('passkey.lastUsed', { date: formatInstantDay(p.lastUsedAt) })
                    : t('passkey.neverUsed')}
                </p>
                {confirming === p.id ? (
                  <Confirm
                    question={t('passkey.confirm', { name: p.name })}
                    action={t('passkey.remove')}
                    testId="passkey-remove-confirm"
                    busy={removing === p.id}
                    onConfirm={() => void remove(p.id)}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  <Button
                    type="button"
                    variant="link"
                    data-testid="passkey-remove"
                    onClick={() => setConfirming(p.id)}
                  >
                    {t('passkey.remove')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Button
        type="button"
        variant={items && items.length ? 'secondary' : 'primary'}
        data-testid="passkey-add"
        busy={adding}
        onClick={() => void add()}
      >
        <Icon d={PASSKEY_ICON} size={22} />
        <span>{t('passkey.add')}</span>
      </Button>
    </div>
  );
}
