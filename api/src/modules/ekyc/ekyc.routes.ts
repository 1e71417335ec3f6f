import { route, type RouteSpec } from '../../platform/route.ts';
import { z } from '../../platform/zod.ts';
import { Problem } from '../../platform/openapi.ts';
import {
  SubmitCase,
  CaseView,
  CaseList,
  CaseParams,
  ImageParams,
  QueueQuery,
  QueuePage,
  CaseDetail,
  Decision,
  DeviceSelfie,
} from './ekyc.schemas.ts';
import { Session } from '../identity/identity.schemas.ts';
import { deviceHashOf, DeviceHeader } from '../identity/devices.ts';
import type { EkycService } from './ekyc.service.ts';

const tags = ['eKYC'];
const ImageBinary = z.string().openapi({ type: 'string', format: 'binary' });
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export function ekycRoutes(s: EkycService): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/auth/device-selfie',
      headers: DeviceHeader,
      tags,
      summary:
        'Finish signing in on a new phone (level-2 accounts): a selfie matched to the ID card portrait',
      description:
        'After `POST /auth/login` answered `new_device_selfie_required` with a ticket (password and SMS code already checked). Three tries per ticket; send the same `x-device-id`.',
      access: 'public',
      limit: 'auth',
      multipart: {
        maxBytes: MAX_IMAGE_BYTES,
        files: [{ name: 'selfie', required: true, description: 'A photo of the face, taken now' }],
      },
      body: DeviceSelfie,
      responses: {
        200: { description: 'Signed in; the phone is now known', schema: Session },
        401: { description: 'Invalid ticket, or the selfie does not match', schema: Problem },
      },
      handler: ({ body, files, actor, req }) =>
        s.deviceSelfie(body.ticket, files.selfie?.buffer as Buffer, actor, deviceHashOf(req)),
    }),
    route({
      method: 'post',
      path: '/ekyc/cases',
      tags,
      summary: 'Verify identity: ID card front and back + a selfie, with the declared card data',
      description:
        'Images are recognised by their bytes (JPEG, PNG, WebP; at most 8 MB each), turned upright and re-encoded without metadata, then stored encrypted. Faces on the card and the selfie are detected, aligned and compared in process (onnxruntime). Above the accept threshold the account reaches level 2 at once; below the reject threshold the case is rejected with the reason; in between, or on any anomaly, it waits for an officer.',
      access: 'user',
      multipart: {
        maxBytes: MAX_IMAGE_BYTES,
        files: [
          { name: 'cardFront', required: true, description: 'Front of the chip CCCD (with the portrait)' },
          { name: 'cardBack', required: true, description: 'Back of the card' },
          { name: 'selfie', required: true, description: 'A photo of the face, taken now' },
        ],
      },
      body: SubmitCase,
      responses: {
        201: { description: 'Case created with its outcome', schema: CaseView },
        400: { description: 'Inconsistent data or unusable images, each named', schema: Problem },
        409: { description: 'Already verified, or a case is waiting for review', schema: Problem },
        413: { description: 'An image is larger than 8 MB', schema: Problem },
      },
      handler: ({ auth, body, files, actor }) =>
        s.submit(
          auth.userId,
          body,
          {
            cardFront: files.cardFront?.buffer as Buffer,
            cardBack: files.cardBack?.buffer as Buffer,
            selfie: files.selfie?.buffer as Buffer,
          },
          actor,
        ),
    }),
    route({
      method: 'get',
      path: '/ekyc/cases',
      tags,
      summary: 'My verification cases, newest first',
      access: 'user',
      responses: { 200: { description: 'Cases', schema: CaseList } },
      handler: ({ auth }) => s.mine(auth.userId),
    }),
    route({
      method: 'get',
      path: '/ekyc/cases/{id}',
      tags,
      summary: 'One of my verification cases (another account’s answers 404)',
      access: 'user',
      params: CaseParams,
      responses: {
        200: { description: 'Case', schema: CaseView },
        404: { description: 'Not found', schema: Problem },
      },
      handler: ({ auth, params }) => s.mineOne(auth.userId, params.id),
    }),
    route({
      method: 'get',
      path: '/ekyc/review',
      tags,
      summary: 'Review queue: cases needing a person, oldest first (filter by reason, age, commune)',
      access: 'ekyc:review',
      query: QueueQuery,
      responses: { 200: { description: 'A page of cases', schema: QueuePage } },
      handler: ({ query }) => s.queue(query),
    }),
    route({
      method: 'get',
      path: '/ekyc/review/{id}',
      tags,
      summary: 'A case for review: declared vs QR data, score vs thresholds, earlier cases (audited)',
      access: 'ekyc:review',
      params: CaseParams,
      responses: {
        200: { description: 'Case', schema: CaseDetail },
        404: { description: 'Not found', schema: Problem },
      },
      handler: ({ params, actor }) => s.detail(params.id, actor),
    }),
    route({
      method: 'get',
      path: '/ekyc/review/{id}/images/{kind}',
      tags,
      summary: 'An image of a case: card front/back, selfie, or an aligned face crop (every view audited)',
      access: 'ekyc:review',
      params: ImageParams,
      responses: {
        200: {
          description: 'The image: JPEG for card and selfie photos, PNG for the 112×112 aligned face crops',
          contentType: 'image/*',
          schema: ImageBinary,
        },
        404: { description: 'No such image, or deleted by retention', schema: Problem },
      },
      handler: async ({ params, actor, res }) => {
        const img = await s.image(params.id, params.kind, actor);
        res.setHeader('Cache-Control', 'no-store');
        res.type(img.contentType).send(img.bytes);
      },
    }),
    route({
      method: 'post',
      path: '/ekyc/review/{id}/decision',
      tags,
      summary: 'Approve (identity level 2) or reject a case, with a reason (audited)',
      access: 'ekyc:review',
      params: CaseParams,
      body: Decision,
      responses: {
        200: { description: 'The decided case', schema: CaseDetail },
        409: { description: 'Already decided, or the number belongs to another account', schema: Problem },
      },
      handler: ({ params, body, actor }) => s.decide(params.id, body.decision, body.reason, actor),
    }),
  ];
}
