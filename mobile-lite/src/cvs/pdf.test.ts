import { describe, expect, it } from 'vitest';
import { checkPdf, fileSize, PDF_MAX_BYTES } from './pdf';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('a CV PDF before upload', () => {
  it('accepts a PDF of at most 5 MB, recognised by its first bytes', () => {
    expect(checkPdf({ name: 'cv.pdf', type: 'application/pdf', size: 1200 }, bytes('%PDF-1.4'))).toBeNull();
    expect(checkPdf({ name: 'scan', type: '', size: PDF_MAX_BYTES }, bytes('%PDF-1.7'))).toBeNull();
  });

  it('refuses a file over 5 MB before looking at anything else', () => {
    expect(checkPdf({ name: 'cv.pdf', type: 'application/pdf', size: PDF_MAX_BYTES + 1 })).toBe(
      'cvs.pdf.tooLarge',
    );
    expect(checkPdf({ name: 'cv.pdf', type: 'application/pdf', size: 6 * 1024 * 1024 }, bytes('%PDF-'))).toBe(
      'cvs.pdf.tooLarge',
    );
  });

  it('refuses what is not a PDF, even named .pdf, and an empty file', () => {
    expect(checkPdf({ name: 'cv.pdf', type: 'application/pdf', size: 10 }, bytes('\x89PNG\r\n'))).toBe(
      'cvs.pdf.notPdf',
    );
    expect(checkPdf({ name: 'cv.docx', type: 'application/msword', size: 10 })).toBe('cvs.pdf.notPdf');
    expect(checkPdf({ name: 'cv.pdf', type: 'application/pdf', size: 0 })).toBe('cvs.pdf.notPdf');
    // Bytes unreadable: the type or the name decides (the API checks the bytes again).
    expect(checkPdf({ name: 'CV.PDF', type: '', size: 10 })).toBeNull();
  });

  it('writes sizes the Vietnamese way', () => {
    expect(fileSize(1_300_000)).toBe('1,2 MB');
    expect(fileSize(1_300_000, 'en')).toBe('1.2 MB');
    expect(fileSize(350 * 1024)).toBe('350 KB');
    expect(fileSize(10)).toBe('1 KB');
  });
});
