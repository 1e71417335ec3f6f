import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Title } from '../components/ui';
import type { Company } from '../employer/company-form';
import { BackLink } from '../cvs/parts';
import { ConfirmButton } from '../employer/fields';
import { PostingEditor } from '../employer/posting-editor';
import { postingActions, type Posting } from '../employer/posting-form';
import { PostingChip, PostingSummary } from '../employer/posting-parts';
import { hashParam, loadMyCompanies } from '../employer/refs';
import { t } from '../i18n';
import { navigate } from '../router';

/** Notices carried from "Lưu nháp" on the new-posting screen to the posting's own screen. */
let carried: string | null = null;

/**
 * `#/employer/postings/new`: write a draft. `#/employer/postings/<id>` (where the bell's moderation
 * notices lead): the posting with its state, editing, submit for review, close, delete — each only where
 * the API allows it, closing and deleting confirmed first — and its applicants.
 */
export function EmployerPosting(props: { id?: string }) {
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [posting, setPosting] = useState<Posting | null>(null);
  const [editing, setEditing] = useState(false);
  const [missing, setMissing] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(() => {
    const text = carried;
    carried = null;
    return text ? { kind: 'info', text } : null;
  });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadMyCompanies().then((o) => {
      if (o.ok && o.result.data) setCompanies(o.result.data.items);
    });
  }, []);
  useEffect(() => {
    if (!props.id) return;
    void attempt(() =>
      authed(() => api.GET('/api/v1/work/postings/{id}', { params: { path: { id: props.id! } } })),
    ).then((o) => {
      if (o.ok && o.result.data) setPosting(o.result.data);
      else if (!o.ok && (o.status === 404 || o.status === 403 || o.status === 400)) setMissing(true);
      else if (!o.ok && o.status !== 401) setMessage({ kind: 'error', text: o.error.message });
    });
  }, [props.id]);

  const back = (
    <BackLink href="#/employer/postings" testId="em-back">
      {t('employer.postings')}
    </BackLink>
  );
  if (!props.id)
    return (
      <section class="screen">
        {back}
        <Title>{t('employer.newPosting')}</Title>
        {companies && companies.length === 0 && <p class="card">{t('employer.noCompany')}</p>}
        {companies && companies.length > 0 && (
          <div class="card">
            <PostingEditor
              companies={companies}
              companyId={hashParam('company')}
              onSaved={(p) => {
                carried = t('employer.draftSaved');
                navigate(`#/employer/postings/${p.id}`);
              }}
            />
          </div>
        )}
      </section>
    );

  if (!posting)
    return (
      <section class="screen">
        {back}
        <Title>{t('employer.postings')}</Title>
        {missing ? <p class="card muted">{t('employer.missing')}</p> : <Alert message={message?.text} />}
        {!missing && !message && (
          <p class="card muted" role="status">
            {t('common.loading')}
          </p>
        )}
      </section>
    );

  async function act(action: 'submit' | 'close', done: string) {
    setBusy(true);
    const path = { params: { path: { id: posting!.id } } };
    const o = await attempt(() =>
      authed(() =>
        action === 'submit'
          ? api.POST('/api/v1/work/postings/{id}/submit', path)
          : api.POST('/api/v1/work/postings/{id}/close', path),
      ),
    );
    setBusy(false);
    if (o.ok && o.result.data) {
      setPosting(o.result.data);
      setMessage({ kind: 'info', text: done });
    } else if (!o.ok) setMessage({ kind: 'error', text: o.error.message });
  }

  async function remove() {
    const o = await attempt(() =>
      authed(() => api.DELETE('/api/v1/work/postings/{id}', { params: { path: { id: posting!.id } } })),
    );
    if (o.ok) navigate('#/employer/postings');
    else setMessage({ kind: 'error', text: o.error.message });
  }

  const allowed = postingActions(posting);
  const company = companies?.find((c) => c.id === posting.companyId);
  return (
    <section class="screen" data-testid="employer-posting" data-id={posting.id} data-status={posting.status}>
      {back}
      <Title>{posting.title}</Title>
      <Alert kind={message?.kind} message={message?.text} />
      <div class="card em-card">
        <div class="em-head">
          <p class="jb-company">{posting.companyName}</p>
          <PostingChip status={posting.status} />
        </div>
        {posting.status === 'rejected' && posting.rejectionReason && (
          <p class="em-reason" data-testid="posting-reason">
            {t('employer.reason', { reason: posting.rejectionReason })}
          </p>
        )}
        {editing && companies ? (
          <PostingEditor
            posting={posting}
            companies={companies}
            onSaved={(p, review) => {
              setPosting(p);
              setEditing(false);
              setMessage({ kind: 'info', text: review ? t('employer.reviewRequired') : t('employer.saved') });
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <PostingSummary posting={posting} />
        )}
      </div>
      {!editing && (
        <div class="actions" data-testid="posting-actions">
          {(posting.applications > 0 || posting.status === 'published') && (
            <a
              class="btn btn-primary"
              href={`#/employer/postings/${posting.id}/applicants`}
              data-testid="posting-applicants"
            >
              {t('employer.applicants')} ({posting.applications})
            </a>
          )}
          {allowed.submit && (
            <Button
              type="button"
              busy={busy}
              disabled={company !== undefined && company.status !== 'verified'}
              data-testid="posting-submit"
              onClick={() => void act('submit', t('employer.submitted'))}
            >
              {t('employer.submit')}
            </Button>
          )}
          <Button
            type="button"
            variant="secondary"
            data-testid="posting-edit"
            onClick={() => (setEditing(true), setMessage(null))}
          >
            {t('employer.editPosting')}
          </Button>
          {allowed.close && (
            <ConfirmButton
              label={t('employer.close')}
              question={t('employer.closeConfirm')}
              variant="secondary"
              testId="posting-close"
              onConfirm={() => act('close', t('employer.closedDone'))}
            />
          )}
          {allowed.remove && (
            <ConfirmButton
              label={t('employer.remove')}
              question={t('employer.removeConfirm')}
              testId="posting-delete"
              onConfirm={remove}
            />
          )}
          {company && company.status !== 'verified' && allowed.submit && (
            <p class="notice">{t('employer.notVerified')}</p>
          )}
        </div>
      )}
    </section>
  );
}
