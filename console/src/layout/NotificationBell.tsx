import DoneAllIcon from '@mui/icons-material/DoneAll';
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  CircularProgress,
  Divider,
  IconButton,
  List,
  ListItemButton,
  ListItemText,
  Popover,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { asProblem, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import { formatDateTime } from '../time';

type Notification = components['schemas']['Notification'];
export const BELL_POLL_MS = 30_000;

/** The console route a notification opens, or null (only reports have a console page). */
export function notificationRoute(n: Pick<Notification, 'entityType' | 'entityId'>): string | null {
  if (n.entityType === 'feedback' && n.entityId && /^[0-9a-f-]{36}$/i.test(n.entityId))
    return `/feedback/${n.entityId}`;
  return null;
}

/** The bell in the top bar: unread count (every 30 s and when the window regains focus) and a list. */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [items, setItems] = useState<Notification[]>();
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(false);

  const refreshCount = useCallback(async () => {
    try {
      const res = await unwrap(api.GET('/api/v1/me/notifications/unread-count'));
      setUnread(res.unread);
    } catch {
      // the badge keeps its last value; the next poll tries again
    }
  }, []);

  useEffect(() => {
    void refreshCount();
    const id = setInterval(() => void refreshCount(), BELL_POLL_MS);
    const onFocus = () => void refreshCount();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      clearInterval(id);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [refreshCount]);

  const loadList = useCallback(async () => {
    setLoading(true);
    setProblem(undefined);
    try {
      const page = await unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 20 } } }));
      setItems(page.items);
      setUnread(page.unread);
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setLoading(false);
    }
  }, []);

  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    try {
      const updated = await unwrap(
        api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id: n.id } } }),
      );
      setItems((list) => list?.map((i) => (i.id === n.id ? updated : i)));
      setUnread((u) => Math.max(0, u - 1));
    } catch (err) {
      setProblem(asProblem(err));
    }
  };

  const markAll = async () => {
    try {
      await unwrap(api.POST('/api/v1/me/notifications/read-all'));
      const now = new Date().toISOString();
      setItems((list) => list?.map((i) => (i.readAt ? i : { ...i, readAt: now })));
      setUnread(0);
    } catch (err) {
      setProblem(asProblem(err));
    }
  };

  const openItem = (n: Notification) => {
    void markRead(n);
    const to = notificationRoute(n);
    if (to) {
      setAnchor(null);
      void navigate(to);
    }
  };

  const label = unread > 0 ? t('bell.labelUnread', { n: unread }) : t('bell.label');
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="dialog"
          onClick={(e) => {
            setAnchor(e.currentTarget);
            void loadList();
          }}
          data-testid="bell"
          data-unread={unread}
        >
          <Badge badgeContent={unread} color="error" max={99} data-testid="bell-count">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 400, maxWidth: '95vw' } } }}
      >
        <Box data-testid="bell-popover">
          <Stack direction="row" sx={{ alignItems: 'center', px: 2, py: 1 }}>
            <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 600 }}>
              {t('bell.title')}
            </Typography>
            <Button
              size="small"
              startIcon={<DoneAllIcon />}
              onClick={() => void markAll()}
              disabled={unread === 0}
            >
              {t('bell.markAll')}
            </Button>
          </Stack>
          <Divider />
          {problem ? (
            <Box sx={{ p: 1.5 }}>
              <ProblemAlert problem={problem} onRetry={() => void loadList()} />
            </Box>
          ) : null}
          {loading && !items ? (
            <Box sx={{ p: 3, textAlign: 'center' }}>
              <CircularProgress size={28} aria-label={t('app.loading')} />
            </Box>
          ) : null}
          {items && items.length === 0 ? (
            <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
              {t('bell.empty')}
            </Typography>
          ) : null}
          {items && items.length > 0 ? (
            <List dense disablePadding sx={{ maxHeight: 440, overflowY: 'auto' }}>
              {items.map((n) => (
                <ListItemButton
                  key={n.id}
                  onClick={() => openItem(n)}
                  data-testid="bell-item"
                  data-unread={n.readAt === null}
                  sx={{
                    alignItems: 'flex-start',
                    borderLeft: 3,
                    borderColor: n.readAt ? 'transparent' : 'primary.main',
                    bgcolor: n.readAt ? undefined : 'action.hover',
                  }}
                >
                  <ListItemText
                    primary={n.title[lang]}
                    secondary={
                      <>
                        <Box component="span" sx={{ display: 'block' }}>
                          {n.body[lang]}
                        </Box>
                        <Box component="span" sx={{ fontSize: 12 }}>
                          {formatDateTime(n.createdAt, lang)}
                        </Box>
                      </>
                    }
                    slotProps={{ primary: { sx: { fontWeight: n.readAt ? 400 : 600 } } }}
                  />
                </ListItemButton>
              ))}
            </List>
          ) : null}
        </Box>
      </Popover>
    </>
  );
}
