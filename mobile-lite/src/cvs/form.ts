import type { components } from '../api/schema';
import type { MessageKey } from '../i18n';
import { millions } from '../jobs/format';

/**
 * The CV form's state (text as typed), its rules (the API's, checked on the phone first), row editing and the
 * request body. Rows are keyed so errors stay on the right row while rows are added and removed; a row left
 * completely blank is dropped rather than refused.
 */
export type CvView = components['schemas']['CvView'];
export type CvBody = components['schemas']['CvCreate'];
export type LanguageLevel = components['schemas']['CvLanguage']['level'];
export const LEVELS: readonly LanguageLevel[] = ['basic', 'intermediate', 'advanced', 'native'];

export interface EducationRow {
  key: number;
  school: string;
  degree: string;
  field: string;
  from: string;
  to: string;
}
export interface ExperienceRow {
  key: number;
  company: string;
  position: string;
  from: string;
  to: string;
  description: string;
}
export interface CertificateRow {
  key: number;
  name: string;
  issuer: string;
  year: string;
}
export interface LanguageRow {
  key: number;
  language: string;
  level: LanguageLevel;
}
export interface Rows {
  education: EducationRow;
  experience: ExperienceRow;
  certificates: CertificateRow;
  languages: LanguageRow;
}
export type RowList = keyof Rows;

export interface CvForm {
  title: string;
  /** Million VND a month, as typed ("8,5"). */
  salary: string;
  summary: string;
  education: EducationRow[];
  experience: ExperienceRow[];
  certificates: CertificateRow[];
  languages: LanguageRow[];
  skills: string[];
  isDefault: boolean;
  searchable: boolean;
}

export const LIMITS = { education: 20, experience: 30, certificates: 30, languages: 10, skills: 30 } as const;
export const SKILL_MAX = 60;
/** Longest text of each input (the API's limits). */
const MAX: Record<string, number> = {
  title: 150,
  summary: 2000,
  school: 200,
  degree: 100,
  field: 100,
  company: 200,
  position: 150,
  description: 1000,
  name: 200,
  issuer: 200,
  language: 60,
};

let lastKey = 0;
const key = () => ++lastKey;

export function blankRow<L extends RowList>(list: L): Rows[L] {
  const rows: { [K in RowList]: () => Rows[K] } = {
    education: () => ({ key: key(), school: '', degree: '', field: '', from: '', to: '' }),
    experience: () => ({ key: key(), company: '', position: '', from: '', to: '', description: '' }),
    certificates: () => ({ key: key(), name: '', issuer: '', year: '' }),
    languages: () => ({ key: key(), language: '', level: 'basic' }),
  };
  return rows[list]();
}

export function emptyForm(): CvForm {
  return {
    title: '',
    salary: '',
    summary: '',
    education: [],
    experience: [],
    certificates: [],
    languages: [],
    skills: [],
    isDefault: false,
    searchable: false,
  };
}

/** A saved CV back into the form. */
export function formFromCv(cv: CvView): CvForm {
  return {
    title: cv.title,
    salary: cv.desiredSalary === null ? '' : millions(cv.desiredSalary),
    summary: cv.summary ?? '',
    education: cv.education.map((e) => ({
      key: key(),
      school: e.school,
      degree: e.degree ?? '',
      field: e.field ?? '',
      from: e.from ?? '',
      to: e.to ?? '',
    })),
    experience: cv.experience.map((e) => ({
      key: key(),
      company: e.company,
      position: e.position,
      from: e.from,
      to: e.to ?? '',
      description: e.description ?? '',
    })),
    certificates: cv.certificates.map((c) => ({
      key: key(),
      name: c.name,
      issuer: c.issuer ?? '',
      year: c.year === undefined ? '' : String(c.year),
    })),
    languages: cv.languages.map((l) => ({ key: key(), language: l.language, level: l.level })),
    skills: [...cv.skills],
    isDefault: cv.isDefault,
    searchable: cv.searchable,
  };
}

const rowsOf = <L extends RowList>(form: CvForm, list: L) => form[list] as Rows[L][];

/** One more blank row, unless the list is full. */
export function addRow(form: CvForm, list: RowList): CvForm {
  if (form[list].length >= LIMITS[list]) return form;
  return { ...form, [list]: [...rowsOf(form, list), blankRow(list)] };
}

export function removeRow(form: CvForm, list: RowList, rowKey: number): CvForm {
  return { ...form, [list]: rowsOf(form, list).filter((r) => r.key !== rowKey) };
}

export function editRow<L extends RowList>(
  form: CvForm,
  list: L,
  rowKey: number,
  change: Partial<Omit<Rows[L], 'key'>>,
): CvForm {
  return { ...form, [list]: rowsOf(form, list).map((r) => (r.key === rowKey ? { ...r, ...change } : r)) };
}

/** Adds a typed skill (trimmed, not twice whatever the case): the new list, or why not. */
export function addSkill(skills: readonly string[], typed: string): { skills: string[]; error?: MessageKey } {
  const skill = typed.trim().replace(/\s+/g, ' ');
  if (!skill) return { skills: [...skills] };
  if (skill.length > SKILL_MAX) return { skills: [...skills], error: 'cvs.v.skillLong' };
  const low = skill.toLocaleLowerCase('vi');
  if (skills.some((s) => s.toLocaleLowerCase('vi') === low))
    return { skills: [...skills], error: 'cvs.v.skillTwice' };
  if (skills.length >= LIMITS.skills) return { skills: [...skills], error: 'cvs.v.skillsFull' };
  return { skills: [...skills, skill] };
}

/** "8", "8,5" or "8.5" million a month → VND; empty → null; anything else → undefined. */
export function parseSalary(text: string): number | null | undefined {
  const s = text.trim().replace(/\s+/g, '');
  if (!s) return null;
  if (!/^\d{1,5}([.,]\d{1,3})?$/.test(s)) return undefined;
  const vnd = Math.round(Number(s.replace(',', '.')) * 1_000_000);
  return vnd <= 10_000_000_000 ? vnd : undefined;
}

/** `YYYY-MM` (a month input) or `MM/YYYY` (typed) → `YYYY-MM`; empty → ''; anything else → undefined. */
export function parseMonth(text: string): string | undefined {
  const s = text.trim();
  if (!s) return '';
  const iso = /^(\d{4})-(\d{2})$/.exec(s);
  const typed = /^(\d{1,2})\/(\d{4})$/.exec(s);
  const [year, month] = iso ? [iso[1]!, iso[2]!] : typed ? [typed[2]!, typed[1]!.padStart(2, '0')] : [];
  if (!year || !month || Number(month) < 1 || Number(month) > 12) return undefined;
  return `${year}-${month}`;
}

export interface Problem {
  key: MessageKey;
  params?: Record<string, number>;
}
/** Errors by input: `title`, `salary`, `skills`, `education.<row key>.school`… */
export type FormErrors = Record<string, Problem>;

const blank = (row: object) =>
  Object.entries(row).every(([k, v]) => k === 'key' || k === 'level' || String(v).trim() === '');

/** The rows that will be sent (blank ones left out). */
export const filled = <L extends RowList>(form: CvForm, list: L): Rows[L][] =>
  rowsOf(form, list).filter((r) => !blank(r));

export function checkCvForm(form: CvForm): FormErrors {
  const errors: FormErrors = {};
  const text = (name: string, value: string, required = false) => {
    const v = value.trim();
    if (required && !v) errors[name] = { key: 'cvs.v.required' };
    else if (v.length > (MAX[name.split('.').pop()!] ?? Infinity))
      errors[name] = { key: 'cvs.v.long', params: { max: MAX[name.split('.').pop()!]! } };
  };
  const period = (at: string, from: string, to: string, fromRequired: boolean) => {
    const f = parseMonth(from);
    const t = parseMonth(to);
    if (f === undefined || (fromRequired && f === ''))
      errors[`${at}.from`] = { key: f === '' ? 'cvs.v.required' : 'cvs.v.month' };
    if (t === undefined) errors[`${at}.to`] = { key: 'cvs.v.month' };
    else if (f && t && f > t) errors[`${at}.to`] = { key: 'cvs.v.order' };
  };
  text('title', form.title, true);
  if (parseSalary(form.salary) === undefined) errors.salary = { key: 'cvs.v.salary' };
  text('summary', form.summary);
  for (const r of filled(form, 'education')) {
    const at = `education.${r.key}`;
    text(`${at}.school`, r.school, true);
    text(`${at}.degree`, r.degree);
    text(`${at}.field`, r.field);
    period(at, r.from, r.to, false);
  }
  for (const r of filled(form, 'experience')) {
    const at = `experience.${r.key}`;
    text(`${at}.company`, r.company, true);
    text(`${at}.position`, r.position, true);
    text(`${at}.description`, r.description);
    period(at, r.from, r.to, true);
  }
  for (const r of filled(form, 'certificates')) {
    const at = `certificates.${r.key}`;
    text(`${at}.name`, r.name, true);
    text(`${at}.issuer`, r.issuer);
    const y = r.year.trim();
    if (y && !(/^\d{4}$/.test(y) && Number(y) >= 1950 && Number(y) <= 2100))
      errors[`${at}.year`] = { key: 'cvs.v.year' };
  }
  for (const r of filled(form, 'languages')) text(`languages.${r.key}.language`, r.language, true);
  return errors;
}

const optional = (v: string) => {
  const s = v.trim();
  return s ? s : undefined;
};
/** Leaves out the keys whose value is undefined (the API refuses nothing, but keeps bodies small). */
const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * The body of POST /work/cvs or PATCH /work/cvs/{id} for a form that passed `checkCvForm`, and which row each
 * array item came from (to put the API's `education.2.school` errors on the right row). `isDefault` is only
 * sent to set it: a CV stops being the default when another one becomes it.
 */
export function cvPayload(form: CvForm): { body: CvBody; rows: Record<RowList, number[]> } {
  const education = filled(form, 'education');
  const experience = filled(form, 'experience');
  const certificates = filled(form, 'certificates');
  const languages = filled(form, 'languages');
  const body: CvBody = {
    title: form.title.trim(),
    desiredSalary: parseSalary(form.salary) ?? null,
    summary: optional(form.summary) ?? null,
    education: education.map((r) =>
      compact({
        school: r.school.trim(),
        degree: optional(r.degree),
        field: optional(r.field),
        from: parseMonth(r.from) || undefined,
        to: parseMonth(r.to) || undefined,
      }),
    ),
    experience: experience.map((r) =>
      compact({
        company: r.company.trim(),
        position: r.position.trim(),
        from: parseMonth(r.from) ?? '',
        to: parseMonth(r.to) || null,
        description: optional(r.description),
      }),
    ),
    skills: [...form.skills],
    certificates: certificates.map((r) =>
      compact({
        name: r.name.trim(),
        issuer: optional(r.issuer),
        year: r.year.trim() ? Number(r.year) : undefined,
      }),
    ),
    languages: languages.map((r) => ({ language: r.language.trim(), level: r.level })),
    searchable: form.searchable,
    ...(form.isDefault ? { isDefault: true } : {}),
  };
  return {
    body,
    rows: {
      education: education.map((r) => r.key),
      experience: experience.map((r) => r.key),
      certificates: certificates.map((r) => r.key),
      languages: languages.map((r) => r.key),
    },
  };
}
