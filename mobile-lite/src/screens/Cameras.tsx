import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { listCameras, type PublicCamera } from '../cameras/api';
import { CameraMap } from '../cameras/CameraMap';
import { filtersOf, sortByDistance, type Position } from '../cameras/format';
import { CameraRow, useNow } from '../cameras/parts';
import { Alert, Button, Title, ListState } from '../components/ui';
import { t } from '../i18n';

interface Filters {
  q: string;
  tag: string;
  communeCode: string;
}
const EMPTY: Filters = { q: '', tag: '', communeCode: '' };

/** Kept while the app runs, so "back" from a camera shows the same list, filters and view. */
let kept: {
  filters: Filters;
  items: PublicCamera[];
  all: ReturnType<typeof filtersOf>;
  view: 'list' | 'map';
  near: boolean;
  position: Position | null;
} | null = null;

function locate(): Promise<Position | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    ),
  );
}

/** "Camera giao thông": public cameras with their latest still, as a list or on a light map. */
export function Cameras() {
  const [filters, setFilters] = useState<Filters>(kept?.filters ?? EMPTY);
  const [text, setText] = useState(kept?.filters.q ?? '');
  const [items, setItems] = useState<PublicCamera[] | null>(kept?.items ?? null);
  const [all, setAll] = useState(kept?.all ?? { tags: [], communes: [] });
  const [view, setView] = useState<'list' | 'map'>(kept?.view ?? 'list');
  const [near, setNear] = useState(kept?.near ?? false);
  const [position, setPosition] = useState<Position | null>(kept?.position ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const seq = useRef(0);
  const results = useRef<HTMLDivElement>(null);
  const refreshedTimes = useRef(false);
  const now = useNow();

  useEffect(() => {
    const mine = ++seq.current;
    void listCameras({
      ...(filters.q.trim() ? { q: filters.q.trim().slice(0, 100) } : {}),
      ...(filters.tag ? { tag: filters.tag } : {}),
      ...(filters.communeCode ? { communeCode: filters.communeCode } : {}),
    }).then((o) => {
      if (mine !== seq.current) return;
      if (!o.ok || !o.result.data) {
        setError(o.ok ? t('error.network') : o.error.message);
        return;
      }
      const list = o.result.data.items;
      setItems(list);
      setError(null);
      // The chips and the commune menu come from the unfiltered list, so a filter never hides the others.
      if (!filters.q && !filters.tag && !filters.communeCode) setAll(filtersOf(list));
    });
  }, [filters, reloads]);

  useEffect(() => {
    const online = () => setReloads((n) => n + 1);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  useEffect(() => {
    if (items) kept = { filters, items, all, view, near, position };
  }, [filters, items, all, view, near, position]);

  async function toggleNear() {
    if (near) {
      setNear(false);
      setNotice(null);
      return;
    }
    setNear(true);
    if (position) return;
    setNotice(t('cameras.locating'));
    const at = await locate();
    setPosition(at);
    setNotice(at ? null : t('cameras.locationDenied'));
    if (!at) setNear(false);
  }

  /**
   * A thumbnail that arrived for a camera whose list had no still time: the server has just taken one, so the
   * list is read again once (small JSON) to show its time.
   */
  function thumbLoaded(c: PublicCamera) {
    if (c.snapshotAt || refreshedTimes.current) return;
    refreshedTimes.current = true;
    setTimeout(() => setReloads((n) => n + 1), 1500);
  }

  const shown = useMemo(
    () => (items && near && position ? sortByDistance(items, position) : items),
    [items, near, position],
  );
  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));
  /** The map is drawn under the filters: bring it into sight when chosen. */
  function choose(v: 'list' | 'map') {
    setView(v);
    if (v === 'map') requestAnimationFrame(() => results.current?.scrollIntoView({ block: 'start' }));
  }

  return (
    <section class="screen">
      <Title>{t('cameras.title')}</Title>
      <p class="muted">{t('cameras.intro')}</p>
      <div class="cam-seg" role="group" aria-label={t('cameras.view')} data-testid="cameras-view">
        {(['list', 'map'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} data-value={v} onClick={() => choose(v)}>
            {t(`cameras.view.${v}`)}
          </button>
        ))}
      </div>
      <form
        class="card cam-form"
        role="search"
        noValidate
        data-testid="cameras-form"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: text });
          if (text === filters.q) setReloads((n) => n + 1);
        }}
      >
        <div class="cam-search">
          <div class="field">
            <label for="f-cam-q">{t('cameras.search')}</label>
            <input
              id="f-cam-q"
              type="search"
              enterKeyHint="search"
              maxLength={100}
              placeholder={t('cameras.searchHint')}
              data-testid="cameras-q"
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <Button type="submit" data-testid="cameras-search">
            {t('cameras.searchButton')}
          </Button>
        </div>
        {all.tags.length > 0 && (
          <div class="cam-chips" role="group" aria-label={t('cameras.tags')} data-testid="cameras-tags">
            {['', ...all.tags].map((tag) => (
              <button
                key={tag}
                type="button"
                aria-pressed={filters.tag === tag}
                data-value={tag}
                onClick={() => set({ tag })}
              >
                {tag || t('cameras.tagAll')}
              </button>
            ))}
          </div>
        )}
        <div class="cam-pair">
          {all.communes.length > 1 && (
            <div class="field">
              <label for="f-cam-commune">{t('cameras.commune')}</label>
              <select
                id="f-cam-commune"
                data-testid="cameras-commune"
                value={filters.communeCode}
                onChange={(e) => set({ communeCode: e.currentTarget.value })}
              >
                <option value="">{t('cameras.communeAny')}</option>
                {all.communes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button
            type="button"
            class="btn btn-secondary cam-near"
            aria-pressed={near}
            data-testid="cameras-near"
            onClick={() => void toggleNear()}
          >
            {t('cameras.sort.near')}
          </button>
        </div>
      </form>
      <Alert kind="info" message={notice} />
      <ListState
        items={shown}
        error={error}
        onRetry={() => setReloads((n) => n + 1)}
        empty={t('cameras.empty')}
        emptyTestId="cameras-empty"
        offline={{ text: t('cameras.offline'), testId: 'cameras-offline' }}
      />
      {shown && shown.length > 0 && (
        <p class="muted" role="status" data-testid="cameras-count">
          {t('cameras.count', { n: shown.length })}
        </p>
      )}
      <div class="cam-anchor" ref={results} />
      {shown && view === 'map' && <CameraMap cameras={shown} now={now} />}
      {shown && shown.length > 0 && view === 'list' && (
        <ul class="cam-list" data-testid="cameras-list">
          {shown.map((c) => (
            <li key={c.id}>
              <CameraRow camera={c} now={now} onThumbLoad={() => thumbLoaded(c)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
