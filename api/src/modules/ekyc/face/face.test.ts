// The face engine on real models and real photos (../shared/fixtures/faces beside the repository).
// Models: models/face/ (FACE_MODELS_DIR); fetched with scripts/setup-models.mjs when missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ROOT_DIR } from '../../../config.ts';
import { applySimilarity, similarityTransform } from './align.ts';
import { nms } from './detect.ts';
import {
  closeFaceEngines,
  compareFaces,
  FaceEngine,
  faceEngineOptions,
  FaceModelsMissingError,
  loadFaceEngine,
  type FaceAnalysis,
  type FaceAnalysisOk,
} from './index.ts';

const FACES = path.resolve(ROOT_DIR, '..', 'shared', 'fixtures', 'faces');
const config = loadConfig({
  FACE_MODELS_DIR: process.env.FACE_MODELS_DIR,
  FACE_MIN_SIZE_PX: process.env.FACE_MIN_SIZE_PX,
  FACE_ACCEPT_THRESHOLD: process.env.FACE_ACCEPT_THRESHOLD,
  FACE_REJECT_THRESHOLD: process.env.FACE_REJECT_THRESHOLD,
});
const options = faceEngineOptions(config);
const ACCEPT = config.FACE_ACCEPT_THRESHOLD;
const REJECT = config.FACE_REJECT_THRESHOLD;

const FIXTURES = [
  'obama.jpg',
  'obama2.jpg',
  'obama3.jpg',
  'biden.jpg',
  'biden2.jpg',
  'alex1.jpg',
  'john1.jpeg',
  'john2.jpeg',
  'rose_img1.jpg',
  'rose_img2.jpg',
  'lowres/lr_obama.jpg',
  'lowres/lr_biden.jpg',
  'lowres/lr_alex1.jpg',
  'lowres/lr_john1.jpg',
  'lowres/lr_rose_img1.jpg',
];
/** obama2.jpg, lowres/lr_obama.jpg → obama; rose_img1.jpg → rose. */
const person = (f: string): string =>
  path
    .basename(f)
    .replace(/^lr_/, '')
    .replace(/(_img)?\d*\.jpe?g$/, '');
const read = (f: string): Buffer => fs.readFileSync(path.join(FACES, f));

let engine: FaceEngine;
const analyses = new Map<string, FaceAnalysisOk>();

function expectOk(a: FaceAnalysis): FaceAnalysisOk {
  if (!a.ok) throw new Error(`expected a face, got ${a.reason}: ${a.detail}`);
  return a;
}
const embedding = (f: string): Float32Array => {
  const a = analyses.get(f);
  if (!a) throw new Error(`${f} not analysed`);
  return a.embedding;
};
const similarity = (a: string, b: string): number => compareFaces(embedding(a), embedding(b));

/** Two photos side by side, scaled to the same height. */
async function sideBySide(a: string, b: string, height: number): Promise<Buffer> {
  const left = await sharp(read(a)).resize({ height }).toBuffer({ resolveWithObject: true });
  const right = await sharp(read(b)).resize({ height }).toBuffer({ resolveWithObject: true });
  return sharp({
    create: { width: left.info.width + right.info.width, height, channels: 3, background: '#808080' },
  })
    .composite([
      { input: left.data, left: 0, top: 0 },
      { input: right.data, left: left.info.width, top: 0 },
    ])
    .jpeg()
    .toBuffer();
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(options.modelsDir, 'fr_feature.onnx'))) {
    spawnSync(process.execPath, [path.join(ROOT_DIR, 'scripts', 'setup-models.mjs')], {
      stdio: 'inherit',
      env: { ...process.env, FACE_MODELS_DIR: options.modelsDir },
    });
  }
  engine = await loadFaceEngine(options);
  for (const f of FIXTURES) analyses.set(f, expectOk(await engine.analyse(read(f))));

  // the matrix, for reviewing the thresholds
  const short = (f: string) => path.basename(f).replace(/\.jpe?g$/, '');
  const lines = [
    `similarity (accept ≥ ${ACCEPT}, reject < ${REJECT})`,
    ' '.repeat(12) + FIXTURES.map((f) => short(f).slice(0, 6).padStart(7)).join(''),
  ];
  for (const a of FIXTURES)
    lines.push(short(a).padEnd(12) + FIXTURES.map((b) => similarity(a, b).toFixed(2).padStart(7)).join(''));
  console.log(lines.join('\n'));
}, 120_000);

afterAll(async () => {
  await closeFaceEngines();
});

describe('face matching on the fixtures', () => {
  const pairs = FIXTURES.flatMap((a, i) => FIXTURES.slice(i + 1).map((b) => [a, b] as const));
  const same = pairs.filter(([a, b]) => person(a) === person(b));
  const different = pairs.filter(([a, b]) => person(a) !== person(b));

  it('finds exactly one face in every fixture', () => {
    for (const [f, a] of analyses) {
      expect(a.faceCount, f).toBe(1);
      expect(a.face.score, f).toBeGreaterThan(0.9);
      expect(a.face.rotation, f).toBe(0);
      expect(a.face.sizePx, f).toBeGreaterThanOrEqual(config.FACE_MIN_SIZE_PX);
    }
  });

  it.each(same)('same person: %s ~ %s ≥ accept threshold', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(ACCEPT);
  });

  it('covers the required same-person pairs', () => {
    const names = same.map(([a, b]) => `${a}|${b}`);
    for (const p of [
      'obama.jpg|obama2.jpg',
      'obama.jpg|obama3.jpg',
      'biden.jpg|biden2.jpg',
      'obama2.jpg|lowres/lr_obama.jpg',
    ])
      expect(names).toContain(p);
  });

  it('different people stay below the reject threshold', () => {
    expect(different.length).toBeGreaterThan(50);
    for (const [a, b] of different) expect(similarity(a, b), `${a} vs ${b}`).toBeLessThan(REJECT);
    const sameMin = Math.min(...same.map(([a, b]) => similarity(a, b)));
    const diffMax = Math.max(...different.map(([a, b]) => similarity(a, b)));
    console.log(`same person min ${sameMin.toFixed(3)}, different people max ${diffMax.toFixed(3)}`);
  });

  it('gives unit-length 512-d embeddings and a 112×112 PNG aligned crop', async () => {
    const a = analyses.get('obama.jpg') as FaceAnalysisOk;
    expect(a.embedding).toHaveLength(512);
    expect(Math.hypot(...a.embedding)).toBeCloseTo(1, 5);
    const meta = await sharp(a.alignedPng).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 112, height: 112 });
    // landmarks inside the face box, eyes above the mouth
    const [le, re, nose, lm, rm] = a.face.landmarks5;
    for (const p of a.face.landmarks5) {
      expect(p.x).toBeGreaterThan(a.face.box.x1);
      expect(p.x).toBeLessThan(a.face.box.x2);
    }
    expect(le.x).toBeLessThan(re.x);
    expect(Math.max(le.y, re.y)).toBeLessThan(nose.y);
    expect(nose.y).toBeLessThan(Math.min(lm.y, rm.y));
    expect(a.timings.embedMs).toBeGreaterThan(0);
  });
});

describe('verify (card portrait vs selfie)', () => {
  it('accepts the same person', async () => {
    const v = await engine.verify(read('lowres/lr_obama.jpg'), read('obama2.jpg'));
    expect(v.decision).toBe('accept');
    expect(v.similarity).toBeGreaterThanOrEqual(ACCEPT);
    expect(v.reasons).toEqual([]);
  });

  it('rejects a different person', async () => {
    const v = await engine.verify(read('lowres/lr_obama.jpg'), read('biden2.jpg'));
    expect(v.decision).toBe('reject');
    expect(v.reasons).toContain('similarity_below_reject_threshold');
  });

  it('sends a similarity between the thresholds to review', async () => {
    const v = await engine.verify(read('lowres/lr_obama.jpg'), read('obama2.jpg'), {
      accept: 0.99,
      reject: 0.2,
    });
    expect(v.decision).toBe('review');
    expect(v.reasons).toEqual(['similarity_between_thresholds']);
  });

  it('sends a selfie without a usable face to review, with the reason', async () => {
    const blank = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c0c0c0' } })
      .jpeg()
      .toBuffer();
    const v = await engine.verify(read('lowres/lr_biden.jpg'), blank);
    expect(v.decision).toBe('review');
    expect(v.similarity).toBeNull();
    expect(v.reasons).toEqual(['selfie_no_face']);
    expect(v.card.ok).toBe(true);
  });
});

describe('anomalies', () => {
  it('no face: a gradient and noise', async () => {
    const gradient = Buffer.alloc(320 * 240 * 3);
    for (let i = 0; i < 320 * 240; i++) gradient.fill(Math.floor(((i % 320) / 320) * 255), 3 * i, 3 * i + 3);
    const noise = Buffer.from(
      Array.from({ length: 320 * 240 * 3 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256),
    );
    for (const raw of [gradient, noise]) {
      const png = await sharp(raw, { raw: { width: 320, height: 240, channels: 3 } })
        .png()
        .toBuffer();
      const a = await engine.analyse(png);
      expect(a).toMatchObject({ ok: false, reason: 'no_face', faceCount: 0 });
    }
  });

  it('multiple faces: two people side by side', async () => {
    const a = await engine.analyse(await sideBySide('obama.jpg', 'rose_img2.jpg', 600));
    expect(a).toMatchObject({ ok: false, reason: 'multiple_faces', faceCount: 2 });
  });

  it('a painting in the background is not a second face (biden2.jpg)', () => {
    expect(analyses.get('biden2.jpg')?.faceCount).toBe(1);
  });

  it('face too small: a heavily downscaled photo', async () => {
    const tiny = await sharp(read('obama.jpg')).resize({ width: 120 }).jpeg().toBuffer();
    const a = await engine.analyse(tiny);
    expect(a).toMatchObject({ ok: false, reason: 'face_too_small', faceCount: 1 });
  });

  it('unreadable: truncated JPEG, random bytes, empty input, SVG', async () => {
    const jpeg = read('obama.jpg');
    let seed = 42;
    const random = Buffer.from(
      Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256),
    );
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>',
    );
    for (const bytes of [
      jpeg.subarray(0, jpeg.length >> 1),
      jpeg.subarray(0, 200),
      random,
      Buffer.alloc(0),
      svg,
    ]) {
      const a = await engine.analyse(bytes);
      expect(a).toMatchObject({ ok: false, reason: 'unreadable_image', faceCount: 0 });
    }
  });
});

describe('orientation', () => {
  it('honours EXIF orientation', async () => {
    // pixels stored turned 90° counter-clockwise, EXIF orientation 6 says "turn 90° clockwise to view"
    const stored = await sharp(read('obama2.jpg')).rotate(-90).jpeg().toBuffer();
    const tagged = await sharp(stored).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect((await sharp(tagged).metadata()).orientation).toBe(6);
    const a = expectOk(await engine.analyse(tagged));
    expect(a.face.rotation).toBe(0);
    expect(compareFaces(a.embedding, embedding('obama.jpg'))).toBeGreaterThanOrEqual(ACCEPT);
  });

  it('finds a sideways face without EXIF (card photographed sideways)', async () => {
    const sideways = await sharp(read('lowres/lr_biden.jpg')).rotate(90).jpeg().toBuffer();
    const a = expectOk(await engine.analyse(sideways));
    expect(a.face.rotation).toBe(270);
    expect(compareFaces(a.embedding, embedding('biden2.jpg'))).toBeGreaterThanOrEqual(ACCEPT);
  });
});

describe('engine', () => {
  it('loads once and is safe to call concurrently', async () => {
    expect(await loadFaceEngine(options)).toBe(engine);
    const files = ['obama.jpg', 'biden.jpg', 'lowres/lr_john1.jpg', 'rose_img2.jpg'];
    const results = await Promise.all(files.map((f) => engine.analyse(read(f))));
    results.forEach((r, i) => {
      const f = files[i] as string;
      expect(compareFaces(expectOk(r).embedding, embedding(f))).toBeCloseTo(1, 5);
    });
  });

  it('says how to get the models when they are missing', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'dlid-nomodels-'));
    try {
      const err = await FaceEngine.load({ modelsDir: empty }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FaceModelsMissingError);
      expect(String((err as Error).message)).toMatch(/node scripts\/setup-models\.mjs/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('geometry', () => {
  it('recovers a similarity transform from five points', () => {
    const src = [
      { x: 10, y: 20 },
      { x: 50, y: 22 },
      { x: 30, y: 40 },
      { x: 15, y: 60 },
      { x: 45, y: 61 },
    ];
    const truth = { a: 1.5 * Math.cos(0.3), b: 1.5 * Math.sin(0.3), tx: 7, ty: -3 };
    const dst = src.map((p) => applySimilarity(truth, p));
    const t = similarityTransform(src, dst);
    expect(t.a).toBeCloseTo(truth.a, 9);
    expect(t.b).toBeCloseTo(truth.b, 9);
    expect(t.tx).toBeCloseTo(truth.tx, 9);
    expect(t.ty).toBeCloseTo(truth.ty, 9);
  });

  it('suppresses overlapping boxes, keeping the best score', () => {
    const kept = nms(
      [
        { box: { x1: 0, y1: 0, x2: 10, y2: 10 }, score: 0.7 },
        { box: { x1: 1, y1: 1, x2: 11, y2: 11 }, score: 0.9 },
        { box: { x1: 20, y1: 20, x2: 30, y2: 30 }, score: 0.8 },
      ],
      0.4,
    );
    expect(kept.map((d) => d.score)).toEqual([0.9, 0.8]);
  });
});
