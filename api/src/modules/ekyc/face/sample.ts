import type { RgbImage } from './types.ts';

/**
 * Affine map from output to image coordinates, both continuous (pixel i covers [i, i+1), centre i + 0.5):
 * x = a·u + b·v + c, y = d·u + e·v + f.
 */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/**
 * Samples per axis per output pixel when one output pixel spans `srcPerOut` image pixels: plain bilinear
 * sampling skips pixels when shrinking (aliasing), so average a k×k grid of bilinear samples (box filter).
 */
export const supersampling = (srcPerOut: number): number =>
  Math.max(1, Math.min(6, Math.ceil(srcPerOut - 0.25)));

/**
 * Warp `img` into an outW×outH packed RGB image: each output pixel is the mean of k×k bilinear samples
 * at `map`(u, v). Outside the image counts as black, like OpenCV's constant border.
 */
export function warpAffine(img: RgbImage, map: Affine, outW: number, outH: number, k = 1): Uint8Array {
  const { data, width: W, height: H } = img;
  const out = new Uint8Array(outW * outH * 3);
  const n = k * k;
  const { a, b, c, d, e, f } = map;
  const tap = (xi: number, yi: number, ch: number): number =>
    xi < 0 || yi < 0 || xi >= W || yi >= H ? 0 : (data[(yi * W + xi) * 3 + ch] as number);
  let o = 0;
  for (let v = 0; v < outH; v++) {
    for (let u = 0; u < outW; u++) {
      let r = 0;
      let g = 0;
      let bl = 0;
      for (let sy = 0; sy < k; sy++) {
        const pv = v + (sy + 0.5) / k;
        for (let sx = 0; sx < k; sx++) {
          const pu = u + (sx + 0.5) / k;
          const x = a * pu + b * pv + c - 0.5;
          const y = d * pu + e * pv + f - 0.5;
          const x0 = Math.floor(x);
          const y0 = Math.floor(y);
          const ax = x - x0;
          const ay = y - y0;
          const w00 = (1 - ax) * (1 - ay);
          const w10 = ax * (1 - ay);
          const w01 = (1 - ax) * ay;
          const w11 = ax * ay;
          if (x0 >= 0 && y0 >= 0 && x0 + 1 < W && y0 + 1 < H) {
            const i = (y0 * W + x0) * 3;
            const j = i + W * 3;
            r += w00 * (data[i] as number) + w10 * (data[i + 3] as number);
            r += w01 * (data[j] as number) + w11 * (data[j + 3] as number);
            g += w00 * (data[i + 1] as number) + w10 * (data[i + 4] as number);
            g += w01 * (data[j + 1] as number) + w11 * (data[j + 4] as number);
            bl += w00 * (data[i + 2] as number) + w10 * (data[i + 5] as number);
            bl += w01 * (data[j + 2] as number) + w11 * (data[j + 5] as number);
          } else {
            r +=
              w00 * tap(x0, y0, 0) +
              w10 * tap(x0 + 1, y0, 0) +
              w01 * tap(x0, y0 + 1, 0) +
              w11 * tap(x0 + 1, y0 + 1, 0);
            g +=
              w00 * tap(x0, y0, 1) +
              w10 * tap(x0 + 1, y0, 1) +
              w01 * tap(x0, y0 + 1, 1) +
              w11 * tap(x0 + 1, y0 + 1, 1);
            bl +=
              w00 * tap(x0, y0, 2) +
              w10 * tap(x0 + 1, y0, 2) +
              w01 * tap(x0, y0 + 1, 2) +
              w11 * tap(x0 + 1, y0 + 1, 2);
          }
        }
      }
      out[o++] = Math.round(r / n);
      out[o++] = Math.round(g / n);
      out[o++] = Math.round(bl / n);
    }
  }
  return out;
}

/** Axis-aligned crop (x0, y0, w, h in image coordinates, may extend outside) resized to outW×outH. */
export function cropResize(
  img: RgbImage,
  x0: number,
  y0: number,
  w: number,
  h: number,
  outW: number,
  outH: number,
): Uint8Array {
  const sx = w / outW;
  const sy = h / outH;
  return warpAffine(
    img,
    { a: sx, b: 0, c: x0, d: 0, e: sy, f: y0 },
    outW,
    outH,
    supersampling(Math.max(sx, sy)),
  );
}
