import sharp from 'sharp';
import type { Still } from './snapshots.ts';

/** Widths a still can be asked for (`?w=`): list thumbnails on a phone need a tenth of the bytes of the still. */
export const THUMBNAIL_WIDTHS = ['160', '320', '640'] as const;

/**
 * Smaller copies of the cached stills, made once per still and width (kept for the last `max` of them), so a list of
 * thumbnails costs a resize per new still, not per request.
 */
export function createThumbnails(max = 256) {
  const cache = new Map<string, Promise<Still>>();
  return {
    get(still: Still, width: number): Promise<Still> {
      const key = `${still.etag}:${width}`;
      let hit = cache.get(key);
      if (hit) {
        cache.delete(key); // most recently used last
        cache.set(key, hit);
        return hit;
      }
      hit = sharp(still.jpeg)
        .resize({ width, withoutEnlargement: true })
        .jpeg({ quality: 70, mozjpeg: true })
        .toBuffer()
        .then((jpeg) => ({ jpeg, takenAt: still.takenAt, etag: `${still.etag.slice(0, -1)}-w${width}"` }));
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
      while (cache.size > max) cache.delete(cache.keys().next().value as string);
      return hit;
    },
  };
}
