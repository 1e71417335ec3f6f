import { z } from '../../platform/zod.ts';
import { PhoneInput } from './identity.schemas.ts';

/** WebAuthn JSON (as produced by PublicKeyCredential.toJSON() or @simplewebauthn/browser), checked in depth by the verifier. */
const CredentialJson = z
  .looseObject({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal('public-key'),
    response: z.looseObject({ clientDataJSON: z.string().max(4096) }),
  })
  .openapi('WebAuthnCredentialJSON');

export const PasskeyOptions = z
  .object({ challengeId: z.string().uuid(), options: z.record(z.string(), z.unknown()) })
  .openapi('PasskeyOptions');

export const PasskeyRegisterVerify = z
  .strictObject({
    challengeId: z.string().uuid(),
    response: CredentialJson,
    name: z.string().trim().min(1).max(60).optional(),
  })
  .openapi('PasskeyRegisterVerify');

export const PasskeyLoginOptionsRequest = z
  .strictObject({ phone: PhoneInput.optional() })
  .openapi('PasskeyLoginOptionsRequest');

export const PasskeyLoginVerify = z
  .strictObject({ challengeId: z.string().uuid(), response: CredentialJson })
  .openapi('PasskeyLoginVerify');

export const PasskeyDto = z
  .object({
    id: z.string(),
    name: z.string(),
    deviceType: z.string(),
    backedUp: z.boolean(),
    createdAt: z.string().datetime(),
    lastUsedAt: z.string().datetime().nullable(),
  })
  .openapi('Passkey');

export const PasskeyList = z.object({ items: z.array(PasskeyDto) }).openapi('PasskeyList');
export const PasskeyParams = z.strictObject({ id: z.string().min(1).max(1024) });

export const PasskeyRename = z
  .strictObject({ name: z.string().trim().min(1).max(60) })
  .openapi('PasskeyRename');
