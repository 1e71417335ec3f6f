import sharp from 'sharp';
import type { RgbImage } from './types.ts';

/** Formats a card photo or selfie may come in (no SVG/PDF: vector input is not a photo). */
const FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'tiff', 'gif']);
/** Refuse images above 50 megapixels before decoding them (decompression bombs). */
const MAX_INPUT_PIXELS = 50_000_000;

export class UnreadableImageError extends Error {}

export interface DecodedImage {
  /** Upright RGB pixels, downscaled so the longer side is at most `maxSide`. */
  image: RgbImage;
  /** Upright size of the original image. */
  width: number;
  height: number;
  /** Original pixels per decoded pixel (≥ 1). */
  scale: number;
}

/**
 * Decode with sharp: honour EXIF orientation, drop alpha, sRGB, 8-bit RGB. Large photos are shrunk on
 * load (JPEG DCT scaling makes this much faster than decoding full size); faces keep plenty of pixels.
 * Throws UnreadableImageError for anything that is not a complete image.
 */
export async function decodeImage(bytes: Uint8Array, maxSide: number): Promise<DecodedImage> {
  if (bytes.length === 0) throw new UnreadableImageError('empty input');
  const opts = { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS } as const;
  try {
    const meta = await sharp(bytes, opts).metadata();
    if (!FORMATS.has(meta.format)) throw new UnreadableImageError(`unsupported image format ${meta.format}`);
    const { data, info } = await sharp(bytes, opts)
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new UnreadableImageError(`unexpected ${info.channels} channels`);
    const width = meta.autoOrient?.width ?? info.width;
    const height = meta.autoOrient?.height ?? info.height;
    return {
      image: {
        data: new Uint8Array(data.buffer, data.byteOffset, data.length),
        width: info.width,
        height: info.height,
      },
      width,
      height,
      scale: width / info.width,
    };
  } catch (err) {
    if (err instanceof UnreadableImageError) throw err;
    throw new UnreadableImageError(err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}

/** Stretch the whole image to w×h (the detector's input), as packed RGB. */
export async function resizeRgb(img: RgbImage, w: number, h: number): Promise<Uint8Array> {
  const out = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize(w, h, { fit: 'fill' })
    .raw()
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export async function encodePng(pixels: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/**
 * Crop (x0, y0, w, h; may extend outside the image, which is then black) and stretch it to outW×outH,
 * with sharp's resampling (fast for large crops).
 */
export async function cropResizeRgb(
  img: RgbImage,
  x0: number,
  y0: number,
  w: number,
  h: number,
  outW: number,
  outH: number,
): Promise<Uint8Array> {
  const sx = outW / w;
  const sy = outH / h;
  const ix1 = Math.max(0, Math.round(x0));
  const iy1 = Math.max(0, Math.round(y0));
  const ix2 = Math.min(img.width, Math.round(x0 + w));
  const iy2 = Math.min(img.height, Math.round(y0 + h));
  if (ix2 - ix1 < 1 || iy2 - iy1 < 1) return new Uint8Array(outW * outH * 3);
  const left = Math.min(outW - 1, Math.max(0, Math.round((ix1 - x0) * sx)));
  const top = Math.min(outH - 1, Math.max(0, Math.round((iy1 - y0) * sy)));
  const rw = Math.min(outW - left, Math.max(1, Math.round((ix2 - ix1) * sx)));
  const rh = Math.min(outH - top, Math.max(1, Math.round((iy2 - iy1) * sy)));
  const out = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .extract({ left: ix1, top: iy1, width: ix2 - ix1, height: iy2 - iy1 })
    .resize(rw, rh, { fit: 'fill' })
    .extend({
      left,
      top,
      right: outW - left - rw,
      bottom: outH - top - rh,
      background: { r: 0, g: 0, b: 0 },
    })
    .raw()
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Turn the image clockwise by a multiple of 90°. */
export async function rotateRgb(img: RgbImage, degrees: number): Promise<RgbImage> {
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .rotate(degrees)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}
