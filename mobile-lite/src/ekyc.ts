/**
 * Face verification (eKYC, identity level 2), the logic behind its screen: the order of the steps,
 * which step an API error belongs to, and where to start again after a refusal.
 */
export const STEPS = ['data', 'cardFront', 'cardBack', 'selfie', 'review'] as const;
export type Step = (typeof STEPS)[number];
export type PhotoStep = 'cardFront' | 'cardBack' | 'selfie';
export const PHOTO_STEPS: readonly PhotoStep[] = ['cardFront', 'cardBack', 'selfie'];

/** The card data, as the API names the fields (its field errors are `body.<name>`). */
export const DATA_FIELDS = ['cccdNumber', 'fullName', 'dateOfBirth', 'sex', 'qrText'] as const;
export type DataField = (typeof DATA_FIELDS)[number];
/** Every field an API error may name, for `attempt(…, fields)`. */
export const CASE_FIELDS: readonly string[] = [...DATA_FIELDS, ...PHOTO_STEPS];

export function stepNumber(step: Step): number {
  return STEPS.indexOf(step) + 1;
}

export function stepAfter(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)] ?? 'review';
}

export function stepBefore(step: Step): Step {
  return STEPS[Math.max(STEPS.indexOf(step) - 1, 0)] ?? 'data';
}

export function isPhotoStep(step: Step): step is PhotoStep {
  return (PHOTO_STEPS as readonly string[]).includes(step);
}

/**
 * The step that shows an error about `path`: `files.cardFront` (or just `cardFront`) is the photo of the
 * card's front, `body.cccdNumber` and the other declared fields are the card data. Unknown: null.
 */
export function stepOfField(path: string): Step | null {
  const name = path.split(/[./]/).filter(Boolean).pop() ?? '';
  if ((PHOTO_STEPS as readonly string[]).includes(name)) return name as PhotoStep;
  if ((DATA_FIELDS as readonly string[]).includes(name)) return 'data';
  return null;
}

/** Of the fields an error names, the earliest step: the citizen corrects in order. */
export function firstStepWithError(paths: readonly string[]): Step | null {
  const steps = paths.map(stepOfField).filter((s): s is Step => s !== null);
  if (!steps.length) return null;
  return STEPS.find((s) => steps.includes(s)) ?? null;
}

/**
 * After a refusal ("Chụp lại"): which photos to take again and where to start. A selfie problem
 * (`selfie_no_face`…) needs only a new selfie; a card portrait problem, a new front; a face that does not
 * match the card, both (the card may be blurred, the selfie badly lit). The card data and the back stay.
 */
export function retakePlan(reasons: readonly string[]): { step: Step; retake: PhotoStep[] } {
  const selfie = reasons.some((r) => r.startsWith('selfie_'));
  const card = reasons.some((r) => r.startsWith('card_'));
  if (selfie && !card) return { step: 'selfie', retake: ['selfie'] };
  if (card && !selfie) return { step: 'cardFront', retake: ['cardFront'] };
  return { step: 'cardFront', retake: ['cardFront', 'selfie'] };
}

/** The first step not yet done, given which are: sending is possible only when this is 'review'. */
export function firstIncomplete(done: { data: boolean } & Record<PhotoStep, boolean>): Step {
  if (!done.data) return 'data';
  return PHOTO_STEPS.find((s) => !done[s]) ?? 'review';
}

export type CaseStatus = 'approved' | 'rejected' | 'review';

/** Green for approved, amber for waiting, red for refused. */
export function caseTone(status: CaseStatus): 'ok' | 'warn' | 'bad' {
  return status === 'approved' ? 'ok' : status === 'review' ? 'warn' : 'bad';
}
