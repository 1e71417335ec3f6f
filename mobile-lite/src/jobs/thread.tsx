import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { Alert, Button } from '../components/ui';
import { when } from '../cvs/format';
import { checkMessage, MESSAGE_MAX, senderSide } from '../cvs/thread';
import { t } from '../i18n';
import '../cvs/thread.css';

export type JobMessage = components['schemas']['JobMessage'];

export interface MessageThreadProps {
  applicationId: string;
  /** Shown on the company's messages instead of "Nhà tuyển dụng" (the applicant knows whom it applied to). */
  companyName?: string | undefined;
  /** Shown on the applicant's messages instead of "Ứng viên" (the employer sees who applied). */
  applicantName?: string | undefined;
  /** The application was withdrawn: the messages stay readable, nothing more can be sent. */
  closed?: boolean | undefined;
  /** `data-testid` prefix, when one screen shows more than one thread. */
  testId?: string | undefined;
}

/**
 * The conversation on one job application, for either party: oldest first, mine on the right, each with
 * its side ("Bạn", the company, the applicant), the sender's name and time; a box to write (≤ 2000
 * characters, counted) and a manual reload. The side comes from the API (`mine`, `fromEmployer`).
 */
export function MessageThread(props: MessageThreadProps) {
  const id = props.testId ?? 'thread';
  const [items, setItems] = useState<JobMessage[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [loading, setLoading] = useState(false);
  const list = useRef<HTMLOListElement>(null);

  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void attempt(() =>
      authed(() =>
        api.GET('/api/v1/work/applications/{id}/messages', {
          params: { path: { id: props.applicationId } },
        }),
      ),
    ).then((o) => {
      if (!live) return;
      setLoading(false);
      if (o.ok && o.result.data) {
        setItems(o.result.data.items);
        setLoadError(null);
      } else if (!o.ok && o.status !== 401) setLoadError(o.error.message);
    });
    return () => {
      live = false;
    };
  }, [props.applicationId, reloads]);
  const reload = () => setReloads((n) => n + 1);

  // The list scrolls inside its box: the newest message in view after loading or sending.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [items?.length]);

  async function send(e: Event) {
    e.preventDefault();
    setSendError(null);
    const problem = checkMessage(text);
    if (problem) {
      setFieldError(problem === 'empty' ? t('thread.v.empty') : t('thread.v.long', { max: MESSAGE_MAX }));
      return;
    }
    setFieldError(null);
    setBusy(true);
    const o = await attempt(
      () =>
        authed(() =>
          api.POST('/api/v1/work/applications/{id}/messages', {
            params: { path: { id: props.applicationId } },
            body: { body: text.trim() },
          }),
        ),
      ['body'],
    );
    setBusy(false);
    if (o.ok) {
      setText('');
      reload();
      return;
    }
    if (o.code === 'application_closed') setClosed(true);
    if (o.error.fields.body) setFieldError(o.error.fields.body);
    else setSendError(o.error.message);
  }

  const sideName = (m: JobMessage) => {
    const side = senderSide(m);
    if (side === 'me') return t('thread.me');
    if (side === 'company') return props.companyName ?? t('thread.company');
    return props.applicantName ?? t('thread.applicant');
  };
  const isClosed = props.closed === true || closed;
  const length = text.trim().length;

  return (
    <section class="card th" aria-labelledby={`${id}-title`} data-testid={id}>
      <div class="th-head">
        <h2 id={`${id}-title`}>{t('thread.title')}</h2>
        <Button type="button" variant="link" busy={loading} data-testid={`${id}-refresh`} onClick={reload}>
          {t('thread.refresh')}
        </Button>
      </div>
      <Alert message={loadError} />
      {items && items.length === 0 && <p class="muted">{t('thread.empty')}</p>}
      {items && items.length > 0 && (
        <ol class="th-list" ref={list} data-testid={`${id}-list`}>
          {items.map((m) => (
            <li key={m.id} class={`th-msg ${m.mine ? 'th-mine' : 'th-theirs'}`} data-testid={`${id}-message`}>
              <p class="th-who">
                <strong>{sideName(m)}</strong>
                {!m.mine && m.senderName && <span> · {m.senderName}</span>}
              </p>
              <p class="th-body">{m.body}</p>
              <p class="th-time">
                <time dateTime={m.at}>{when(m.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {isClosed ? (
        <p class="notice" data-testid={`${id}-closed`}>
          {t('thread.closed')}
        </p>
      ) : (
        <form class="form th-form" noValidate onSubmit={(e) => void send(e)}>
          <div class={`field${fieldError ? ' has-error' : ''}`}>
            <label for={`${id}-text`}>{t('thread.label')}</label>
            <textarea
              id={`${id}-text`}
              class="th-text"
              rows={3}
              maxLength={MESSAGE_MAX}
              value={text}
              data-testid={`${id}-text`}
              aria-invalid={fieldError ? 'true' : undefined}
              aria-describedby={`${id}-count${fieldError ? ` ${id}-error` : ''}`}
              onInput={(e) => {
                setText(e.currentTarget.value);
                if (fieldError) setFieldError(null);
              }}
            />
            <p id={`${id}-count`} class={`hint th-count${length > MESSAGE_MAX ? ' over' : ''}`}>
              {t('thread.counter', { n: length, max: MESSAGE_MAX })}
            </p>
            {fieldError && (
              <p id={`${id}-error`} class="field-error" data-testid={`${id}-error`}>
                {fieldError}
              </p>
            )}
          </div>
          <Alert message={sendError} />
          <Button busy={busy} data-testid={`${id}-send`}>
            {t('thread.send')}
          </Button>
        </form>
      )}
    </section>
  );
}
