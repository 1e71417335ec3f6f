import { Op, QueryTypes, type Sequelize } from 'sequelize';
import type { Config } from '../../config.ts';
import type { Sealer } from '../../platform/crypto.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { Conflict, NotFound, ServiceUnavailable } from '../../platform/errors.ts';
import type { CardService, Declaration } from '../identity/card.service.ts';
import type { CccdQr } from '../identity/cccd-qr.ts';
import { maskCccd } from '../identity/cccd.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import type { IdentityService } from '../identity/identity.service.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { EkycCase, EkycImage, type EkycStatus, type ImageKind } from './ekyc.models.ts';
import { normaliseImage } from '../../platform/images.ts';
import { nextStep } from './ekyc.messages.ts';
import { sealEmbedding } from './face-print.ts';
import { createRetention } from './retention.ts';
import { createDeviceSelfie } from './device-selfie.ts';
import { FaceModelsMissingError, type FaceEngine, type FaceVerification } from './face/index.ts';

export interface EkycDeps {
  sequelize: Sequelize;
  sealer: Sealer;
  config: Config;
  cards: CardService;
  reference: ReferenceService;
  identity: IdentityService;
  notifications: NotificationService;
  faceEngine: () => Promise<FaceEngine>;
}

const SELFIE_RETRY = ['selfie_no_face', 'selfie_face_too_small', 'selfie_unreadable_image'];
const NOT_FOUND = { vi: 'Không tìm thấy hồ sơ định danh.', en: 'No such identity verification case.' };

/** Turn the face engine's verdict and the card checks into the case's outcome. */
export function decideOutcome(
  v: Pick<FaceVerification, 'decision' | 'reasons'>,
  extra: string[],
): EkycStatus {
  const reasons = [...v.reasons, ...extra];
  if (extra.length) return 'review'; // data anomalies always go to a person
  if (reasons.some((r) => SELFIE_RETRY.includes(r))) return 'rejected'; // the citizen can simply retake the selfie
  return v.decision === 'accept' ? 'approved' : v.decision === 'reject' ? 'rejected' : 'review';
}

/** eKYC: card + selfie → decision, the review queue of hard cases, and retention of the images. */
export function createEkycService(deps: EkycDeps) {
  const { sequelize, sealer, config, cards } = deps;
  const thresholds = { accept: config.FACE_ACCEPT_THRESHOLD, reject: config.FACE_REJECT_THRESHOLD };

  const view = (c: EkycCase) => ({
    id: c.id,
    status: c.status,
    reasons: c.reasons,
    similarity: c.similarity,
    nextStep: nextStep(c.status, c.reasons),
    decisionReason: c.decisionReason,
    createdAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
  });

  async function engine(): Promise<FaceEngine> {
    try {
      return await deps.faceEngine();
    } catch (err) {
      if (err instanceof FaceModelsMissingError)
        throw new ServiceUnavailable('ekyc_unavailable', {
          vi: 'Dịch vụ xác thực khuôn mặt đang tạm ngừng. Vui lòng thử lại sau.',
          en: 'Face verification is temporarily unavailable. Try again later.',
        });
      throw err;
    }
  }

  async function submit(
    userId: string,
    input: Declaration,
    files: { cardFront: Buffer; cardBack: Buffer; selfie: Buffer },
    actor: AuditActor,
  ) {
    const level = await sequelize.query<{ identity_level: number }>(
      'SELECT identity_level FROM users WHERE id = :id',
      {
        replacements: { id: userId },
        type: QueryTypes.SELECT,
      },
    );
    if ((level[0]?.identity_level ?? 0) >= 2)
      throw new Conflict('already_verified', {
        vi: 'Tài khoản đã được định danh mức 2.',
        en: 'The account is already at identity level 2.',
      });
    if (await EkycCase.findOne({ where: { userId, status: 'review' } }))
      throw new Conflict('ekyc_case_open', {
        vi: 'Bạn đang có một hồ sơ chờ cán bộ kiểm tra. Vui lòng đợi kết quả.',
        en: 'You already have a case waiting for an officer. Please wait for the outcome.',
      });
    const { fields, qr, qrMismatch } = cards.checkDeclaration(input);
    if (fields.length) cards.invalid(fields);
    // Decode and clean every image before any work or any write.
    const [front, back, selfie] = await Promise.all([
      normaliseImage('cardFront', files.cardFront),
      normaliseImage('cardBack', files.cardBack),
      normaliseImage('selfie', files.selfie),
    ]);
    const face = await (await engine()).verify(front.jpeg, selfie.jpeg, thresholds);
    const hash = sealer.lookupHash(input.cccdNumber, 'cccd');
    const owner = await sequelize.query<{ user_id: string }>(
      'SELECT user_id FROM citizen_identities WHERE cccd_hash = :hash',
      {
        replacements: { hash },
        type: QueryTypes.SELECT,
      },
    );
    const extra: string[] = [];
    if (qrMismatch.length) extra.push('qr_mismatch');
    if (owner[0] && owner[0].user_id !== userId) extra.push('cccd_taken');
    let status = decideOutcome(face, extra);
    const reasons = [...new Set([...face.reasons, ...extra])];
    const communeCode = qr ? await deps.reference.communeInAddress(qr.address) : null;
    const cardPrint = face.card.ok ? sealEmbedding(sealer, face.card.embedding) : null;

    // One transaction: the case, its sealed images, the identity and the audit record land together or not at all.
    const created = await sequelize.transaction(async (t) => {
      if (
        status === 'approved' &&
        (await cards.saveIdentity(userId, input, qr, 2, { ...actor }, t, cardPrint)) === 'taken'
      ) {
        status = 'review';
        reasons.push('cccd_taken');
      }
      const c = await EkycCase.create(
        {
          userId,
          status,
          decidedBy: status === 'review' ? null : 'auto',
          decidedAt: status === 'review' ? null : new Date(),
          reasons,
          similarity: face.similarity,
          acceptThreshold: thresholds.accept,
          rejectThreshold: thresholds.reject,
          cccdHash: hash,
          cccdMasked: maskCccd(input.cccdNumber),
          declaredSealed: sealer.seal(
            JSON.stringify({
              cccdNumber: input.cccdNumber,
              fullName: input.fullName,
              dateOfBirth: input.dateOfBirth,
              sex: input.sex,
            }),
            'ekyc:declared',
          ),
          qrSealed: qr ? sealer.seal(JSON.stringify(qr), 'ekyc:qr') : null,
          communeCode,
          cardEmbeddingSealed: cardPrint,
          timings: { card: face.card.timings, selfie: face.selfie.timings },
        },
        { transaction: t },
      );
      const images: Array<[ImageKind, Buffer, string]> = [
        ['card_front', front.jpeg, 'image/jpeg'],
        ['card_back', back.jpeg, 'image/jpeg'],
        ['selfie', selfie.jpeg, 'image/jpeg'],
      ];
      if (face.card.ok) images.push(['card_face', face.card.alignedPng, 'image/png']);
      if (face.selfie.ok) images.push(['selfie_face', face.selfie.alignedPng, 'image/png']);
      await EkycImage.bulkCreate(
        images.map(([kind, bytes, contentType]) => ({
          caseId: c.id,
          kind,
          contentType,
          sizeBytes: bytes.length,
          sealed: sealer.sealBytes(bytes, `ekyc:${kind}`),
        })),
        { transaction: t },
      );
      if (extra.includes('cccd_taken') && owner[0])
        await sequelize.query(
          `INSERT INTO identity_flags (user_id, kind, other_user_id, details) VALUES (:u, 'duplicate_cccd', :o, :d)`,
          {
            replacements: { u: userId, o: owner[0].user_id, d: JSON.stringify({ caseId: c.id }) },
            transaction: t,
          },
        );
      await audit(
        actor,
        { action: 'ekyc.submit', entityType: 'ekyc_case', entityId: c.id, details: { status, reasons } },
        t,
      );
      return c;
    });
    return view(created);
  }

  async function mine(userId: string) {
    const rows = await EkycCase.findAll({ where: { userId }, order: [['createdAt', 'DESC']], limit: 20 });
    return { items: rows.map(view), imageRetentionDays: config.EKYC_IMAGE_RETENTION_DAYS };
  }

  async function mineOne(userId: string, id: string) {
    const c = await EkycCase.findOne({ where: { id, userId } });
    if (!c) throw new NotFound('ekyc_case_not_found', NOT_FOUND); // someone else's case looks exactly like a missing one
    return view(c);
  }

  async function queue(q: {
    reason?: string;
    minAgeHours?: number;
    commune?: string;
    page: number;
    pageSize: number;
  }) {
    const where: string[] = [`c.status = 'review'`];
    const rep: Record<string, unknown> = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    if (q.reason) {
      where.push(':reason = ANY (c.reasons)');
      rep.reason = q.reason;
    }
    if (q.minAgeHours !== undefined) {
      where.push(`c.created_at <= now() - make_interval(secs => :age)`);
      rep.age = q.minAgeHours * 3600;
    }
    if (q.commune) {
      where.push('c.commune_code = :commune');
      rep.commune = q.commune;
    }
    const sql = `FROM ekyc_cases c JOIN users u ON u.id = c.user_id LEFT JOIN communes m ON m.code = c.commune_code WHERE ${where.join(' AND ')}`;
    const [rows, total] = await Promise.all([
      sequelize.query<Record<string, unknown>>(
        `SELECT c.id, c.user_id, u.full_name, u.phone, c.cccd_masked, c.commune_code, m.name AS commune_name, c.reasons, c.similarity,
                c.accept_threshold, c.reject_threshold, c.created_at
         ${sql} ORDER BY c.created_at ASC LIMIT :limit OFFSET :offset`,
        { replacements: rep, type: QueryTypes.SELECT },
      ),
      sequelize.query<{ n: string }>(`SELECT count(*) AS n ${sql}`, {
        replacements: rep,
        type: QueryTypes.SELECT,
      }),
    ]);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        userId: String(r.user_id),
        fullName: String(r.full_name),
        phone: String(r.phone),
        cccdMasked: String(r.cccd_masked),
        communeCode: (r.commune_code as string | null) ?? null,
        communeName: (r.commune_name as string | null) ?? null,
        reasons: r.reasons as string[],
        similarity: (r.similarity as number | null) ?? null,
        thresholds: { accept: Number(r.accept_threshold), reject: Number(r.reject_threshold) },
        createdAt: new Date(r.created_at as string).toISOString(),
      })),
      total: Number(total[0]?.n ?? 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async function load(id: string): Promise<EkycCase> {
    const c = await EkycCase.findByPk(id);
    if (!c) throw new NotFound('ekyc_case_not_found', NOT_FOUND);
    return c;
  }

  async function detail(id: string, actor: AuditActor) {
    const c = await load(id);
    const [user] = await sequelize.query<{
      id: string;
      full_name: string;
      phone: string;
      identity_level: number;
    }>('SELECT id, full_name, phone, identity_level FROM users WHERE id = :id', {
      replacements: { id: c.userId },
      type: QueryTypes.SELECT,
    });
    const images = await EkycImage.findAll({ where: { caseId: id }, attributes: ['kind'] });
    const earlier = await EkycCase.findAll({
      where: { id: { [Op.ne]: id }, [Op.or]: [{ userId: c.userId }, { cccdHash: c.cccdHash }] },
      order: [['createdAt', 'DESC']],
      limit: 20,
    });
    await audit(actor, { action: 'ekyc.case_view', entityType: 'ekyc_case', entityId: id });
    const qr = c.qrSealed ? (JSON.parse(sealer.open(c.qrSealed, 'ekyc:qr')) as CccdQr) : null;
    const declared = JSON.parse(sealer.open(c.declaredSealed, 'ekyc:declared')) as Declaration;
    const others = await sequelize.query<{ id: string; full_name: string; phone: string }>(
      'SELECT id, full_name, phone FROM users WHERE id IN (:ids)',
      {
        replacements: { ids: [...new Set(earlier.map((e) => e.userId)), c.userId] },
        type: QueryTypes.SELECT,
      },
    );
    const people = new Map(others.map((o) => [o.id, o]));
    const commune = c.communeCode ? await deps.reference.commune(c.communeCode).catch(() => null) : null;
    return {
      id: c.id,
      status: c.status,
      user: {
        id: c.userId,
        fullName: user?.full_name ?? '',
        phone: user?.phone ?? '',
        identityLevel: user?.identity_level ?? 0,
      },
      declared,
      qr: qr
        ? {
            cccdNumber: qr.cccdNumber,
            fullName: qr.fullName,
            dateOfBirth: qr.dateOfBirth,
            sex: qr.sex,
            address: qr.address,
            issuedOn: qr.issuedOn,
          }
        : null,
      reasons: c.reasons,
      similarity: c.similarity,
      thresholds: { accept: c.acceptThreshold, reject: c.rejectThreshold },
      communeCode: c.communeCode,
      communeName: commune?.name ?? null,
      qrMismatch: qr ? cards.qrMismatch(declared, qr) : [],
      images: images.map((i) => i.kind),
      imagesDeletedAt: c.imagesDeletedAt ? c.imagesDeletedAt.toISOString() : null,
      earlierCases: earlier.map((e) => ({
        id: e.id,
        userId: e.userId,
        sameAccount: e.userId === c.userId,
        fullName: people.get(e.userId)?.full_name ?? '',
        phone: people.get(e.userId)?.phone ?? '',
        status: e.status,
        similarity: e.similarity,
        createdAt: e.createdAt.toISOString(),
      })),
      decisionReason: c.decisionReason,
      createdAt: c.createdAt.toISOString(),
      decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
    };
  }

  async function image(id: string, kind: ImageKind, actor: AuditActor) {
    const c = await load(id);
    const img = await EkycImage.findOne({ where: { caseId: id, kind } });
    if (!img)
      throw new NotFound(
        c.imagesDeletedAt ? 'image_deleted' : 'image_not_found',
        c.imagesDeletedAt
          ? {
              vi: 'Ảnh đã được xoá theo thời hạn lưu trữ.',
              en: 'The image was deleted under the retention policy.',
            }
          : { vi: 'Hồ sơ không có ảnh này.', en: 'The case has no such image.' },
      );
    await audit(actor, {
      action: 'ekyc.image_view',
      entityType: 'ekyc_case',
      entityId: id,
      details: { kind },
    });
    return { contentType: img.contentType, bytes: sealer.openBytes(img.sealed, `ekyc:${kind}`) };
  }

  async function decide(id: string, decision: 'approve' | 'reject', reason: string, actor: AuditActor) {
    const c = await load(id);
    if (c.status !== 'review')
      throw new Conflict('ekyc_case_decided', {
        vi: 'Hồ sơ này đã có kết quả.',
        en: 'This case has already been decided.',
      });
    const declared = JSON.parse(sealer.open(c.declaredSealed, 'ekyc:declared')) as Declaration;
    const qr = c.qrSealed ? (JSON.parse(sealer.open(c.qrSealed, 'ekyc:qr')) as CccdQr) : null;
    const outcome = await sequelize.transaction(async (t) => {
      const locked = await EkycCase.findByPk(id, { lock: t.LOCK.UPDATE, transaction: t });
      if (!locked || locked.status !== 'review') return 'decided' as const;
      if (
        decision === 'approve' &&
        (await cards.saveIdentity(c.userId, declared, qr, 2, actor, t, locked.cardEmbeddingSealed)) ===
          'taken'
      )
        return 'taken' as const;
      await locked.update(
        {
          status: decision === 'approve' ? 'approved' : 'rejected',
          decidedBy: 'officer',
          reviewerId: actor.userId,
          decidedAt: new Date(),
          decisionReason: reason,
        },
        { transaction: t },
      );
      await audit(
        actor,
        { action: 'ekyc.decide', entityType: 'ekyc_case', entityId: id, details: { decision, reason } },
        t,
      );
      // The citizen learns the outcome in the app, in the same transaction as the decision.
      const approved = decision === 'approve';
      await deps.notifications.notify(
        c.userId,
        {
          kind: approved ? 'ekyc.approved' : 'ekyc.rejected',
          title: approved
            ? { vi: 'Xác thực danh tính thành công', en: 'Identity verified' }
            : {
                vi: 'Hồ sơ xác thực danh tính chưa được chấp nhận',
                en: 'Identity verification not accepted',
              },
          body: approved
            ? {
                vi: 'Tài khoản của bạn đã đạt định danh mức 2.',
                en: 'Your account is now at identity level 2.',
              }
            : { vi: `Lý do: ${reason}`, en: `Reason: ${reason}` },
          link: `#/ekyc/cases/${id}`,
          entity: { type: 'ekyc_case', id },
        },
        t,
      );
      return 'ok' as const;
    });
    if (outcome === 'decided')
      throw new Conflict('ekyc_case_decided', {
        vi: 'Hồ sơ này đã có kết quả.',
        en: 'This case has already been decided.',
      });
    if (outcome === 'taken')
      throw new Conflict('cccd_owned_by_other', {
        vi: 'Số CCCD này đang gắn với một tài khoản khác. Hãy xử lý tài khoản kia trước (khoá hoặc gỡ định danh), rồi duyệt lại hồ sơ này.',
        en: 'This CCCD number belongs to another account. Resolve that account first (disable it or remove its identity), then decide this case again.',
      });
    return detail(id, actor);
  }

  const purgeImages = createRetention({ sequelize, config });
  const deviceSelfie = createDeviceSelfie({ sequelize, sealer, identity: deps.identity, engine, thresholds });
  return { submit, mine, mineOne, queue, detail, image, decide, purgeImages, deviceSelfie };
}

export type EkycService = ReturnType<typeof createEkycService>;
