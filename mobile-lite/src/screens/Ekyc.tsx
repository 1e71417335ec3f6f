import { useEffect, useRef, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { session } from '../api/session';
import { upload } from '../api/upload';
import {
  CardFields,
  CardQr,
  checkCard,
  QrReadNote,
  type CardErrors,
  type CardValues,
} from '../components/card-form';
import { CaseCard, type EkycCase } from '../components/ekyc-case';
import { ConflictCard, PHOTO, ReviewStep, STEP_TITLE, Stepper, type Photos } from '../components/ekyc-steps';
import { dropPhoto, makePhoto, PhotoInput } from '../components/photo';
import { Alert, Button, Title } from '../components/ui';
import {
  CASE_FIELDS,
  firstIncomplete,
  firstStepWithError,
  isPhotoStep,
  PHOTO_STEPS,
  retakePlan,
  stepAfter,
  stepBefore,
  type PhotoStep,
  type Step,
} from '../ekyc';
import { t } from '../i18n';
import { compactCccd } from '../validation';

type Errors = CardErrors & Partial<Record<PhotoStep, string>>;

const EMPTY: Photos = { cardFront: null, cardBack: null, selfie: null };

/**
 * Identity level 2 (eKYC): the card data, photos of the card's two sides and a selfie, sent together.
 * The API compares the card portrait with the face and answers at once: approved, refused (take the
 * failing photo again), or waiting for an officer.
 */
export function Ekyc() {
  const [loading, setLoading] = useState(true);
  const [verified, setVerified] = useState(false);
  const [openCase, setOpenCase] = useState<EkycCase | null>(null);
  const [declaredMasked, setDeclaredMasked] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('data');
  const [card, setCard] = useState<CardValues>(() => ({
    cccdNumber: '',
    fullName: session.user()?.fullName ?? '',
    dateOfBirth: '',
    sex: '',
  }));
  const [qrText, setQrText] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Photos>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<EkycCase | null>(null);
  const [conflict, setConflict] = useState<{ code: string; text: string } | null>(null);
  const stepHeading = useRef<HTMLHeadingElement | null>(null);
  const resultBox = useRef<HTMLDivElement | null>(null);
  const conflictBox = useRef<HTMLDivElement | null>(null);
  const screenRef = useRef<HTMLElement | null>(null);
  const moved = useRef(false);
  const photosNow = useRef(photos);
  photosNow.current = photos;

  // Photos live as object URLs until the screen closes.
  useEffect(() => () => PHOTO_STEPS.forEach((s) => dropPhoto(photosNow.current[s])), []);

  // What is known already: the declared card (prefill), the level, and a case waiting for an officer.
  useEffect(() => {
    void Promise.all([
      attempt(() => authed(() => api.GET('/api/v1/me/identity'))),
      attempt(() => authed(() => api.GET('/api/v1/ekyc/cases'))),
    ]).then(([identity, cases]) => {
      const declared = identity.ok ? identity.result.data : undefined;
      if (declared) {
        setDeclaredMasked(declared.cccdMasked);
        setCard((c) => ({
          ...c,
          fullName: declared.fullName || c.fullName,
          dateOfBirth: c.dateOfBirth || declared.dateOfBirth,
          sex: c.sex || declared.sex,
        }));
        if (declared.identityLevel >= 2) setVerified(true);
      }
      if ((session.user()?.identityLevel ?? 0) >= 2) setVerified(true);
      const waiting = cases.ok ? cases.result.data?.items.find((c) => c.status === 'review') : undefined;
      if (waiting) setOpenCase(waiting);
      setLoading(false);
    });
  }, []);

  // A new step: back to the top (the progress bar shows where one is) and its heading takes the focus,
  // so screen readers announce it.
  useEffect(() => {
    if (!moved.current) return;
    window.scrollTo(0, 0);
    stepHeading.current?.focus({ preventScroll: true });
  }, [step]);

  useEffect(() => {
    if (result) resultBox.current?.focus();
  }, [result]);

  // A message about the whole step (the photo refused, the network down) stands at the step's top:
  // bring it into view from the buttons at the bottom.
  useEffect(() => {
    if (message) screenRef.current?.querySelector('.alert')?.scrollIntoView({ block: 'center' });
  }, [message]);

  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict]);

  function go(next: Step) {
    moved.current = true;
    setMessage(null);
    setStep(next);
  }

  function setPhoto(which: PhotoStep, blob: Blob | null) {
    setPhotos((p) => {
      dropPhoto(p[which]);
      return { ...p, [which]: blob ? makePhoto(blob) : null };
    });
    setErrors((e) => ({ ...e, [which]: undefined }));
    setMessage(null);
  }

  const done = {
    data: Object.keys(checkCard(card)).length === 0,
    cardFront: !!photos.cardFront,
    cardBack: !!photos.cardBack,
    selfie: !!photos.selfie,
  };

  function nextFromData(e: Event) {
    e.preventDefault();
    const found = checkCard(card);
    // The data's errors are replaced; errors about photos (from the API) stay at their steps.
    setErrors((old) => ({ cardFront: old.cardFront, cardBack: old.cardBack, selfie: old.selfie, ...found }));
    if (Object.keys(found).length) return setMessage(t('error.checkFields'));
    go('cardFront');
  }

  function nextFromPhoto(which: PhotoStep) {
    if (!photos[which]) {
      setErrors((e) => ({ ...e, [which]: t('ekyc.photoMissing') }));
      return;
    }
    if (errors[which]) return; // the API refused this very photo: take another first
    go(stepAfter(which));
  }

  async function send() {
    if (progress !== null) return;
    const missing = firstIncomplete(done);
    if (missing !== 'review') return go(missing);
    const { cardFront, cardBack, selfie } = photos;
    if (!cardFront || !cardBack || !selfie || card.sex === '') return;
    const form = new FormData();
    form.set('cccdNumber', compactCccd(card.cccdNumber));
    form.set('fullName', card.fullName.trim());
    form.set('dateOfBirth', card.dateOfBirth);
    form.set('sex', card.sex);
    if (qrText) form.set('qrText', qrText);
    form.set('cardFront', cardFront.blob, 'card-front.jpg');
    form.set('cardBack', cardBack.blob, 'card-back.jpg');
    form.set('selfie', selfie.blob, 'selfie.jpg');
    setMessage(null);
    setConflict(null);
    setProgress(0);
    const outcome = await attempt(
      () => authed(() => upload('/api/v1/ekyc/cases', form, setProgress)),
      CASE_FIELDS,
    );
    setProgress(null);
    if (outcome.ok && outcome.result.data) {
      const created = outcome.result.data;
      const user = session.user();
      if (created.status === 'approved' && user) session.setUser({ ...user, identityLevel: 2 });
      setResult(created);
      return;
    }
    if (outcome.ok) return setMessage(t('error.unknown'));
    if (outcome.status === 401) return; // signed out: the sign-in screen opens
    if (outcome.status === 409) return setConflict({ code: outcome.code ?? '', text: outcome.error.message });
    if (outcome.status === 413) return setMessage(t('ekyc.tooLarge'));
    const fields = outcome.error.fields;
    const at = firstStepWithError(Object.keys(fields));
    if (at) {
      setErrors(fields);
      go(at);
      setMessage(at === 'data' ? outcome.error.message : t('ekyc.photoRefused'));
    } else {
      setMessage(outcome.error.message);
    }
  }

  function retake() {
    if (!result) return;
    const plan = retakePlan(result.reasons);
    for (const which of plan.retake) setPhoto(which, null);
    setResult(null);
    go(plan.step);
  }

  if (loading) {
    return (
      <section class="screen">
        <Title>{t('ekyc.title')}</Title>
        <p class="card muted" role="status">
          {t('common.loading')}
        </p>
      </section>
    );
  }

  if (result) {
    return (
      <section class="screen">
        <Title>{t('ekyc.title')}</Title>
        <CaseCard item={result} testId="ekyc-result" boxRef={resultBox} />
        <div class="actions">
          {result.status === 'rejected' && (
            <Button type="button" data-testid="ekyc-retake" onClick={retake}>
              {t('ekyc.retake')}
            </Button>
          )}
          {result.status === 'review' && (
            <a class="btn btn-secondary" href="#/ekyc/cases" data-testid="ekyc-cases-link">
              {t('ekyc.casesLink')}
            </a>
          )}
          <a
            class={`btn ${result.status === 'approved' ? 'btn-primary' : 'btn-secondary'}`}
            href="#/profile"
            data-testid="ekyc-done"
          >
            {t('declare.backToProfile')}
          </a>
        </div>
      </section>
    );
  }

  if (verified || openCase) {
    return (
      <section class="screen">
        <Title>{t('ekyc.title')}</Title>
        {openCase ? (
          <>
            <CaseCard item={openCase} testId="ekyc-open-case" />
            <a class="btn btn-secondary" href="#/ekyc/cases" data-testid="ekyc-cases-link">
              {t('ekyc.casesLink')}
            </a>
          </>
        ) : (
          <div class="card form" data-testid="ekyc-verified">
            <h2>{t('ekyc.verifiedTitle')}</h2>
            <p>{t('ekyc.verifiedBody')}</p>
            <a class="btn btn-primary" href="#/profile">
              {t('declare.backToProfile')}
            </a>
          </div>
        )}
      </section>
    );
  }

  return (
    <section class="screen" data-testid="ekyc" data-step={step} ref={screenRef}>
      <Title>{t('ekyc.title')}</Title>
      {step === 'data' && <p class="lead">{t('ekyc.intro')}</p>}

      <Stepper step={step} />

      {conflict && <ConflictCard conflict={conflict} boxRef={conflictBox} />}

      {step === 'data' && (
        <CardQr
          onCard={(read, qr) => {
            setCard({
              cccdNumber: read.cccdNumber,
              fullName: read.fullName,
              dateOfBirth: read.dateOfBirth,
              sex: read.sex,
            });
            setQrText(qr);
            setErrors({});
            setMessage(null);
          }}
        />
      )}

      {step === 'data' && (
        <form class="card form scroll-target" onSubmit={nextFromData} noValidate>
          <h2 class="step-title" tabIndex={-1} ref={stepHeading}>
            {t(STEP_TITLE.data)}
          </h2>
          <Alert message={message} />
          {qrText && <QrReadNote onDrop={() => setQrText(null)} />}
          {errors.qrText && (
            <p class="field-error" data-testid="error-qrText">
              {errors.qrText}
            </p>
          )}
          <CardFields
            value={card}
            onChange={setCard}
            errors={errors}
            cccdHint={
              declaredMasked ? t('ekyc.cccdAgain', { number: declaredMasked }) : t('declare.cccdHint')
            }
          />
          <Button data-testid="ekyc-next">{t('ekyc.next')}</Button>
          <a class="btn btn-link" href="#/profile">
            {t('ekyc.cancel')}
          </a>
        </form>
      )}

      {isPhotoStep(step) && (
        <div class="card form scroll-target">
          <h2 class="step-title" tabIndex={-1} ref={stepHeading}>
            {t(STEP_TITLE[step])}
          </h2>
          <Alert message={message} />
          <ul class="tips">
            {PHOTO[step].tips.map((tip) => (
              <li key={tip}>{t(tip)}</li>
            ))}
          </ul>
          <PhotoInput
            key={step}
            shape={PHOTO[step].shape}
            icon={PHOTO[step].icon}
            testId={`ekyc-file-${step}`}
            photo={photos[step]}
            onPhoto={(blob) => setPhoto(step, blob)}
            alt={t(STEP_TITLE[step])}
            error={errors[step]}
          />
          <div class="row nav-row">
            <Button type="button" variant="secondary" onClick={() => go(stepBefore(step))}>
              {t('ekyc.back')}
            </Button>
            <Button type="button" data-testid="ekyc-next" onClick={() => nextFromPhoto(step)}>
              {t('ekyc.next')}
            </Button>
          </div>
        </div>
      )}

      {step === 'review' && (
        <ReviewStep
          card={card}
          photos={photos}
          message={message}
          progress={progress}
          headingRef={stepHeading}
          go={go}
          onSend={() => void send()}
        />
      )}
    </section>
  );
}
