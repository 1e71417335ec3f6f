import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { NotFound, ValidationError, type FieldError } from '../../platform/errors.ts';
import { personalDataIn, redact, type RedactionKind } from './publication.redact.ts';

export interface PublicationInput {
  published: boolean;
  publicTitle?: string | null | undefined;
  publicDescription?: string | null | undefined;
}

interface Row {
  title: string;
  description: string;
  published: boolean;
  public_title: string | null;
  public_description: string | null;
  published_at: Date | null;
  full_name: string | null;
}

const KIND_VI: Record<RedactionKind, string> = {
  email: 'email',
  phone: 'số điện thoại',
  id_number: 'số CCCD/CMND',
  plate: 'biển số xe',
  house_number: 'số nhà',
  name: 'họ tên',
};
const KIND_EN: Record<RedactionKind, string> = {
  email: 'e-mail address',
  phone: 'phone number',
  id_number: 'ID number',
  plate: 'licence plate',
  house_number: 'house number',
  name: 'name',
};

const NOT_FOUND = { vi: 'Không tìm thấy phản ánh.', en: 'No such report.' };

/**
 * Publication of a report: the province chooses which reports the public sees (Open311), with a public title
 * and description that the operator reviews — an automatically redacted version of the citizen's text is
 * suggested. Nothing else of the report (reporter, photos, internal notes) is ever public.
 */
export function createPublicationService(deps: { sequelize: Sequelize }) {
  const { sequelize } = deps;

  async function load(id: string): Promise<Row> {
    const [r] = await sequelize.query<Row>(
      `SELECT r.title, r.description, r.published, r.public_title, r.public_description, r.published_at, u.full_name
       FROM feedback_reports r LEFT JOIN users u ON u.id = r.user_id WHERE r.id = :id`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    if (!r) throw new NotFound('feedback_not_found', NOT_FOUND);
    return r;
  }

  const view = (r: Row) => {
    const names = r.full_name ? [r.full_name] : [];
    return {
      published: r.published,
      publicTitle: r.public_title,
      publicDescription: r.public_description,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      suggested: {
        title: redact(r.title, { names }).text,
        description: redact(r.description, { names }).text,
      },
    };
  };

  async function get(id: string) {
    return view(await load(id));
  }

  async function put(id: string, input: PublicationInput, actor: AuditActor) {
    const current = await load(id);
    // Omitted texts keep their stored value (withdraw and re-publish without retyping); null clears them.
    const title = input.publicTitle === undefined ? current.public_title : input.publicTitle?.trim() || null;
    const description =
      input.publicDescription === undefined
        ? current.public_description
        : input.publicDescription?.trim() || null;
    const fields: FieldError[] = [];
    const fail = (path: string, code: string, vi: string, en: string) =>
      fields.push({ path, code, message: vi, messages: { vi, en } });
    if (input.published) {
      if (!title || title.length < 5)
        fail(
          'body.publicTitle',
          'public_title_required',
          'Cần tiêu đề công khai (ít nhất 5 ký tự).',
          'A public title of at least 5 characters is required.',
        );
      if (!description || description.length < 10)
        fail(
          'body.publicDescription',
          'public_description_required',
          'Cần nội dung công khai (ít nhất 10 ký tự).',
          'A public description of at least 10 characters is required.',
        );
    }
    const names = current.full_name ? [current.full_name] : [];
    for (const [path, text] of [
      ['body.publicTitle', title],
      ['body.publicDescription', description],
    ] as const) {
      if (!text) continue;
      const kinds = [
        ...new Set([...personalDataIn(text), ...redact(text, { names, houseNumbers: false }).found]),
      ];
      if (kinds.length)
        fail(
          path,
          'personal_data_in_public_text',
          `Nội dung công khai còn thông tin cá nhân: ${kinds.map((k) => KIND_VI[k]).join(', ')}.`,
          `The public text still contains personal data: ${kinds.map((k) => KIND_EN[k]).join(', ')}.`,
        );
    }
    if (fields.length)
      throw new ValidationError(
        fields[0]?.code,
        { vi: fields.map((f) => f.messages.vi).join(' '), en: fields.map((f) => f.messages.en).join(' ') },
        { fields },
      );
    await sequelize.transaction(async (t) => {
      await sequelize.query(
        `UPDATE feedback_reports SET published = :published, public_title = :title, public_description = :description,
           published_at = CASE WHEN :published THEN coalesce(published_at, now()) ELSE NULL END
         WHERE id = :id`,
        { replacements: { id, published: input.published, title, description }, transaction: t },
      );
      await audit(
        actor,
        {
          action: input.published ? 'feedback.publish' : 'feedback.unpublish',
          entityType: 'feedback',
          entityId: id,
          details: { published: input.published, was: current.published, publicTitle: title },
        },
        t,
      );
    });
    return get(id);
  }

  return { get, put };
}

export type PublicationService = ReturnType<typeof createPublicationService>;
