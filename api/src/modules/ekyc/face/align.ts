import { supersampling, warpAffine } from './sample.ts';
import type { Landmarks5, Point, RgbImage } from './types.ts';

export const ALIGNED_SIZE = 112;

/** The standard ArcFace 112×112 five-point template (OpenCV pixel-index convention). */
export const ARCFACE_TEMPLATE: Landmarks5 = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

/** x' = a·x − b·y + tx, y' = b·x + a·y + ty (rotation, uniform scale, translation). */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/**
 * Least-squares similarity transform src → dst (Umeyama 1991). In 2-D the SVD solution without
 * reflection reduces to a closed form: with centred points, a + ib = Σ conj(s)·d / Σ |s|².
 */
export function similarityTransform(src: readonly Point[], dst: readonly Point[]): Similarity {
  const n = Math.min(src.length, dst.length);
  if (n < 2) throw new Error('need at least two point pairs');
  let msx = 0;
  let msy = 0;
  let mdx = 0;
  let mdy = 0;
  for (let i = 0; i < n; i++) {
    const s = src[i] as Point;
    const d = dst[i] as Point;
    msx += s.x / n;
    msy += s.y / n;
    mdx += d.x / n;
    mdy += d.y / n;
  }
  let num1 = 0;
  let num2 = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const s = src[i] as Point;
    const d = dst[i] as Point;
    const sx = s.x - msx;
    const sy = s.y - msy;
    const dx = d.x - mdx;
    const dy = d.y - mdy;
    num1 += sx * dx + sy * dy;
    num2 += sx * dy - sy * dx;
    den += sx * sx + sy * sy;
  }
  if (den === 0) throw new Error('degenerate landmarks');
  const a = num1 / den;
  const b = num2 / den;
  return { a, b, tx: mdx - (a * msx - b * msy), ty: mdy - (b * msx + a * msy) };
}

export const applySimilarity = (t: Similarity, p: Point): Point => ({
  x: t.a * p.x - t.b * p.y + t.tx,
  y: t.b * p.x + t.a * p.y + t.ty,
});

/**
 * Warp the face onto the 112×112 template: each output pixel is inverse-mapped into the image and sampled
 * bilinearly (supersampled when a large face is shrunk). Returns packed RGB.
 */
export function alignFace(img: RgbImage, landmarks: Landmarks5, size = ALIGNED_SIZE): Uint8Array {
  // continuous coordinates throughout: the template's pixel indices + 0.5
  const template = ARCFACE_TEMPLATE.map((p) => ({
    x: (p.x + 0.5) * (size / 112),
    y: (p.y + 0.5) * (size / 112),
  }));
  const t = similarityTransform(landmarks, template);
  const s2 = t.a * t.a + t.b * t.b;
  // inverse of q = s·R·p + t is p = (R⁻¹/s)(q − t), with R⁻¹/s = [a b; −b a] / s²
  const ia = t.a / s2;
  const ib = t.b / s2;
  const map = {
    a: ia,
    b: ib,
    c: -(ia * t.tx + ib * t.ty),
    d: -ib,
    e: ia,
    f: ib * t.tx - ia * t.ty,
  };
  return warpAffine(img, map, size, size, supersampling(1 / Math.sqrt(s2)));
}
