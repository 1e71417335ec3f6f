import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { Alert, Button, Title, ListState } from '../components/ui';
import { getLang, t } from '../i18n';
import {
  buildJobQuery,
  EMPLOYMENT_TYPES,
  EMPTY_FILTERS,
  SALARY_PRESETS,
  type JobFilters,
} from '../jobs/format';
import { BenefitChips, Deadline, placeText, salaryText, type JobSummary } from '../jobs/parts';

type Zone = components['schemas']['IndustrialZone'];
type Position = { lat: number; lng: number };

/** The last search, kept while the app runs so "back" from a posting shows the same list. */
let keptZones: Zone[] = [];
let kept: {
  filters: JobFilters;
  items: JobSummary[];
  next: string | null;
  position: Position | null;
  searchedFor: string | null;
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

function JobRow(props: { job: JobSummary }) {
  const j = props.job;
  return (
    <li>
      <a class="jb-item" href={`#/jobs/${j.id}`} data-testid="job-item" data-id={j.id}>
        <p class="jb-title">{j.title}</p>
        <p class="jb-company">{j.company.name}</p>
        <p class="jb-salary" data-testid="job-salary">
          {salaryText(j)}
        </p>
        <p class="jb-meta">
          {placeText(j)}
          {j.distanceKm != null &&
            ` · ${t('jobs.distance', { km: j.distanceKm.toLocaleString(getLang(), { maximumFractionDigits: 1 }) })}`}
        </p>
        <Deadline deadline={j.deadline} />
        <BenefitChips benefits={j.benefits} />
      </a>
    </li>
  );
}

function Segments<V extends string | number>(props: {
  legend: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onValue: (v: V) => void;
  testId: string;
}) {
  return (
    <fieldset class="jb-group">
      <legend>{props.legend}</legend>
      <div class="jb-seg" data-testid={props.testId}>
        {props.options.map((o) => (
          <button
            key={String(o.value)}
            type="button"
            aria-pressed={o.value === props.value}
            data-value={String(o.value)}
            onClick={() => props.onValue(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** "Việc làm": search published postings (accent-free text works), filter, sort, and page on. */
export function Jobs() {
  const [filters, setFilters] = useState<JobFilters>(kept?.filters ?? EMPTY_FILTERS);
  const [text, setText] = useState(kept?.filters.q ?? '');
  const [items, setItems] = useState<JobSummary[] | null>(kept?.items ?? null);
  const [next, setNext] = useState<string | null>(kept?.next ?? null);
  const [searchedFor, setSearchedFor] = useState<string | null>(kept?.searchedFor ?? null);
  const position = useRef<Position | null>(kept?.position ?? null);
  const [zones, setZones] = useState<Zone[]>(keptZones);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);
  const seq = useRef(0);
  const skipFirst = useRef(kept !== null);

  useEffect(() => {
    void attempt(() => api.GET('/api/v1/work/zones')).then((o) => {
      if (!o.ok || !o.result.data) return;
      keptZones = o.result.data.items
        .filter((z) => z.active)
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      setZones(keptZones);
    });
  }, []);

  async function load(f: JobFilters, at: Position | null, cursor?: string) {
    const mine = ++seq.current;
    const query = buildJobQuery(f, { position: at, cursor: cursor ?? null, limit: 20 });
    const outcome = await attempt(() => api.GET('/api/v1/work/jobs', { params: { query } }));
    if (mine !== seq.current) return;
    if (outcome.ok && outcome.result.data) {
      const page = outcome.result.data;
      setItems((old) => {
        const all = cursor && old ? [...old, ...page.items] : page.items;
        kept = { filters: f, items: all, next: page.nextCursor, position: at, searchedFor: page.searchedFor };
        return all;
      });
      setNext(page.nextCursor);
      setSearchedFor(page.searchedFor);
      setError(null);
    } else if (!outcome.ok) {
      setError(outcome.error.message);
      // A new search that failed must not leave the results of the previous one on screen.
      if (!cursor) setItems(null);
    }
  }

  // A new search whenever a filter changes (the text on "Tìm"), and again when the network returns.
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    let live = true;
    void (async () => {
      setBusy(true);
      let at = position.current;
      if (filters.sort === 'nearby' && !at) {
        setNotice(t('jobs.locating'));
        at = await locate();
        if (!live) return;
        position.current = at;
        setNotice(at ? null : t('jobs.locationDenied'));
      } else if (filters.sort !== 'nearby') setNotice(null);
      await load(filters, at);
      if (live) setBusy(false);
    })();
    return () => {
      live = false;
    };
  }, [filters, reloads]);

  useEffect(() => {
    const online = () => setReloads((n) => n + 1);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  const set = (change: Partial<JobFilters>) => setFilters((f) => ({ ...f, ...change }));

  return (
    <section class="screen">
      <Title>{t('jobs.title')}</Title>
      <nav aria-label={t('cvs.link.nav')}>
        <p class="row">
          <a class="btn btn-secondary" href="#/jobs/cvs" data-testid="jobs-my-cvs">
            {t('cvs.link.cvs')}
          </a>
          <a class="btn btn-secondary" href="#/jobs/applications" data-testid="jobs-my-applications">
            {t('cvs.link.applications')}
          </a>
        </p>
      </nav>
      <form
        class="card jb-form"
        role="search"
        noValidate
        data-testid="jobs-form"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: text });
          if (text === filters.q) setReloads((n) => n + 1);
        }}
      >
        <div class="jb-search">
          <div class="field">
            <label for="f-jobs-q">{t('jobs.search')}</label>
            <input
              id="f-jobs-q"
              name="q"
              type="search"
              enterKeyHint="search"
              maxLength={200}
              placeholder={t('jobs.searchHint')}
              data-testid="jobs-q"
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <Button type="submit" data-testid="jobs-search">
            {t('jobs.searchButton')}
          </Button>
        </div>
        <div class="jb-pair">
          <div class="field">
            <label for="f-jobs-zone">{t('jobs.zone')}</label>
            {/* Remounted when the zones arrive, so a zone kept from the last search shows as chosen. */}
            <select
              key={zones.length}
              id="f-jobs-zone"
              data-testid="jobs-zone"
              value={filters.zone}
              onChange={(e) => set({ zone: e.currentTarget.value })}
            >
              <option value="">{t('jobs.zoneAny')}</option>
              {zones.map((z) => (
                <option key={z.code} value={z.code}>
                  {z.name} ({z.postings})
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-jobs-type">{t('jobs.type')}</label>
            <select
              id="f-jobs-type"
              data-testid="jobs-type"
              value={filters.type}
              onChange={(e) => set({ type: e.currentTarget.value as JobFilters['type'] })}
            >
              <option value="">{t('jobs.typeAny')}</option>
              {EMPLOYMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`jobs.type.${type}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Segments
          legend={t('jobs.salary')}
          testId="jobs-salary"
          value={filters.salaryMillions}
          onValue={(salaryMillions) => set({ salaryMillions })}
          options={[
            { value: 0, label: t('jobs.salaryAny') },
            ...SALARY_PRESETS.map((n) => ({ value: n, label: t('jobs.salaryPreset', { n }) })),
          ]}
        />
        <Segments
          legend={t('jobs.sort')}
          testId="jobs-sort"
          value={filters.sort}
          onValue={(sort) => set({ sort })}
          options={(['newest', 'salary', 'nearby'] as const).map((s) => ({
            value: s,
            label: t(`jobs.sort.${s}`),
          }))}
        />
      </form>
      <Alert kind="info" message={notice} />
      <ListState
        items={items}
        error={error}
        onRetry={() => setReloads((n) => n + 1)}
        empty={t('jobs.empty')}
        emptyTestId="jobs-empty"
        offline={{ text: t('jobs.offline'), testId: 'jobs-offline' }}
      />
      {items && items.length > 0 && searchedFor && (
        <p class="muted" role="status" data-testid="jobs-searched-for">
          {t('jobs.searchedFor', { q: searchedFor })}
        </p>
      )}
      {items && items.length > 0 && (
        <ul class="jb-list" data-testid="jobs-list" aria-busy={busy} aria-label={t('jobs.count')}>
          {items.map((j) => (
            <JobRow key={j.id} job={j} />
          ))}
        </ul>
      )}
      {next && items && items.length > 0 && (
        <div class="actions">
          <Button
            type="button"
            variant="secondary"
            busy={loadingMore}
            data-testid="jobs-more"
            onClick={async () => {
              setLoadingMore(true);
              await load(filters, position.current, next);
              setLoadingMore(false);
            }}
          >
            {t('jobs.more')}
          </Button>
        </div>
      )}
      <p class="center">
        <a href="#/employer" data-testid="jobs-employer">
          {t('employer.jobsLink')}
        </a>
      </p>
    </section>
  );
}
