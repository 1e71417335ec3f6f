import { ALIGNED_SIZE } from './align.ts';

/** Packed RGB 112×112 → float32 [1,3,112,112], (x − 127) / 128. */
export function embedderInput(rgb: Uint8Array, size = ALIGNED_SIZE): Float32Array {
  const plane = size * size;
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    out[i] = ((rgb[3 * i] ?? 0) - 127) / 128;
    out[plane + i] = ((rgb[3 * i + 1] ?? 0) - 127) / 128;
    out[2 * plane + i] = ((rgb[3 * i + 2] ?? 0) - 127) / 128;
  }
  return out;
}

export function l2normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  const out = new Float32Array(v.length);
  if (norm > 0) for (let i = 0; i < v.length; i++) out[i] = (v[i] ?? 0) / norm;
  return out;
}

/** Cosine similarity of two embeddings (−1 … 1; unit-length inputs make this a dot product). */
export function compareFaces(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`embedding lengths differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
