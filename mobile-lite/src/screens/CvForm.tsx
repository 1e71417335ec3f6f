import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Field, Title, LoadState } from '../components/ui';
import { checkCvForm, cvPayload, emptyForm, formFromCv, type CvForm as Form, type CvView } from '../cvs/form';
import { BackLink, TextArea } from '../cvs/parts';
import { PdfCard, uploadPdf } from '../cvs/pdf-card';
import { describeCvProblem } from '../cvs/problem';
import { CertificateRows, EducationRows, ExperienceRows, LanguageRows, SkillChips } from '../cvs/rows';
import { setNotice, takeNotice } from '../feedback/notice';
import { t } from '../i18n';
import { navigate } from '../router';

/** `#/jobs/cvs/new?job=<posting id>`: the posting to go back to once the CV is saved (from "Ứng tuyển"). */
function returnJob(): string | null {
  const job = new URLSearchParams(location.hash.split('?')[1] ?? '').get('job');
  return job && /^[0-9a-f-]{36}$/i.test(job) ? job : null;
}

/** Puts the first input with an error in view and focus, after the errors are drawn. */
function focusFirstError() {
  setTimeout(() => {
    const field = document.querySelector<HTMLElement>('main .has-error input, main .has-error textarea');
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  }, 0);
}

/** "Hồ sơ mới" / "Sửa hồ sơ": every part of a CV, who may see it, the default flag, the PDF, delete. */
export function CvForm(props: { id?: string }) {
  const editing = props.id !== undefined;
  const job = returnJob();
  const [cv, setCv] = useState<CvView | null>(null);
  const [form, setFormState] = useState<Form>(emptyForm);
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  const [notice] = useState(takeNotice);

  useEffect(() => {
    if (!props.id) return;
    let live = true;
    void attempt(() =>
      authed(() => api.GET('/api/v1/work/cvs/{id}', { params: { path: { id: props.id! } } })),
    ).then((o) => {
      if (!live) return;
      if (o.ok && o.result.data) {
        setLoadError(null);
        setCv(o.result.data);
        setFormState(formFromCv(o.result.data));
      } else if (!o.ok && (o.status === 404 || o.status === 400)) setMissing(true);
      else if (!o.ok && o.status !== 401) setLoadError(o.error.message);
    });
    return () => {
      live = false;
    };
  }, [props.id, reloads]);

  const setForm = (change: (f: Form) => Form) => setFormState(change);
  const clearError = (name: string) => {
    if (errors[name]) setErrors(({ [name]: _, ...rest }) => rest);
  };
  const set = (name: keyof Form) => (value: string) => {
    setFormState((f) => ({ ...f, [name]: value }));
    clearError(name);
  };

  async function save(e: Event) {
    e.preventDefault();
    setMessage(null);
    const local = checkCvForm(form);
    if (Object.keys(local).length) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, p]) => [k, t(p.key, p.params)])));
      setMessage(t('error.checkFields'));
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    const { body, rows } = cvPayload(form);
    const o = await attempt(() =>
      authed(() =>
        props.id
          ? api.PATCH('/api/v1/work/cvs/{id}', { params: { path: { id: props.id } }, body })
          : api.POST('/api/v1/work/cvs', { body }),
      ),
    );
    if (!o.ok || !o.result.data) {
      setBusy(false);
      if (!o.ok) {
        const shown = o.problem ? describeCvProblem(o.problem, rows) : o.error;
        setErrors(shown.fields);
        setMessage(shown.message);
        focusFirstError();
      }
      return;
    }
    const saved = o.result.data;
    if (pending) {
      setProgress(0);
      const sent = await uploadPdf(saved.id, pending, setProgress);
      setProgress(null);
      if (!sent.ok) {
        setBusy(false);
        setNotice('cvs.pdf.notUploaded');
        return navigate(`#/jobs/cvs/${saved.id}${job ? `?job=${job}` : ''}`);
      }
    }
    setBusy(false);
    if (job) return navigate(`#/jobs/${job}`);
    setNotice('cvs.saved');
    navigate('#/jobs/cvs');
  }

  async function remove() {
    if (!cv || !confirm(t('cvs.deleteConfirm', { title: cv.title }))) return;
    setBusy(true);
    const o = await attempt(() =>
      authed(() => api.DELETE('/api/v1/work/cvs/{id}', { params: { path: { id: cv.id } } })),
    );
    setBusy(false);
    if (o.ok) {
      setNotice('cvs.deleted');
      navigate('#/jobs/cvs');
    } else setMessage(o.error.message);
  }

  const heading = editing ? t('cvs.editTitle') : t('cvs.newTitle');
  const back = <BackLink href="#/jobs/cvs">{t('cvs.back')}</BackLink>;
  if (editing && !cv)
    return (
      <section class="screen">
        {back}
        <Title>{heading}</Title>
        {missing ? (
          <p class="card muted" data-testid="cv-missing">
            {t('cvs.missing')}
          </p>
        ) : (
          <LoadState error={loadError} onRetry={() => setReloads((n) => n + 1)} />
        )}
      </section>
    );

  const rowsProps = { form, setForm, errors, clearError };
  return (
    <section class="screen">
      {back}
      <Title>{heading}</Title>
      {notice && <Alert kind="info" message={t(notice)} />}
      {job && <p class="notice">{t('cvs.backToJob')}</p>}
      <form class="cv-form" noValidate onSubmit={(e) => void save(e)} data-testid="cv-form">
        <section class="card form">
          <Field
            name="title"
            label={t('cvs.f.title')}
            hint={t('cvs.f.titleHint')}
            value={form.title}
            maxLength={150}
            error={errors.title}
            onValue={set('title')}
            testId="cv-title"
          />
          <Field
            name="salary"
            label={t('cvs.f.salary')}
            hint={t('cvs.f.salaryHint')}
            value={form.salary}
            inputMode="text"
            maxLength={12}
            error={errors.salary}
            onValue={set('salary')}
            testId="cv-salary"
          />
          <TextArea
            name="summary"
            label={t('cvs.f.summary')}
            value={form.summary}
            maxLength={2000}
            error={errors.summary}
            onValue={set('summary')}
          />
        </section>
        <ExperienceRows {...rowsProps} />
        <EducationRows {...rowsProps} />
        <SkillChips {...rowsProps} />
        <CertificateRows {...rowsProps} />
        <LanguageRows {...rowsProps} />
        <PdfCard
          cv={cv}
          pending={pending}
          onPending={setPending}
          onChanged={(c) => setCv(c)}
          progress={progress}
        />
        <section class="card cv-section" aria-labelledby="cv-privacy-title" data-testid="cv-privacy">
          <h2 id="cv-privacy-title">{t('cvs.privacy.title')}</h2>
          <label class="check">
            <input
              type="checkbox"
              checked={form.searchable}
              data-testid="cv-searchable-toggle"
              onChange={(e) => setFormState((f) => ({ ...f, searchable: e.currentTarget.checked }))}
            />
            {t('cvs.f.searchable')}
          </label>
          <p class={`hint${form.searchable ? '' : ' cv-current'}`}>{t('cvs.privacy.off')}</p>
          <p class={`hint${form.searchable ? ' cv-current' : ''}`}>{t('cvs.privacy.on')}</p>
          <label class="check">
            <input
              type="checkbox"
              checked={form.isDefault}
              disabled={cv?.isDefault === true}
              data-testid="cv-default-toggle"
              onChange={(e) => setFormState((f) => ({ ...f, isDefault: e.currentTarget.checked }))}
            />
            {t('cvs.f.default')}
          </label>
          <p class="hint">{cv?.isDefault ? t('cvs.f.defaultFixed') : t('cvs.f.defaultHint')}</p>
        </section>
        <div class="cv-actions">
          <Alert
            message={message === t('error.checkFields') && !Object.keys(errors).length ? null : message}
          />
          <Button busy={busy} data-testid="cv-save">
            {t('cvs.save')}
          </Button>
          <a class="btn btn-link" href={job ? `#/jobs/${job}` : '#/jobs/cvs'}>
            {t('cvs.cancel')}
          </a>
          {cv && (
            <Button
              type="button"
              variant="danger"
              disabled={busy}
              data-testid="cv-delete"
              onClick={() => void remove()}
            >
              {t('cvs.delete')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
