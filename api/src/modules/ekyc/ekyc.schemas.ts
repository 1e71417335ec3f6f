import { z } from '../../platform/zod.ts';
import { CccdNumberInput, SexInput } from '../identity/card.schemas.ts';
import { FullNameInput } from '../identity/identity.schemas.ts';

const Bilingual = z.object({ vi: z.string(), en: z.string() });
const Status = z.enum(['approved', 'rejected', 'review']).openapi('EkycStatus');
export const ImageKindInput = z.enum(['card_front', 'card_back', 'selfie', 'card_face', 'selfie_face']);

export const SubmitCase = z
  .strictObject({
    cccdNumber: CccdNumberInput,
    fullName: FullNameInput,
    dateOfBirth: z.iso.date(),
    sex: SexInput,
    qrText: z.string().max(600).optional(),
  })
  .openapi('EkycSubmit');

export const CaseView = z
  .object({
    id: z.string().uuid(),
    status: Status,
    reasons: z.array(z.string()),
    similarity: z.number().nullable(),
    nextStep: Bilingual,
    decisionReason: z.string().nullable(),
    createdAt: z.string().datetime(),
    decidedAt: z.string().datetime().nullable(),
  })
  .openapi('EkycCase');

export const CaseList = z
  .object({
    items: z.array(CaseView),
    imageRetentionDays: z.number().int().describe('Days raw images are kept after a decision'),
  })
  .openapi('EkycCaseList');
export const CaseParams = z.strictObject({ id: z.string().uuid() });
export const ImageParams = z.strictObject({ id: z.string().uuid(), kind: ImageKindInput });

export const QueueQuery = z
  .strictObject({
    reason: z.string().max(60).optional(),
    minAgeHours: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .optional(),
    commune: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .openapi('EkycQueueQuery');

export const QueueItem = z
  .object({
    id: z.string().uuid(),
    userId: z.string().uuid(),
    fullName: z.string(),
    phone: z.string(),
    cccdMasked: z.string(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    reasons: z.array(z.string()),
    similarity: z.number().nullable(),
    thresholds: z.object({ accept: z.number(), reject: z.number() }),
    createdAt: z.string().datetime(),
  })
  .openapi('EkycQueueItem');

export const QueuePage = z
  .object({
    items: z.array(QueueItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('EkycQueuePage');

const Declared = z.object({
  cccdNumber: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  sex: SexInput,
});

export const CaseDetail = z
  .object({
    id: z.string().uuid(),
    status: Status,
    user: z.object({
      id: z.string().uuid(),
      fullName: z.string(),
      phone: z.string(),
      identityLevel: z.number().int(),
    }),
    declared: Declared,
    qr: z
      .object({
        cccdNumber: z.string(),
        fullName: z.string(),
        dateOfBirth: z.string(),
        sex: SexInput,
        address: z.string(),
        issuedOn: z.string(),
      })
      .nullable(),
    reasons: z.array(z.string()),
    similarity: z.number().nullable(),
    thresholds: z.object({ accept: z.number(), reject: z.number() }),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    qrMismatch: z
      .array(z.enum(['cccdNumber', 'fullName', 'dateOfBirth', 'sex']))
      .describe('Declared fields that differ from the card QR'),
    images: z.array(ImageKindInput),
    imagesDeletedAt: z.string().datetime().nullable(),
    earlierCases: z.array(
      z.object({
        id: z.string().uuid(),
        userId: z.string().uuid(),
        sameAccount: z.boolean(),
        fullName: z.string(),
        phone: z.string(),
        status: Status,
        similarity: z.number().nullable(),
        createdAt: z.string().datetime(),
      }),
    ),
    decisionReason: z.string().nullable(),
    createdAt: z.string().datetime(),
    decidedAt: z.string().datetime().nullable(),
  })
  .openapi('EkycCaseDetail');

export const Decision = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().min(3).max(500) })
  .openapi('EkycDecision');

export const DeviceSelfie = z.strictObject({ ticket: z.string().uuid() }).openapi('DeviceSelfie');
