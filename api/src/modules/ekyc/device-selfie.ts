import { QueryTypes, type Sequelize } from 'sequelize';
import type { Sealer } from '../../platform/crypto.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { NotFound, Unauthenticated } from '../../platform/errors.ts';
import { normaliseImage } from '../../platform/images.ts';
import type { IdentityService } from '../identity/identity.service.ts';
import { compareFaces, type FaceEngine } from './face/index.ts';
import { openEmbedding } from './face-print.ts';

const NOT_FOUND = { vi: 'Không tìm thấy hồ sơ định danh.', en: 'No such identity verification case.' };

export function createDeviceSelfie(deps: {
  sequelize: Sequelize;
  sealer: Sealer;
  identity: IdentityService;
  engine: () => Promise<FaceEngine>;
  thresholds: { accept: number; reject: number };
}) {
  const { sequelize, sealer, engine, thresholds } = deps;
  /**
   * The selfie step of signing in on a new phone (level-2 accounts): the ticket proves password and SMS
   * code; the selfie must match the card portrait's face print at the accept threshold. Three tries.
   */
  return async function deviceSelfie(
    ticketId: string,
    selfieBytes: Buffer,
    actor: AuditActor,
    deviceHash: string | null,
  ) {
    const [ticket] = await sequelize.query<{ user_id: string; device_hash: string; attempts: number }>(
      `UPDATE device_tickets SET attempts = attempts + 1
       WHERE id = :id AND consumed_at IS NULL AND expires_at > now() AND attempts < 3
       RETURNING user_id, device_hash, attempts`,
      { replacements: { id: ticketId }, type: QueryTypes.SELECT },
    );
    if (!ticket || (deviceHash ?? '') !== ticket.device_hash)
      throw new Unauthenticated('device_ticket_invalid', {
        vi: 'Phiên xác minh điện thoại mới đã hết hạn hoặc đã dùng hết lượt. Hãy đăng nhập lại.',
        en: 'The new-phone check has expired or used all its tries. Sign in again.',
      });
    const [card] = await sequelize.query<{ face_embedding_sealed: string | null }>(
      'SELECT face_embedding_sealed FROM citizen_identities WHERE user_id = :id',
      { replacements: { id: ticket.user_id }, type: QueryTypes.SELECT },
    );
    if (!card?.face_embedding_sealed) throw new NotFound('face_print_missing', NOT_FOUND);
    const selfie = await normaliseImage('selfie', selfieBytes);
    const analysis = await (await engine()).analyse(selfie.jpeg);
    const similarity = analysis.ok
      ? compareFaces(openEmbedding(sealer, card.face_embedding_sealed), analysis.embedding)
      : null;
    const matched = similarity !== null && similarity >= thresholds.accept;
    await audit(
      { ...actor, userId: ticket.user_id },
      {
        action: 'auth.device_selfie',
        entityType: 'user',
        entityId: ticket.user_id,
        details: { matched, similarity },
      },
    );
    if (!matched) {
      const left = 3 - ticket.attempts;
      throw new Unauthenticated(
        analysis.ok ? 'selfie_mismatch' : `selfie_${analysis.reason}`,
        {
          vi: `${analysis.ok ? 'Ảnh chân dung không khớp với ảnh trên thẻ CCCD.' : 'Không nhận rõ khuôn mặt trong ảnh.'} ${left > 0 ? `Còn ${left} lần thử.` : 'Hãy đăng nhập lại.'}`,
          en: `${analysis.ok ? 'The selfie does not match your ID card photo.' : 'No clear face in the picture.'} ${left > 0 ? `${left} tries left.` : 'Sign in again.'}`,
        },
        { extra: { triesLeft: left } },
      );
    }
    await sequelize.query('UPDATE device_tickets SET consumed_at = now() WHERE id = :id', {
      replacements: { id: ticketId },
    });
    return deps.identity.signInVerified(
      ticket.user_id,
      actor,
      'new_device_selfie',
      ticket.device_hash || null,
    );
  };
}
