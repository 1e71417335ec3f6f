import type { MessageKey } from '../i18n';

/** The API's limit for a CV's PDF. */
export const PDF_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Checks a chosen file before uploading it: a PDF (by its first bytes, `%PDF-`, else by its type or name
 * when the bytes could not be read) of at most 5 MB. Null when it may be sent.
 */
export function checkPdf(
  file: { name: string; type: string; size: number },
  head?: Uint8Array,
): MessageKey | null {
  if (file.size > PDF_MAX_BYTES) return 'cvs.pdf.tooLarge';
  if (file.size === 0) return 'cvs.pdf.notPdf';
  if (head)
    return new TextDecoder('latin1').decode(head.subarray(0, 5)) === '%PDF-' ? null : 'cvs.pdf.notPdf';
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name) ? null : 'cvs.pdf.notPdf';
}

/** Reads the first bytes of a file (the PDF signature), or undefined when the browser cannot. */
export async function fileHead(file: Blob): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await file.slice(0, 8).arrayBuffer());
  } catch {
    return undefined;
  }
}

/** "1,2 MB" / "350 KB" for a file size. */
export function fileSize(bytes: number, lang: 'vi' | 'en' = 'vi'): string {
  const text = (n: number) => (lang === 'vi' ? String(n).replace('.', ',') : String(n));
  if (bytes >= 1024 * 1024) return `${text(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${text(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
