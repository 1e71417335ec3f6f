import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../../../config.ts';
import { ALIGNED_SIZE, alignFace } from './align.ts';
import {
  cropResizeRgb,
  decodeImage,
  encodePng,
  resizeRgb,
  rotateRgb,
  UnreadableImageError,
} from './decode.ts';
import { DETECT_HEIGHT, DETECT_WIDTH, detectorInput, iou, parseDetections } from './detect.ts';
import { compareFaces, embedderInput, l2normalise } from './embed.ts';
import { fivePoints, LANDMARK_SIZE, landmarkCrop, landmarksFromOutput } from './landmarks.ts';
import { checkModelFiles, MODEL_FILES, ModelSession } from './session.ts';
import type {
  Box,
  Detection,
  FaceAnalysis,
  FaceAnalysisFailed,
  FaceRejectReason,
  FaceRotation,
  FaceThresholds,
  FaceTimings,
  FaceVerification,
  Landmarks5,
  RgbImage,
} from './types.ts';

export interface FaceEngineOptions {
  modelsDir: string;
  /** Faces whose shorter box side is below this many pixels are `face_too_small`. Default 40. */
  minFaceSize?: number;
  /** Default thresholds of `verify`. */
  thresholds?: FaceThresholds;
  /** A second face at least this fraction of the largest face's size makes `multiple_faces`. Default 0.5. */
  secondFaceRatio?: number;
  /** Longer side the photo is shrunk to before analysis. Default 1600. */
  maxImageSide?: number;
  /** onnxruntime intra-op threads per model; 0 = onnxruntime's default. Default 1. */
  intraOpThreads?: number;
}

export const DEFAULT_THRESHOLDS: FaceThresholds = { accept: 0.45, reject: 0.25 };
/** Detections below this score are still faces but worth a human look. */
const LOW_DETECTION_SCORE = 0.8;

type ConfigFace = Pick<
  Config,
  'FACE_MODELS_DIR' | 'FACE_MIN_SIZE_PX' | 'FACE_ACCEPT_THRESHOLD' | 'FACE_REJECT_THRESHOLD'
>;

export function faceEngineOptions(config: ConfigFace): FaceEngineOptions {
  return {
    modelsDir: config.FACE_MODELS_DIR,
    minFaceSize: config.FACE_MIN_SIZE_PX,
    thresholds: { accept: config.FACE_ACCEPT_THRESHOLD, reject: config.FACE_REJECT_THRESHOLD },
  };
}

interface FoundFaces {
  largest?: Detection;
  rivals: Detection[];
  faceCount: number;
}

/** Turns tried in order when no face is found upright (degrees clockwise). */
const ROTATIONS: readonly FaceRotation[] = [0, 90, 270, 180];

const round = (ms: number): number => Math.round(ms * 100) / 100;
const shortSide = (b: Box): number => Math.min(b.x2 - b.x1, b.y2 - b.y1);
const scaleBox = (b: Box, s: number): Box => ({ x1: b.x1 * s, y1: b.y1 * s, x2: b.x2 * s, y2: b.y2 * s });

/** Card/selfie face analysis and matching with three ONNX models in process (onnxruntime-node, CPU). */
export class FaceEngine {
  readonly minFaceSize: number;
  readonly thresholds: FaceThresholds;
  private readonly secondFaceRatio: number;
  private readonly maxImageSide: number;

  private constructor(
    readonly modelsDir: string,
    private readonly detector: ModelSession,
    private readonly landmarker: ModelSession,
    private readonly embedder: ModelSession,
    options: FaceEngineOptions,
  ) {
    this.minFaceSize = options.minFaceSize ?? 40;
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.secondFaceRatio = options.secondFaceRatio ?? 0.5;
    this.maxImageSide = options.maxImageSide ?? 1600;
  }

  /** Create the three sessions (throws FaceModelsMissingError when the files are absent). */
  static async load(options: FaceEngineOptions): Promise<FaceEngine> {
    const dir = path.resolve(options.modelsDir);
    checkModelFiles(dir);
    const threads = options.intraOpThreads ?? 1;
    const [detector, landmarker, embedder] = await Promise.all([
      ModelSession.create(path.join(dir, MODEL_FILES.detect), threads),
      ModelSession.create(path.join(dir, MODEL_FILES.landmark), threads),
      ModelSession.create(path.join(dir, MODEL_FILES.feature), threads),
    ]);
    return new FaceEngine(dir, detector, landmarker, embedder, options);
  }

  /** Find the one face of a card photo or selfie and compute its embedding. Never throws for bad input. */
  async analyse(bytes: Uint8Array): Promise<FaceAnalysis> {
    const timings: Partial<FaceTimings> = {};
    let t = performance.now();
    const lap = (key: keyof FaceTimings): void => {
      const now = performance.now();
      timings[key] = round(now - t);
      t = now;
    };
    const fail = (reason: FaceRejectReason, faceCount: number, detail: string): FaceAnalysisFailed => ({
      ok: false,
      reason,
      faceCount,
      detail,
      timings,
    });

    let decoded;
    try {
      decoded = await decodeImage(bytes, this.maxImageSide);
    } catch (err) {
      if (err instanceof UnreadableImageError) return fail('unreadable_image', 0, err.message);
      throw err;
    }
    const { scale } = decoded;
    lap('decodeMs');

    // Upright first; a card photographed sideways (or a photo without its EXIF orientation) is turned.
    let image = decoded.image;
    let found: FoundFaces = { faceCount: 0, rivals: [] };
    let rotation: FaceRotation = 0;
    for (const turn of ROTATIONS) {
      image = turn ? await rotateRgb(decoded.image, turn) : decoded.image;
      found = await this.findFaces(image);
      rotation = turn;
      if (found.largest) break;
    }
    lap('detectMs');

    const { largest, rivals, faceCount } = found;
    if (!largest) return fail('no_face', 0, 'no face found');
    const size = shortSide(largest.box) * scale;
    if (size < this.minFaceSize)
      return fail(
        'face_too_small',
        faceCount,
        `face is ${Math.round(size)} px, minimum ${this.minFaceSize} px`,
      );
    if (rivals.length)
      return fail(
        'multiple_faces',
        faceCount,
        `${rivals.length + 1} faces of similar size (largest ${Math.round(size)} px)`,
      );

    const crop = landmarkCrop(image, largest.box);
    const lm = await this.landmarker.run({
      input: { data: crop.input, dims: [1, 1, LANDMARK_SIZE, LANDMARK_SIZE] },
    });
    const five = fivePoints(landmarksFromOutput(need(lm, 'output'), crop));
    lap('landmarksMs');

    const aligned = alignFace(image, five);
    const alignedPng = await encodePng(aligned, ALIGNED_SIZE, ALIGNED_SIZE);
    lap('alignMs');

    const emb = await this.embedder.run({
      input: { data: embedderInput(aligned), dims: [1, 3, ALIGNED_SIZE, ALIGNED_SIZE] },
    });
    const embedding = l2normalise(need(emb, 'output'));
    lap('embedMs');

    return {
      ok: true,
      face: {
        box: scaleBox(largest.box, scale),
        score: largest.score,
        landmarks5: five.map((p) => ({ x: p.x * scale, y: p.y * scale })) as Landmarks5,
        sizePx: Math.round(size),
        rotation,
      },
      faceCount,
      embedding,
      alignedPng,
      imageWidth: rotation % 180 ? decoded.height : decoded.width,
      imageHeight: rotation % 180 ? decoded.width : decoded.height,
      timings: timings as FaceTimings,
    };
  }

  /**
   * Detect on the whole image stretched to 320×240, then confirm the faces that matter on an undistorted
   * close-up (the stretched pass has false positives on textures and paintings): the largest real face,
   * and any real rival at least `secondFaceRatio` of its size. Smaller faces are only counted.
   */
  private async findFaces(image: RgbImage): Promise<FoundFaces> {
    const small = await resizeRgb(image, DETECT_WIDTH, DETECT_HEIGHT);
    const candidates = await this.detect(small, image.width, image.height);
    const found: FoundFaces = { faceCount: 0, rivals: [] };
    for (const cand of candidates) {
      if (found.largest && shortSide(cand.box) < this.secondFaceRatio * shortSide(found.largest.box)) {
        found.faceCount++;
        continue;
      }
      if (!(await this.confirm(image, cand))) continue;
      found.faceCount++;
      if (!found.largest) found.largest = cand;
      else found.rivals.push(cand);
    }
    return found;
  }

  private async detect(rgb: Uint8Array, width: number, height: number): Promise<Detection[]> {
    const out = await this.detector.run({
      input: { data: detectorInput(rgb), dims: [1, 3, DETECT_HEIGHT, DETECT_WIDTH] },
    });
    return parseDetections(need(out, 'scores'), need(out, 'boxes'), width, height);
  }

  /** Re-detect on a 4:3 crop twice the face's height around it: a real face is found again in place. */
  private async confirm(image: RgbImage, cand: Detection): Promise<boolean> {
    const h = 2 * (cand.box.y2 - cand.box.y1);
    const w = (h * DETECT_WIDTH) / DETECT_HEIGHT;
    const x0 = (cand.box.x1 + cand.box.x2) / 2 - w / 2;
    const y0 = (cand.box.y1 + cand.box.y2) / 2 - h / 2;
    const crop = await cropResizeRgb(image, x0, y0, w, h, DETECT_WIDTH, DETECT_HEIGHT);
    const found = await this.detect(crop, w, h);
    return found.some(
      (f) =>
        iou({ x1: f.box.x1 + x0, y1: f.box.y1 + y0, x2: f.box.x2 + x0, y2: f.box.y2 + y0 }, cand.box) >= 0.5,
    );
  }

  /** Compare the portrait on an ID card with a selfie: accept, reject, or send to human review. */
  async verify(
    cardBytes: Uint8Array,
    selfieBytes: Uint8Array,
    thresholds: FaceThresholds = this.thresholds,
  ): Promise<FaceVerification> {
    const [card, selfie] = await Promise.all([this.analyse(cardBytes), this.analyse(selfieBytes)]);
    const reasons: string[] = [];
    for (const [name, a] of [
      ['card', card],
      ['selfie', selfie],
    ] as const) {
      if (!a.ok) reasons.push(`${name}_${a.reason}`);
      else if (a.face.score < LOW_DETECTION_SCORE) reasons.push(`${name}_low_detection_score`);
    }
    if (!card.ok || !selfie.ok)
      return { decision: 'review', similarity: null, reasons, thresholds, card, selfie };

    const similarity = compareFaces(card.embedding, selfie.embedding);
    let decision: FaceVerification['decision'];
    if (similarity >= thresholds.accept) decision = 'accept';
    else if (similarity < thresholds.reject) {
      decision = 'reject';
      reasons.push('similarity_below_reject_threshold');
    } else {
      decision = 'review';
      reasons.push('similarity_between_thresholds');
    }
    // an anomaly means the measurement itself is doubtful: a person decides
    if (reasons.some((r) => r.endsWith('_low_detection_score'))) decision = 'review';
    return { decision, similarity, reasons, thresholds, card, selfie };
  }

  async close(): Promise<void> {
    await Promise.all([this.detector.release(), this.landmarker.release(), this.embedder.release()]);
  }
}

function need(out: Record<string, Float32Array>, name: string): Float32Array {
  const v = out[name];
  if (!v) throw new Error(`model output ${name} missing`);
  return v;
}
