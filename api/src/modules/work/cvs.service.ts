import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { fileTypeFromBuffer } from 'file-type';
import type { z } from 'zod';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { AuthContext } from '../../platform/auth/permissions.ts';
import { Conflict, NotFound, ValidationError } from '../../platform/errors.ts';
import type { Sealer } from '../../platform/crypto.ts';
import type { CvCreate, CvPatch } from './cvs.schemas.ts';
import { COLS, FROM, summaryOf, type Row } from './cvs.rows.ts';
import { createCvSearch } from './cvs.search.ts';

export const MAX_CVS = 10;
export const PDF_MAX_BYTES = 5 * 1024 * 1024;

const NOT_FOUND = { vi: 'Không tìm thấy hồ sơ (CV).', en: 'No such CV.' };
const notFound = () => new NotFound('cv_not_found', NOT_FOUND);
const pdfContext = (id: string) => `cv-pdf:${id}`;

/** Only the employer's view names the owner; the owner reads `owner: null`. */
const viewOf = (r: Row, forEmployer: boolean) => ({
  ...summaryOf(r),
  summary: r.summary,
  education: r.education,
  experience: r.experience,
  certificates: r.certificates,
  languages: r.languages,
  pdfName: r.pdf_name,
  createdAt: new Date(r.created_at).toISOString(),
  owner: forEmployer ? { id: r.user_id, fullName: r.owner_name ?? '' } : null,
});

export type CvViewDto = ReturnType<typeof viewOf>;

const uniqueSkills = (skills: string[]) => {
  const seen = new Set<string>();
  return skills.filter((s) => {
    const k = s.toLocaleLowerCase('vi');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** A readable, safe file name for Content-Disposition. */
function pdfName(original: string): string {
  // multer reads the multipart file name as latin1: take it back as UTF-8 when that is what it was.
  const utf8 = Buffer.from(original, 'latin1').toString('utf8');
  if (!utf8.includes('\uFFFD') && Buffer.from(utf8, 'utf8').toString('latin1') === original) original = utf8;
  const base = (original.split(/[\\/]/).pop() ?? '')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '"' && ch !== '\u007f')
    .join('')
    .trim()
    .slice(0, 120);
  if (!base) return 'cv.pdf';
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/**
 * Citizens' CVs: several per account, exactly one default, an optional PDF sealed at rest. An employer reads a CV
 * only when its owner applied with it to one of the employer's company's postings (not withdrawn), or it is
 * searchable and the employer belongs to a verified company; otherwise it answers 404 like a missing one.
 */
export function createCvService(deps: { sequelize: Sequelize; sealer: Sealer }) {
  const { sequelize, sealer } = deps;

  const lockUser = (t: Transaction, userId: string) =>
    sequelize.query("SELECT pg_advisory_xact_lock(hashtext('cvs:' || :userId))", {
      replacements: { userId },
      transaction: t,
    });

  async function load(id: string, t?: Transaction): Promise<Row | undefined> {
    const [r] = await sequelize.query<Row>(`SELECT ${COLS} ${FROM} WHERE c.id = :id`, {
      replacements: { id },
      type: QueryTypes.SELECT,
      transaction: t,
    });
    return r;
  }

  async function own(userId: string, id: string, t?: Transaction): Promise<Row> {
    const r = await load(id, t);
    if (!r || r.user_id !== userId) throw notFound();
    return r;
  }

  async function list(userId: string) {
    const rows = await sequelize.query<Row>(
      `SELECT ${COLS} ${FROM} WHERE c.user_id = :userId ORDER BY c.is_default DESC, c.updated_at DESC`,
      { replacements: { userId }, type: QueryTypes.SELECT },
    );
    return { items: rows.map(summaryOf) };
  }

  async function unsetDefault(t: Transaction, userId: string) {
    await sequelize.query('UPDATE cvs SET is_default = false WHERE user_id = :userId AND is_default', {
      replacements: { userId },
      transaction: t,
    });
  }

  async function create(userId: string, input: z.output<typeof CvCreate>) {
    const id = await sequelize.transaction(async (t) => {
      await lockUser(t, userId);
      const [{ n }] = (await sequelize.query<{ n: string }>(
        'SELECT count(*) AS n FROM cvs WHERE user_id = :userId',
        {
          replacements: { userId },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      )) as [{ n: string }];
      if (Number(n) >= MAX_CVS)
        throw new Conflict('too_many_cvs', {
          vi: `Mỗi tài khoản giữ tối đa ${MAX_CVS} hồ sơ.`,
          en: `An account keeps at most ${MAX_CVS} CVs.`,
        });
      const isDefault = Number(n) === 0 || input.isDefault === true;
      if (isDefault) await unsetDefault(t, userId);
      const [row] = await sequelize.query<{ id: string }>(
        `INSERT INTO cvs (user_id, title, desired_salary, summary, education, experience, skills, certificates,
           languages, is_default, searchable)
         VALUES (:userId, :title, :desiredSalary, :summary, :education, :experience,
           array_remove(ARRAY[:skills]::text[], NULL), :certificates, :languages, :isDefault, :searchable)
         RETURNING id`,
        {
          replacements: {
            userId,
            title: input.title,
            desiredSalary: input.desiredSalary ?? null,
            summary: input.summary || null,
            education: JSON.stringify(input.education),
            experience: JSON.stringify(input.experience),
            skills: input.skills.length ? uniqueSkills(input.skills) : [null],
            certificates: JSON.stringify(input.certificates),
            languages: JSON.stringify(input.languages),
            isDefault,
            searchable: input.searchable,
          },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      );
      return row!.id;
    });
    return viewOf(await own(userId, id), false);
  }

  async function update(userId: string, id: string, input: z.output<typeof CvPatch>) {
    await sequelize.transaction(async (t) => {
      await lockUser(t, userId);
      const r = await own(userId, id, t);
      if (input.isDefault === false && r.is_default)
        throw new Conflict('default_required', {
          vi: 'Cần có một hồ sơ mặc định: hãy chọn hồ sơ khác làm mặc định.',
          en: 'One CV must be the default: make another CV the default instead.',
        });
      if (input.isDefault === true && !r.is_default) await unsetDefault(t, userId);
      const sets: string[] = ['updated_at = now()'];
      const rep: Record<string, unknown> = { id };
      const put = (col: string, key: string, value: unknown, cast = '') => {
        sets.push(col === 'skills' ? 'skills = ARRAY[:skills]::text[]' : `${col} = :${key}${cast}`);
        rep[key] = value;
      };
      if (input.title !== undefined) put('title', 'title', input.title);
      if (input.desiredSalary !== undefined) put('desired_salary', 'desiredSalary', input.desiredSalary);
      if (input.summary !== undefined) put('summary', 'summary', input.summary || null);
      for (const key of ['education', 'experience', 'certificates', 'languages'] as const)
        if (input[key] !== undefined) put(key, key, JSON.stringify(input[key]), '::jsonb');
      if (input.skills?.length) put('skills', 'skills', uniqueSkills(input.skills));
      else if (input.skills) sets.push(`skills = '{}'::text[]`);
      if (input.isDefault === true) put('is_default', 'isDefault', true);
      if (input.searchable !== undefined) put('searchable', 'searchable', input.searchable);
      await sequelize.query(`UPDATE cvs SET ${sets.join(', ')} WHERE id = :id`, {
        replacements: rep,
        transaction: t,
      });
    });
    return viewOf(await own(userId, id), false);
  }

  async function remove(userId: string, id: string) {
    await sequelize.transaction(async (t) => {
      await lockUser(t, userId);
      const r = await own(userId, id, t);
      await sequelize.query('DELETE FROM cvs WHERE id = :id', { replacements: { id }, transaction: t });
      // The most recently updated remaining CV becomes the default.
      if (r.is_default)
        await sequelize.query(
          `UPDATE cvs SET is_default = true WHERE id = (
             SELECT id FROM cvs WHERE user_id = :userId ORDER BY updated_at DESC, id LIMIT 1)`,
          { replacements: { userId }, transaction: t },
        );
    });
  }

  async function setPdf(userId: string, id: string, file: { buffer: Buffer; originalName: string }) {
    await own(userId, id);
    const type = await fileTypeFromBuffer(file.buffer);
    if (type?.mime !== 'application/pdf') {
      const messages = {
        vi: 'Tệp đính kèm phải là PDF (kiểm tra theo nội dung tệp, không theo tên).',
        en: 'The file must be a PDF (checked by its content, not its name).',
      };
      throw new ValidationError('pdf_expected', messages, {
        fields: [{ path: 'files.pdf', code: 'pdf_expected', message: messages.vi, messages }],
      });
    }
    await sequelize.query(
      'UPDATE cvs SET pdf = :pdf, pdf_name = :name, updated_at = now() WHERE id = :id AND user_id = :userId',
      {
        replacements: {
          id,
          userId,
          pdf: sealer.sealBytes(file.buffer, pdfContext(id)),
          name: pdfName(file.originalName),
        },
      },
    );
    return viewOf(await own(userId, id), false);
  }

  async function removePdf(userId: string, id: string) {
    await own(userId, id);
    await sequelize.query('UPDATE cvs SET pdf = NULL, pdf_name = NULL, updated_at = now() WHERE id = :id', {
      replacements: { id },
    });
  }

  /** Whether an employer account may read this CV (see the service's comment). */
  async function employerMaySee(employerId: string, cvId: string, t?: Transaction): Promise<boolean> {
    const rows = await sequelize.query(
      `SELECT 1 FROM cvs c WHERE c.id = :cvId AND (
         EXISTS (SELECT 1 FROM job_applications a
                   JOIN job_postings p ON p.id = a.posting_id
                   JOIN company_members m ON m.company_id = p.company_id AND m.user_id = :employerId
                  WHERE a.cv_id = c.id AND a.user_id = c.user_id AND a.status <> 'withdrawn')
         OR (c.searchable AND EXISTS (SELECT 1 FROM company_members m JOIN companies co ON co.id = m.company_id
                                       WHERE m.user_id = :employerId AND co.status = 'verified')))`,
      { replacements: { cvId, employerId }, type: QueryTypes.SELECT, transaction: t },
    );
    return rows.length > 0;
  }

  /** The owner's CV, or one an employer may read (audited); anything else is 404. */
  async function read(auth: AuthContext, id: string, actor: AuditActor) {
    const r = await load(id);
    if (!r) throw notFound();
    if (r.user_id === auth.userId) return { row: r, view: viewOf(r, false) };
    if (!auth.permissions.has('jobs:post') || !(await employerMaySee(auth.userId, id))) throw notFound();
    await audit(actor, { action: 'work.cv.view', entityType: 'cv', entityId: id });
    return { row: r, view: viewOf(r, true) };
  }

  async function get(auth: AuthContext, id: string, actor: AuditActor) {
    return (await read(auth, id, actor)).view;
  }

  async function pdf(auth: AuthContext, id: string, actor: AuditActor) {
    const { row } = await read(auth, id, actor);
    const [p] = await sequelize.query<{ pdf: Buffer | null }>('SELECT pdf FROM cvs WHERE id = :id', {
      replacements: { id },
      type: QueryTypes.SELECT,
    });
    if (!p?.pdf)
      throw new NotFound('cv_pdf_not_found', {
        vi: 'Hồ sơ này không có tệp PDF.',
        en: 'This CV has no PDF.',
      });
    return { bytes: sealer.openBytes(p.pdf, pdfContext(id)), name: row.pdf_name ?? 'cv.pdf' };
  }

  /** Searchable CVs, for members of a verified company; accents and case ignored. */
  async function forApplication(userId: string, cvId: string | undefined, t?: Transaction) {
    if (cvId) return own(userId, cvId, t);
    const [r] = await sequelize.query<Row>(
      `SELECT ${COLS} ${FROM} WHERE c.user_id = :userId AND c.is_default`,
      {
        replacements: { userId },
        type: QueryTypes.SELECT,
        transaction: t,
      },
    );
    if (!r)
      throw new ValidationError('cv_required', {
        vi: 'Hãy tạo một hồ sơ (CV) trước khi ứng tuyển.',
        en: 'Create a CV before applying.',
      });
    return r;
  }

  const search = createCvSearch({ sequelize });

  return {
    list,
    create,
    update,
    remove,
    setPdf,
    removePdf,
    get,
    pdf,
    search,
    employerMaySee,
    forApplication,
    viewOf,
    load,
  };
}

export type CvService = ReturnType<typeof createCvService>;
