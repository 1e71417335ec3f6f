import { useEffect, useState } from 'preact/hooks';
import { api, authed, prepareHeaders } from '../api/client';
import type { components } from '../api/schema';
import { getLang, t, type MessageKey } from '../i18n';
import { formatClock, formatInstantDay } from '../time';
import { deadlineState } from './form';
import './feedback.css';

export type Report = components['schemas']['Feedback'];
export type ReportSummary = components['schemas']['FeedbackSummary'];
export type Category = components['schemas']['FeedbackCategoryList']['items'][number];
export type Commune = components['schemas']['CommuneList']['items'][number];
export type Status = Report['status'];

const STATUS: Record<Status, MessageKey> = {
  submitted: 'feedback.status.submitted',
  accepted: 'feedback.status.accepted',
  assigned: 'feedback.status.assigned',
  in_progress: 'feedback.status.in_progress',
  resolved: 'feedback.status.resolved',
  rejected: 'feedback.status.rejected',
  duplicate: 'feedback.status.duplicate',
};

export const statusText = (s: Status) => t(STATUS[s]);
export const when = (iso: string) => `${formatClock(iso)} ${formatInstantDay(iso)}`;

export function StatusChip(props: { status: Status }) {
  return (
    <span class={`chip chip-${props.status}`} data-testid="feedback-status" data-status={props.status}>
      {statusText(props.status)}
    </span>
  );
}

/** The due date from acceptance on, with "due soon" / "overdue" while the report is open. */
export function DueDate(props: { dueAt: string | null; status: Status }) {
  if (!props.dueAt) return null;
  const state = deadlineState(props.dueAt, props.status);
  return (
    <p class={`due due-${state}`} data-testid="feedback-due" data-deadline={state}>
      {t('feedback.dueAt', { date: formatInstantDay(props.dueAt) })}
      {state === 'due_soon' && <strong> · {t('feedback.dueSoon')}</strong>}
      {state === 'overdue' && <strong> · {t('feedback.overdue')}</strong>}
    </p>
  );
}

/** Reference lists kept on the phone, so the form opens offline too. */
function cached<T>(key: string, load: () => Promise<T | undefined>) {
  let memory: T | undefined;
  return function useCached(): T | undefined {
    const [value, setValue] = useState<T | undefined>(() => {
      if (memory) return memory;
      try {
        const raw = localStorage.getItem(key);
        return raw ? (memory = JSON.parse(raw) as T) : undefined;
      } catch {
        return undefined;
      }
    });
    useEffect(() => {
      let live = true;
      load().then(
        (fresh) => {
          if (!fresh || !live) return;
          memory = fresh;
          setValue(fresh);
          try {
            localStorage.setItem(key, JSON.stringify(fresh));
          } catch {
            // storage full: the list is fetched again next time
          }
        },
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    return value;
  };
}

export const useCategories = cached<Category[]>('dlid.feedbackCategories', async () => {
  const { data } = await api.GET('/api/v1/feedback/categories');
  return data?.items;
});

export const useCommunes = cached<Commune[]>('dlid.communes', async () => {
  const { data } = await api.GET('/api/v1/communes');
  return data ? [...data.items].sort((a, b) => a.name.localeCompare(b.name, 'vi')) : undefined;
});

export function categoryName(categories: Category[] | undefined, code: string): string {
  const c = categories?.find((x) => x.code === code);
  return c ? (getLang() === 'en' ? c.nameEn : c.name) : code;
}

/** A photo of one of my reports, fetched with the bearer token and shown from a blob URL. */
export function ReportPhoto(props: { id: string; n: number; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void (async () => {
      const res = await authed(async () => {
        const response = await fetch(`/api/v1/feedback/${props.id}/photos/${props.n}?size=thumb`, {
          headers: prepareHeaders(new Headers()),
        });
        return { response };
      }).catch(() => null);
      if (!live || !res?.response.ok) return;
      made = URL.createObjectURL(await res.response.blob());
      if (live) setUrl(made);
    })();
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [props.id, props.n]);
  const [full, setFull] = useState<string | null>(null);
  useEffect(() => () => void (full && URL.revokeObjectURL(full)), [full]);
  // The full-size photo over the screen (a pop-up window after a download would be blocked on phones).
  const open = async () => {
    const res = await authed(async () => ({
      response: await fetch(`/api/v1/feedback/${props.id}/photos/${props.n}`, {
        headers: prepareHeaders(new Headers()),
      }),
    })).catch(() => null);
    if (res?.response.ok) setFull(URL.createObjectURL(await res.response.blob()));
  };
  return (
    <>
      <button type="button" class="fb-photo" onClick={() => void open()} data-testid="feedback-photo">
        {url ? <img src={url} alt={props.alt} /> : <span class="fb-photo-wait" aria-hidden="true" />}
      </button>
      {full && (
        <button
          type="button"
          class="fb-viewer"
          onClick={() => setFull(null)}
          data-testid="feedback-photo-full"
        >
          <img src={full} alt={props.alt} />
        </button>
      )}
    </>
  );
}
