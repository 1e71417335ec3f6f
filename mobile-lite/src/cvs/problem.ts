import { describeProblem, type ShownError } from '../api/problem';
import type { RowList } from './form';

/**
 * Where an API field error belongs: `body.education.1.to` → `education.<key of the 2nd sent row>.to`,
 * `body.skills.3` → `skills`, `body.desiredSalary` → `salary`; undefined when it is no input of the form.
 */
export function formField(path: unknown, rows: Record<RowList, number[]>): string | undefined {
  const parts = (
    Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split('.') : []
  ).filter((p) => p && p !== 'body');
  const [first, index, field] = parts;
  if (first === 'desiredSalary') return 'salary';
  if (first === 'title' || first === 'summary' || first === 'skills') return first;
  if (first && first in rows && index !== undefined && field) {
    const rowKey = rows[first as RowList][Number(index)];
    return rowKey === undefined ? undefined : `${first}.${rowKey}.${field}`;
  }
  return undefined;
}

/** An API problem with each field error under its input of this form. */
export function describeCvProblem(problem: unknown, rows: Record<RowList, number[]>): ShownError {
  const p = problem as { errors?: unknown } | null;
  if (!p || typeof p !== 'object' || !Array.isArray(p.errors)) return describeProblem(problem);
  const fields: string[] = [];
  const errors = p.errors.map((e: { path?: unknown } | null) => {
    const name = e && typeof e === 'object' ? formField(e.path, rows) : undefined;
    if (!name) return e;
    fields.push(name);
    return { ...e, path: [name] };
  });
  return describeProblem({ ...p, errors }, fields);
}
