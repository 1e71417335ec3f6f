/**
 * eKYC face engine: decode (sharp) → detect (UltraFace) → 68 landmarks → align (ArcFace template) →
 * 512-d embedding → cosine similarity. Models: `node scripts/setup-models.mjs` (FACE_MODELS_DIR).
 */
import path from 'node:path';
import { FaceEngine, type FaceEngineOptions } from './engine.ts';

export { FaceEngine, faceEngineOptions, DEFAULT_THRESHOLDS, type FaceEngineOptions } from './engine.ts';
export { compareFaces } from './embed.ts';
export { FaceModelsMissingError } from './session.ts';
export type {
  Box,
  DetectedFace,
  FaceAnalysis,
  FaceAnalysisFailed,
  FaceAnalysisOk,
  FaceDecision,
  FaceRejectReason,
  FaceThresholds,
  FaceTimings,
  FaceVerification,
  FaceRotation,
  Landmarks5,
  Point,
} from './types.ts';

const engines = new Map<string, Promise<FaceEngine>>();

/**
 * The shared engine for these options: the onnxruntime sessions are created on first use and reused.
 * A failed load (e.g. models missing) is not cached, so a later call retries.
 */
export function loadFaceEngine(options: FaceEngineOptions): Promise<FaceEngine> {
  const key = JSON.stringify({ ...options, modelsDir: path.resolve(options.modelsDir) });
  let engine = engines.get(key);
  if (!engine) {
    engine = FaceEngine.load(options);
    engines.set(key, engine);
    engine.catch(() => engines.delete(key));
  }
  return engine;
}

/** Release every engine loadFaceEngine created (graceful shutdown, tests). */
export async function closeFaceEngines(): Promise<void> {
  const all = [...engines.values()];
  engines.clear();
  await Promise.all(
    all.map((e) =>
      e.then(
        (x) => x.close(),
        () => undefined,
      ),
    ),
  );
}
