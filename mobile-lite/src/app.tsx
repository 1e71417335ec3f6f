import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { session } from './api/session';
import { getLang, onLangChange, setLang, t } from './i18n';
import { lazyScreen, SCREEN_READY } from './lazy';
import { navigate, useRoute, type Route } from './router';
import { Home } from './screens/Home';
import { Login } from './screens/Login';
import { Profile } from './screens/Profile';
import { Register } from './screens/Register';
import { Reset } from './screens/Reset';
import { NotFound, Soon } from './screens/Soon';
import { findService } from './services';
import { NotificationBell } from './components/NotificationBell';

// Screens few people open on a given visit load on demand, keeping the first screen's JavaScript small.
const Identity = lazyScreen(() => import('./screens/Identity').then((m) => m.Identity));
const MyQr = lazyScreen(() => import('./screens/MyQr').then((m) => m.MyQr));
const VerifyQr = lazyScreen(() => import('./screens/VerifyQr').then((m) => m.VerifyQr));
const Ekyc = lazyScreen(() => import('./screens/Ekyc').then((m) => m.Ekyc));
const EkycCases = lazyScreen(() => import('./screens/EkycCases').then((m) => m.EkycCases));
const FeedbackList = lazyScreen(() => import('./screens/FeedbackList').then((m) => m.FeedbackList));
const FeedbackForm = lazyScreen(() => import('./screens/FeedbackForm').then((m) => m.FeedbackForm));
const FeedbackDetail = lazyScreen(() => import('./screens/FeedbackDetail').then((m) => m.FeedbackDetail));
const Notifications = lazyScreen(() => import('./screens/Notifications').then((m) => m.Notifications));
const Jobs = lazyScreen(() => import('./screens/Jobs').then((m) => m.Jobs));
const JobDetail = lazyScreen(() => import('./screens/JobDetail').then((m) => m.JobDetail));
const Employer = lazyScreen(() => import('./screens/Employer').then((m) => m.Employer));
const EmployerCompany = lazyScreen(() => import('./screens/EmployerCompany').then((m) => m.EmployerCompany));
const EmployerPostings = lazyScreen(() =>
  import('./screens/EmployerPostings').then((m) => m.EmployerPostings),
);
const EmployerPosting = lazyScreen(() => import('./screens/EmployerPosting').then((m) => m.EmployerPosting));
const EmployerApplicants = lazyScreen(() =>
  import('./screens/EmployerApplicants').then((m) => m.EmployerApplicants),
);
const EmployerApplication = lazyScreen(() =>
  import('./screens/EmployerApplication').then((m) => m.EmployerApplication),
);
const Cvs = lazyScreen(() => import('./screens/Cvs').then((m) => m.Cvs));
const CvForm = lazyScreen(() => import('./screens/CvForm').then((m) => m.CvForm));
const Applications = lazyScreen(() => import('./screens/Applications').then((m) => m.Applications));
const ApplicationDetail = lazyScreen(() =>
  import('./screens/ApplicationDetail').then((m) => m.ApplicationDetail),
);
const Cameras = lazyScreen(() => import('./screens/Cameras').then((m) => m.Cameras));
const CameraDetail = lazyScreen(() => import('./screens/CameraDetail').then((m) => m.CameraDetail));

function Redirect(props: { to: string }) {
  // Sent to sign in because the server ended the session (not by signing out): the sign-in screen says why.
  useEffect(
    () =>
      navigate(
        props.to,
        props.to === '#/login' && session.takeEnded() ? { notice: 'login.sessionExpired' } : {},
      ),
    [props.to],
  );
  return null;
}

function screen(route: Route) {
  const [first, second, third] = route.parts;
  switch (first) {
    case undefined:
      return <Home />;
    case 'login':
      return <Login />;
    case 'register':
      return <Register />;
    case 'reset':
      return <Reset />;
    case 'profile':
      return session.isSignedIn() ? <Profile /> : <Redirect to="#/login" />;
    case 'identity':
      return session.isSignedIn() ? <Identity /> : <Redirect to="#/login" />;
    case 'ekyc':
      // #/ekyc: verify; #/ekyc/cases: my cases; #/ekyc/cases/<id>: one (notifications link there).
      if (!session.isSignedIn()) return <Redirect to="#/login" />;
      if (second === undefined) return <Ekyc />;
      if (second === 'cases' && route.parts.length <= 3) return <EkycCases id={third} />;
      return <NotFound />;
    case 'qr':
      // Checking someone's code is public (an inspector need not have an account); showing one's own is not.
      if (second === 'verify') return <VerifyQr />;
      if (second !== undefined) return <NotFound />;
      return session.isSignedIn() ? <MyQr /> : <Redirect to="#/login" />;
    case 'feedback':
      // #/feedback: my reports; #/feedback/new; #/feedback/draft/<id>: fix a refused draft; #/feedback/<id>.
      if (!session.isSignedIn()) return <Redirect to="#/login" />;
      if (second === undefined) return <FeedbackList />;
      if (second === 'new' && !third) return <FeedbackForm />;
      if (second === 'draft' && third && route.parts.length === 3) return <FeedbackForm draftId={third} />;
      if (route.parts.length === 2) return <FeedbackDetail id={second} />;
      return <NotFound />;
    case 'jobs':
      // #/jobs: search (public, like the job pages); #/jobs/<id>: one posting.
      // #/jobs/cvs[/new|/<id>] and #/jobs/applications[/<id>]: mine, signed in (before the posting ids).
      if (second === 'cvs' || second === 'applications') {
        if (!session.isSignedIn()) return <Redirect to="#/login" />;
        if (route.parts.length > 3) return <NotFound />;
        if (second === 'cvs')
          return third === undefined ? <Cvs /> : third === 'new' ? <CvForm /> : <CvForm id={third} />;
        return third === undefined ? <Applications /> : <ApplicationDetail id={third} />;
      }
      if (second === undefined) return <Jobs />;
      if (route.parts.length === 2) return <JobDetail id={second} />;
      return <NotFound />;
    case 'employer': {
      // #/employer: my companies (or register one); companies/<id>; postings[/new|/<id>[/applicants]];
      // applications/<id>. The bell's employer notifications lead to these.
      if (!session.isSignedIn()) return <Redirect to="#/login" />;
      const [, , , fourth] = route.parts;
      const n = route.parts.length;
      if (second === undefined) return <Employer />;
      if (second === 'companies' && third && n === 3) return <EmployerCompany id={third} />;
      if (second === 'postings' && n === 2) return <EmployerPostings />;
      if (second === 'postings' && third === 'new' && n === 3) return <EmployerPosting />;
      if (second === 'postings' && third && n === 3) return <EmployerPosting id={third} />;
      if (second === 'postings' && third && fourth === 'applicants' && n === 4)
        return <EmployerApplicants postingId={third} />;
      if (second === 'applications' && third && n === 3) return <EmployerApplication id={third} />;
      return <NotFound />;
    }
    case 'cameras':
      // #/cameras: public cameras, list or map (signed out too); #/cameras/<id>: one camera's latest still.
      if (second === undefined) return <Cameras />;
      if (route.parts.length === 2) return <CameraDetail id={second} />;
      return <NotFound />;
    case 'notifications':
      if (!session.isSignedIn()) return <Redirect to="#/login" />;
      return second === undefined ? <Notifications /> : <NotFound />;
    case 'service': {
      const service = second ? findService(second) : undefined;
      if (!service) return <NotFound />;
      if (service.status === 'available' && service.route) return <Redirect to={service.route} />;
      return <Soon service={service} />;
    }
    default:
      return <NotFound />;
  }
}

function useRerender(): () => void {
  const [, setCount] = useState(0);
  return useCallback(() => setCount((n) => n + 1), []);
}

function useOnline(): boolean {
  const rerender = useRerender();
  useEffect(() => {
    window.addEventListener('online', rerender);
    window.addEventListener('offline', rerender);
    return () => {
      window.removeEventListener('online', rerender);
      window.removeEventListener('offline', rerender);
    };
  }, [rerender]);
  return navigator.onLine;
}

export function App() {
  const route = useRoute();
  const online = useOnline();
  const rerender = useRerender();
  useEffect(() => onLangChange(rerender), [rerender]);
  useEffect(() => session.subscribe(rerender), [rerender]);
  // A lazily loaded screen renders its heading later than the route changes: count its arrival too.
  const [screensReady, setScreensReady] = useState(0);
  useEffect(() => {
    const ready = () => setScreensReady((n) => n + 1);
    window.addEventListener(SCREEN_READY, ready);
    return () => window.removeEventListener(SCREEN_READY, ready);
  }, []);

  // On each new screen: move focus to its heading (screen readers announce it) and name the tab.
  const firstRender = useRef(true);
  const key = route.parts.join('/');
  const lang = getLang();
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    document.title = heading && key ? `${heading.textContent ?? ''} · ${t('app.name')}` : t('app.name');
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    heading?.focus({ preventScroll: true });
  }, [key, lang, screensReady]);

  const signedIn = session.isSignedIn();
  // Reports saved offline are sent from any screen: on start, when the network returns, after failures.
  useEffect(() => {
    if (signedIn)
      void import('./feedback/outbox').then(
        (m) => m.startOutbox(),
        () => undefined,
      );
  }, [signedIn]);
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        {t('app.skipToContent')}
      </a>
      <header class="topbar">
        <a class="brand" href="#/" aria-label={`${t('app.name')} — ${t('nav.home')}`}>
          <svg width="28" height="28" viewBox="0 0 512 512" aria-hidden="true" focusable="false">
            <rect width="512" height="512" rx="113" fill="#fff" />
            <circle cx="164" cy="230" r="44" fill="#0b6e4f" />
            <path d="M96 340a68 68 0 0 1 136 0Z" fill="#0b6e4f" />
            <rect x="262" y="196" width="150" height="32" rx="16" fill="#f2b705" />
            <rect x="262" y="262" width="150" height="32" rx="16" fill="#0b6e4f" />
          </svg>
          <span>{t('app.name')}</span>
        </a>
        <nav class="topnav">
          {signedIn && <NotificationBell />}
          {signedIn ? (
            <a href="#/profile" data-testid="nav-account">
              {t('nav.account')}
            </a>
          ) : (
            <a href="#/login" data-testid="nav-login">
              {t('nav.login')}
            </a>
          )}
          <button
            type="button"
            class="lang"
            data-testid="lang-toggle"
            lang={t('lang.otherCode')}
            aria-label={t('lang.other')}
            title={t('lang.switchLabel')}
            onClick={() => setLang(getLang() === 'vi' ? 'en' : 'vi')}
          >
            {t('lang.otherCode').toUpperCase()}
          </button>
        </nav>
      </header>
      {!online && (
        <p class="offline" role="status">
          {t('app.offline')}
        </p>
      )}
      <main id="main" tabIndex={-1} key={key}>
        {screen(route)}
      </main>
    </>
  );
}
