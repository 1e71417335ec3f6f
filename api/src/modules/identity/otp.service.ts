import { randomInt } from 'node:crypto';
import { Op, QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Logger } from 'pino';
import { OtpCode, User } from './identity.models.ts';
import { hashOtp, verifySecret } from '../../platform/auth/passwords.ts';
import { Conflict, RateLimited, ServiceUnavailable, ValidationError } from '../../platform/errors.ts';
import type { SmsProvider } from './sms.ts';

export const OTP_TTL_SECONDS = 300;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_ATTEMPTS = 5;

export type OtpPurpose = 'register' | 'login' | 'reset';

// SMS text without diacritics: GSM-7 keeps it to one message on every phone.
const PURPOSE_VI: Record<OtpPurpose, string> = {
  register: 'dang ky tai khoan',
  login: 'dang nhap',
  reset: 'dat lai mat khau',
};

export interface OtpDeps {
  sequelize: Sequelize;
  sms: SmsProvider;
  log: Logger;
  maxPerPhonePerHour: number;
}

export function createOtpService(deps: OtpDeps) {
  const { sequelize, sms } = deps;

  /** Send a code; for login/reset to an unknown number, answer the same but send nothing. */
  async function request(phone: string, purpose: OtpPurpose, ip: string | null) {
    const answer = { phone, expiresIn: OTP_TTL_SECONDS, resendAfter: OTP_RESEND_SECONDS };
    const user = await User.findOne({ where: { phone }, attributes: ['id', 'status'] });
    if (purpose === 'register' && user)
      throw new Conflict('phone_taken', {
        vi: 'Số điện thoại này đã được đăng ký. Hãy đăng nhập hoặc dùng "Quên mật khẩu".',
        en: 'This phone number is already registered. Sign in or use "Forgot password".',
      });
    if (purpose !== 'register' && (!user || user.status !== 'active')) return answer;

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const codeHash = await hashOtp(code);
    const created = await sequelize.transaction(async (t) => {
      // Serialise requests for one number so two parallel calls cannot both pass the checks.
      await sequelize.query('SELECT pg_advisory_xact_lock(hashtext(:phone))', {
        replacements: { phone },
        transaction: t,
        type: QueryTypes.SELECT,
      });
      const last = await OtpCode.findOne({
        where: { phone, purpose },
        order: [['createdAt', 'DESC']],
        transaction: t,
      });
      if (last) {
        const wait = OTP_RESEND_SECONDS - (Date.now() - last.createdAt.getTime()) / 1000;
        if (wait > 0)
          throw new RateLimited(Math.ceil(wait), 'otp_resend_too_soon', {
            vi: `Vui lòng đợi ${Math.ceil(wait)} giây trước khi yêu cầu mã mới.`,
            en: `Wait ${Math.ceil(wait)} seconds before asking for a new code.`,
          });
      }
      const hourAgo = new Date(Date.now() - 3600_000);
      const recent = await OtpCode.findAll({
        where: { phone, createdAt: { [Op.gt]: hourAgo } },
        attributes: ['createdAt'],
        order: [['createdAt', 'ASC']],
        transaction: t,
      });
      if (recent.length >= deps.maxPerPhonePerHour) {
        const retry = 3600 - (Date.now() - (recent[0] as OtpCode).createdAt.getTime()) / 1000;
        throw new RateLimited(Math.ceil(retry), 'otp_quota', {
          vi: 'Số điện thoại này đã nhận quá nhiều mã trong một giờ. Vui lòng thử lại sau.',
          en: 'Too many codes were sent to this number in the last hour. Try again later.',
        });
      }
      // Only the newest code of a purpose is valid.
      await OtpCode.update(
        { consumedAt: new Date() },
        { where: { phone, purpose, consumedAt: null }, transaction: t },
      );
      return OtpCode.create(
        { phone, purpose, codeHash, ip, expiresAt: new Date(Date.now() + OTP_TTL_SECONDS * 1000) },
        { transaction: t },
      );
    });
    try {
      await sms.send(
        phone,
        `Ma xac thuc Dak Lak ID de ${PURPOSE_VI[purpose]}: ${code}. Hieu luc 5 phut. Khong chia se ma nay cho bat ky ai.`,
      );
    } catch (err) {
      deps.log.error({ err }, 'sms send failed');
      await created.destroy();
      throw new ServiceUnavailable('sms_unavailable', {
        vi: 'Chưa gửi được tin nhắn. Vui lòng thử lại sau ít phút.',
        en: 'The text message could not be sent. Try again in a few minutes.',
      });
    }
    return answer;
  }

  /**
   * Check a code and consume it inside the caller's transaction. Each try is reserved first by an
   * atomic, autocommitted counter update, so parallel guesses cannot exceed the limit and a wrong
   * try stays counted even though the caller's transaction then fails.
   */
  async function consume(phone: string, purpose: OtpPurpose, code: string, t: Transaction): Promise<void> {
    const row = await OtpCode.findOne({
      where: { phone, purpose, consumedAt: null },
      order: [['createdAt', 'DESC']],
      transaction: t,
    });
    if (!row)
      throw new ValidationError('otp_invalid', {
        vi: 'Mã xác thực không đúng hoặc đã được dùng. Hãy yêu cầu mã mới.',
        en: 'The code is wrong or already used. Ask for a new one.',
      });
    if (row.expiresAt.getTime() < Date.now())
      throw new ValidationError('otp_expired', {
        vi: 'Mã xác thực đã hết hạn (5 phút). Hãy yêu cầu mã mới.',
        en: 'The code has expired (5 minutes). Ask for a new one.',
      });
    const reserved = await sequelize.query<{ attempts: number }>(
      'UPDATE otp_codes SET attempts = attempts + 1 WHERE id = :id AND attempts < :max RETURNING attempts',
      { replacements: { id: row.id, max: OTP_MAX_ATTEMPTS }, type: QueryTypes.SELECT },
    );
    const attempt = reserved[0]?.attempts;
    if (attempt === undefined)
      throw new ValidationError('otp_exhausted', {
        vi: 'Bạn đã nhập sai quá 5 lần. Hãy yêu cầu mã mới.',
        en: 'Too many wrong tries. Ask for a new code.',
      });
    if (!(await verifySecret(row.codeHash, code))) {
      const left = OTP_MAX_ATTEMPTS - attempt;
      throw new ValidationError('otp_invalid', {
        vi:
          left > 0
            ? `Mã xác thực không đúng. Còn ${left} lần thử.`
            : 'Mã xác thực không đúng. Hãy yêu cầu mã mới.',
        en: left > 0 ? `Wrong code. ${left} tries left.` : 'Wrong code. Ask for a new one.',
      });
    }
    const consumed = await sequelize.query(
      'UPDATE otp_codes SET consumed_at = now() WHERE id = :id AND consumed_at IS NULL RETURNING id',
      { replacements: { id: row.id }, type: QueryTypes.SELECT, transaction: t },
    );
    if (consumed.length === 0)
      throw new ValidationError('otp_invalid', {
        vi: 'Mã xác thực đã được dùng. Hãy yêu cầu mã mới.',
        en: 'The code was already used. Ask for a new one.',
      });
  }

  return { request, consume };
}

export type OtpService = ReturnType<typeof createOtpService>;
