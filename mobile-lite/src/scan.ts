/**
 * Reading QR codes with the browser's own `BarcodeDetector` (Shape Detection API) — no library to ship.
 * Android Chrome has it; desktop Linux and Windows browsers, and Firefox, do not: there the screens
 * offer a text box for the code read by another app or typed by a handheld scanner.
 */
export interface DetectedBarcode {
  rawValue: string;
}

interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

export interface BarcodeDetectorClass {
  new (options?: { formats?: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?(): Promise<string[]>;
}

/** Why the camera cannot be used; each has its own explanation on screen. */
export type ScanProblem = 'unsupported' | 'denied' | 'camera';

/** The browser's BarcodeDetector, when it has one (TypeScript's DOM types do not describe it yet). */
export function detectorClass(scope: object = globalThis): BarcodeDetectorClass | undefined {
  const found = (scope as { BarcodeDetector?: unknown }).BarcodeDetector;
  return typeof found === 'function' ? (found as BarcodeDetectorClass) : undefined;
}

/** Sorts a `getUserMedia` rejection: refused permission, or no usable camera (missing, busy…). */
export function cameraProblem(error: unknown): ScanProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError'
    ? 'denied'
    : 'camera';
}

/** The text of the first QR code found that carries any. */
export function firstText(codes: readonly DetectedBarcode[]): string | null {
  return codes.find((c) => typeof c.rawValue === 'string' && c.rawValue.trim() !== '')?.rawValue ?? null;
}
