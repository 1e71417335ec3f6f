import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from './errors.ts';

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
const MIN_SIDE = 200;
const MAX_SIDE = 2000;

function bad(field: string, code: string, vi: string, en: string): never {
  throw new ValidationError(
    code,
    { vi, en },
    { fields: [{ path: `files.${field}`, code, message: vi, messages: { vi, en } }] },
  );
}

/**
 * Recognise an upload by its bytes (JPEG, PNG or WebP, whatever its name says), decode it fully, turn it
 * upright, cap its size and re-encode it as JPEG: every metadata block (EXIF location, camera) is dropped.
 */
export async function normaliseImage(
  field: string,
  bytes: Buffer,
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED.has(type.mime))
    bad(
      field,
      'image_type',
      'Ảnh phải là JPEG, PNG hoặc WebP.',
      'The image must be a JPEG, PNG or WebP file.',
    );
  try {
    const { data, info } = await sharp(bytes, { failOn: 'truncated', limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 88, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    if (Math.min(info.width, info.height) < MIN_SIDE)
      bad(
        field,
        'image_too_small',
        `Ảnh quá nhỏ (cần ít nhất ${MIN_SIDE} điểm ảnh mỗi cạnh).`,
        `The image is too small (at least ${MIN_SIDE} px a side).`,
      );
    return { jpeg: data, width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    bad(
      field,
      'image_unreadable',
      'Ảnh bị hỏng hoặc không đầy đủ. Hãy chụp lại.',
      'The image is damaged or incomplete. Take it again.',
    );
  }
}

/** A small JPEG preview for lists (longest side 320 px). */
export async function thumbnail(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg)
    .resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
}
