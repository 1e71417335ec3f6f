import { randomUUID } from 'node:crypto';
import { QueryTypes, UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import type { Config } from '../../config.ts';
import { User, UserRole, RefreshToken } from './identity.models.ts';
import type { OtpService } from './otp.service.ts';
import type { DeviceRegistry } from './devices.ts';
import { deviceOf, type SessionService } from './sessions.service.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { hashPassword, verifySecret, burnVerifyTime } from '../../platform/auth/passwords.ts';
import { newRefreshSecret, parseRefreshToken, sha256, type TokenSigner } from '../../platform/auth/tokens.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { Conflict, Forbidden, NotFound, RateLimited, Unauthenticated } from '../../platform/errors.ts';
import type { SessionDto } from './identity.schemas.ts';
import { createProfileService, toMe } from './profile.service.ts';

export interface IdentityDeps {
  sequelize: Sequelize;
  config: Config;
  signer: TokenSigner;
  otp: OtpService;
  devices: DeviceRegistry;
  sessions: SessionService;
  notifications: NotificationService;
}

const DEVICE_TICKET_MINUTES = 10;

const INVALID_CREDENTIALS = {
  vi: 'Số điện thoại hoặc mật khẩu không đúng.',
  en: 'Wrong phone number or password.',
};

async function rolesOf(userId: string, t?: Transaction): Promise<Role[]> {
  const rows = await UserRole.findAll({ where: { userId }, attributes: ['role'], transaction: t });
  return rows.map((r) => r.role as Role).sort();
}

export function createIdentityService(deps: IdentityDeps) {
  const { sequelize, config, signer, otp } = deps;
  const profile = createProfileService(deps);
  const refreshTtlMs = config.REFRESH_TOKEN_TTL_DAYS * 86400_000;

  async function issueSession(
    user: User,
    actor: AuditActor,
    t: Transaction,
    familyId: string = randomUUID(),
  ): Promise<SessionDto> {
    const roles = await rolesOf(user.id, t);
    const { secret, digest } = newRefreshSecret();
    const row = await RefreshToken.create(
      {
        familyId,
        userId: user.id,
        tokenHash: digest,
        expiresAt: new Date(Date.now() + refreshTtlMs),
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      { transaction: t },
    );
    const accessToken = await signer.issueAccess({ sub: user.id, roles, sid: familyId });
    return {
      accessToken,
      refreshToken: `${row.id}.${secret}`,
      tokenType: 'Bearer',
      expiresIn: config.ACCESS_TOKEN_TTL_SECONDS,
      user: toMe(user, roles),
    };
  }

  async function register(
    input: { phone: string; otp: string; password: string; fullName: string },
    actor: AuditActor,
    deviceHash: string | null = null,
  ): Promise<SessionDto> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await sequelize.transaction(async (t) => {
        if (await User.findOne({ where: { phone: input.phone }, transaction: t }))
          throw new Conflict('phone_taken', {
            vi: 'Số điện thoại này đã được đăng ký. Hãy đăng nhập.',
            en: 'This phone number is already registered. Sign in instead.',
          });
        await otp.consume(input.phone, 'register', input.otp, t);
        const user = await User.create(
          { phone: input.phone, fullName: input.fullName, passwordHash, lastLoginAt: new Date() },
          { transaction: t },
        );
        await UserRole.create({ userId: user.id, role: 'citizen' }, { transaction: t });
        await audit(
          { ...actor, userId: user.id },
          { action: 'user.register', entityType: 'user', entityId: user.id },
          t,
        );
        // The phone used at sign-up (proven by its SMS code) is the account's first known device.
        await deps.devices.remember(user.id, deviceHash, actor.userAgent, t);
        return issueSession(user, actor, t);
      });
    } catch (err) {
      if (err instanceof UniqueConstraintError)
        throw new Conflict('phone_taken', {
          vi: 'Số điện thoại này đã được đăng ký. Hãy đăng nhập.',
          en: 'This phone number is already registered. Sign in instead.',
        });
      throw err;
    }
  }

  function assertUsable(user: User): void {
    if (user.status !== 'active')
      throw new Forbidden('account_disabled', {
        vi: 'Tài khoản đã bị khoá. Vui lòng liên hệ tổng đài hỗ trợ.',
        en: 'This account is disabled. Contact support.',
      });
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      const wait = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000);
      throw new RateLimited(wait, 'account_locked', {
        vi: `Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Thử lại sau ${Math.ceil(wait / 60)} phút hoặc đặt lại mật khẩu.`,
        en: `Too many wrong passwords: the account is locked for ${Math.ceil(wait / 60)} minutes. Try later or reset the password.`,
      });
    }
  }

  async function recordFailure(user: User, actor: AuditActor): Promise<never> {
    const [row] = await sequelize.query<{ failed_logins: number; locked_until: Date | null }>(
      `UPDATE users SET
         failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN failed_logins + 1 >= :max THEN now() + make_interval(mins => :mins) ELSE locked_until END
       WHERE id = :id RETURNING failed_logins, locked_until`,
      {
        replacements: { id: user.id, max: config.LOGIN_MAX_FAILURES, mins: config.LOGIN_LOCK_MINUTES },
        type: QueryTypes.SELECT,
      },
    );
    if (row?.locked_until && row.failed_logins === 0) {
      await audit(actor, { action: 'auth.locked', entityType: 'user', entityId: user.id });
      const wait = config.LOGIN_LOCK_MINUTES * 60;
      throw new RateLimited(wait, 'account_locked', {
        vi: `Nhập sai mật khẩu quá ${config.LOGIN_MAX_FAILURES} lần: tài khoản tạm khoá ${config.LOGIN_LOCK_MINUTES} phút. Bạn có thể đặt lại mật khẩu.`,
        en: `Too many wrong passwords: the account is locked for ${config.LOGIN_LOCK_MINUTES} minutes. You can reset the password.`,
      });
    }
    const left = config.LOGIN_MAX_FAILURES - (row?.failed_logins ?? 0);
    throw new Unauthenticated('invalid_credentials', {
      vi: `${INVALID_CREDENTIALS.vi} Còn ${left} lần thử trước khi tài khoản bị tạm khoá.`,
      en: `${INVALID_CREDENTIALS.en} ${left} tries left before the account is locked.`,
    });
  }

  async function login(
    input: { phone: string; password?: string | undefined; otp?: string | undefined },
    actor: AuditActor,
    deviceHash: string | null = null,
  ) {
    const user = await User.findOne({ where: { phone: input.phone } });
    if (!user) {
      if (input.password !== undefined) await burnVerifyTime(input.password);
      throw new Unauthenticated('invalid_credentials', INVALID_CREDENTIALS);
    }
    assertUsable(user);
    if (input.password !== undefined) {
      if (!user.passwordHash || !(await verifySecret(user.passwordHash, input.password)))
        await recordFailure(user, { ...actor, userId: user.id });
    }
    const device = await deps.devices.status(user.id, deviceHash);
    if (device === 'unknown' && input.otp === undefined) {
      // A new phone: the password alone is not enough. A code goes to the account's number.
      let resendAfter = 60;
      let codeSent = true;
      try {
        resendAfter = (await otp.request(user.phone, 'login', actor.ip)).resendAfter;
      } catch (err) {
        if (!(err instanceof RateLimited)) throw err;
        resendAfter = Number(err.extra.retryAfter ?? 60);
        // Too soon: the code sent under a minute ago still works. Over the hourly quota: nothing went out now.
        codeSent = err.code !== 'otp_quota';
      }
      const minutes = Math.ceil(resendAfter / 60);
      throw new Unauthenticated(
        'new_device_otp_required',
        codeSent
          ? {
              vi: 'Bạn đăng nhập trên một điện thoại mới. Nhập mã xác thực vừa gửi đến số điện thoại của tài khoản.',
              en: 'You are signing in on a new phone. Enter the code just sent to the account’s number.',
            }
          : {
              vi: `Bạn đăng nhập trên một điện thoại mới, nhưng số điện thoại của tài khoản đã nhận quá nhiều mã trong một giờ nên lần này chưa gửi mã mới. Nếu còn mã nhận trong 5 phút qua, hãy nhập mã đó; nếu không, hãy thử lại sau ${minutes} phút.`,
              en: `You are signing in on a new phone, but the account’s number has received too many codes this hour, so no new code was sent. Enter a code received in the last 5 minutes, or try again in ${minutes} minutes.`,
            },
        { extra: { resendAfter, codeSent } },
      );
    }
    const outcome = await sequelize.transaction(async (t) => {
      if (input.otp !== undefined) await otp.consume(input.phone, 'login', input.otp, t);
      if (device === 'unknown' && user.identityLevel >= 2 && (await hasFacePrint(user.id, t))) {
        // Level 2 on a new phone: the code is spent, a ticket lets the selfie step finish the sign-in.
        const [row] = await sequelize.query<{ id: string }>(
          `INSERT INTO device_tickets (user_id, device_hash, expires_at)
           VALUES (:userId, :deviceHash, now() + make_interval(mins => :mins)) RETURNING id`,
          {
            replacements: { userId: user.id, deviceHash: deviceHash ?? '', mins: DEVICE_TICKET_MINUTES },
            type: QueryTypes.SELECT,
            transaction: t,
          },
        );
        return { ticket: row?.id as string };
      }
      await signedInFrom(user.id, deviceHash, actor, t);
      return {
        session: await startSession(
          user,
          actor,
          input.otp ? (input.password ? 'password+otp' : 'otp') : 'password',
          t,
        ),
      };
    });
    if ('session' in outcome) return outcome.session;
    throw new Unauthenticated(
      'new_device_selfie_required',
      {
        vi: 'Tài khoản đã định danh mức 2: trên điện thoại mới, hãy chụp ảnh chân dung để đối chiếu với ảnh trên thẻ CCCD.',
        en: 'This account is at identity level 2: on a new phone, take a selfie to match against your ID card photo.',
      },
      { extra: { ticket: outcome.ticket, expiresInMinutes: DEVICE_TICKET_MINUTES } },
    );
  }

  async function hasFacePrint(userId: string, t: Transaction): Promise<boolean> {
    const rows = await sequelize.query(
      'SELECT 1 FROM citizen_identities WHERE user_id = :userId AND face_embedding_sealed IS NOT NULL',
      { replacements: { userId }, type: QueryTypes.SELECT, transaction: t },
    );
    return rows.length > 0;
  }

  /**
   * The phone of a sign-in joins the account's phones; when it is a new one beside phones it already had, the
   * account's owner is told in the app, with what to do if it was not them.
   */
  async function signedInFrom(userId: string, deviceHash: string | null, actor: AuditActor, t: Transaction) {
    if ((await deps.devices.remember(userId, deviceHash, actor.userAgent, t)) !== 'new') return;
    const d = deviceOf(actor.userAgent);
    const name = [d.browser, d.os].filter(Boolean).join(' · ');
    const where = {
      vi: `${name || 'một thiết bị không rõ'}${actor.ip ? ` (IP ${actor.ip})` : ''}`,
      en: `${name || 'an unknown device'}${actor.ip ? ` (IP ${actor.ip})` : ''}`,
    };
    await deps.notifications.notify(
      userId,
      {
        kind: 'security.new_device',
        title: { vi: 'Đăng nhập trên thiết bị mới', en: 'Signed in on a new device' },
        body: {
          vi: `Tài khoản của bạn vừa đăng nhập trên ${where.vi}. Nếu không phải bạn, hãy vào Hồ sơ → Thiết bị đã đăng nhập để đăng xuất thiết bị đó, rồi đổi mật khẩu.`,
          en: `Your account just signed in on ${where.en}. If it was not you, open Profile → Signed-in devices to sign that device out, then change your password.`,
        },
        link: '#/profile',
      },
      t,
    );
  }

  /** The end of every successful sign-in: reset the failure count, open a session, audit operators. */
  async function startSession(
    user: User,
    actor: AuditActor,
    method: string,
    t: Transaction,
  ): Promise<SessionDto> {
    await user.update({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }, { transaction: t });
    const session = await issueSession(user, { ...actor, userId: user.id }, t);
    // Operators' sign-ins are part of the audit trail (who could act, from where, when).
    if (session.user.permissions.includes('console:access'))
      await audit(
        { ...actor, userId: user.id },
        { action: 'auth.login', entityType: 'user', entityId: user.id, details: { method } },
        t,
      );
    return session;
  }

  /** Sign in an account proven by other means (a passkey). */
  async function signInVerified(
    userId: string,
    actor: AuditActor,
    method: string,
    deviceHash: string | null = null,
  ): Promise<SessionDto> {
    const user = await User.findByPk(userId);
    if (!user) throw new Unauthenticated('invalid_credentials', INVALID_CREDENTIALS);
    assertUsable(user);
    return sequelize.transaction(async (t) => {
      await signedInFrom(user.id, deviceHash, actor, t);
      return startSession(user, actor, method, t);
    });
  }

  const refreshError = (code: string, vi: string, en: string) => new Unauthenticated(code, { vi, en });

  async function refresh(token: string, actor: AuditActor): Promise<SessionDto> {
    const parsed = parseRefreshToken(token);
    if (!parsed)
      throw refreshError(
        'refresh_invalid',
        'Phiên đăng nhập không hợp lệ. Hãy đăng nhập lại.',
        'Invalid session. Sign in again.',
      );
    // Decide inside a transaction, but let a detected reuse commit its revocation before failing.
    type Outcome = { session: SessionDto } | { fail: 'invalid' | 'revoked' | 'reused' | 'expired' };
    const outcome = await sequelize.transaction(async (t): Promise<Outcome> => {
      const row = await RefreshToken.findByPk(parsed.id, { lock: t.LOCK.UPDATE, transaction: t });
      if (!row || row.tokenHash !== sha256(parsed.secret)) return { fail: 'invalid' as const };
      if (row.revokedAt) return { fail: 'revoked' as const };
      if (row.usedAt) {
        await deps.sessions.end({ familyId: row.familyId }, t);
        await audit(
          { ...actor, userId: row.userId },
          {
            action: 'auth.refresh_reuse',
            entityType: 'user',
            entityId: row.userId,
            details: { family: row.familyId },
          },
          t,
        );
        return { fail: 'reused' as const };
      }
      if (row.expiresAt.getTime() < Date.now()) return { fail: 'expired' as const };
      const user = await User.findByPk(row.userId, { transaction: t });
      if (!user || user.status !== 'active') return { fail: 'revoked' as const };
      await row.update({ usedAt: new Date() }, { transaction: t });
      return { session: await issueSession(user, { ...actor, userId: user.id }, t, row.familyId) };
    });
    if ('session' in outcome) return outcome.session;
    switch (outcome.fail) {
      case 'reused':
        throw refreshError(
          'refresh_reused',
          'Phiên đăng nhập đã được dùng ở nơi khác nên đã bị huỷ để bảo vệ tài khoản. Hãy đăng nhập lại.',
          'This session token was used twice, so the session was ended to protect the account. Sign in again.',
        );
      case 'expired':
        throw refreshError(
          'refresh_expired',
          'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.',
          'The session has expired. Sign in again.',
        );
      case 'revoked':
        throw refreshError(
          'refresh_revoked',
          'Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại.',
          'The session has ended. Sign in again.',
        );
      default:
        throw refreshError(
          'refresh_invalid',
          'Phiên đăng nhập không hợp lệ. Hãy đăng nhập lại.',
          'Invalid session. Sign in again.',
        );
    }
  }

  async function logout(token: string): Promise<void> {
    const parsed = parseRefreshToken(token);
    if (!parsed) return;
    const row = await RefreshToken.findByPk(parsed.id);
    if (!row || row.tokenHash !== sha256(parsed.secret)) return;
    await deps.sessions.end({ familyId: row.familyId });
  }

  async function revokeAllSessions(userId: string, t?: Transaction): Promise<void> {
    await deps.sessions.end({ userId }, t);
  }

  async function resetPassword(input: { phone: string; otp: string; password: string }, actor: AuditActor) {
    const passwordHash = await hashPassword(input.password);
    await sequelize.transaction(async (t) => {
      const user = await User.findOne({ where: { phone: input.phone }, transaction: t });
      await otp.consume(input.phone, 'reset', input.otp, t);
      if (!user) throw new NotFound();
      await user.update({ passwordHash, failedLogins: 0, lockedUntil: null }, { transaction: t });
      await revokeAllSessions(user.id, t);
      await audit(
        { ...actor, userId: user.id },
        { action: 'auth.password_reset', entityType: 'user', entityId: user.id },
        t,
      );
    });
  }

  async function changePassword(
    userId: string,
    sessionId: string,
    current: string,
    next: string,
    actor: AuditActor,
  ) {
    const user = await User.findByPk(userId);
    if (!user) throw new NotFound();
    assertUsable(user);
    if (!user.passwordHash || !(await verifySecret(user.passwordHash, current)))
      await recordFailure(user, actor);
    const passwordHash = await hashPassword(next);
    await sequelize.transaction(async (t) => {
      await user.update({ passwordHash }, { transaction: t });
      await deps.sessions.end({ userId, except: sessionId }, t);
      await audit(actor, { action: 'auth.password_change', entityType: 'user', entityId: userId }, t);
    });
  }

  return {
    register,
    login,
    signInVerified,
    refresh,
    logout,
    resetPassword,
    changePassword,
    me: profile.me,
    updateMe: profile.updateMe,
    revokeAllSessions,
    rolesOf,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
