import exifr from 'exifr';

/**
 * The GPS position in a photo's EXIF, read from the original bytes (before re-encoding drops it). Only called
 * when the citizen allowed keeping photo locations. Unreadable or implausible positions give null.
 */
export async function photoPosition(bytes: Buffer): Promise<{ lat: number; lng: number } | null> {
  try {
    const gps = (await exifr.gps(bytes)) as { latitude?: unknown; longitude?: unknown } | undefined;
    const lat = Number(gps?.latitude);
    const lng = Number(gps?.longitude);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
    return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
  } catch {
    return null;
  }
}
