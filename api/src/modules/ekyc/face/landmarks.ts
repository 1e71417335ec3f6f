import { cropResize } from './sample.ts';
import type { Box, Landmarks5, Point, RgbImage } from './types.ts';

/** fr_landmark.onnx: 64×64 gray crop, pixel / 256 → 68 iBUG points in 0–1 of the crop. */
export const LANDMARK_SIZE = 64;

export interface LandmarkCrop {
  input: Float32Array;
  x0: number;
  y0: number;
  side: number;
}

/** Square crop, side = box height, centred on the box; outside the image is black. */
export function landmarkCrop(img: RgbImage, box: Box): LandmarkCrop {
  const side = box.y2 - box.y1;
  const x0 = (box.x1 + box.x2) / 2 - side / 2;
  const y0 = box.y1;
  const rgb = cropResize(img, x0, y0, side, side, LANDMARK_SIZE, LANDMARK_SIZE);
  const input = new Float32Array(LANDMARK_SIZE * LANDMARK_SIZE);
  for (let i = 0; i < input.length; i++) {
    const gray = 0.299 * (rgb[3 * i] ?? 0) + 0.587 * (rgb[3 * i + 1] ?? 0) + 0.114 * (rgb[3 * i + 2] ?? 0);
    input[i] = Math.round(gray) / 256;
  }
  return { input, x0, y0, side };
}

/** Model output (136 values) → 68 points in image pixels. */
export function landmarksFromOutput(out: Float32Array, crop: LandmarkCrop): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < 68; i++)
    points.push({
      x: crop.x0 + (out[2 * i] ?? 0) * crop.side,
      y: crop.y0 + (out[2 * i + 1] ?? 0) * crop.side,
    });
  return points;
}

const mean = (pts: Point[]): Point => ({
  x: pts.reduce((s, p) => s + p.x, 0) / pts.length,
  y: pts.reduce((s, p) => s + p.y, 0) / pts.length,
});

const at = (pts: Point[], i: number): Point => {
  const p = pts[i];
  if (!p) throw new Error(`landmark ${i} missing`);
  return p;
};

/** 68 iBUG points → eye centres (36–41, 42–47), nose tip (30), mouth corners (48, 54). */
export function fivePoints(pts68: Point[]): Landmarks5 {
  return [mean(pts68.slice(36, 42)), mean(pts68.slice(42, 48)), at(pts68, 30), at(pts68, 48), at(pts68, 54)];
}
