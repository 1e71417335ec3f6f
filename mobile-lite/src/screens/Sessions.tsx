import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Confirm } from '../components/ui';
import { t } from '../i18n';
import { formatMoment, orderSessions, sessionDeviceName, type ActiveSession } from '../sessions';

type Note = { kind: 'error' | 'info'; text: string };

/**
 * The profile's "signed-in devices" card: where this account is signed in, and signing out a lost phone or a
 * shared computer (one, or every device but this one), each after a confirmation. Its access stops at once.
 */
export function SessionsCard() {
  const [items, setItems] = useState<ActiveSession[] | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function load() {
    const outcome = await attempt(() => authed(() => api.GET('/api/v1/me/sessions')));
    if (outcome.ok && outcome.result.data) setItems(orderSessions(outcome.result.data.items));
    else if (!outcome.ok && outcome.status !== 401) setNote({ kind: 'error', text: outcome.error.message });
  }

  useEffect(() => {
    void load();
  }, []);

  async function endOne(s: ActiveSession) {
    setBusy(s.id);
    setNote(null);
    const outcome = await attempt(() =>
      authed(() => api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id: s.id } } })),
    );
    setBusy(null);
    setConfirming(null);
    if (outcome.ok || outcome.status === 404) {
      setItems((list) => (list ?? []).filter((x) => x.id !== s.id));
      setNote({ kind: 'info', text: t('sessions.ended', { name: sessionDeviceName(s) }) });
    } else if (outcome.status !== 401) setNote({ kind: 'error', text: outcome.error.message });
  }

  async function endOthers() {
    setBusy('others');
    setNote(null);
    const outcome = await attempt(() => authed(() => api.POST('/api/v1/me/sessions/end-others')));
    setBusy(null);
    setConfirming(null);
    if (outcome.ok && outcome.result.data) {
      setItems((list) => (list ?? []).filter((x) => x.current));
      setNote({ kind: 'info', text: t('sessions.endedOthers', { n: outcome.result.data.ended }) });
    } else if (!outcome.ok && outcome.status !== 401) setNote({ kind: 'error', text: outcome.error.message });
  }

  const others = (items ?? []).filter((s) => !s.current).length;
  return (
    <div class="card" data-testid="sessions-card">
      <h2>{t('sessions.title')}</h2>
      <p class="hint">{t('sessions.intro')}</p>
      {note && <Alert kind={note.kind} message={note.text} />}
      {items === null ? (
        <p class="muted" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <ul class="sessions">
          {items.map((s) => (
            <li key={s.id} data-testid="session-item" data-id={s.id} data-current={s.current}>
              <p class="session-name">
                {sessionDeviceName(s)}
                {s.current && <span class="session-current">{t('sessions.thisDevice')}</span>}
              </p>
              <p class="hint">
                {t('sessions.lastActive', { when: formatMoment(s.lastActiveAt) })}
                {s.ip ? ` · ${t('sessions.ip', { ip: s.ip })}` : ''}
              </p>
              <p class="hint">{t('sessions.started', { when: formatMoment(s.startedAt) })}</p>
              {!s.current &&
                (confirming === s.id ? (
                  <Confirm
                    question={t('sessions.confirm', { name: sessionDeviceName(s) })}
                    action={t('sessions.end')}
                    testId="session-end-confirm"
                    busy={busy === s.id}
                    onConfirm={() => void endOne(s)}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  <Button
                    type="button"
                    variant="link"
                    data-testid="session-end"
                    onClick={() => setConfirming(s.id)}
                  >
                    {t('sessions.end')}
                  </Button>
                ))}
            </li>
          ))}
        </ul>
      )}
      {others > 0 &&
        (confirming === 'others' ? (
          <Confirm
            question={t('sessions.confirmOthers', { n: others })}
            action={t('sessions.endOthers')}
            testId="sessions-end-others-confirm"
            busy={busy === 'others'}
            onConfirm={() => void endOthers()}
            onCancel={() => setConfirming(null)}
          />
        ) : (
          <Button
            type="button"
            variant="secondary"
            data-testid="sessions-end-others"
            onClick={() => setConfirming('others')}
          >
            {t('sessions.endOthers')}
          </Button>
        ))}
    </div>
  );
}
