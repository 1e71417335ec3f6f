import { describe, expect, it } from 'vitest';
import { fieldErrors, problemMessage, toProblem } from './problem';

const body = {
  type: 'https://daklak.id/problems/validation-failed',
  title: 'Bad Request',
  status: 400,
  code: 'validation_failed',
  detail: 'Dữ liệu không hợp lệ',
  messages: { vi: 'Dữ liệu không hợp lệ', en: 'The request is not valid' },
  errors: [
    {
      path: 'body.reason',
      code: 'too_small',
      message: 'Cần ít nhất 3 ký tự.',
      messages: { vi: 'Cần ít nhất 3 ký tự.', en: 'At least 3 characters.' },
    },
    { path: 'phone', code: 'phone_format', message: 'x', messages: { vi: 'Sai số', en: 'Bad number' } },
  ],
  requestId: 'req-1',
};

describe('problem+json', () => {
  it('reads the message in the chosen language', () => {
    const p = toProblem(body, 400);
    expect(problemMessage(p, 'vi')).toBe('Dữ liệu không hợp lệ');
    expect(problemMessage(p, 'en')).toBe('The request is not valid');
    expect(p.requestId).toBe('req-1');
  });
  it('keys field errors by the last path segment', () => {
    expect(fieldErrors(toProblem(body, 400), 'en')).toEqual({
      reason: 'At least 3 characters.',
      phone: 'Bad number',
    });
  });
  it('copes with bodies that are not problems', () => {
    expect(toProblem('Bad Gateway', 502)).toEqual({ status: 502, code: 'http_error' });
    expect(problemMessage(toProblem(undefined, 502), 'vi')).toBeUndefined();
    expect(toProblem({ detail: 'only detail' }, 500)).toMatchObject({ status: 500, detail: 'only detail' });
  });
});
