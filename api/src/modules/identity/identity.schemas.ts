import { z } from '../../platform/zod.ts';
import { bilingualIssue } from '../../platform/validation.ts';
import { checkPhone } from './phone.ts';
import { ROLES } from '../../platform/auth/permissions.ts';

export const PhoneInput = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const r = checkPhone(value);
    if (r.ok) return r.e164;
    ctx.addIssue({
      code: 'custom',
      ...(r.reason === 'format'
        ? bilingualIssue(
            'phone_format',
            'Số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (hoặc +84).',
            'The phone number must have 10 digits starting with 0 (or +84).',
          )
        : bilingualIssue(
            'phone_prefix',
            'Đầu số không thuộc nhà mạng di động Việt Nam nào.',
            'This prefix does not belong to any Vietnamese mobile carrier.',
          )),
    });
    return z.NEVER;
  })
  .openapi({ type: 'string', example: '0905123456', description: '0xxxxxxxxx, 84xxxxxxxxx or +84xxxxxxxxx' });

export const OtpCodeInput = z
  .string()
  .refine(
    (s) => /^\d{6}$/.test(s),
    bilingualIssue('otp_format', 'Mã xác thực gồm 6 chữ số.', 'The code has 6 digits.'),
  )
  .openapi({ example: '123456', pattern: '^\\d{6}$' });

export const PasswordInput = z
  .string()
  .min(8)
  .max(128)
  .refine(
    (p) => /\p{L}/u.test(p) && /\d/.test(p),
    bilingualIssue(
      'password_weak',
      'Mật khẩu cần ít nhất 8 ký tự, có cả chữ và số.',
      'The password needs at least 8 characters with both letters and digits.',
    ),
  )
  .openapi({ example: 'MatKhau2026' });

export const FullNameInput = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .refine(
    (s) => /^[\p{L}\p{M}' .-]+$/u.test(s),
    bilingualIssue(
      'name_chars',
      'Họ tên chỉ gồm chữ cái và khoảng trắng.',
      'A name holds only letters and spaces.',
    ),
  )
  .openapi({ example: 'Nguyễn Văn An' });

export const OtpPurpose = z.enum(['register', 'login', 'reset']);

export const OtpRequest = z.strictObject({ phone: PhoneInput, purpose: OtpPurpose }).openapi('OtpRequest');
export const OtpSent = z
  .object({
    phone: z.string().describe('The number in E.164'),
    expiresIn: z.number().int().describe('Seconds the code stays valid'),
    resendAfter: z.number().int().describe('Seconds before another code can be requested'),
  })
  .openapi('OtpSent');

export const RegisterRequest = z
  .strictObject({ phone: PhoneInput, otp: OtpCodeInput, password: PasswordInput, fullName: FullNameInput })
  .openapi('RegisterRequest');

export const LoginRequest = z
  .strictObject({
    phone: PhoneInput,
    password: z.string().min(1).max(128).optional(),
    otp: OtpCodeInput.optional(),
  })
  .refine(
    (b) => b.password !== undefined || b.otp !== undefined,
    bilingualIssue(
      'password_or_otp',
      'Nhập mật khẩu hoặc mã xác thực.',
      'Give a password or a one-time code (both on a new phone).',
    ),
  )
  .openapi('LoginRequest');

export const RefreshRequest = z
  .strictObject({ refreshToken: z.string().min(10).max(200) })
  .openapi('RefreshRequest');

export const PasswordResetRequest = z
  .strictObject({ phone: PhoneInput, otp: OtpCodeInput, password: PasswordInput })
  .openapi('PasswordResetRequest');

export const PasswordChangeRequest = z
  .strictObject({ currentPassword: z.string().min(1).max(128), newPassword: PasswordInput })
  .openapi('PasswordChangeRequest');

export const RoleName = z.enum(ROLES).openapi('Role');

export const Me = z
  .object({
    id: z.string().uuid(),
    phone: z.string(),
    fullName: z.string(),
    roles: z.array(RoleName),
    permissions: z.array(z.string()),
    identityLevel: z.number().int().min(0).max(2),
    createdAt: z.string().datetime(),
  })
  .openapi('Me');

export const MeUpdate = z.strictObject({ fullName: FullNameInput }).openapi('MeUpdate');

export const Session = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
    user: Me,
  })
  .openapi('Session');

export type MeDto = z.infer<typeof Me>;
export type SessionDto = z.infer<typeof Session>;
