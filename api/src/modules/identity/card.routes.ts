import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import {
  DeclareIdentity,
  IdentityCard,
  ParseQrRequest,
  ParsedCccdQr,
  QrToken,
  QrVerifyRequest,
  QrVerified,
} from './card.schemas.ts';
import type { CardService } from './card.service.ts';
import type { QrService } from './qr.service.ts';

const tags = ['Định danh (identity)'];

export function cardRoutes(s: { cards: CardService; qr: QrService }): RouteSpec[] {
  return [
    route({
      method: 'put',
      path: '/me/identity',
      tags,
      summary: 'Declare the citizen ID card (CCCD): identity level 1',
      description:
        'The number is checked against the province-of-birth codes, the declared sex and birth year; with `qrText` every field must match the card QR. One number, one account: a second account is refused and flagged for review. The number is stored encrypted.',
      access: 'user',
      body: DeclareIdentity,
      responses: {
        200: { description: 'Declared', schema: IdentityCard },
        400: { description: 'Inconsistent data, each mismatch named', schema: Problem },
        409: {
          description: 'Number used by another account, or identity already face-verified',
          schema: Problem,
        },
      },
      handler: ({ auth, body, actor }) => s.cards.declare(auth.userId, body, actor),
    }),
    route({
      method: 'get',
      path: '/me/identity',
      tags,
      summary: 'The declared ID card (number masked)',
      access: 'user',
      responses: {
        200: { description: 'Card', schema: IdentityCard },
        404: { description: 'Not declared', schema: Problem },
      },
      handler: ({ auth }) => s.cards.get(auth.userId),
    }),
    route({
      method: 'post',
      path: '/identity/cccd-qr',
      tags,
      summary: 'Parse the text of the QR printed on a chip CCCD (to prefill the form; it proves nothing)',
      access: 'user',
      body: ParseQrRequest,
      responses: {
        200: { description: 'Fields', schema: ParsedCccdQr },
        400: { description: 'Unreadable', schema: Problem },
      },
      handler: ({ body }) => s.cards.parseQr(body.qrText),
    }),
    route({
      method: 'get',
      path: '/qr/me',
      tags,
      summary: 'A fresh personal QR token (EdDSA, short-lived) — needs identity level 1',
      access: 'user',
      responses: {
        200: { description: 'Token for the QR', schema: QrToken },
        403: { description: 'identity_level_required', schema: Problem },
      },
      handler: ({ auth }) => s.qr.issue(auth.userId),
    }),
    route({
      method: 'post',
      path: '/qr/verify',
      tags,
      summary: 'Verify a scanned personal QR token online (a token is accepted once)',
      description: 'Anyone may verify; an officer who sends a bearer token is recorded as the verifier.',
      access: 'public',
      body: QrVerifyRequest,
      responses: {
        200: { description: 'Valid', schema: QrVerified },
        400: { description: 'qr_expired, qr_forged, qr_malformed or qr_revoked', schema: Problem },
        409: { description: 'qr_replayed', schema: Problem },
      },
      handler: ({ body, actor }) => s.qr.verify(body.token, actor),
    }),
  ];
}
