import { useEffect, useState } from 'preact/hooks';
import { api, authed } from '../api/client';
import { t } from '../i18n';

/** Sent by the notifications screen after marking some read, so the badge follows at once. */
export const NOTIFICATIONS_CHANGED = 'dlid:notifications';
const BELL = 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0';

/**
 * The bell in the top bar with the unread count. Asked when the app is shown or focused, after a
 * change, and every 60 s while visible — never in the background.
 */
export function NotificationBell() {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const check = async () => {
      if (document.visibilityState !== 'visible' || !navigator.onLine) return;
      const { data } = await authed(() => api.GET('/api/v1/me/notifications/unread-count')).catch(() => ({
        data: undefined,
      }));
      if (live && data) setUnread(data.unread);
    };
    void check();
    const timer = setInterval(() => void check(), 60_000);
    const onVisible = () => void check();
    window.addEventListener('focus', onVisible);
    window.addEventListener(NOTIFICATIONS_CHANGED, onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('focus', onVisible);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  const label = unread
    ? `${t('nav.notifications')}: ${t('nav.unread', { n: unread })}`
    : t('nav.notifications');
  return (
    <a href="#/notifications" class="bell" aria-label={label} title={label} data-testid="nav-bell">
      <svg
        width="24"
        height="24"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d={BELL} />
      </svg>
      {unread > 0 && (
        <span class="bell-count" data-testid="bell-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </a>
  );
}
