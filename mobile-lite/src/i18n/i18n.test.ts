import { describe, expect, it } from 'vitest';
import { DOMAIN_PREFIXES } from '../../scripts/check-budget.mjs';
import { domainEn, domainVi } from './domains';
import { en } from './en';
import { format, loadDomainTexts, setLang, t } from './index';
import { vi } from './vi';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const allVi: Record<string, string> = { ...vi, ...domainVi };
  const allEn: Record<string, string> = { ...en, ...domainEn };

  it('vi and en have exactly the same keys, in the first screens and in the domains', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(domainEn).sort()).toEqual(Object.keys(domainVi).sort());
  });

  it('the domain texts are told apart by their prefix, which no first-screen text uses', () => {
    const prefix = (key: string) => key.slice(0, key.indexOf('.'));
    for (const key of Object.keys(domainVi)) expect(DOMAIN_PREFIXES, key).toContain(prefix(key));
    for (const key of Object.keys(vi)) expect(DOMAIN_PREFIXES, key).not.toContain(prefix(key));
  });

  it('no message is empty', () => {
    for (const [key, text] of [...Object.entries(allVi), ...Object.entries(allEn)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('each message uses the same placeholders in both languages', () => {
    for (const key of Object.keys(allVi)) {
      expect(placeholders(allEn[key] ?? ''), key).toEqual(placeholders(allVi[key] ?? ''));
    }
  });

  it('a domain text shows once its chunk is loaded, in the current language', async () => {
    setLang('vi');
    await loadDomainTexts();
    expect(t('feedback.mineTitle')).toBe(domainVi['feedback.mineTitle']);
    setLang('en');
    expect(t('feedback.mineTitle')).toBe(domainEn['feedback.mineTitle']);
    expect(t('nav.home')).toBe(en['nav.home']);
    setLang('vi');
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
