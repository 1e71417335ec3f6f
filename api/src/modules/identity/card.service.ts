import type { Sequelize, Transaction } from 'sequelize';
import { CitizenIdentity, IdentityFlag, User } from './identity.models.ts';
import { checkCccd, decodeCccd, maskCccd, type Sex } from './cccd.ts';
import { parseCccdQr, type CccdQr } from './cccd-qr.ts';
import type { Sealer } from '../../platform/crypto.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { Conflict, Forbidden, NotFound, ValidationError, type FieldError } from '../../platform/errors.ts';

export interface Declaration {
  cccdNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  qrText?: string | undefined;
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

const field = (path: string, code: string, vi: string, en: string): FieldError => ({
  path,
  code,
  message: vi,
  messages: { vi, en },
});

export const cccdTaken = () =>
  new Conflict('cccd_taken', {
    vi: 'Số CCCD này đã gắn với một tài khoản khác. Yêu cầu đã được chuyển cho cán bộ kiểm tra; bạn sẽ nhận thông báo kết quả.',
    en: 'This CCCD number belongs to another account. The case was sent to an officer; you will be told the outcome.',
  });

function invalid(fields: FieldError[]): never {
  throw new ValidationError(
    fields[0]?.code ?? 'validation_failed',
    {
      vi: fields.map((f) => f.messages.vi).join(' '),
      en: fields.map((f) => f.messages.en).join(' '),
    },
    { fields },
  );
}

/** Identity level 1: the citizen's ID card data, declared (or scanned from its QR) and consistent. */
export function createCardService(deps: { sequelize: Sequelize; sealer: Sealer }) {
  const { sequelize, sealer } = deps;

  function toDto(c: CitizenIdentity, level: number) {
    return {
      cccdMasked: c.cccdMasked,
      fullName: c.fullName,
      dateOfBirth: c.dateOfBirth,
      sex: c.sex,
      birthProvince: decodeCccd(sealer.open(c.cccdSealed, 'cccd'))?.province ?? '',
      source: c.source,
      identityLevel: level,
      declaredAt: c.declaredAt.toISOString(),
    };
  }

  function parseQr(text: string) {
    const r = parseCccdQr(text);
    if (!r.ok) invalid([field('body.qrText', r.problem.code, r.problem.vi, r.problem.en)]);
    return r.data;
  }

  /** Which declared fields differ from the card QR (names compared without case and extra spaces). */
  function qrMismatch(
    input: Declaration,
    qr: CccdQr,
  ): Array<'cccdNumber' | 'fullName' | 'dateOfBirth' | 'sex'> {
    const out: Array<'cccdNumber' | 'fullName' | 'dateOfBirth' | 'sex'> = [];
    if (qr.cccdNumber !== input.cccdNumber) out.push('cccdNumber');
    if (fold(qr.fullName) !== fold(input.fullName)) out.push('fullName');
    if (qr.dateOfBirth !== input.dateOfBirth) out.push('dateOfBirth');
    if (qr.sex !== input.sex) out.push('sex');
    return out;
  }

  /** Field errors of a declaration, the parsed card QR, and which declared fields differ from the QR. */
  function checkDeclaration(input: Declaration) {
    const fields: FieldError[] = [];
    if (input.dateOfBirth > new Date().toISOString().slice(0, 10) || input.dateOfBirth < '1900-01-01')
      fields.push(
        field(
          'body.dateOfBirth',
          'date_of_birth_range',
          'Ngày sinh không hợp lệ.',
          'The birth date is not valid.',
        ),
      );
    for (const i of checkCccd(input.cccdNumber, { sex: input.sex, dateOfBirth: input.dateOfBirth }))
      fields.push(field('body.cccdNumber', i.code, i.vi, i.en));
    let qr: CccdQr | null = null;
    let mismatch: string[] = [];
    if (input.qrText !== undefined) {
      const r = parseCccdQr(input.qrText);
      if (!r.ok) fields.push(field('body.qrText', r.problem.code, r.problem.vi, r.problem.en));
      else {
        qr = r.data;
        mismatch = qrMismatch(input, qr);
      }
    }
    return { fields, qr, qrMismatch: mismatch };
  }

  /**
   * Record the card for this account inside the caller's transaction and raise its level. One number,
   * one account: when another account holds it, nothing is saved, a flag is raised and 'taken' returned.
   */
  async function saveIdentity(
    userId: string,
    input: Declaration,
    qr: CccdQr | null,
    level: 1 | 2,
    actor: AuditActor,
    t: Transaction,
    faceEmbeddingSealed: string | null = null,
  ): Promise<'ok' | 'taken'> {
    const hash = sealer.lookupHash(input.cccdNumber, 'cccd');
    const masked = maskCccd(input.cccdNumber);
    await sequelize.query('SELECT pg_advisory_xact_lock(hashtext(:h))', {
      replacements: { h: hash },
      transaction: t,
    });
    const owner = await CitizenIdentity.findOne({ where: { cccdHash: hash }, transaction: t });
    if (owner && owner.userId !== userId) {
      await IdentityFlag.create(
        { userId, kind: 'duplicate_cccd', otherUserId: owner.userId, details: { cccdMasked: masked } },
        { transaction: t },
      );
      await audit(
        actor,
        {
          action: 'identity.duplicate_cccd',
          entityType: 'user',
          entityId: userId,
          details: { cccdMasked: masked },
        },
        t,
      );
      return 'taken';
    }
    const source = qr ? 'qr' : 'manual';
    await CitizenIdentity.upsert(
      {
        userId,
        cccdHash: hash,
        cccdSealed: sealer.seal(input.cccdNumber, 'cccd'),
        cccdMasked: masked,
        fullName: input.fullName,
        dateOfBirth: input.dateOfBirth,
        sex: input.sex,
        birthProvinceCode: input.cccdNumber.slice(0, 3),
        addressSealed: qr ? sealer.seal(qr.address, 'address') : null,
        issuedOn: qr?.issuedOn ?? null,
        source,
        declaredAt: new Date(),
        // Level 2 keeps the card portrait's face print (sealed): a new phone is checked against it.
        ...(faceEmbeddingSealed ? { faceEmbeddingSealed } : {}),
      },
      { transaction: t },
    );
    await sequelize.query(
      'UPDATE users SET identity_level = GREATEST(identity_level, :level) WHERE id = :id',
      {
        replacements: { level, id: userId },
        transaction: t,
      },
    );
    await audit(
      actor,
      {
        action: 'identity.declare',
        entityType: 'user',
        entityId: userId,
        details: { cccdMasked: masked, source, level },
      },
      t,
    );
    return 'ok';
  }

  async function declare(userId: string, input: Declaration, actor: AuditActor) {
    const { fields, qr, qrMismatch } = checkDeclaration(input);
    for (const name of qrMismatch)
      fields.push(
        field(
          `body.${name}`,
          'qr_mismatch',
          'Thông tin khai báo khác với mã QR trên thẻ CCCD.',
          'The declared value differs from the QR on the card.',
        ),
      );
    if (fields.length) invalid(fields);
    const user = await User.findByPk(userId);
    if (!user) throw new NotFound();
    if (user.identityLevel >= 2)
      throw new Conflict('identity_locked', {
        vi: 'Danh tính đã được xác thực khuôn mặt; muốn đổi thông tin CCCD, hãy liên hệ bộ phận hỗ trợ.',
        en: 'The identity is already face-verified; contact support to change the card data.',
      });
    const outcome = await sequelize.transaction((t) => saveIdentity(userId, input, qr, 1, actor, t));
    if (outcome === 'taken') throw cccdTaken();
    return get(userId);
  }

  async function get(userId: string) {
    const [card, user] = await Promise.all([CitizenIdentity.findByPk(userId), User.findByPk(userId)]);
    if (!card || !user)
      throw new NotFound('identity_not_declared', {
        vi: 'Bạn chưa khai báo thông tin CCCD.',
        en: 'No citizen ID card has been declared yet.',
      });
    return toDto(card, user.identityLevel);
  }

  /** Features that need a level call this; the error says what to do. */
  async function requireLevel(userId: string, level: 1 | 2) {
    const user = await User.findByPk(userId, { attributes: ['identityLevel'] });
    if (!user || user.identityLevel < level)
      throw new Forbidden(
        'identity_level_required',
        level === 1
          ? {
              vi: 'Chức năng này cần định danh mức 1: hãy khai báo thông tin CCCD trong Tài khoản.',
              en: 'This needs identity level 1: declare your citizen ID card under Account.',
            }
          : {
              vi: 'Chức năng này cần định danh mức 2: hãy xác thực khuôn mặt với ảnh CCCD.',
              en: 'This needs identity level 2: verify your face against your ID card.',
            },
        { extra: { requiredLevel: level, currentLevel: user?.identityLevel ?? 0 } },
      );
  }

  return { declare, get, parseQr, requireLevel, checkDeclaration, saveIdentity, invalid, qrMismatch };
}

export type CardService = ReturnType<typeof createCardService>;
