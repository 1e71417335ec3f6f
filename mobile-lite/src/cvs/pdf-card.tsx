import { useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed, prepareHeaders } from '../api/client';
import { sendForm } from '../api/upload';
import { Alert, Button } from '../components/ui';
import { getLang, t } from '../i18n';
import type { CvView } from './form';
import { checkPdf, fileHead, fileSize } from './pdf';

/** PUT /work/cvs/{id}/pdf with upload progress; the answer is the CV. */
export function uploadPdf(cvId: string, file: File, onProgress: (fraction: number) => void) {
  const form = new FormData();
  form.append('pdf', file, file.name);
  return attempt(() =>
    authed(() =>
      sendForm<CvView>('PUT', `/api/v1/work/cvs/${encodeURIComponent(cvId)}/pdf`, form, onProgress),
    ),
  );
}

/** Fetches the PDF with the token and hands it to the phone's viewer (a download on most phones). */
export async function openPdf(cvId: string, name: string): Promise<boolean> {
  const res = await authed(async () => ({
    response: await fetch(`/api/v1/work/cvs/${encodeURIComponent(cvId)}/pdf`, {
      headers: prepareHeaders(new Headers()),
    }),
  })).catch(() => null);
  if (!res?.response.ok) return false;
  const url = URL.createObjectURL(await res.response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

interface PdfCardProps {
  /** null while the CV is new: the chosen file waits (`pending`) and is sent after the CV is saved. */
  cv: CvView | null;
  pending: File | null;
  onPending: (file: File | null) => void;
  /** The CV after an upload or a removal. */
  onChanged: (cv: CvView) => void;
  /** Upload progress (0–1) of a save in progress, shown here too. */
  progress?: number | null;
}

/** "Tệp CV (PDF)": attach, replace or remove the PDF; checked for type and size before anything is sent. */
export function PdfCard(props: PdfCardProps) {
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const cv = props.cv;
  const shownProgress = progress ?? props.progress ?? null;

  async function chosen(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after a fix
    if (!file) return;
    setInfo(null);
    const problem = checkPdf(file, await fileHead(file));
    if (problem) {
      setError(t(problem));
      return;
    }
    setError(null);
    if (!cv) {
      props.onPending(file);
      return;
    }
    setBusy(true);
    setProgress(0);
    const o = await uploadPdf(cv.id, file, setProgress);
    setBusy(false);
    setProgress(null);
    if (o.ok && o.result.data) {
      props.onChanged(o.result.data);
      setInfo(t('cvs.pdf.uploaded'));
    } else if (!o.ok) setError(o.error.message);
  }

  async function remove() {
    if (!cv) return props.onPending(null);
    if (!confirm(t('cvs.pdf.removeConfirm'))) return;
    setBusy(true);
    const o = await attempt(() =>
      authed(() => api.DELETE('/api/v1/work/cvs/{id}/pdf', { params: { path: { id: cv.id } } })),
    );
    setBusy(false);
    if (o.ok) {
      props.onChanged({ ...cv, hasPdf: false, pdfName: null });
      setInfo(t('cvs.pdf.removed'));
    } else setError(o.error.message);
  }

  const attached = cv?.hasPdf ? (cv.pdfName ?? 'cv.pdf') : null;
  const has = attached !== null || props.pending !== null;
  return (
    <section class="card cv-section" aria-labelledby="cv-pdf-title" data-testid="cv-pdf">
      <h2 id="cv-pdf-title">{t('cvs.pdf.title')}</h2>
      <p class="hint" id="cv-pdf-hint">
        {t('cvs.pdf.hint')}
      </p>
      <p class="cv-pdf-state" data-testid="cv-pdf-state" data-attached={attached !== null ? 'true' : 'false'}>
        {attached !== null
          ? t('cvs.pdf.attached', { name: attached })
          : props.pending
            ? t('cvs.pdf.pending', {
                name: props.pending.name,
                size: fileSize(props.pending.size, getLang()),
              })
            : t('cvs.pdf.none')}
      </p>
      {shownProgress !== null && (
        <div class="upload" role="status">
          <p>{t('cvs.pdf.uploading', { percent: Math.round(shownProgress * 100) })}</p>
          <progress max={1} value={shownProgress} />
        </div>
      )}
      <Alert message={error} />
      <Alert kind="info" message={info} />
      <div class="row">
        <label class={`btn btn-secondary cv-file${busy ? ' disabled' : ''}`}>
          {has ? t('cvs.pdf.replace') : t('cvs.pdf.choose')}
          <input
            type="file"
            accept="application/pdf,.pdf"
            class="sr-only"
            disabled={busy}
            aria-describedby="cv-pdf-hint"
            data-testid="cv-pdf-input"
            onChange={(e) => void chosen(e.currentTarget)}
          />
        </label>
        {attached !== null && cv && (
          <Button type="button" variant="link" onClick={() => void openPdf(cv.id, attached)}>
            {t('cvs.pdf.open')}
          </Button>
        )}
        {has && (
          <Button
            type="button"
            variant="link"
            disabled={busy}
            data-testid="cv-pdf-remove"
            onClick={() => void remove()}
          >
            {t('cvs.pdf.remove')}
          </Button>
        )}
      </div>
    </section>
  );
}
