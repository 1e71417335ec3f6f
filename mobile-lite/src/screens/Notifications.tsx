import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { NOTIFICATIONS_CHANGED } from '../components/NotificationBell';
import { Button, Title, ListState } from '../components/ui';
import { when } from '../feedback/parts';
import { pick, t } from '../i18n';
import { navigate } from '../router';

type Item = components['schemas']['Notification'];

/** Only in-app routes are followed (`#/feedback/…`, `#/ekyc/cases/…`). */
const inApp = (link: string | null): link is string => !!link && /^#\/[\w/-]*$/.test(link);

/** "Thông báo": newest first; opening one marks it read and goes where it points. */
export function Notifications() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  async function load(before?: string) {
    const outcome = await attempt(() =>
      authed(() => api.GET('/api/v1/me/notifications', { params: { query: before ? { before } : {} } })),
    );
    if (outcome.ok && outcome.result.data) {
      const page = outcome.result.data;
      setItems((old) => (before && old ? [...old, ...page.items] : page.items));
      setUnread(page.unread);
      setNext(page.nextCursor);
      setError(null);
    } else if (!outcome.ok && outcome.status !== 401) setError(outcome.error.message);
  }

  useEffect(() => {
    void load();
  }, [reloads]);

  async function open(item: Item) {
    if (!item.readAt) {
      await attempt(() =>
        authed(() => api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id: item.id } } })),
      );
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
    }
    if (inApp(item.link)) navigate(item.link);
    else setReloads((n) => n + 1);
  }

  async function readAll() {
    setBusy(true);
    await attempt(() => authed(() => api.POST('/api/v1/me/notifications/read-all')));
    setBusy(false);
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
    setReloads((n) => n + 1);
  }

  return (
    <section class="screen">
      <Title>{t('notifications.title')}</Title>
      <ListState
        items={items}
        error={error}
        onRetry={() => setReloads((n) => n + 1)}
        empty={t('notifications.empty')}
        emptyTestId="notifications-empty"
      />
      {unread > 0 && (
        <div class="actions">
          <Button
            type="button"
            variant="secondary"
            busy={busy}
            onClick={() => void readAll()}
            data-testid="notifications-read-all"
          >
            {t('notifications.readAll')}
          </Button>
        </div>
      )}
      {items && items.length > 0 && (
        <ul class="fb-list fb-section" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                class={`notif${n.readAt ? '' : ' unread'}`}
                data-testid="notification"
                data-kind={n.kind}
                data-read={n.readAt ? 'true' : 'false'}
                onClick={() => void open(n)}
              >
                <p class="notif-title">
                  {!n.readAt && <span class="sr-only">{t('notifications.new')}: </span>}
                  {pick(n.title)}
                </p>
                <p class="notif-body">{pick(n.body)}</p>
                <p class="fb-meta">{when(n.createdAt)}</p>
              </button>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <div class="actions">
          <Button type="button" variant="secondary" onClick={() => void load(next)}>
            {t('notifications.more')}
          </Button>
        </div>
      )}
    </section>
  );
}
