import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';

export const MODEL_FILES = {
  detect: 'fr_detect.onnx',
  landmark: 'fr_landmark.onnx',
  feature: 'fr_feature.onnx',
} as const;

export class FaceModelsMissingError extends Error {
  constructor(
    readonly modelsDir: string,
    readonly missing: string[],
  ) {
    super(
      `eKYC face models missing in ${modelsDir}: ${missing.join(', ')}. ` +
        'Run `node scripts/setup-models.mjs` (it fetches them from the npm registry) or set FACE_MODELS_DIR.',
    );
    this.name = 'FaceModelsMissingError';
  }
}

export function checkModelFiles(modelsDir: string): void {
  const missing = Object.values(MODEL_FILES).filter((f) => {
    try {
      return fs.statSync(path.join(modelsDir, f)).size === 0;
    } catch {
      return true;
    }
  });
  if (missing.length) throw new FaceModelsMissingError(modelsDir, missing);
}

export interface TensorInput {
  data: Float32Array;
  dims: readonly number[];
}

/**
 * One onnxruntime session, created once and reused. Runs are queued per session. (onnxruntime-node 1.30
 * runs inference synchronously on the JS thread inside setImmediate, so one analysis blocks the event
 * loop for ≈25 ms of model time; the queue keeps the per-model order explicit and stays correct if the
 * binding becomes truly asynchronous. For heavy load, move the engine into a worker thread.)
 */
export class ModelSession {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly name: string,
    private readonly session: ort.InferenceSession,
  ) {}

  /** `intraOpThreads` 0 keeps onnxruntime's default (one thread per core, spinning). */
  static async create(file: string, intraOpThreads = 1): Promise<ModelSession> {
    const options: ort.InferenceSession.SessionOptions = {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      executionMode: 'sequential',
      interOpNumThreads: 1,
    };
    if (intraOpThreads > 0) {
      options.intraOpNumThreads = intraOpThreads;
      // idle spin-waiting threads slow everything else down on a small machine
      if (intraOpThreads > 1) options.extra = { session: { intra_op: { allow_spinning: '0' } } };
    }
    const session = await ort.InferenceSession.create(file, options);
    return new ModelSession(path.basename(file), session);
  }

  run(feeds: Record<string, TensorInput>): Promise<Record<string, Float32Array>> {
    const next = this.queue.then(() => this.runNow(feeds));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(feeds: Record<string, TensorInput>): Promise<Record<string, Float32Array>> {
    const tensors: Record<string, ort.Tensor> = {};
    for (const [k, v] of Object.entries(feeds)) tensors[k] = new ort.Tensor('float32', v.data, [...v.dims]);
    const results = await this.session.run(tensors);
    const out: Record<string, Float32Array> = {};
    for (const [k, t] of Object.entries(results)) {
      if (!(t.data instanceof Float32Array)) throw new Error(`${this.name}: output ${k} is not float32`);
      out[k] = t.data;
    }
    return out;
  }

  async release(): Promise<void> {
    await this.queue;
    await this.session.release();
  }
}
