import type { z } from 'zod';
import type { FieldError, Bilingual } from './errors.ts';
import { ValidationError } from './errors.ts';

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng',
  array: 'danh sách',
  date: 'ngày',
};

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, small: boolean): Bilingual {
  const n = String(
    small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum,
  );
  const origin = issue.origin;
  if (origin === 'string')
    return small
      ? { vi: `Cần ít nhất ${n} ký tự.`, en: `Must be at least ${n} characters.` }
      : { vi: `Tối đa ${n} ký tự.`, en: `Must be at most ${n} characters.` };
  if (origin === 'array' || origin === 'set')
    return small
      ? { vi: `Cần ít nhất ${n} mục.`, en: `Must have at least ${n} items.` }
      : { vi: `Tối đa ${n} mục.`, en: `Must have at most ${n} items.` };
  return small
    ? { vi: `Giá trị phải lớn hơn hoặc bằng ${n}.`, en: `Must be greater than or equal to ${n}.` }
    : { vi: `Giá trị phải nhỏ hơn hoặc bằng ${n}.`, en: `Must be less than or equal to ${n}.` };
}

/** Turn one zod issue into bilingual field errors (unknown keys give one error per key). */
export function issueToFields(issue: z.core.$ZodIssue, prefix: string): FieldError[] {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const make = (code: string, messages: Bilingual, p = path): FieldError => ({
    path: p,
    code,
    message: messages.vi,
    messages,
  });
  const own = (issue as { params?: { code?: string; vi?: string; en?: string } }).params;
  if (own?.vi && own.en) return [make(own.code ?? issue.code, { vi: own.vi, en: own.en })];
  if (
    'input' in issue &&
    issue.input === undefined &&
    issue.code !== 'unrecognized_keys' &&
    issue.code !== 'custom'
  )
    return [make('required', { vi: 'Trường này là bắt buộc.', en: 'This field is required.' })];
  switch (issue.code) {
    case 'invalid_type': {
      const exp = String(issue.expected);
      return [
        make('invalid_type', {
          vi: `Sai kiểu dữ liệu: cần ${TYPE_VI[exp] ?? exp}.`,
          en: `Wrong type: expected ${exp}.`,
        }),
      ];
    }
    case 'too_small':
      return [make('too_small', sizeMessage(issue, true))];
    case 'too_big':
      return [make('too_big', sizeMessage(issue, false))];
    case 'invalid_format':
      return [
        make('invalid_format', {
          vi: `Định dạng không hợp lệ (${issue.format}).`,
          en: `Invalid format (${issue.format}).`,
        }),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((k) =>
        make(
          'unknown_field',
          { vi: `Trường "${k}" không được hỗ trợ.`, en: `Unknown field "${k}".` },
          [path, k].filter(Boolean).join('.'),
        ),
      );
    case 'invalid_value':
      return [
        make('invalid_value', {
          vi: `Giá trị phải là một trong: ${issue.values.map(String).join(', ')}.`,
          en: `Must be one of: ${issue.values.map(String).join(', ')}.`,
        }),
      ];
    case 'custom': {
      const params = (issue.params ?? {}) as { code?: string; vi?: string; en?: string };
      return [
        make(params.code ?? 'invalid', { vi: params.vi ?? issue.message, en: params.en ?? issue.message }),
      ];
    }
    default:
      return [make(issue.code, { vi: 'Giá trị không hợp lệ.', en: issue.message })];
  }
}

/** Parse with a schema or throw a ValidationError listing every field problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((i) => issueToFields(i, prefix));
  throw new ValidationError(
    'validation_failed',
    {
      vi: `Dữ liệu không hợp lệ: ${fields.map((f) => `${f.path || prefix} — ${f.messages.vi}`).join('; ')}`,
      en: `Invalid request: ${fields.map((f) => `${f.path || prefix} — ${f.messages.en}`).join('; ')}`,
    },
    { fields },
  );
}

/** A custom zod issue with its own bilingual message, for refinements. */
export function bilingualIssue(code: string, vi: string, en: string) {
  return { message: en, params: { code, vi, en } };
}
