import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert, Button } from './components/ui';
import { loadDomainTexts, t } from './i18n';

/** Sent when a lazily loaded screen has rendered, so the app names the tab and focuses its heading. */
export const SCREEN_READY = 'dlid:screenready';

/**
 * Imports `load` once, with the service domains' texts, shared by every render; a failed import is
 * retried by the next call.
 */
function once<T>(load: () => Promise<T>) {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    loaded: () => loaded,
    fetch: () =>
      (pending ??= Promise.all([load(), loadDomainTexts()]).then(
        ([value]) => (loaded = value),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
  };
}

/**
 * A part of a screen (a card) whose code is fetched when it is first shown. Nothing is drawn until it
 * arrives; when it cannot load, it stays away (the rest of the screen works without it).
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const part = once(load);
  return function LazyPart(props: P) {
    const [, setLoadedNow] = useState(false);
    useEffect(() => {
      if (part.loaded()) return;
      let live = true;
      part.fetch().then(
        () => live && setLoadedNow(true),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    const Part = part.loaded();
    return Part ? <Part {...props} /> : null;
  };
}

/**
 * A screen whose code is fetched only when it is first opened (a dynamic import: its own chunk),
 * so the first screen stays small. Shows "loading" meanwhile, and a retry when the chunk cannot load.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const screen = once(load);

  return function LazyScreen(props: P) {
    const [, setLoadedNow] = useState(false);
    const [failed, setFailed] = useState(false);
    const readyAtMount = useRef(screen.loaded() !== undefined);
    const Screen = screen.loaded();

    useEffect(() => {
      if (screen.loaded() || failed) return;
      let live = true;
      screen.fetch().then(
        () => live && setLoadedNow(true),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [failed]);

    useEffect(() => {
      if (Screen && !readyAtMount.current) window.dispatchEvent(new Event(SCREEN_READY));
    }, [Screen]);

    if (Screen) return <Screen {...props} />;
    return (
      <section class="screen">
        {failed ? (
          <div class="card form">
            <Alert message={t('error.network')} />
            <Button type="button" onClick={() => setFailed(false)}>
              {t('common.retry')}
            </Button>
          </div>
        ) : (
          <p class="card muted" role="status">
            {t('common.loading')}
          </p>
        )}
      </section>
    );
  };
}
