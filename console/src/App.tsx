import { Box, CircularProgress, CssBaseline, Typography } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { setApiLanguage } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { useAuth } from './auth/context';
import { ForbiddenPanel, NotAvailablePanel, NotFoundPanel } from './components/Panels';
import { useI18n } from './i18n/context';
import { I18nProvider } from './i18n/I18nProvider';
import { AppFrame } from './layout/AppFrame';
import { canSee, homePath, navItem, NAV_ITEMS, type PageId } from './nav';
import { NotifyProvider } from './notify';
import { SignInPage } from './pages/SignInPage';
import { buildTheme } from './theme';

// The DataGrid pages (administration, eKYC review): loaded when first opened.
const UsersPage = lazy(() => import('./admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const EkycPage = lazy(() => import('./ekyc/EkycPage').then((m) => ({ default: m.EkycPage })));
const ModerationPage = lazy(() =>
  import('./moderation/ModerationPage').then((m) => ({ default: m.ModerationPage })),
);
const ZonesPage = lazy(() => import('./workforce/ZonesPage').then((m) => ({ default: m.ZonesPage })));
// Workforce statistics (chart.js, deck.gl map) and the companies that have not filed.
const WorkforcePage = lazy(() =>
  import('./workforce/WorkforcePage').then((m) => ({ default: m.WorkforcePage })),
);
const MissingPage = lazy(() => import('./workforce/MissingPage').then((m) => ({ default: m.MissingPage })));
// Feedback statistics (with chart.js), deadlines and province forwarding.
const StatsPage = lazy(() => import('./feedback/StatsPage').then((m) => ({ default: m.StatsPage })));
const DeadlinesPage = lazy(() =>
  import('./feedback/DeadlinesPage').then((m) => ({ default: m.DeadlinesPage })),
);
const ForwardingPage = lazy(() =>
  import('./feedback/ForwardingPage').then((m) => ({ default: m.ForwardingPage })),
);
const FeedbackPage = lazy(() => import('./feedback/FeedbackPage').then((m) => ({ default: m.FeedbackPage })));
// Traffic cameras: map, live video (jsmpeg), camera wall, registry, outages.
const CamerasPage = lazy(() => import('./cameras/CamerasPage').then((m) => ({ default: m.CamerasPage })));

function Loading() {
  const { t } = useI18n();
  return (
    <Box sx={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }} aria-busy="true">
      <Box sx={{ textAlign: 'center' }}>
        <CircularProgress />
        <Typography sx={{ mt: 2 }} color="text.secondary">
          {t('app.loading')}
        </Typography>
      </Box>
    </Box>
  );
}

/** Everything below needs a signed-in console user; otherwise to the sign-in page. */
function RequireSignIn() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'restoring') return <Loading />;
  if (state.status === 'signedOut') {
    // After an explicit sign-out the next person starts afresh; otherwise come back here after signing in.
    const from = state.reason === 'signedOut' ? undefined : location.pathname + location.search;
    return <Navigate to="/sign-in" replace state={from ? { from } : null} />;
  }
  return <Outlet />;
}

/** A page shown only with its permission; unbuilt pages show the "not available yet" panel. */
function Page({ id, children }: { id: PageId; children?: ReactNode }) {
  const { permissions } = useAuth();
  const item = navItem(id);
  if (!canSee(item, permissions)) return <ForbiddenPanel />;
  if (!item.built || !children) return <NotAvailablePanel page={item.label} />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Home() {
  const { permissions } = useAuth();
  const { t } = useI18n();
  const path = homePath(permissions);
  return path ? <Navigate to={path} replace /> : <ForbiddenPanel body={t('nav.nothing')} />;
}

const pageRoutes: RouteObject[] = NAV_ITEMS.filter((i) => !i.built).map((i) => ({
  path: i.path.slice(1),
  element: <Page id={i.id} />,
}));

const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <RequireSignIn />,
    children: [
      {
        element: <AppFrame />,
        children: [
          { index: true, element: <Home /> },
          ...pageRoutes,
          {
            path: 'workforce',
            element: (
              <Page id="workforce">
                <WorkforcePage />
              </Page>
            ),
          },
          {
            path: 'workforce/missing',
            element: (
              <Page id="workforce">
                <MissingPage />
              </Page>
            ),
          },
          {
            // A tab of the workforce pages; checks workforce:manage itself (not workforce:read).
            path: 'workforce/zones',
            element: (
              <Suspense fallback={<Loading />}>
                <ZonesPage />
              </Suspense>
            ),
          },
          {
            path: 'cameras/*',
            element: (
              <Page id="cameras">
                <CamerasPage />
              </Page>
            ),
          },
          {
            path: 'moderation/:itemId?',
            element: (
              <Page id="moderation">
                <ModerationPage />
              </Page>
            ),
          },
          {
            path: 'ekyc/:caseId?',
            element: (
              <Page id="ekyc">
                <EkycPage />
              </Page>
            ),
          },
          {
            path: 'feedback/stats',
            element: (
              <Page id="feedback">
                <StatsPage />
              </Page>
            ),
          },
          {
            path: 'feedback/deadlines',
            element: (
              <Page id="feedback">
                <DeadlinesPage />
              </Page>
            ),
          },
          {
            path: 'feedback/forwarding',
            element: (
              <Page id="feedback">
                <ForwardingPage />
              </Page>
            ),
          },
          {
            path: 'feedback/:reportId?',
            element: (
              <Page id="feedback">
                <FeedbackPage />
              </Page>
            ),
          },
          {
            path: 'admin/users/:userId?',
            element: (
              <Page id="users">
                <UsersPage />
              </Page>
            ),
          },
          {
            path: 'admin/audit',
            element: (
              <Page id="audit">
                <AuditPage />
              </Page>
            ),
          },
          { path: 'admin', element: <Navigate to="/admin/users" replace /> },
          { path: '*', element: <NotFoundPanel /> },
        ],
      },
    ],
  },
];

const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
const router = createBrowserRouter(routes, { basename });

function Themed() {
  const { lang, t } = useI18n();
  const theme = useMemo(() => buildTheme(lang), [lang]);
  useEffect(() => {
    setApiLanguage(lang);
    document.title = t('app.shortTitle');
  }, [lang, t]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotifyProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </NotifyProvider>
    </ThemeProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
