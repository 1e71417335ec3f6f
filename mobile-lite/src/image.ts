/**
 * Photos for upload, made small in the browser first: a cheap phone's camera gives 4000-px, 4 MB
 * pictures, while face matching needs far less (the API scales to 2000 px anyway). Sending ≤ 1600 px
 * JPEGs makes the upload several times faster on a slow network.
 */
export const MAX_SIDE = 1600;
/** A JPEG already within MAX_SIDE but heavier than this is re-encoded too. */
export const MAX_KEPT_BYTES = 1_500_000;
export const JPEG_QUALITY = 0.88;

/** The size that fits within `max`×`max`, keeping the proportions; never enlarged. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: 0, height: 0 };
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * Whether a picked file must be redrawn: not a JPEG, larger than `max` on a side, or heavy. A small
 * JPEG is sent as it is (re-encoding would only lose quality).
 */
export function needsReencode(
  file: { type: string; size: number },
  width: number,
  height: number,
  max = MAX_SIDE,
): boolean {
  return file.type !== 'image/jpeg' || Math.max(width, height) > max || file.size > MAX_KEPT_BYTES;
}

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
      'image/jpeg',
      JPEG_QUALITY,
    ),
  );
}

/** Draws `source` (its natural size given) scaled to fit MAX_SIDE, as a JPEG. */
export function drawScaled(
  source: CanvasImageSource,
  width: number,
  height: number,
  max = MAX_SIDE,
): Promise<Blob> {
  const size = fitWithin(width, height, max);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no canvas'));
  ctx.drawImage(source, 0, 0, size.width, size.height);
  return toJpeg(canvas);
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('unreadable image'));
    };
    img.src = url;
  });
}

/**
 * A picked or camera-app photo, ready to send: decoded (so an unreadable file is caught here, not after
 * a long upload), turned upright by its EXIF orientation, and scaled down when needed.
 */
export async function preparePhoto(file: Blob, max = MAX_SIDE, alwaysRedraw = false): Promise<Blob> {
  const img = await loadImage(file); // <img> applies the EXIF orientation, like the gallery shows it
  const width = img.naturalWidth;
  const height = img.naturalHeight;
  if (!width || !height) throw new Error('unreadable image');
  // Redrawn, a JPEG keeps no EXIF (no camera position): `alwaysRedraw` when that must be sure.
  if (!alwaysRedraw && !needsReencode(file, width, height, max)) return file;
  return drawScaled(img, width, height, max);
}
