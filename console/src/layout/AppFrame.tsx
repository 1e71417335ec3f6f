import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import DevicesIcon from '@mui/icons-material/Devices';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import FeedbackIcon from '@mui/icons-material/Feedback';
import GavelIcon from '@mui/icons-material/Gavel';
import HistoryIcon from '@mui/icons-material/History';
import LogoutIcon from '@mui/icons-material/Logout';
import MenuIcon from '@mui/icons-material/Menu';
import PeopleIcon from '@mui/icons-material/People';
import VideocamIcon from '@mui/icons-material/Videocam';
import WorkIcon from '@mui/icons-material/Work';
import {
  AppBar,
  Avatar,
  Box,
  Chip,
  Divider,
  Drawer,
  IconButton,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Menu,
  MenuItem,
  Stack,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useState, type ReactElement } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAuth, useUser } from '../auth/context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { EndOtherSessionsDialog } from './EndOtherSessions';
import { useI18n } from '../i18n/context';
import { visibleNav, type NavItem, type PageId } from '../nav';
import { useNotify } from '../notify';
import { roleLabel, sortRoles } from '../roles';
import { nationalPhone } from '../time';
import { NotificationBell } from './NotificationBell';

const DRAWER_WIDTH = 256;

const ICONS: Record<PageId, ReactElement> = {
  cameras: <VideocamIcon />,
  feedback: <FeedbackIcon />,
  moderation: <GavelIcon />,
  ekyc: <FactCheckIcon />,
  workforce: <WorkIcon />,
  users: <PeopleIcon />,
  audit: <HistoryIcon />,
};

function NavList({ items, onNavigate }: { items: NavItem[]; onNavigate: () => void }) {
  const { t } = useI18n();
  const location = useLocation();
  const ops = items.filter((i) => i.group === 'operations');
  const admin = items.filter((i) => i.group === 'administration');
  const render = (item: NavItem) => (
    <ListItemButton
      key={item.id}
      component={NavLink}
      to={item.path}
      onClick={onNavigate}
      selected={location.pathname === item.path || location.pathname.startsWith(`${item.path}/`)}
      data-testid={`nav-${item.id}`}
      sx={{ borderRadius: 1, mx: 1 }}
    >
      <ListItemIcon sx={{ minWidth: 40 }}>{ICONS[item.id]}</ListItemIcon>
      <ListItemText primary={t(item.label)} />
    </ListItemButton>
  );
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        {t('nav.nothing')}
      </Typography>
    );
  }
  return (
    <Box component="nav" aria-label={t('nav.main')}>
      {ops.length > 0 ? <List>{ops.map(render)}</List> : null}
      {admin.length > 0 ? (
        <>
          {ops.length > 0 ? <Divider /> : null}
          <List
            subheader={
              <ListSubheader sx={{ display: 'flex', alignItems: 'center', gap: 1, bgcolor: 'transparent' }}>
                <AdminPanelSettingsIcon fontSize="small" />
                {t('nav.administration')}
              </ListSubheader>
            }
          >
            {admin.map(render)}
          </List>
        </>
      ) : null}
    </Box>
  );
}

function UserMenu() {
  const { t } = useI18n();
  const { logout } = useAuth();
  const notify = useNotify();
  const user = useUser();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [endingOthers, setEndingOthers] = useState(false);
  const desktop = typeof window !== 'undefined' ? window.dlid : undefined;
  const initials = user.fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  return (
    <>
      <Tooltip title={t('user.menu')}>
        <IconButton
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
          aria-label={t('user.menu')}
          data-testid="user-menu"
          sx={{ ml: 1 }}
        >
          <Avatar sx={{ width: 34, height: 34, bgcolor: 'secondary.main', fontSize: 15 }}>{initials}</Avatar>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <Box sx={{ px: 2, py: 1, maxWidth: 320 }}>
          <Typography sx={{ fontWeight: 600 }}>{user.fullName}</Typography>
          <Typography variant="body2" color="text.secondary">
            {nationalPhone(user.phone)}
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 0.5 }}>
            {sortRoles(user.roles).map((r) => (
              <Chip key={r} size="small" label={roleLabel(t, r)} />
            ))}
          </Stack>
          {desktop ? (
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
              {t('app.desktop', { version: desktop.versions.electron })}
            </Typography>
          ) : null}
        </Box>
        <Divider />
        <MenuItem
          data-testid="end-other-sessions"
          onClick={() => {
            setAnchor(null);
            setEndingOthers(true);
          }}
        >
          <ListItemIcon>
            <DevicesIcon fontSize="small" />
          </ListItemIcon>
          {t('user.endOthers')}
        </MenuItem>
        <MenuItem
          data-testid="sign-out"
          onClick={() => {
            setAnchor(null);
            void logout().then(() => notify(t('user.signedOutToast'), 'info'));
          }}
        >
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          {t('user.signOut')}
        </MenuItem>
      </Menu>
      <EndOtherSessionsDialog open={endingOthers} onClose={() => setEndingOthers(false)} />
    </>
  );
}

export function AppFrame() {
  const { t } = useI18n();
  const { permissions } = useAuth();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const [mobileOpen, setMobileOpen] = useState(false);
  const items = visibleNav(permissions);

  const drawer = (
    <>
      <Toolbar />
      <NavList items={items} onNavigate={() => setMobileOpen(false)} />
    </>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Box
        component="a"
        href="#main"
        sx={{
          position: 'absolute',
          left: -9999,
          '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 },
        }}
      >
        {t('app.skipToContent')}
      </Box>
      <AppBar position="fixed" sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar>
          {!wide ? (
            <IconButton
              color="inherit"
              edge="start"
              aria-label={t('app.openMenu')}
              onClick={() => setMobileOpen(true)}
            >
              <MenuIcon />
            </IconButton>
          ) : null}
          <Box
            component="img"
            src={`${import.meta.env.BASE_URL}favicon.svg`}
            alt=""
            sx={{ width: 28, height: 28, mr: 1.5, ml: wide ? 0 : 1 }}
          />
          <Typography variant="h6" component="div" noWrap sx={{ flexGrow: 1, fontWeight: 600 }}>
            {t('app.title')}
          </Typography>
          <NotificationBell />
          <LanguageSwitch inverted />
          <UserMenu />
        </Toolbar>
      </AppBar>
      {wide ? (
        <Drawer
          variant="permanent"
          sx={{
            width: DRAWER_WIDTH,
            flexShrink: 0,
            '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
          }}
        >
          {drawer}
        </Drawer>
      ) : (
        <Drawer
          variant="temporary"
          open={mobileOpen}
          onClose={() => setMobileOpen(false)}
          sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
        >
          {drawer}
        </Drawer>
      )}
      <Box component="main" id="main" tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 } }}>
        <Toolbar />
        <Outlet />
      </Box>
    </Box>
  );
}
