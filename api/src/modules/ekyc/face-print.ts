import type { Sealer } from '../../platform/crypto.ts';

/** A face embedding (512 floats) sealed for storage: the card portrait's print used on a new phone. */
export const sealEmbedding = (sealer: Sealer, e: Float32Array) =>
  sealer.seal(Buffer.from(e.buffer, e.byteOffset, e.byteLength).toString('base64'), 'face:embedding');

export const openEmbedding = (sealer: Sealer, sealed: string) => {
  const b = Buffer.from(sealer.open(sealed, 'face:embedding'), 'base64');
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
};
