import type { Ref } from 'preact';
import type { CardValues } from './card-form';
import { CARD_BACK_ICON, CARD_FRONT_ICON, FACE_ICON, type Photo, type PhotoShape } from './photo';
import { Alert, Button, Icon } from './ui';
import { PHOTO_STEPS, stepNumber, STEPS, type PhotoStep, type Step } from '../ekyc';
import { t, type MessageKey } from '../i18n';
import { formatDay } from '../time';
import { compactCccd } from '../validation';

/* The parts of the eKYC screen (screens/Ekyc.tsx) that only show what they are given. */

export type Photos = Record<PhotoStep, Photo | null>;

export const STEP_TITLE: Record<Step, MessageKey> = {
  data: 'ekyc.step.data',
  cardFront: 'ekyc.step.cardFront',
  cardBack: 'ekyc.step.cardBack',
  selfie: 'ekyc.step.selfie',
  review: 'ekyc.step.review',
};

interface PhotoSpec {
  shape: PhotoShape;
  icon: string;
  tips: MessageKey[];
}

export const PHOTO: Record<PhotoStep, PhotoSpec> = {
  cardFront: {
    shape: 'card',
    icon: CARD_FRONT_ICON,
    tips: ['ekyc.tip.cardFlat', 'ekyc.tip.cardCorners', 'ekyc.tip.cardGlare'],
  },
  cardBack: { shape: 'card', icon: CARD_BACK_ICON, tips: ['ekyc.tip.cardFlat', 'ekyc.tip.cardCorners'] },
  selfie: {
    shape: 'face',
    icon: FACE_ICON,
    tips: ['ekyc.tip.light', 'ekyc.tip.noMask', 'ekyc.tip.straight'],
  },
};

export const CONFLICT_TITLE: Record<string, MessageKey> = {
  already_verified: 'ekyc.verifiedTitle',
  ekyc_case_open: 'ekyc.status.review',
};

/** Where the citizen is among the five steps (the dots are for the eye, the text for screen readers). */
export function Stepper({ step }: { step: Step }) {
  const index = stepNumber(step);
  return (
    <div class="stepper">
      <p class="step-count" aria-hidden="true">
        {t('ekyc.stepOf', { n: index, total: STEPS.length })}
      </p>
      <ol class="steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            class={i + 1 < index ? 'done' : i + 1 === index ? 'current' : 'todo'}
            aria-current={s === step ? 'step' : undefined}
          >
            <span class="sr-only">
              {t('ekyc.stepOf', { n: i + 1, total: STEPS.length })}: {t(STEP_TITLE[s])}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The API refused the case outright (already verified, a case already waiting): say why and where to go. */
export function ConflictCard(props: {
  conflict: { code: string; text: string };
  boxRef: Ref<HTMLDivElement>;
}) {
  return (
    <div
      class="card conflict"
      role="alert"
      tabIndex={-1}
      ref={props.boxRef}
      data-testid="ekyc-conflict"
      data-code={props.conflict.code}
    >
      <h2>{t(CONFLICT_TITLE[props.conflict.code] ?? 'error.title')}</h2>
      <p>{props.conflict.text}</p>
      <a
        class="btn btn-secondary"
        href={props.conflict.code === 'ekyc_case_open' ? '#/ekyc/cases' : '#/profile'}
      >
        {props.conflict.code === 'ekyc_case_open' ? t('ekyc.casesLink') : t('declare.backToProfile')}
      </a>
    </div>
  );
}

/** The last step: what will be sent, each part one tap from being changed, and the upload's progress. */
export function ReviewStep(props: {
  card: CardValues;
  photos: Photos;
  message: string | null;
  progress: number | null;
  headingRef: Ref<HTMLHeadingElement>;
  go: (step: Step) => void;
  onSend: () => void;
}) {
  return (
    <div class="card form scroll-target">
      <h2 class="step-title" tabIndex={-1} ref={props.headingRef}>
        {t(STEP_TITLE.review)}
      </h2>
      <Alert message={props.message} />
      <dl class="facts">
        <div>
          <dt>{t('profile.cccd')}</dt>
          <dd data-testid="ekyc-review-cccd">{compactCccd(props.card.cccdNumber)}</dd>
        </div>
        <div>
          <dt>{t('profile.fullName')}</dt>
          <dd>{props.card.fullName.trim()}</dd>
        </div>
        <div>
          <dt>{t('declare.dateOfBirth')}</dt>
          <dd>{formatDay(props.card.dateOfBirth)}</dd>
        </div>
        <div>
          <dt>{t('declare.sex')}</dt>
          <dd>{props.card.sex === 'female' ? t('declare.female') : t('declare.male')}</dd>
        </div>
      </dl>
      <Button type="button" variant="link" onClick={() => props.go('data')}>
        {t('ekyc.editData')}
      </Button>
      <ul class="thumbs">
        {PHOTO_STEPS.map((s) => (
          <li key={s}>
            <button
              type="button"
              class={`thumb thumb-${PHOTO[s].shape}`}
              onClick={() => props.go(s)}
              aria-label={`${t(STEP_TITLE[s])} — ${t('ekyc.change')}`}
            >
              {props.photos[s] ? (
                <img src={props.photos[s]?.url} alt="" data-testid={`ekyc-thumb-${s}`} />
              ) : (
                <Icon d={PHOTO[s].icon} />
              )}
              <span>{t(STEP_TITLE[s])}</span>
            </button>
          </li>
        ))}
      </ul>
      <p class="hint">{t('ekyc.privacy')}</p>
      {props.progress !== null && (
        <div class="upload" role="status" data-testid="ekyc-progress">
          <progress max={100} value={Math.round(props.progress * 100)} />
          <span>
            {props.progress < 1
              ? t('ekyc.uploading', { percent: Math.round(props.progress * 100) })
              : t('ekyc.checking')}
          </span>
        </div>
      )}
      <Button type="button" data-testid="ekyc-submit" busy={props.progress !== null} onClick={props.onSend}>
        {t('ekyc.submit')}
      </Button>
      <Button type="button" variant="secondary" onClick={() => props.go('selfie')}>
        {t('ekyc.back')}
      </Button>
    </div>
  );
}
