/** Shared types of the face engine. Coordinates are pixels of the upright (EXIF-oriented) input image. */

export interface Point {
  x: number;
  y: number;
}

/** Left eye, right eye (as seen in the image), nose tip, left and right mouth corner. */
export type Landmarks5 = [Point, Point, Point, Point, Point];

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Packed 8-bit RGB pixels, row by row. */
export interface RgbImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface Detection {
  box: Box;
  score: number;
}

export interface DetectedFace {
  box: Box;
  /** Detector confidence, 0–1. */
  score: number;
  landmarks5: Landmarks5;
  /** Face size in pixels of the input image: the shorter side of the box. */
  sizePx: number;
  /**
   * Degrees the upright image was turned clockwise before the face was found (0 for a normal photo;
   * e.g. 90 for a card photographed sideways). `box` and `landmarks5` are in the turned image.
   */
  rotation: FaceRotation;
}

export type FaceRotation = 0 | 90 | 180 | 270;

export interface FaceTimings {
  decodeMs: number;
  detectMs: number;
  landmarksMs: number;
  alignMs: number;
  embedMs: number;
}

export type FaceRejectReason = 'no_face' | 'multiple_faces' | 'face_too_small' | 'unreadable_image';

export interface FaceAnalysisOk {
  ok: true;
  face: DetectedFace;
  /** Faces found by the detector (the others were much smaller than this one). */
  faceCount: number;
  /** 512 values, unit length. */
  embedding: Float32Array;
  /** The aligned 112×112 face crop as PNG, for the review console. */
  alignedPng: Buffer;
  /** Size of the analysed (upright, then turned by `face.rotation`) image. */
  imageWidth: number;
  imageHeight: number;
  timings: FaceTimings;
}

export interface FaceAnalysisFailed {
  ok: false;
  reason: FaceRejectReason;
  faceCount: number;
  /** English, for logs and the review console. */
  detail: string;
  timings: Partial<FaceTimings>;
}

export type FaceAnalysis = FaceAnalysisOk | FaceAnalysisFailed;

export interface FaceThresholds {
  /** Cosine similarity at or above which the pair is accepted. */
  accept: number;
  /** Cosine similarity below which the pair is rejected. */
  reject: number;
}

export type FaceDecision = 'accept' | 'reject' | 'review';

export interface FaceVerification {
  decision: FaceDecision;
  /** Cosine similarity of the two faces; null when either image has no usable face. */
  similarity: number | null;
  /** Machine-readable reasons, e.g. `similarity_between_thresholds`, `selfie_no_face`; empty on a clean accept. */
  reasons: string[];
  thresholds: FaceThresholds;
  card: FaceAnalysis;
  selfie: FaceAnalysis;
}
