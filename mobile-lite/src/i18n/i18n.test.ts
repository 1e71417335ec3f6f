import { describe, expect, it } from 'vitest';
import { en } from './en';
import { format } from './index';
import { vi } from './vi';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('vi and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('no message is empty', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('each message uses the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('the required Vietnamese wording for unfinished services is there', () => {
    expect(vi['soon.title']).toBe('Chưa hoạt động — dịch vụ đang được xây dựng');
    expect(vi['login.forgot']).toContain('Quên mật khẩu');
  });
});

describe('format', () => {
  it('fills known placeholders and keeps unknown ones', () => {
    expect(format('Gửi lại mã sau {seconds} giây', { seconds: 42 })).toBe('Gửi lại mã sau 42 giây');
    expect(format('{a} {b}', { a: 'x' })).toBe('x {b}');
    expect(format('no params')).toBe('no params');
  });
});
