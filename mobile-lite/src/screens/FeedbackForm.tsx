import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert, Button, Field, Title } from '../components/ui';
import type { Draft, DraftFields } from '../feedback/drafts';
import {
  checkForm,
  DESCRIPTION_MAX,
  MAX_PHOTOS,
  photoToSend,
  textLength,
  type FormErrors,
} from '../feedback/form';
import { LocationInput, type Point } from '../feedback/location';
import { setNotice } from '../feedback/notice';
import { drafts, flush, saveDraft, startOutbox } from '../feedback/outbox';
import { useCategories } from '../feedback/parts';
import { getLang, t } from '../i18n';
import { preparePhoto } from '../image';
import { navigate } from '../router';

/** A picked photo: the original file (sent only with the location consent) and a redrawn copy without EXIF. */
interface Picked {
  original: Blob;
  prepared: Blob;
  url: string;
}

/**
 * "Gửi phản ánh": the report is first saved on the phone (IndexedDB), then sent by the outbox with its
 * Idempotency-Key — at once when online, else when the network comes back. `draftId` reopens a draft the
 * API refused, with its problems under the fields.
 */
export function FeedbackForm(props: { draftId?: string | undefined }) {
  const categories = useCategories();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [point, setPoint] = useState<Point | null>(null);
  const [communeCode, setCommuneCode] = useState('');
  const [address, setAddress] = useState('');
  const [photos, setPhotos] = useState<Picked[]>([]);
  const [keepLocation, setKeepLocation] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [reading, setReading] = useState(false);

  useEffect(() => startOutbox(), []);
  const shownPhotos = useRef<Picked[]>([]);
  shownPhotos.current = photos;
  useEffect(() => () => shownPhotos.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  // Reopen a refused draft with its values and the API's problems.
  useEffect(() => {
    if (!props.draftId) return;
    void drafts.get(props.draftId).then((d) => {
      // Only a refused draft is edited: a pending one may be on its way (the list offers no edit for it).
      if (d?.state !== 'needs_fix') return navigate('#/feedback');
      setDraft(d);
      const f = d.fields;
      setCategory(f.category);
      setTitle(f.title);
      setDescription(f.description);
      setPoint(f.lat !== undefined && f.lng !== undefined ? { lat: f.lat, lng: f.lng } : null);
      setCommuneCode(f.communeCode ?? '');
      setAddress(f.address ?? '');
      setKeepLocation(f.keepPhotoLocation);
      setPhotos(d.photos.map((b) => ({ original: b, prepared: b, url: URL.createObjectURL(b) })));
      if (d.problem) {
        setErrors(d.problem.fields);
        setMessage(d.problem.message);
      }
    });
  }, [props.draftId]);

  /** Editing a field takes its error away (the next submit checks everything again). */
  const clear = (...names: string[]) =>
    setErrors((old) => {
      if (!names.some((n) => old[n])) return old;
      const rest = { ...old };
      for (const n of names) delete rest[n];
      return rest;
    });
  const edit =
    <T,>(set: (v: T) => void, ...names: string[]) =>
    (v: T) => {
      set(v);
      clear(...names);
    };

  async function addPhotos(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])].slice(0, MAX_PHOTOS - photos.length);
    input.value = '';
    if (!files.length) return;
    setReading(true);
    const added: Picked[] = [];
    let unreadable = false;
    for (const file of files) {
      try {
        const prepared = await preparePhoto(file, undefined, true);
        added.push({ original: file, prepared, url: URL.createObjectURL(prepared) });
      } catch {
        unreadable = true;
      }
    }
    setReading(false);
    setPhotos((old) => [...old, ...added].slice(0, MAX_PHOTOS));
    setErrors(({ photos: _, ...rest }) =>
      unreadable ? { ...rest, photos: t('feedback.v.photoUnreadable') } : rest,
    );
  }

  function removePhoto(i: number) {
    setPhotos((old) => {
      const p = old[i];
      if (p) URL.revokeObjectURL(p.url);
      return old.filter((_, j) => j !== i);
    });
    clear('photos');
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const blobs = photos.map((p) =>
      photoToSend(p.original, keepLocation) === 'original' ? p.original : p.prepared,
    );
    const found: FormErrors = checkForm({
      category,
      title,
      description,
      point,
      communeCode,
      address,
      photos: blobs,
      keepPhotoLocation: keepLocation,
    });
    const shown: Record<string, string> = {};
    for (const [k, key] of Object.entries(found)) if (key) shown[k] = t(key);
    setErrors(shown);
    setMessage(null);
    if (Object.keys(shown).length) {
      // Take the citizen to the first field to fix.
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>('.has-error input, .has-error select, .has-error textarea')
          ?.focus(),
      );
      setMessage(t('error.checkFields'));
      return;
    }
    const fields: DraftFields = {
      category,
      title: title.trim(),
      description: description.trim(),
      ...(point ? { lat: point.lat, lng: point.lng } : {}),
      ...(communeCode && !point ? { communeCode } : {}),
      ...(address.trim() ? { address: address.trim() } : {}),
      keepPhotoLocation: keepLocation,
    };
    setBusy(true);
    const saved = await saveDraft(fields, blobs, draft ?? undefined);
    setDraft(saved);
    if (!navigator.onLine) {
      setNotice('feedback.savedOffline');
      return navigate('#/feedback');
    }
    setProgress(0);
    const result = await flush({ only: saved.id, ignoreBackoff: true, onProgress: setProgress });
    setProgress(null);
    setBusy(false);
    const sent = result.sent.find((s) => s.draftId === saved.id);
    if (sent) {
      setNotice('feedback.sent');
      return navigate(`#/feedback/${sent.reportId}`);
    }
    const after = await drafts.get(saved.id);
    if (after?.state === 'needs_fix' && after.problem) {
      setDraft(after);
      setErrors(after.problem.fields);
      setMessage(after.problem.message);
      return;
    }
    setNotice('feedback.savedOffline');
    navigate('#/feedback');
  }

  const chosen = categories?.find((c) => c.code === category);
  const length = textLength(description);
  return (
    <section class="screen">
      <Title>{props.draftId ? t('feedback.fixTitle') : t('feedback.newTitle')}</Title>
      <form class="card form" noValidate onSubmit={(e) => void submit(e)} data-testid="feedback-form">
        <Alert message={message} />
        <div class={`field${errors.category ? ' has-error' : ''}`}>
          <label for="f-category">{t('feedback.category')}</label>
          <select
            id="f-category"
            name="category"
            data-testid="feedback-category"
            value={category}
            onChange={(e) => edit(setCategory, 'category')(e.currentTarget.value)}
          >
            <option value="">{t('feedback.categoryPick')}</option>
            {(categories ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {t('feedback.categoryDeadline', {
                  name: getLang() === 'en' ? c.nameEn : c.name,
                  days: c.deadlineDays,
                })}
              </option>
            ))}
          </select>
          {errors.category && (
            <p class="field-error" data-testid="error-category">
              {errors.category}
            </p>
          )}
          {chosen && <p class="hint">{t('feedback.deadlineHint', { days: chosen.deadlineDays })}</p>}
        </div>
        <Field
          name="title"
          label={t('feedback.title')}
          value={title}
          onValue={edit(setTitle, 'title')}
          error={errors.title}
          hint={t('feedback.titleHint')}
          maxLength={150}
          testId="feedback-title"
        />
        <div class={`field${errors.description ? ' has-error' : ''}`}>
          <label for="f-description">{t('feedback.description')}</label>
          <textarea
            id="f-description"
            name="description"
            class="fb-text"
            rows={6}
            data-testid="feedback-description"
            value={description}
            aria-describedby="f-description-count"
            onInput={(e) => edit(setDescription, 'description')(e.currentTarget.value)}
          />
          {errors.description && (
            <p class="field-error" data-testid="error-description">
              {errors.description}
            </p>
          )}
          <p id="f-description-count" class={`hint counter${length > DESCRIPTION_MAX ? ' over' : ''}`}>
            {t('feedback.counter', { n: length, max: DESCRIPTION_MAX })}
          </p>
        </div>
        <LocationInput
          point={point}
          onPoint={edit(setPoint, 'location', 'communeCode', 'address')}
          communeCode={communeCode}
          onCommune={edit(setCommuneCode, 'location', 'communeCode')}
          address={address}
          onAddress={edit(setAddress, 'address')}
          errors={errors}
        />
        <fieldset class={`field${errors.photos ? ' has-error' : ''}`}>
          <legend>{t('feedback.photos', { n: photos.length, max: MAX_PHOTOS })}</legend>
          {photos.length > 0 && (
            <div class="fb-photos">
              {photos.map((p, i) => (
                <div class="fb-thumb" key={p.url}>
                  <img src={p.url} alt={t('feedback.photoAlt', { n: i + 1 })} data-testid="feedback-thumb" />
                  <button
                    type="button"
                    aria-label={t('feedback.removePhoto', { n: i + 1 })}
                    onClick={() => removePhoto(i)}
                  >
                    ×
                  </button>
                </div>
              ))}
            </div>
          )}
          {photos.length < MAX_PHOTOS && (
            <label class="btn btn-secondary file-pick" aria-busy={reading ? 'true' : undefined}>
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp"
                multiple
                class="file-input"
                data-testid="feedback-photo-input"
                onChange={(e) => void addPhotos(e)}
              />
              {reading ? t('photo.reading') : t('feedback.addPhoto')}
            </label>
          )}
          {errors.photos && (
            <p class="field-error" data-testid="error-photos">
              {errors.photos}
            </p>
          )}
          <label class="check">
            <input
              type="checkbox"
              data-testid="feedback-keep-location"
              checked={keepLocation}
              onChange={(e) => edit(setKeepLocation, 'location')(e.currentTarget.checked)}
            />
            {t('feedback.keepLocation')}
          </label>
          <p class="hint">{t('feedback.keepLocationHint')}</p>
        </fieldset>
        {progress !== null && (
          <div class="upload" role="status">
            <p>{t('feedback.uploading', { percent: Math.round(progress * 100) })}</p>
            <progress max={1} value={progress} />
          </div>
        )}
        <Button busy={busy} data-testid="feedback-submit">
          {t('feedback.submit')}
        </Button>
        <a class="btn btn-link" href="#/feedback">
          {t('feedback.cancel')}
        </a>
      </form>
    </section>
  );
}
