import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { ValidationError, type Bilingual, type FieldError } from '../../platform/errors.ts';
import type { PostingDto } from './postings.schemas.ts';

/** Row of job_postings joined with its company name and application count. */
export interface PostingRow {
  id: string;
  company_id: string;
  company_name: string;
  title: string;
  description: string;
  requirements: string;
  openings: number;
  salary_min: string | null;
  salary_max: string | null;
  salary_negotiable: boolean;
  employment_type: PostingDto['employmentType'];
  shifts: string[];
  industry: string;
  commune_code: string;
  zone_code: string | null;
  lat: number | null;
  lng: number | null;
  benefits: string[];
  deadline: string | null;
  status: PostingDto['status'];
  rejection_reason: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  applications: string | number;
  created_by: string | null;
}

export const POSTING_SELECT = `
  SELECT p.*, p.deadline::text AS deadline, c.name AS company_name,
    (SELECT count(*) FROM job_applications a WHERE a.posting_id = p.id) AS applications
  FROM job_postings p JOIN companies c ON c.id = p.company_id`;

const num = (v: string | null) => (v === null ? null : Number(v));

export function toPostingDto(r: PostingRow): PostingDto {
  return {
    id: r.id,
    companyId: r.company_id,
    companyName: r.company_name,
    title: r.title,
    description: r.description,
    requirements: r.requirements,
    openings: r.openings,
    salaryMin: num(r.salary_min),
    salaryMax: num(r.salary_max),
    salaryNegotiable: r.salary_negotiable,
    employmentType: r.employment_type,
    shifts: r.shifts,
    industry: r.industry,
    communeCode: r.commune_code,
    zoneCode: r.zone_code,
    lat: r.lat,
    lng: r.lng,
    benefits: r.benefits,
    deadline: r.deadline,
    status: r.status,
    rejectionReason: r.rejection_reason,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    applications: Number(r.applications),
  };
}

const field = (path: string, code: string, messages: Bilingual): FieldError => ({
  path,
  code,
  message: messages.vi,
  messages,
});

export interface SalaryInput {
  salaryMin: number | null;
  salaryMax: number | null;
  salaryNegotiable: boolean;
}

/** Salary: VND integers ≥ 0, max ≥ min; both required unless negotiable. Each mistake has its own code. */
export function checkSalary(s: SalaryInput): void {
  const negative = (['salaryMin', 'salaryMax'] as const).filter((k) => s[k] !== null && s[k] < 0);
  if (negative.length) {
    const m = { vi: 'Mức lương không được âm.', en: 'Salary cannot be negative.' };
    throw new ValidationError('salary_negative', m, {
      fields: negative.map((k) => field(`body.${k}`, 'salary_negative', m)),
    });
  }
  if (s.salaryMin !== null && s.salaryMax !== null && s.salaryMax < s.salaryMin) {
    const m = {
      vi: 'Lương tối đa phải lớn hơn hoặc bằng lương tối thiểu.',
      en: 'The maximum salary must be at least the minimum.',
    };
    throw new ValidationError('salary_inverted', m, {
      fields: [field('body.salaryMax', 'salary_inverted', m)],
    });
  }
  if (!s.salaryNegotiable && (s.salaryMin === null || s.salaryMax === null)) {
    const m = {
      vi: 'Nhập lương tối thiểu và tối đa, hoặc chọn "Thỏa thuận".',
      en: 'Give a minimum and maximum salary, or mark it negotiable.',
    };
    throw new ValidationError('salary_required', m, {
      fields: (['salaryMin', 'salaryMax'] as const)
        .filter((k) => s[k] === null)
        .map((k) => field(`body.${k}`, 'salary_required', m)),
    });
  }
}

/** Today in Viet Nam (the deadline is a local date). */
export async function todayVn(sequelize: Sequelize, t?: Transaction): Promise<string> {
  const [r] = await sequelize.query<{ d: string }>(
    `SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS d`,
    { type: QueryTypes.SELECT, transaction: t },
  );
  return r!.d;
}

export function checkDeadline(deadline: string | null, today: string): void {
  if (deadline === null) return;
  const valid = !Number.isNaN(Date.parse(`${deadline}T00:00:00Z`));
  if (!valid || deadline < today) {
    const m = valid
      ? { vi: 'Hạn nộp hồ sơ đã qua.', en: 'The application deadline is in the past.' }
      : { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' };
    const code = valid ? 'deadline_past' : 'invalid_date';
    throw new ValidationError(code, m, { fields: [field('body.deadline', code, m)] });
  }
}

/** Fields whose change sends a published posting back to review: what a worker relies on. */
export const REVIEW_FIELDS = [
  'salaryMin',
  'salaryMax',
  'salaryNegotiable',
  'communeCode',
  'zoneCode',
  'requirements',
];
