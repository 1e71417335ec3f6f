/** The columns of a CV read by the CV service and its search, and the summary every list shows. */
export interface Row {
  id: string;
  user_id: string;
  title: string;
  desired_salary: string | null;
  summary: string | null;
  education: unknown[];
  experience: unknown[];
  skills: string[];
  certificates: unknown[];
  languages: unknown[];
  pdf_name: string | null;
  has_pdf: boolean;
  is_default: boolean;
  searchable: boolean;
  created_at: Date;
  updated_at: Date;
  owner_name?: string;
}

export const COLS = `c.id, c.user_id, c.title, c.desired_salary, c.summary, c.education, c.experience, c.skills,
  c.certificates, c.languages, c.pdf_name, (c.pdf IS NOT NULL) AS has_pdf, c.is_default, c.searchable,
  c.created_at, c.updated_at, u.full_name AS owner_name`;
export const FROM = 'FROM cvs c JOIN users u ON u.id = c.user_id';

export const summaryOf = (r: Row) => ({
  id: r.id,
  title: r.title,
  desiredSalary: r.desired_salary === null ? null : Number(r.desired_salary),
  skills: r.skills,
  isDefault: r.is_default,
  searchable: r.searchable,
  hasPdf: r.has_pdf,
  updatedAt: new Date(r.updated_at).toISOString(),
});
