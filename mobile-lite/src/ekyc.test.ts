import { describe, expect, it } from 'vitest';
import {
  caseTone,
  firstIncomplete,
  firstStepWithError,
  retakePlan,
  stepAfter,
  stepBefore,
  stepNumber,
  stepOfField,
  STEPS,
} from './ekyc';

describe('eKYC steps', () => {
  it('go data → card front → card back → selfie → review, and back', () => {
    expect(STEPS).toEqual(['data', 'cardFront', 'cardBack', 'selfie', 'review']);
    expect(stepAfter('data')).toBe('cardFront');
    expect(stepAfter('selfie')).toBe('review');
    expect(stepAfter('review')).toBe('review');
    expect(stepBefore('cardFront')).toBe('data');
    expect(stepBefore('data')).toBe('data');
    expect(STEPS.map(stepNumber)).toEqual([1, 2, 3, 4, 5]);
  });

  it('the review opens only when the data and the three photos are there', () => {
    const none = { data: false, cardFront: false, cardBack: false, selfie: false };
    expect(firstIncomplete(none)).toBe('data');
    expect(firstIncomplete({ ...none, data: true })).toBe('cardFront');
    expect(firstIncomplete({ ...none, data: true, cardFront: true, selfie: true })).toBe('cardBack');
    expect(firstIncomplete({ data: true, cardFront: true, cardBack: true, selfie: true })).toBe('review');
  });
});

describe('API errors go to their step', () => {
  it('maps file and body paths', () => {
    expect(stepOfField('files.cardFront')).toBe('cardFront');
    expect(stepOfField('files.cardBack')).toBe('cardBack');
    expect(stepOfField('files.selfie')).toBe('selfie');
    expect(stepOfField('body.cccdNumber')).toBe('data');
    expect(stepOfField('/body/dateOfBirth')).toBe('data');
    expect(stepOfField('qrText')).toBe('data');
    expect(stepOfField('selfie')).toBe('selfie');
    expect(stepOfField('body.somethingElse')).toBeNull();
  });

  it('several errors: the earliest step wins', () => {
    expect(firstStepWithError(['files.selfie', 'files.cardBack'])).toBe('cardBack');
    expect(firstStepWithError(['files.selfie', 'body.cccdNumber'])).toBe('data');
    expect(firstStepWithError(['body.unknown'])).toBeNull();
    expect(firstStepWithError([])).toBeNull();
  });
});

describe('after a refusal', () => {
  it('a selfie problem retakes only the selfie', () => {
    expect(retakePlan(['selfie_no_face'])).toEqual({ step: 'selfie', retake: ['selfie'] });
    expect(retakePlan(['selfie_face_too_small', 'selfie_unreadable_image'])).toEqual({
      step: 'selfie',
      retake: ['selfie'],
    });
  });

  it('a card portrait problem retakes the front', () => {
    expect(retakePlan(['card_no_face'])).toEqual({ step: 'cardFront', retake: ['cardFront'] });
  });

  it('a face that does not match retakes the front and the selfie', () => {
    expect(retakePlan(['similarity_below_reject_threshold'])).toEqual({
      step: 'cardFront',
      retake: ['cardFront', 'selfie'],
    });
    expect(retakePlan([])).toEqual({ step: 'cardFront', retake: ['cardFront', 'selfie'] });
    expect(retakePlan(['card_no_face', 'selfie_no_face']).step).toBe('cardFront');
  });

  it('tones', () => {
    expect(caseTone('approved')).toBe('ok');
    expect(caseTone('review')).toBe('warn');
    expect(caseTone('rejected')).toBe('bad');
  });
});
