/**
 * The face engine under Deno (onnxruntime-node and sharp are N-API addons):
 *   node_modules/.bin/deno run --allow-read --allow-env --allow-ffi --allow-sys api/src/modules/ekyc/face/deno-smoke.ts
 * Analyses a card portrait and a photo of the same person from ../shared/fixtures/faces; exit 0 when they match.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ROOT_DIR } from '../../../config.ts';
import { closeFaceEngines, faceEngineOptions, loadFaceEngine } from './index.ts';

const faces = path.resolve(ROOT_DIR, '..', 'shared', 'fixtures', 'faces');
const engine = await loadFaceEngine(
  faceEngineOptions(loadConfig({ FACE_MODELS_DIR: process.env.FACE_MODELS_DIR })),
);
const v = await engine.verify(
  fs.readFileSync(path.join(faces, 'lowres', 'lr_obama.jpg')),
  fs.readFileSync(path.join(faces, 'obama2.jpg')),
);
const bad = await engine.analyse(new Uint8Array([0xff, 0xd8, 0xff, 0x00]));
await closeFaceEngines();
console.log(
  `face engine: ${v.decision} (similarity ${v.similarity?.toFixed(3)}), junk bytes → ${bad.ok ? 'face?!' : bad.reason}`,
);
if (v.decision !== 'accept' || bad.ok) process.exit(1);
