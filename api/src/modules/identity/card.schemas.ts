import { z } from '../../platform/zod.ts';
import { FullNameInput } from './identity.schemas.ts';

export const SexInput = z.enum(['male', 'female']).openapi('Sex');

export const CccdNumberInput = z
  .string()
  .max(20)
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .openapi({ type: 'string', example: '066204001234', description: '12 digits (spaces allowed)' });

export const DeclareIdentity = z
  .strictObject({
    cccdNumber: CccdNumberInput,
    fullName: FullNameInput,
    dateOfBirth: z.iso.date().describe('YYYY-MM-DD'),
    sex: SexInput,
    qrText: z
      .string()
      .max(600)
      .optional()
      .describe('The text read from the QR on the chip card, when scanned'),
  })
  .openapi('DeclareIdentity');

export const IdentityCard = z
  .object({
    cccdMasked: z.string(),
    fullName: z.string(),
    dateOfBirth: z.string(),
    sex: SexInput,
    birthProvince: z.string().describe('Province of birth registration (name at the time of the code)'),
    source: z.enum(['manual', 'qr']),
    identityLevel: z.number().int(),
    declaredAt: z.string().datetime(),
  })
  .openapi('IdentityCard');

export const ParseQrRequest = z
  .strictObject({ qrText: z.string().min(1).max(600) })
  .openapi('ParseQrRequest');

export const ParsedCccdQr = z
  .object({
    cccdNumber: z.string(),
    oldIdNumber: z.string().nullable(),
    fullName: z.string(),
    dateOfBirth: z.string(),
    sex: SexInput,
    address: z.string(),
    issuedOn: z.string(),
    extra: z.array(z.string()),
  })
  .openapi('ParsedCccdQr');

export const QrToken = z
  .object({
    token: z.string(),
    svg: z.string().describe('The token drawn as a QR code (SVG, error correction M)'),
    fullName: z.string(),
    cccdMasked: z.string(),
    identityLevel: z.number().int(),
    expiresAt: z.string().datetime(),
    expiresIn: z.number().int(),
  })
  .openapi('QrToken');

export const QrVerifyRequest = z
  .strictObject({ token: z.string().min(10).max(2000) })
  .openapi('QrVerifyRequest');

export const QrVerified = z
  .object({
    valid: z.literal(true),
    fullName: z.string(),
    cccdMasked: z.string().nullable(),
    identityLevel: z.number().int(),
    issuedAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
    verifiedAt: z.string().datetime(),
  })
  .openapi('QrVerified');
