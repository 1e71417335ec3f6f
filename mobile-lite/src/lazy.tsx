import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert, Button } from './components/ui';
import { t } from './i18n';

/** Sent when a lazily loaded screen has rendered, so the app names the tab and focuses its heading. */
export const SCREEN_READY = 'dlid:screenready';

/**
 * A screen whose code is fetched only when it is first opened (a dynamic import: its own chunk),
 * so the first screen stays small. Shows "loading" meanwhile, and a retry when the chunk cannot load.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchScreen = () =>
    (pending ??= load().then(
      (screen) => (loaded = screen),
      (error: unknown) => {
        pending = undefined; // the next try imports again
        throw error;
      },
    ));

  return function LazyScreen(props: P) {
    const [, setLoadedNow] = useState(false);
    const [failed, setFailed] = useState(false);
    const readyAtMount = useRef(loaded !== undefined);
    const Screen = loaded;

    useEffect(() => {
      if (loaded || failed) return;
      let live = true;
      fetchScreen().then(
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
