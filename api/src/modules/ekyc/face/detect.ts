import type { Box, Detection } from './types.ts';

/** UltraFace RFB-320 (fr_detect.onnx): the whole image stretched to 320×240. */
export const DETECT_WIDTH = 320;
export const DETECT_HEIGHT = 240;
export const DETECT_SCORE_THRESHOLD = 0.6;
export const DETECT_IOU_THRESHOLD = 0.4;

/** Packed RGB 320×240 → float32 [1,3,240,320], (x − 127) / 128. */
export function detectorInput(rgb: Uint8Array): Float32Array {
  const plane = DETECT_WIDTH * DETECT_HEIGHT;
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    out[i] = ((rgb[3 * i] ?? 0) - 127) / 128;
    out[plane + i] = ((rgb[3 * i + 1] ?? 0) - 127) / 128;
    out[2 * plane + i] = ((rgb[3 * i + 2] ?? 0) - 127) / 128;
  }
  return out;
}

export const boxArea = (b: Box): number => Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);

export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (boxArea(a) + boxArea(b) - inter);
}

/** Greedy non-maximum suppression, highest score first. */
export function nms(dets: Detection[], iouThreshold: number): Detection[] {
  const sorted = [...dets].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const d of sorted) if (kept.every((k) => iou(k.box, d.box) <= iouThreshold)) kept.push(d);
  return kept;
}

/**
 * Model outputs → faces in pixels of a width×height image, largest first.
 * `scores` [N,2] is already softmaxed (background, face); `boxes` [N,4] is x1,y1,x2,y2 in 0–1.
 */
export function parseDetections(
  scores: Float32Array,
  boxes: Float32Array,
  width: number,
  height: number,
  scoreThreshold = DETECT_SCORE_THRESHOLD,
  iouThreshold = DETECT_IOU_THRESHOLD,
): Detection[] {
  const n = Math.min(scores.length / 2, boxes.length / 4);
  const candidates: Detection[] = [];
  for (let i = 0; i < n; i++) {
    const score = scores[2 * i + 1] ?? 0;
    if (score < scoreThreshold) continue;
    const box = {
      x1: (boxes[4 * i] ?? 0) * width,
      y1: (boxes[4 * i + 1] ?? 0) * height,
      x2: (boxes[4 * i + 2] ?? 0) * width,
      y2: (boxes[4 * i + 3] ?? 0) * height,
    };
    if (box.x2 > box.x1 && box.y2 > box.y1) candidates.push({ box, score });
  }
  return nms(candidates, iouThreshold).sort((a, b) => boxArea(b.box) - boxArea(a.box));
}
