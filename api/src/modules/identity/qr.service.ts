import { QueryTypes, type Sequelize } from 'sequelize';
import QRCode from 'qrcode';
import { errors as joseErrors } from 'jose';
import type { TokenSigner } from '../../platform/auth/tokens.ts';
import { Conflict, ValidationError } from '../../platform/errors.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { CardService } from './card.service.ts';
import { User } from './identity.models.ts';

/**
 * The personal QR: a short-lived EdDSA-signed token with the name, the masked CCCD number and the
 * identity level. It verifies offline with the key at /.well-known/jwks.json; online verification
 * also refuses a token shown a second time (a screenshot passed on).
 */
export function createQrService(deps: {
  sequelize: Sequelize;
  signer: TokenSigner;
  cards: CardService;
  ttlSeconds: number;
}) {
  const { sequelize, signer, cards, ttlSeconds } = deps;

  async function issue(userId: string) {
    await cards.requireLevel(userId, 1);
    const card = await cards.get(userId);
    const token = await signer.issueQr(
      { sub: userId, name: card.fullName, cccd: card.cccdMasked, lvl: card.identityLevel },
      ttlSeconds,
    );
    // Drawn here as SVG so the phone needs no QR library (level M survives a scratched screen).
    const svg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      token,
      svg,
      fullName: card.fullName,
      cccdMasked: card.cccdMasked,
      identityLevel: card.identityLevel,
      expiresIn: ttlSeconds,
      expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
    };
  }

  async function verify(token: string, actor: AuditActor) {
    let claims;
    try {
      claims = await signer.verifyQr(token.trim());
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        throw new ValidationError('qr_expired', {
          vi: 'Mã QR đã hết hạn. Hãy đề nghị người dân mở lại mã QR trên ứng dụng.',
          en: 'The QR code has expired. Ask the citizen to open a fresh code in the app.',
        });
      if (err instanceof joseErrors.JWSSignatureVerificationFailed)
        throw new ValidationError('qr_forged', {
          vi: 'Mã QR không phải do Đắk Lắk ID cấp (chữ ký không hợp lệ).',
          en: 'This QR code was not issued by Đắk Lắk ID (invalid signature).',
        });
      throw new ValidationError('qr_malformed', {
        vi: 'Không đọc được mã QR Đắk Lắk ID.',
        en: 'This is not a readable Đắk Lắk ID QR code.',
      });
    }
    const user = await User.findByPk(claims.sub, { attributes: ['status'] });
    if (!user || user.status !== 'active')
      throw new ValidationError('qr_revoked', {
        vi: 'Tài khoản của mã QR này không còn hoạt động.',
        en: 'The account of this QR code is no longer active.',
      });
    const inserted = await sequelize.query<{ verified_at: Date }>(
      `INSERT INTO qr_verifications (jti, user_id, verifier_id, ip, expires_at)
       VALUES (:jti, :sub, :verifier, :ip, to_timestamp(:exp)) ON CONFLICT (jti) DO NOTHING RETURNING verified_at`,
      {
        replacements: {
          jti: claims.jti,
          sub: claims.sub,
          verifier: actor.userId,
          ip: actor.ip,
          exp: claims.exp,
        },
        type: QueryTypes.SELECT,
      },
    );
    if (!inserted[0]) {
      const [first] = await sequelize.query<{ verified_at: Date }>(
        'SELECT verified_at FROM qr_verifications WHERE jti = :jti',
        {
          replacements: { jti: claims.jti },
          type: QueryTypes.SELECT,
        },
      );
      throw new Conflict(
        'qr_replayed',
        {
          vi: 'Mã QR này đã được kiểm tra trước đó: có thể là ảnh chụp lại. Hãy đề nghị người dân mở mã QR mới.',
          en: 'This QR code was already checked: it may be a copy. Ask the citizen to open a fresh code.',
        },
        { extra: { firstVerifiedAt: first ? new Date(first.verified_at).toISOString() : null } },
      );
    }
    return {
      valid: true as const,
      fullName: claims.name,
      cccdMasked: claims.cccd,
      identityLevel: claims.lvl,
      issuedAt: new Date(claims.iat * 1000).toISOString(),
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      verifiedAt: new Date(inserted[0].verified_at).toISOString(),
    };
  }

  return { issue, verify };
}

export type QrService = ReturnType<typeof createQrService>;
