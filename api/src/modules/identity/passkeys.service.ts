import { QueryTypes, type Sequelize } from 'sequelize';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Config } from '../../config.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { NotFound, Unauthenticated, ValidationError } from '../../platform/errors.ts';
import { Passkey, User } from './identity.models.ts';
import type { IdentityService } from './identity.service.ts';

const CHALLENGE_TTL_SECONDS = 300;

const toDto = (p: Passkey) => ({
  id: p.id,
  name: p.name,
  deviceType: p.deviceType,
  backedUp: p.backedUp,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: p.lastUsedAt ? p.lastUsedAt.toISOString() : null,
});

const failed = () =>
  new Unauthenticated('passkey_failed', {
    vi: 'Không xác thực được bằng khoá truy cập (passkey). Hãy thử lại hoặc đăng nhập bằng mật khẩu.',
    en: 'The passkey could not be verified. Try again or sign in with your password.',
  });

/** Passkeys (WebAuthn): the phone's fingerprint or face unlock instead of a password. */
export function createPasskeyService(deps: {
  sequelize: Sequelize;
  config: Config;
  identity: IdentityService;
}) {
  const { sequelize, config, identity } = deps;
  const rpID = config.WEBAUTHN_RP_ID;
  const origins = config.webauthnOrigins;

  async function storeChallenge(purpose: 'register' | 'login', challenge: string, userId: string | null) {
    const [row] = await sequelize.query<{ id: string }>(
      `INSERT INTO webauthn_challenges (user_id, purpose, challenge, expires_at)
       VALUES (:userId, :purpose, :challenge, now() + make_interval(secs => :ttl)) RETURNING id`,
      { replacements: { userId, purpose, challenge, ttl: CHALLENGE_TTL_SECONDS }, type: QueryTypes.SELECT },
    );
    return row?.id as string;
  }

  /** A challenge is used once, within its lifetime, for its purpose (and its account when it has one). */
  async function takeChallenge(id: string, purpose: 'register' | 'login', userId: string | null) {
    const [row] = await sequelize.query<{ challenge: string; user_id: string | null }>(
      `UPDATE webauthn_challenges SET consumed_at = now()
       WHERE id = :id AND purpose = :purpose AND consumed_at IS NULL AND expires_at > now()
         AND user_id IS NOT DISTINCT FROM CAST(:userId AS uuid)
       RETURNING challenge, user_id`,
      { replacements: { id, purpose, userId }, type: QueryTypes.SELECT },
    );
    if (!row)
      throw new ValidationError('passkey_challenge_invalid', {
        vi: 'Phiên xác thực đã hết hạn hoặc đã được dùng. Hãy bắt đầu lại.',
        en: 'The passkey challenge has expired or was already used. Start again.',
      });
    return row;
  }

  async function registerOptions(userId: string) {
    const user = await User.findByPk(userId);
    if (!user) throw new NotFound();
    const existing = await Passkey.findAll({ where: { userId } });
    const options = await generateRegistrationOptions({
      rpName: config.WEBAUTHN_RP_NAME,
      rpID,
      userName: user.phone,
      userDisplayName: user.fullName,
      userID: Buffer.from(user.id.replace(/-/g, ''), 'hex'),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({
        id: p.id,
        transports: p.transports as AuthenticatorTransport[],
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      timeout: CHALLENGE_TTL_SECONDS * 1000,
    });
    return {
      challengeId: await storeChallenge('register', options.challenge, userId),
      options: { ...options },
    };
  }

  async function registerVerify(
    userId: string,
    input: { challengeId: string; response: Record<string, unknown>; name?: string | undefined },
    actor: AuditActor,
  ) {
    const { challenge } = await takeChallenge(input.challengeId, 'register', userId);
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response: input.response as unknown as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: origins,
        expectedRPID: rpID,
        requireUserVerification: true,
      });
    } catch {
      throw new ValidationError('passkey_invalid', {
        vi: 'Thiết bị trả về dữ liệu khoá truy cập không hợp lệ.',
        en: 'The device returned an invalid passkey registration.',
      });
    }
    if (!verification.verified) throw failed();
    const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
    const passkey = await sequelize.transaction(async (t) => {
      const p = await Passkey.create(
        {
          id: credential.id,
          userId,
          publicKey: Buffer.from(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports ?? [],
          deviceType: credentialDeviceType,
          backedUp: credentialBackedUp,
          name: input.name ?? 'Passkey',
        },
        { transaction: t },
      );
      await audit(
        actor,
        {
          action: 'passkey.register',
          entityType: 'user',
          entityId: userId,
          details: { passkey: p.id.slice(0, 16) },
        },
        t,
      );
      return p;
    });
    return toDto(passkey);
  }

  async function list(userId: string) {
    const rows = await Passkey.findAll({ where: { userId }, order: [['createdAt', 'ASC']] });
    return { items: rows.map(toDto) };
  }

  async function remove(userId: string, id: string, actor: AuditActor) {
    const n = await sequelize.transaction(async (t) => {
      const count = await Passkey.destroy({ where: { id, userId }, transaction: t });
      if (count)
        await audit(
          actor,
          {
            action: 'passkey.remove',
            entityType: 'user',
            entityId: userId,
            details: { passkey: id.slice(0, 16) },
          },
          t,
        );
      return count;
    });
    if (!n)
      throw new NotFound('passkey_not_found', {
        vi: 'Không tìm thấy khoá truy cập.',
        en: 'No such passkey.',
      });
  }

  async function rename(userId: string, id: string, name: string) {
    const p = await Passkey.findOne({ where: { id, userId } });
    if (!p)
      throw new NotFound('passkey_not_found', {
        vi: 'Không tìm thấy khoá truy cập.',
        en: 'No such passkey.',
      });
    await p.update({ name });
    return toDto(p);
  }

  /** With a phone: that account's passkeys; without: the device offers its discoverable passkeys. */
  async function loginOptions(phone: string | undefined) {
    let allow: Passkey[] = [];
    if (phone) {
      const user = await User.findOne({ where: { phone }, attributes: ['id'] });
      allow = user ? await Passkey.findAll({ where: { userId: user.id } }) : [];
    }
    const options = await generateAuthenticationOptions({
      rpID,
      userVerification: 'required',
      allowCredentials: allow.map((p) => ({
        id: p.id,
        transports: p.transports as AuthenticatorTransport[],
      })),
      timeout: CHALLENGE_TTL_SECONDS * 1000,
    });
    return { challengeId: await storeChallenge('login', options.challenge, null), options: { ...options } };
  }

  async function loginVerify(
    input: { challengeId: string; response: Record<string, unknown> },
    actor: AuditActor,
    deviceHash: string | null = null,
  ) {
    const { challenge } = await takeChallenge(input.challengeId, 'login', null);
    const response = input.response as unknown as AuthenticationResponseJSON;
    const passkey = await Passkey.findByPk(response.id);
    if (!passkey) throw failed();
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origins,
        expectedRPID: rpID,
        credential: {
          id: passkey.id,
          publicKey: new Uint8Array(passkey.publicKey),
          counter: Number(passkey.counter),
          transports: passkey.transports,
        },
        requireUserVerification: true,
      });
    } catch {
      throw failed();
    }
    if (!verification.verified) throw failed();
    // A counter that does not grow means a cloned authenticator (when the device keeps one at all).
    await passkey.update({ counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() });
    // A passkey lives on the device: signing in with it also makes the device known.
    return identity.signInVerified(passkey.userId, actor, 'passkey', deviceHash);
  }

  return { registerOptions, registerVerify, list, rename, remove, loginOptions, loginVerify };
}

export type PasskeyService = ReturnType<typeof createPasskeyService>;
